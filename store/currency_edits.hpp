// Editing the currency table: units of professional-learning credit and each state's
// conversions into clock hours. Each function is one transaction, writes only the parts it is
// given that differ from what is stored, and throws Error with a sentence a person can act on.
// Summaries read the table from the store every time they run, so an edit counts at once.
#pragma once

#include "guides/currency.hpp"
#include "store/sqlite.hpp"

#include <optional>
#include <string>

namespace convene::store {

// Adds a unit worth clock_hours clock hours; its slug is made from the label when none is given.
// Refuses an empty label, a label or slug another unit has, and hours that are not above 0.
// Returns the slug.
std::string add_unit(Database& db, const std::string& label, double clock_hours,
                     const std::string& slug = {});

// The parts of a unit to change; the others stay as stored.
struct UnitChange {
    std::string slug;
    std::optional<std::string> label;
    std::optional<double> clock_hours;
};
// Returns true when something was written (false when the unit already read so).
bool set_unit(Database& db, const UnitChange& change);
// Removes a unit no conversion uses (refused otherwise); returns it, to put back with add_unit.
guides::CurrencyUnit remove_unit(Database& db, const std::string& slug);

// One state's conversion of one unit. A row that does not exist yet is added (clock_hours
// required; the state name defaults to the one the state's other rows have); an existing one
// changes only the parts given.
struct ConversionChange {
    std::string state, unit;
    std::optional<std::string> state_name;
    std::optional<double> clock_hours;
    std::optional<std::string> source;
};
// Returns true when something was written. The state is a two-letter code ("ky" is read "KY").
bool set_conversion(Database& db, const ConversionChange& change);

// What remove_conversion took away, enough to put it back with set_conversion.
struct RemovedConversion {
    guides::Conversion conversion;
    std::string state_name;
    ConversionChange restore() const {
        return {conversion.state, conversion.unit, state_name, conversion.clock_hours,
                conversion.source};
    }
};
RemovedConversion remove_conversion(Database& db, const std::string& state,
                                    const std::string& unit);

// A state code as stored ("ky " -> "KY"); Error unless it is two letters.
std::string checked_state(const std::string& state);

} // namespace convene::store
