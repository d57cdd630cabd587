#include "store/currency_edits.hpp"

#include "guides/text.hpp"

#include <cctype>
#include <cmath>
#include <sstream>

namespace convene::store {
namespace {

std::string hours_text(double hours) {
    std::ostringstream out;
    out << hours;
    return out.str();
}

double checked_hours(double hours) {
    if (!std::isfinite(hours) || hours <= 0)
        throw Error("clock hours must be a number above 0, not " + hours_text(hours));
    return hours;
}

std::optional<guides::CurrencyUnit> stored_unit(Database& db, const std::string& slug) {
    Statement st(db, "SELECT slug, label, clock_hours FROM currency_unit WHERE slug = ?1");
    st.bind(1, slug);
    if (!st.step()) return std::nullopt;
    return guides::CurrencyUnit{st.text(0), st.text(1), st.real(2)};
}

guides::CurrencyUnit require_unit(Database& db, const std::string& slug) {
    auto unit = stored_unit(db, slug);
    if (!unit) throw Error("there is no currency unit \"" + slug + "\"");
    return *unit;
}

// Refuses an empty label or one another unit has (ignoring case).
std::string checked_label(Database& db, const std::string& raw, const std::string& self) {
    std::string label = guides::trim(raw);
    if (label.empty()) throw Error("a currency unit needs a name");
    Statement st(db, "SELECT 1 FROM currency_unit WHERE lower(label) = lower(?1) AND slug != ?2");
    st.bind(1, label).bind(2, self);
    if (st.step()) throw Error("there is already a currency unit called \"" + label + "\"");
    return label;
}

std::string slug_of(const std::string& label) {
    std::string slug;
    for (unsigned char c : label)
        if (std::isalnum(c))
            slug += static_cast<char>(std::tolower(c));
        else if (!slug.empty() && slug.back() != '_')
            slug += '_';
    while (!slug.empty() && slug.back() == '_')
        slug.pop_back();
    return slug.empty() ? "unit" : slug;
}

struct StoredConversion {
    std::string state_name, source;
    double clock_hours = 0;
};

std::optional<StoredConversion> stored_conversion(Database& db, const std::string& state,
                                                  const std::string& unit) {
    Statement st(db, "SELECT state_name, clock_hours, source FROM currency_conversion "
                     "WHERE state = ?1 AND unit = ?2");
    st.bind(1, state).bind(2, unit);
    if (!st.step()) return std::nullopt;
    return StoredConversion{st.text(0), st.text(2), st.real(1)};
}

std::string state_name_of(Database& db, const std::string& state) {
    Statement st(db, "SELECT state_name FROM currency_conversion WHERE state = ?1 AND "
                     "state_name != '' LIMIT 1");
    st.bind(1, state);
    return st.step() ? st.text(0) : std::string();
}

void add_conversion(Database& db, const std::string& state, const ConversionChange& c) {
    if (!c.clock_hours)
        throw Error("a new conversion needs its clock hours (" + state + ", " + c.unit + ")");
    Statement(db, "INSERT INTO currency_conversion(state, state_name, unit, clock_hours, source) "
                  "VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(1, state)
        .bind(2, c.state_name ? guides::trim(*c.state_name) : state_name_of(db, state))
        .bind(3, c.unit)
        .bind(4, checked_hours(*c.clock_hours))
        .bind(5, guides::trim(c.source.value_or("")))
        .run();
}

void update_conversion(Database& db, const std::string& state, const std::string& unit,
                       const char* column, auto value) {
    Statement(db, std::string("UPDATE currency_conversion SET ") + column +
                      " = ?3 WHERE state = ?1 AND unit = ?2")
        .bind(1, state)
        .bind(2, unit)
        .bind(3, value)
        .run();
}

} // namespace

std::string checked_state(const std::string& raw) {
    std::string state = guides::trim(raw);
    bool letters = state.size() == 2 && std::isalpha(static_cast<unsigned char>(state[0])) &&
                   std::isalpha(static_cast<unsigned char>(state[1]));
    if (!letters)
        throw Error("\"" + state + "\" is not a state: write its two-letter code, like KY");
    for (auto& c : state)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return state;
}

std::string add_unit(Database& db, const std::string& label, double clock_hours,
                     const std::string& slug_wanted) {
    checked_hours(clock_hours);
    Transaction tx(db);
    std::string slug = guides::trim(slug_wanted);
    if (slug.empty()) {
        std::string base = slug_of(label);
        slug = base;
        for (int n = 2; stored_unit(db, slug); ++n)
            slug = base + "_" + std::to_string(n);
    } else if (stored_unit(db, slug)) {
        throw Error("there is already a currency unit \"" + slug + "\"");
    }
    Statement(db, "INSERT INTO currency_unit(slug, label, clock_hours) VALUES (?1, ?2, ?3)")
        .bind(1, slug)
        .bind(2, checked_label(db, label, slug))
        .bind(3, clock_hours)
        .run();
    tx.commit();
    return slug;
}

bool set_unit(Database& db, const UnitChange& change) {
    Transaction tx(db);
    auto unit = require_unit(db, change.slug);
    bool wrote = false;
    if (change.label && guides::trim(*change.label) != unit.label) {
        Statement(db, "UPDATE currency_unit SET label = ?2 WHERE slug = ?1")
            .bind(1, unit.id)
            .bind(2, checked_label(db, *change.label, unit.id))
            .run();
        wrote = true;
    }
    if (change.clock_hours && checked_hours(*change.clock_hours) != unit.clock_hours) {
        Statement(db, "UPDATE currency_unit SET clock_hours = ?2 WHERE slug = ?1")
            .bind(1, unit.id)
            .bind(2, *change.clock_hours)
            .run();
        wrote = true;
    }
    if (wrote) tx.commit(); // else rolled back: an empty commit would still raise the revision
    return wrote;
}

guides::CurrencyUnit remove_unit(Database& db, const std::string& slug) {
    Transaction tx(db);
    auto unit = require_unit(db, slug);
    Statement used(db, "SELECT group_concat(state, ', ') FROM currency_conversion WHERE unit = ?1");
    used.bind(1, slug);
    if (used.step() && !used.is_null(0))
        throw Error("\"" + unit.label + "\" is still converted in " + used.text(0) +
                    ": remove those conversions first");
    Statement(db, "DELETE FROM currency_unit WHERE slug = ?1").bind(1, slug).run();
    tx.commit();
    return unit;
}

bool set_conversion(Database& db, const ConversionChange& change) {
    std::string state = checked_state(change.state);
    if (change.clock_hours) checked_hours(*change.clock_hours);
    Transaction tx(db);
    require_unit(db, change.unit);
    auto row = stored_conversion(db, state, change.unit);
    if (!row) {
        add_conversion(db, state, change);
        tx.commit();
        return true;
    }
    bool wrote = false;
    if (change.state_name && guides::trim(*change.state_name) != row->state_name) {
        update_conversion(db, state, change.unit, "state_name", guides::trim(*change.state_name));
        wrote = true;
    }
    if (change.clock_hours && *change.clock_hours != row->clock_hours) {
        update_conversion(db, state, change.unit, "clock_hours", *change.clock_hours);
        wrote = true;
    }
    if (change.source && guides::trim(*change.source) != row->source) {
        update_conversion(db, state, change.unit, "source", guides::trim(*change.source));
        wrote = true;
    }
    if (wrote) tx.commit(); // else rolled back: an empty commit would still raise the revision
    return wrote;
}

RemovedConversion remove_conversion(Database& db, const std::string& raw_state,
                                    const std::string& unit) {
    std::string state = checked_state(raw_state);
    Transaction tx(db);
    auto row = stored_conversion(db, state, unit);
    if (!row) throw Error(state + " has no conversion for \"" + unit + "\"");
    Statement(db, "DELETE FROM currency_conversion WHERE state = ?1 AND unit = ?2")
        .bind(1, state)
        .bind(2, unit)
        .run();
    tx.commit();
    return {{state, unit, row->clock_hours, row->source}, row->state_name};
}

} // namespace convene::store
