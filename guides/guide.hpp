// The conversation guide model: stakeholder groups, ordered question areas, questions with
// per-group wording, probes, conditions and structured answer fields (see FORMAT.md).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace convene::guides {

inline constexpr int kGuideSchema = 1;

enum class FieldType { Number, Choice, Multi, Ynpu, YesNo, Scale5, Text };

std::string_view field_type_name(FieldType type);
std::optional<FieldType> field_type_from_name(std::string_view name);

struct Field {
    std::string id;
    FieldType type = FieldType::Text;
    std::string label;
    std::string unit;                 // number
    std::optional<double> min, max;   // number
    std::vector<std::string> choices; // choice, multi
    std::string low, high;            // scale5 end labels
    bool operator==(const Field&) const = default;
    // The values a choice-like field accepts (ynpu and yesno have fixed ones).
    std::vector<std::string> allowed_values() const;
};

struct Probe {
    std::string text;
    bool optional = false;
    std::vector<std::string> groups; // empty: every group of the question
    bool operator==(const Probe&) const = default;
};

struct Question {
    std::string id;
    std::vector<std::string> groups;
    // Wording per group; a shared wording is stored under the key "" and used for every group.
    std::map<std::string, std::string> text;
    std::string cue;
    std::vector<Probe> probes;
    std::string condition; // "" none; "flag" or "!flag"
    std::vector<Field> fields;
    bool operator==(const Question&) const = default;

    bool asked_of(std::string_view group) const;
    // This group's wording (before placeholder substitution); "" if not asked of the group.
    std::string text_for(std::string_view group) const;
    // Whether the condition holds for a conversation with these flags set.
    bool applies(const std::set<std::string>& flags) const;
    const Field* field(std::string_view id) const;
};

struct Area {
    std::string id;
    std::string title;
    double minutes = 0;
    std::vector<Question> questions;
    bool operator==(const Area&) const = default;
};

struct Group {
    std::string id;
    std::string label;
    std::vector<std::string> purposes;
    bool operator==(const Group&) const = default;
};

struct Condition {
    std::string id;
    std::string label;
    bool operator==(const Condition&) const = default;
};

struct Source {
    std::string title, version, date, publisher;
    bool operator==(const Source&) const = default;
};

struct Guide {
    int schema = kGuideSchema;
    std::string id;
    std::string version;
    std::string title;
    std::string description;
    Source source;
    std::string derived_from; // id of the guide a protocol was made from, if any
    std::vector<Condition> conditions;
    std::vector<Group> groups;
    std::vector<Area> areas;
    bool operator==(const Guide&) const = default;

    const Group* group(std::string_view id) const;
    const Question* question(std::string_view id) const;
    const Area* area_of(std::string_view question_id) const;
    std::size_t question_count(std::string_view group) const;
};

// Replaces {state} and {org}; unknown placeholders are left as they are.
std::string substitute(std::string_view text, std::string_view state, std::string_view org);

} // namespace convene::guides
