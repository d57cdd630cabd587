#include "store/currency.hpp"

#include "store/uuid.hpp"

#include <map>
#include <nlohmann/json.hpp>

namespace convene::store {
void save_currency(Workspace& ws, const guides::CurrencyTable& t) {
    Transaction tx(ws.db());
    for (const auto& u : t.units)
        Statement(ws.db(),
                  "INSERT INTO currency_unit(slug, label, clock_hours) VALUES (?1, ?2, ?3) "
                  "ON CONFLICT(slug) DO UPDATE SET label = excluded.label, "
                  "clock_hours = excluded.clock_hours")
            .bind(1, u.id)
            .bind(2, u.label)
            .bind(3, u.clock_hours)
            .run();
    std::map<std::string, std::string> names(t.states.begin(), t.states.end());
    for (const auto& c : t.conversions)
        Statement(ws.db(),
                  "INSERT INTO currency_conversion(state, state_name, unit, clock_hours, "
                  "source) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(state, unit) DO UPDATE "
                  "SET state_name = excluded.state_name, clock_hours = excluded.clock_hours, "
                  "source = excluded.source")
            .bind(1, c.state)
            .bind(2, names[c.state])
            .bind(3, c.unit)
            .bind(4, c.clock_hours)
            .bind(5, c.source)
            .run();
    tx.commit();
}

guides::CurrencyTable load_currency(Workspace& ws) {
    return load_currency(ws.db());
}

guides::CurrencyTable load_currency(Database& db) {
    guides::CurrencyTable t;
    Statement units(db, "SELECT slug, label, clock_hours FROM currency_unit ORDER BY rowid");
    while (units.step())
        t.units.push_back({units.text(0), units.text(1), units.real(2)});
    Statement conv(db, "SELECT state, state_name, unit, clock_hours, source "
                       "FROM currency_conversion ORDER BY state, rowid");
    while (conv.step()) {
        if (t.states.empty() || t.states.back().first != conv.text(0))
            t.states.emplace_back(conv.text(0), conv.text(1));
        t.conversions.push_back({conv.text(0), conv.text(2), conv.real(3), conv.text(4)});
    }
    return t;
}

} // namespace convene::store
