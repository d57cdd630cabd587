#include "store/mc_profiles.hpp"
#include "store/json_column.hpp"

#include "store/uuid.hpp"

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
        .bind(1, name_uuid("mc_profile", slug)) // the slug is a profile's identity everywhere
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
            .bind(1, name_uuid("mc_stack", s.id))
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
                         {"profiles", json_column(stacks.text(3), "MC stack", "profiles",
                                                  stacks.text(0), JsonKind::Array)}};
        if (!stacks.text(2).empty()) s["description"] = stacks.text(2);
        doc["stacks"].push_back(s);
    }
    Statement profiles(ws.db(), "SELECT body, slug FROM mc_profile WHERE deleted_at IS NULL "
                                "ORDER BY title");
    while (profiles.step())
        doc["profiles"].push_back(json_column(profiles.text(0), "MC profile", "body",
                                              profiles.text(1), JsonKind::Object));
    auto load = guides::parse_profiles(doc.dump());
    if (!load.library) throw Error(guides::describe(load.problems, "the stored MC profiles"));
    return std::move(*load.library);
}

} // namespace convene::store
