// The instrument editor's changes, one at a time (Surveys > Edit): items of every type added with a
// readable id made from their text, removed and moved; an item's rating scale chosen, from the
// instrument's scales or a common label family; constructs and respondent attributes added and
// removed. Pure functions over an instrument: the GUI's editor and the tests call them. They keep
// ids unique and references whole; what only a finished instrument must satisfy (a construct with
// items, choices that are not empty) is left to the validating loader when it is saved.
#pragma once

#include "guides/instrument.hpp"
#include "guides/likert_labels.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace convene::store {

// An id made from text (readable_id) that no item, construct or attribute of the instrument has:
// "Hours of coaching" -> "hours_of_coaching", then "hours_of_coaching_2".
std::string unused_id(const guides::Instrument& instrument, std::string_view text);

// Appends an item of `type` whose text is `text` and returns its id. A Likert item takes the
// instrument's first scale (a five-point agreement scale is added when it has none); a choice or
// multiple-choice item starts with two choices to rename.
std::string add_item(guides::Instrument& instrument, guides::ItemType type,
                     const std::string& text);
// Removes the item at `index`, and its id from any construct. False when out of range.
bool remove_item(guides::Instrument& instrument, std::size_t index);
// Moves the item at `index` by `by` places (-1 up, +1 down). False when it cannot move.
bool move_item(guides::Instrument& instrument, std::size_t index, int by);

// The rating scale of a label family as a new scale would have it (its first words per point).
guides::RatingScale family_scale(const guides::LabelFamily& family);
// Adds the scale unless one with the same labels exists; returns the id of the one used.
std::string add_scale(guides::Instrument& instrument, guides::RatingScale scale);
// Gives a Likert item another of the instrument's scales. An item in a construct whose other
// items use another scale leaves the construct. Returns why it cannot be done ("" when done).
std::string set_item_scale(guides::Instrument& instrument, const std::string& item_id,
                           const std::string& scale_id);

// Puts a Likert item in the construct `construct_id` ("" takes it out of any). Returns why it
// cannot be done ("" when done): not a Likert item, or the construct's items use another scale.
std::string set_item_construct(guides::Instrument& instrument, const std::string& item_id,
                               const std::string& construct_id);
// Adds an empty construct labelled `label` and returns its id ("" when the label is blank).
std::string add_construct(guides::Instrument& instrument, const std::string& label);
void remove_construct(guides::Instrument& instrument, const std::string& construct_id);

// Adds a respondent attribute labelled `label` with its choices and returns its id ("" when the
// label is blank).
std::string add_attribute(guides::Instrument& instrument, const std::string& label,
                          std::vector<std::string> choices);
void remove_attribute(guides::Instrument& instrument, const std::string& attribute_id);

// The version after `version`: "3" -> "4", "1.2" -> "1.3"; anything else gets ".1" added.
std::string next_version(const std::string& version);

} // namespace convene::store
