#include "store/library.hpp"

#include "store/uuid.hpp"

#include <map>
#include <nlohmann/json.hpp>

namespace convene::store {
namespace {

nlohmann::json profile_body(const guides::Profile& p) {
    guides::ProfileLibrary one;
    one.profiles.push_back(p);
    return nlohmann::json::parse(guides::profiles_to_json(one))["profiles"][0];
}

void write_profile_body(Workspace& ws, const std::string& slug, const nlohmann::json& body) {
    Statement(ws.db(), "INSERT INTO mc_profile(uuid, slug, title, body, updated_at) "
                       "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(slug) DO UPDATE SET "
                       "title = excluded.title, body = excluded.body, "
                       "updated_at = excluded.updated_at, deleted_at = NULL")
        .bind(1, new_uuid())
        .bind(2, slug)
        .bind(3, body.value("title", std::string()))
        .bind(4, body.dump())
        .bind(5, now_utc())
        .run();
}

void upsert_profile(Workspace& ws, const guides::Profile& p) {
    write_profile_body(ws, p.id, profile_body(p));
}

} // namespace

void save_profile(Workspace& ws, const guides::Profile& profile) {
    Transaction tx(ws.db());
    upsert_profile(ws, profile);
    tx.commit();
}

void save_profile_changes(Workspace& ws, const guides::Profile& base,
                          const guides::Profile& edited) {
    Transaction tx(ws.db());
    auto before = profile_body(base), after = profile_body(edited);
    Statement st(ws.db(), "SELECT body FROM mc_profile WHERE slug = ?1");
    st.bind(1, edited.id);
    auto current = st.step() ? nlohmann::json::parse(st.text(0), nullptr, false) : before;
    if (!current.is_object()) current = before;
    st.reset();
    // Only the fields this editor changed; another writer's edits to the others stay.
    for (const auto& [key, value] : after.items())
        if (!before.contains(key) || before[key] != value) current[key] = value;
    for (const auto& [key, value] : before.items())
        if (!after.contains(key)) current.erase(key);
    write_profile_body(ws, edited.id, current);
    tx.commit();
}

void save_profiles(Workspace& ws, const guides::ProfileLibrary& lib) {
    Transaction tx(ws.db());
    for (const auto& s : lib.stacks) {
        Statement(ws.db(), "INSERT INTO mc_stack(uuid, slug, title, description, profiles, "
                           "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(slug) DO "
                           "UPDATE SET title = excluded.title, description = excluded.description, "
                           "profiles = excluded.profiles, updated_at = excluded.updated_at")
            .bind(1, new_uuid())
            .bind(2, s.id)
            .bind(3, s.title)
            .bind(4, s.description)
            .bind(5, nlohmann::json(s.profiles).dump())
            .bind(6, now_utc())
            .run();
    }
    for (const auto& p : lib.profiles)
        upsert_profile(ws, p);
    tx.commit();
}

guides::ProfileLibrary load_profiles(Workspace& ws) {
    // Re-assemble a profiles document and run it through the same validating parser.
    nlohmann::json doc{{"schema", 1},
                       {"kind", "profiles"},
                       {"stacks", nlohmann::json::array()},
                       {"profiles", nlohmann::json::array()}};
    Statement stacks(ws.db(), "SELECT slug, title, description, profiles FROM mc_stack "
                              "WHERE deleted_at IS NULL ORDER BY title");
    while (stacks.step()) {
        nlohmann::json s{{"id", stacks.text(0)},
                         {"title", stacks.text(1)},
                         {"profiles", nlohmann::json::parse(stacks.text(3))}};
        if (!stacks.text(2).empty()) s["description"] = stacks.text(2);
        doc["stacks"].push_back(s);
    }
    Statement profiles(ws.db(), "SELECT body FROM mc_profile WHERE deleted_at IS NULL "
                                "ORDER BY title");
    while (profiles.step())
        doc["profiles"].push_back(nlohmann::json::parse(profiles.text(0)));
    auto load = guides::parse_profiles(doc.dump());
    if (!load.library) throw Error(guides::describe(load.problems, "the stored MC profiles"));
    return std::move(*load.library);
}

void save_codebook(Workspace& ws, const guides::Codebook& book) {
    Transaction tx(ws.db());
    std::map<std::string, std::string> uuid_of;
    Statement existing(ws.db(), "SELECT slug, uuid FROM code");
    while (existing.step())
        uuid_of[existing.text(0)] = existing.text(1);
    int position = 0;
    for (const auto& c : book.codes) {
        auto [it, added] = uuid_of.try_emplace(c.id, new_uuid());
        Statement st(ws.db(),
                     "INSERT INTO code(uuid, slug, parent_uuid, name, description, "
                     "colour, position, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                     "ON CONFLICT(slug) DO UPDATE SET parent_uuid = excluded.parent_uuid, "
                     "name = excluded.name, description = excluded.description, "
                     "colour = excluded.colour, position = excluded.position, "
                     "updated_at = excluded.updated_at");
        st.bind(1, it->second).bind(2, c.id);
        if (c.parent.empty())
            st.bind_null(3);
        else
            st.bind(3, uuid_of.at(c.parent));
        st.bind(4, c.name).bind(5, c.description).bind(6, c.colour).bind(7, position++);
        st.bind(8, now_utc()).run();
    }
    tx.commit();
}

std::vector<CodeRow> list_codes(Workspace& ws) {
    std::vector<CodeRow> rows;
    Statement st(ws.db(), R"sql(
        WITH RECURSIVE tree(uuid, depth, sort) AS (
            SELECT uuid, 0, printf('%06d', position) FROM code
             WHERE parent_uuid IS NULL AND deleted_at IS NULL
            UNION ALL
            SELECT c.uuid, t.depth + 1, t.sort || '/' || printf('%06d', c.position)
              FROM code c JOIN tree t ON c.parent_uuid = t.uuid WHERE c.deleted_at IS NULL)
        SELECT c.uuid, c.slug, coalesce(p.slug, ''), c.name, c.description, c.colour, t.depth
          FROM tree t JOIN code c ON c.uuid = t.uuid LEFT JOIN code p ON p.uuid = c.parent_uuid
         ORDER BY t.sort)sql");
    while (st.step())
        rows.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5),
                        st.integer(6)});
    return rows;
}

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
    guides::CurrencyTable t;
    Statement units(ws.db(), "SELECT slug, label, clock_hours FROM currency_unit ORDER BY rowid");
    while (units.step())
        t.units.push_back({units.text(0), units.text(1), units.real(2)});
    Statement conv(ws.db(), "SELECT state, state_name, unit, clock_hours, source "
                            "FROM currency_conversion ORDER BY state, rowid");
    while (conv.step()) {
        if (t.states.empty() || t.states.back().first != conv.text(0))
            t.states.emplace_back(conv.text(0), conv.text(1));
        t.conversions.push_back({conv.text(0), conv.text(2), conv.real(3), conv.text(4)});
    }
    return t;
}

} // namespace convene::store
