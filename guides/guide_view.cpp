#include "guides/guide_view.hpp"

#include <algorithm>

namespace convene::guides {

std::string condition_label(const Guide& guide, const std::string& condition) {
    if (condition.empty()) return {};
    bool negated = condition[0] == '!';
    std::string flag = negated ? condition.substr(1) : condition;
    std::string label = flag;
    for (const auto& c : guide.conditions)
        if (c.id == flag) label = c.label;
    return (negated ? "Only when not: " : "Only when: ") + label;
}

std::vector<AreaView> view_for_group(const Guide& guide, std::string_view group,
                                     std::string_view state, std::string_view org) {
    std::vector<AreaView> areas;
    for (const auto& a : guide.areas) {
        AreaView av{&a, {}};
        for (const auto& q : a.questions) {
            if (!q.asked_of(group)) continue;
            QuestionView qv{&q,
                            substitute(q.text_for(group), state, org),
                            {},
                            condition_label(guide, q.condition)};
            for (const auto& p : q.probes) {
                if (!p.groups.empty() &&
                    std::find(p.groups.begin(), p.groups.end(), group) == p.groups.end())
                    continue;
                qv.probes.push_back({substitute(p.text, state, org), p.optional});
            }
            av.questions.push_back(std::move(qv));
        }
        if (!av.questions.empty()) areas.push_back(std::move(av));
    }
    return areas;
}

} // namespace convene::guides
