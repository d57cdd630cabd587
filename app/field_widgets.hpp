// Draws a structured answer field (number, choice, multi-choice, yes/partly/no/unsure, yes/no,
// 1-5 scale, text) as the facilitator ticks it. The value is JSON: null when unanswered, a
// number, a string, or an array of strings for multi-choice.
#pragma once

#include "guides/guide.hpp"

#include <nlohmann/json.hpp>

namespace convene::app {

// Returns true when the user changed the value this frame.
bool field_input(const guides::Field& field, nlohmann::json& value);
// Every field of a question over an answer's values (field id -> value; unanswered fields are
// absent). Returns true when one changed this frame.
bool fields_input(const guides::Question& question, nlohmann::json& values);

} // namespace convene::app
