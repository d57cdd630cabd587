// Survey instruments (see FORMAT.md): named Likert rating scales, items of five types, constructs
// (groups of Likert items scored together, "subscales" in survey research) and respondent
// attributes used to split respondents into groups. Loading validates everything and reports every
// problem with its path; saving writes a canonical form, so load(save(x)) == x.
#pragma once

#include "guides/guide.hpp" // Source
#include "guides/problems.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace convene::guides {

inline constexpr int kInstrumentSchema = 1;

enum class ItemType { Likert, Choice, Multi, Number, Text };

std::string_view item_type_name(ItemType type);
std::optional<ItemType> item_type_from_name(std::string_view name);

// A rating scale: labels[0] has the value 1, labels[n-1] the value n.
struct RatingScale {
    std::string id;
    std::vector<std::string> labels;
    bool operator==(const RatingScale&) const = default;

    int points() const { return static_cast<int>(labels.size()); }
    // The value (1..n) of a label, compared case-insensitively with surrounding white space
    // ignored: "  strongly AGREE " -> 5 on a five-point agreement scale. nullopt if no label fits.
    std::optional<int> value_of(std::string_view label) const;
    // The label of a value 1..n; "" when out of range.
    std::string label_of(int value) const;
};

struct Item {
    std::string id;
    std::string text;
    ItemType type = ItemType::Likert;
    std::string scale;                // likert: a RatingScale id
    bool reverse = false;             // likert: scored n+1-v
    std::vector<std::string> choices; // choice, multi
    std::optional<double> min, max;   // number
    std::string unit;                 // number
    bool operator==(const Item&) const = default;
};

struct Construct {
    std::string id;
    std::string label;
    std::vector<std::string> items; // item ids, in order; Likert items sharing one scale
    bool operator==(const Construct&) const = default;
};

// A respondent attribute such as years of experience; each respondent has one of its choices.
struct Attribute {
    std::string id;
    std::string label; // how results name it: "Years of experience"
    std::vector<std::string> choices;
    std::string question; // optional: how a respondent is asked, "How many years have you taught?"
    bool operator==(const Attribute&) const = default;
};

struct Instrument {
    int schema = kInstrumentSchema;
    std::string id;
    std::string version;
    std::string title;
    std::string description;
    Source source; // optional: empty title means none
    std::vector<RatingScale> scales;
    std::vector<Construct> constructs;
    std::vector<Item> items;
    std::vector<Attribute> attributes;
    bool operator==(const Instrument&) const = default;

    const RatingScale* scale(std::string_view id) const;
    const Item* item(std::string_view id) const;
    const Construct* construct(std::string_view id) const;
    const Attribute* attribute(std::string_view id) const;
    // The construct listing an item, nullptr if none does.
    const Construct* construct_of(std::string_view item_id) const;
    // The rating scale of a Likert item; nullptr for other items or unknown ids.
    const RatingScale* scale_of(std::string_view item_id) const;

    // The score of a raw Likert answer 1..n: the value itself, or n+1-value for a reverse item.
    // nullopt when the item is not a Likert item of this instrument or the value is out of range.
    std::optional<int> score(std::string_view item_id, int value) const;
    // The raw value (1..n) of an answer given as a label of the item's scale (see value_of).
    std::optional<int> likert_value(std::string_view item_id, std::string_view label) const;
};

// Score of a raw answer on a scale: value, or n+1-value when reverse; nullopt when not in 1..n.
std::optional<int> likert_score(const RatingScale& scale, bool reverse, int value);

// A choice of a multi-choice item that rules out the others: "None", "None of these", "None of
// the above", "Not applicable", "N/A" (case and surrounding spaces ignored).
bool is_none_choice(std::string_view label);
// A choice that asks for words of the respondent's own: "Other", "Other (please specify)". The
// answer keeps the choice and the words: "Other: coaching cycles".
bool is_other_choice(std::string_view label);
// True when a stored answer is that choice: the label itself, or for "Other" the label followed
// by ": " and the respondent's words.
bool answer_is_choice(std::string_view answer, std::string_view label);

// The question a respondent answers for an attribute: its question text, else one built from
// the label ("School level" -> "What is your school level?").
std::string attribute_question(const Attribute& attribute);

struct InstrumentLoad {
    std::optional<Instrument> instrument; // set only when there are no problems
    Problems problems;
};

InstrumentLoad parse_instrument(std::string_view json_text);
InstrumentLoad load_instrument_file(const std::filesystem::path& file);

// Canonical JSON text (2-space indent, keys in FORMAT.md order, trailing newline).
std::string instrument_to_json(const Instrument& instrument);

} // namespace convene::guides
