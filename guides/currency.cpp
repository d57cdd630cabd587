#include "guides/currency.hpp"

#include "guides/json_reader.hpp"

#include <set>

namespace convene::guides {

const CurrencyUnit* CurrencyTable::unit(std::string_view unit_id) const {
    for (const auto& u : units)
        if (u.id == unit_id) return &u;
    return nullptr;
}

std::optional<double> CurrencyTable::clock_hours(std::string_view unit_id,
                                                 std::string_view state) const {
    for (const auto& c : conversions)
        if (c.unit == unit_id && c.state == state) return c.clock_hours;
    if (const auto* u = unit(unit_id)) return u->clock_hours;
    return std::nullopt;
}

CurrencyLoad parse_currency(std::string_view text) {
    CurrencyLoad out;
    auto doc = parse_json_text(text, out.problems);
    if (!doc) return out;
    JsonReader r(out.problems);
    if (!r.header(*doc, "currency", 1)) return out;
    r.object(*doc, "", {"schema", "kind", "units", "states"});
    CurrencyTable t;
    std::set<std::string> unit_ids;
    if (const json* us = r.array(*doc, "", "units", true, true)) {
        for (std::size_t i = 0; i < us->size(); ++i) {
            std::string p = JsonReader::index("units", i);
            if (!r.object((*us)[i], p, {"id", "label", "clock_hours"})) continue;
            CurrencyUnit u{r.id((*us)[i], p, "id"), r.string((*us)[i], p, "label", true),
                           r.number((*us)[i], p, "clock_hours", true).value_or(0)};
            if (u.clock_hours <= 0) r.problem(p + ".clock_hours", "must be more than 0");
            if (!unit_ids.insert(u.id).second)
                r.problem(p + ".id", "duplicate unit id \"" + u.id + "\"");
            t.units.push_back(u);
        }
    }
    if (const json* ss = r.array(*doc, "", "states", false)) {
        for (std::size_t i = 0; i < ss->size(); ++i) {
            std::string p = JsonReader::index("states", i);
            const json& sj = (*ss)[i];
            if (!r.object(sj, p, {"state", "name", "conversions"})) continue;
            auto code = r.string(sj, p, "state", true);
            if (code.size() != 2) r.problem(p + ".state", "expected a two-letter state code");
            t.states.emplace_back(code, r.string(sj, p, "name", true));
            if (const json* cs = r.array(sj, p, "conversions", false)) {
                for (std::size_t k = 0; k < cs->size(); ++k) {
                    std::string cp = JsonReader::index(p + ".conversions", k);
                    if (!r.object((*cs)[k], cp, {"unit", "clock_hours", "source"})) continue;
                    Conversion c{code, r.string((*cs)[k], cp, "unit", true),
                                 r.number((*cs)[k], cp, "clock_hours", true).value_or(0),
                                 r.string((*cs)[k], cp, "source", true)};
                    if (!c.unit.empty() && !unit_ids.contains(c.unit))
                        r.problem(cp + ".unit", "unknown unit \"" + c.unit + "\"");
                    if (c.clock_hours <= 0) r.problem(cp + ".clock_hours", "must be more than 0");
                    t.conversions.push_back(c);
                }
            }
        }
    }
    if (out.problems.empty()) out.table = std::move(t);
    return out;
}

} // namespace convene::guides
