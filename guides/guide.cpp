#include "guides/guide.hpp"

#include "guides/problems.hpp"

#include <algorithm>
#include <array>

namespace convene::guides {
namespace {

constexpr std::array<std::pair<FieldType, std::string_view>, 7> kFieldTypes{{
    {FieldType::Number, "number"},
    {FieldType::Choice, "choice"},
    {FieldType::Multi, "multi"},
    {FieldType::Ynpu, "ynpu"},
    {FieldType::YesNo, "yesno"},
    {FieldType::Scale5, "scale5"},
    {FieldType::Text, "text"},
}};

} // namespace

std::string_view field_type_name(FieldType type) {
    for (auto& [t, name] : kFieldTypes)
        if (t == type) return name;
    return "text";
}

std::optional<FieldType> field_type_from_name(std::string_view name) {
    for (auto& [t, n] : kFieldTypes)
        if (n == name) return t;
    return std::nullopt;
}

std::vector<std::string> Field::allowed_values() const {
    switch (type) {
    case FieldType::Choice:
    case FieldType::Multi:
        return choices;
    case FieldType::Ynpu:
        return {"yes", "partly", "no", "unsure"};
    case FieldType::YesNo:
        return {"yes", "no"};
    case FieldType::Scale5:
        return {"1", "2", "3", "4", "5"};
    default:
        return {};
    }
}

bool Question::asked_of(std::string_view group) const {
    return std::find(groups.begin(), groups.end(), group) != groups.end();
}

std::string Question::text_for(std::string_view group) const {
    if (!asked_of(group)) return {};
    if (auto it = text.find(std::string(group)); it != text.end()) return it->second;
    if (auto it = text.find(""); it != text.end()) return it->second;
    return {};
}

bool Question::applies(const std::set<std::string>& flags) const {
    if (condition.empty()) return true;
    if (condition[0] == '!') return !flags.contains(condition.substr(1));
    return flags.contains(condition);
}

const Field* Question::field(std::string_view field_id) const {
    for (const auto& f : fields)
        if (f.id == field_id) return &f;
    return nullptr;
}

const Group* Guide::group(std::string_view group_id) const {
    for (const auto& g : groups)
        if (g.id == group_id) return &g;
    return nullptr;
}

const Question* Guide::question(std::string_view question_id) const {
    for (const auto& a : areas)
        for (const auto& q : a.questions)
            if (q.id == question_id) return &q;
    return nullptr;
}

const Area* Guide::area_of(std::string_view question_id) const {
    for (const auto& a : areas)
        for (const auto& q : a.questions)
            if (q.id == question_id) return &a;
    return nullptr;
}

std::size_t Guide::question_count(std::string_view group_id) const {
    std::size_t n = 0;
    for (const auto& a : areas)
        for (const auto& q : a.questions)
            n += q.asked_of(group_id) ? 1 : 0;
    return n;
}

std::string substitute(std::string_view text, std::string_view state, std::string_view org) {
    std::string out;
    out.reserve(text.size() + 16);
    std::size_t done = 0; // text before this is in out
    for (auto at = text.find('{'); at != std::string_view::npos; at = text.find('{', at + 1)) {
        auto rest = text.substr(at);
        std::string_view value;
        std::size_t length = 0;
        if (rest.starts_with("{state}")) {
            value = state.empty() ? std::string_view("[state]") : state;
            length = 7;
        } else if (rest.starts_with("{org}")) {
            value = org.empty() ? std::string_view("[organisation]") : org;
            length = 5;
        } else {
            continue;
        }
        out.append(text.substr(done, at - done));
        out.append(value);
        done = at + length;
        at = done - 1;
    }
    out.append(text.substr(done));
    return out;
}

std::string describe(const Problems& problems, const std::string& source) {
    std::string s = std::to_string(problems.size()) +
                    (problems.size() == 1 ? " problem in " : " problems in ") + source + ":";
    for (const auto& p : problems)
        s += "\n  " + p.to_string();
    return s;
}

} // namespace convene::guides
