// Values of structured answer fields: checking a JSON value against its field, and reading one
// from text as typed on the command line ("12", "yes", "cost,tracking").
#pragma once

#include "guides/guide.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace convene::guides {

// nullopt when value is acceptable for field (null always is: "not answered"), else the reason.
std::optional<std::string> check_value(const Field& field, const nlohmann::json& value);

struct ParsedValue {
    nlohmann::json value;
    std::string error; // empty on success
};
// Multi-choice values are separated by commas; an empty text clears the field.
ParsedValue parse_value(const Field& field, std::string_view text);

// For display and CSV: "12 clock hours", "yes", "cost; tracking".
std::string value_text(const Field& field, const nlohmann::json& value);

} // namespace convene::guides
