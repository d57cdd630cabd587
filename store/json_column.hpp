// JSON kept in a column of the workspace (answer values, flags, respondents' answers, profile
// bodies). A damaged one is reported with its table, column and row, never as a bare parse error.
#pragma once

#include "store/sqlite.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace convene::store {

// Parses text; throws Error("the answer 1a2b… has a damaged value_json column: …") when it is
// not JSON or not of the kind expected (an object or an array, when asked).
enum class JsonKind { Any, Object, Array };
nlohmann::json json_column(const std::string& text, std::string_view table, std::string_view column,
                           std::string_view row, JsonKind kind = JsonKind::Any);

} // namespace convene::store
