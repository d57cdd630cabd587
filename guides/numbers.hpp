// The one way Convene reads a number a person typed or a file holds: field values, survey
// imports and the kiosk all use it, so "12.5", " 12.5 " and "1e3" mean the same everywhere.
#pragma once

#include <optional>
#include <string_view>

namespace convene::guides {

// The number in text (spaces and tabs around it allowed; the whole rest must be the number;
// no inf or nan), or nullopt.
std::optional<double> parse_number(std::string_view text);

} // namespace convene::guides
