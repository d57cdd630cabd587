#include "store/respondent_changes.hpp"

#include "store/uuid.hpp"

namespace convene::store {
namespace {

nlohmann::json read_object(Database& db, const char* sql, const std::string& uuid) {
    Statement st(db, sql);
    st.bind(1, uuid);
    if (!st.step()) return nlohmann::json::object();
    auto j = nlohmann::json::parse(st.text(0), nullptr, false);
    return j.is_object() ? j : nlohmann::json::object();
}

template <typename Map, typename ToJson>
void patch(nlohmann::json& object, const Map& changes, ToJson to_json) {
    for (const auto& [key, value] : changes)
        value ? (void)(object[key] = to_json(*value)) : (void)object.erase(key);
}

} // namespace

void record_respondent_change(Database& db, const RespondentChange& c) {
    Transaction tx(db);
    std::string now = now_utc();
    Statement(db, "INSERT INTO respondent(uuid, instrument_id, source, created_at, updated_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT(uuid) DO NOTHING")
        .bind(1, c.uuid)
        .bind(2, c.instrument_id)
        .bind(3, c.source)
        .bind(4, now)
        .run();
    auto attributes = read_object(db, "SELECT attributes FROM respondent WHERE uuid = ?1", c.uuid);
    patch(attributes, c.attributes, [](const std::string& v) { return nlohmann::json(v); });
    auto answers = read_object(db, "SELECT answers FROM respondent WHERE uuid = ?1", c.uuid);
    patch(answers, c.responses, [](const ResponseValue& v) { return response_json(v); });
    Statement(db, "UPDATE respondent SET attributes = ?2, answers = ?3, updated_at = ?4 "
                  "WHERE uuid = ?1")
        .bind(1, c.uuid)
        .bind(2, attributes.dump())
        .bind(3, answers.dump())
        .bind(4, now)
        .run();
    if (c.partial)
        Statement(db, "UPDATE respondent SET partial = ?2 WHERE uuid = ?1")
            .bind(1, c.uuid)
            .bind(2, *c.partial ? 1 : 0)
            .run();
    if (c.trash)
        Statement(db, "UPDATE respondent SET deleted_at = ?2 WHERE uuid = ?1")
            .bind(1, c.uuid)
            .bind(2, now)
            .run();
    tx.commit();
}

RespondentChange diff_respondents(const std::string& instrument_id, const Respondent& before,
                                  const Respondent& after) {
    RespondentChange c{after.uuid, instrument_id, after.source};
    for (const auto& [id, value] : after.attributes)
        if (auto it = before.attributes.find(id);
            it == before.attributes.end() || it->second != value)
            c.attributes[id] = value;
    for (const auto& [id, value] : before.attributes)
        if (!after.attributes.count(id)) c.attributes[id] = std::nullopt;
    for (const auto& [id, value] : after.responses)
        if (auto it = before.responses.find(id);
            it == before.responses.end() || !(it->second == value))
            c.responses[id] = value;
    for (const auto& [id, value] : before.responses)
        if (!after.responses.count(id)) c.responses[id] = std::nullopt;
    if (before.partial != after.partial) c.partial = after.partial;
    return c;
}

std::vector<std::pair<std::string, RespondentChange>> split_by_part(const RespondentChange& c) {
    std::vector<std::pair<std::string, RespondentChange>> parts;
    for (const auto& [id, value] : c.attributes) {
        RespondentChange one{c.uuid, c.instrument_id, c.source};
        one.attributes[id] = value;
        parts.emplace_back("attribute/" + id, std::move(one));
    }
    for (const auto& [id, value] : c.responses) {
        RespondentChange one{c.uuid, c.instrument_id, c.source};
        one.responses[id] = value;
        parts.emplace_back("item/" + id, std::move(one));
    }
    if (c.partial) {
        RespondentChange one{c.uuid, c.instrument_id, c.source};
        one.partial = c.partial;
        parts.emplace_back("partial", std::move(one));
    }
    if (c.trash) {
        RespondentChange one{c.uuid, c.instrument_id, c.source};
        one.trash = true;
        parts.emplace_back("trash", std::move(one));
    }
    return parts;
}

} // namespace convene::store
