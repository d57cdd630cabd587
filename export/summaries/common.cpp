#include "export/summaries/common.hpp"

#include <algorithm>
#include <set>

namespace convene::exporting::detail {

std::vector<std::string> selected_groups(const Snapshot& s, const Selection& sel) {
    std::set<std::string> present;
    for (std::size_t i = 0; i < s.conversations.size(); ++i)
        if (sel.conversation(static_cast<int>(i))) present.insert(s.conversations[i].group);
    std::vector<std::string> out;
    for (const auto& g : s.guides)
        for (const auto& group : g.groups)
            if (present.erase(group.id) != 0) out.push_back(group.id);
    out.insert(out.end(), present.begin(), present.end());
    return out;
}

std::vector<std::string> group_labels(const Snapshot& s, const std::vector<std::string>& groups) {
    std::vector<std::string> out;
    out.reserve(groups.size());
    for (const auto& g : groups)
        out.push_back(s.group_label(g));
    return out;
}

std::vector<int> group_of_conversations(const Snapshot& s, const Selection& sel,
                                        const std::vector<std::string>& groups) {
    std::vector<int> out(s.conversations.size(), -1);
    for (std::size_t i = 0; i < s.conversations.size(); ++i) {
        if (!sel.conversation(static_cast<int>(i))) continue;
        auto it = std::find(groups.begin(), groups.end(), s.conversations[i].group);
        if (it != groups.end()) out[i] = static_cast<int>(it - groups.begin());
    }
    return out;
}

AnswerSegments segments_by_answer(const Snapshot& s) {
    AnswerSegments r;
    r.begin.assign(s.answers.size(), 0);
    r.end.assign(s.answers.size(), 0);
    for (std::size_t i = 0; i < s.segments.size();) {
        auto answer = static_cast<std::size_t>(s.segments[i].answer);
        r.begin[answer] = i;
        while (i < s.segments.size() && static_cast<std::size_t>(s.segments[i].answer) == answer)
            ++i;
        r.end[answer] = i;
    }
    return r;
}

const std::string& code_label(const Snapshot& s, int code) {
    const auto& c = s.codes[static_cast<std::size_t>(code)];
    return c.path.empty() ? c.name : c.path;
}

Column text_column(std::string id, std::string header) {
    return {std::move(id), std::move(header), ColumnType::Text, "", 0};
}

Column count_column(std::string id, std::string header, std::string unit) {
    return {std::move(id), std::move(header), ColumnType::Integer, std::move(unit), 0};
}

Cell count_cell(std::size_t n, std::vector<std::uint32_t> segments,
                std::vector<std::uint32_t> answers) {
    Cell c(n);
    c.segments = std::move(segments);
    c.answers = std::move(answers);
    return c;
}

} // namespace convene::exporting::detail
