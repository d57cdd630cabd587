// Currency units (clock hours, CEUs, credit hours, state units) and per-state conversions, so
// "how many hours is one MC worth" answers can be put on one scale.
#pragma once

#include "guides/problems.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace convene::guides {

struct CurrencyUnit {
    std::string id, label;
    double clock_hours = 1; // the default worth of one unit in clock hours
    bool operator==(const CurrencyUnit&) const = default;
};

struct Conversion {
    std::string state; // two-letter code
    std::string unit;
    double clock_hours = 0;
    std::string source; // citation of the rule, or what to verify
    bool operator==(const Conversion&) const = default;
};

struct CurrencyTable {
    std::vector<CurrencyUnit> units;
    std::vector<std::pair<std::string, std::string>> states; // code, name
    std::vector<Conversion> conversions;
    const CurrencyUnit* unit(std::string_view id) const;
    // Clock hours of one unit in a state: the state's conversion if it has one, else the
    // unit's default; nullopt for an unknown unit.
    std::optional<double> clock_hours(std::string_view unit, std::string_view state) const;
};

struct CurrencyLoad {
    std::optional<CurrencyTable> table;
    Problems problems;
};

CurrencyLoad parse_currency(std::string_view json_text);

} // namespace convene::guides
