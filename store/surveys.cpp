#include "store/surveys.hpp"

#include "store/json_column.hpp"
#include "store/versioned.hpp"

#include "guides/guide_json.hpp"
#include "store/uuid.hpp"

#include <nlohmann/json.hpp>

namespace convene::store {
namespace {

guides::Instrument parse_stored(const std::string& json, const std::string& hash) {
    auto load = guides::parse_instrument(json);
    if (!load.instrument)
        throw Error(guides::describe(load.problems, "the stored instrument " + hash.substr(0, 12)));
    return std::move(*load.instrument);
}

} // namespace

std::string import_instrument(Workspace& ws, const guides::Instrument& inst, bool bundled) {
    return import_versioned(
               ws.db(), VersionedTable::Instrument,
               {inst.id, inst.version, inst.title, guides::instrument_to_json(inst), bundled})
        .hash;
}

VersionedImport store_instrument(Workspace& ws, const guides::Instrument& inst) {
    return import_versioned(
        ws.db(), VersionedTable::Instrument,
        {inst.id, inst.version, inst.title, guides::instrument_to_json(inst), false});
}

std::vector<InstrumentRow> list_instruments(Workspace& ws) {
    std::vector<InstrumentRow> rows;
    Statement st(ws.db(),
                 "SELECT i.hash, i.instrument_id, i.version, i.title, i.bundled, i.json, "
                 "(SELECT count(*) FROM respondent r WHERE r.instrument_id = i.instrument_id "
                 "AND r.deleted_at IS NULL) FROM instrument i WHERE i.current = 1 AND "
                 "i.deleted_at IS NULL ORDER BY i.title");
    while (st.step()) {
        auto inst = parse_stored(st.text(5), st.text(0));
        rows.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.int64(4) != 0,
                        inst.items.size(), inst.constructs.size(),
                        static_cast<std::size_t>(st.int64(6))});
    }
    return rows;
}

std::optional<guides::Instrument> current_instrument(Workspace& ws,
                                                     std::string_view instrument_id) {
    Statement st(ws.db(),
                 "SELECT hash, json FROM instrument WHERE instrument_id = ?1 AND current = 1 "
                 "AND deleted_at IS NULL");
    st.bind(1, instrument_id);
    if (!st.step()) return std::nullopt;
    return parse_stored(st.text(1), st.text(0));
}

std::string answers_json(const std::map<std::string, ResponseValue>& responses) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [item, v] : responses)
        j[item] = response_json(v);
    return j.dump();
}

nlohmann::json response_json(const ResponseValue& v) {
    if (v.number) return *v.number;
    if (!v.choices.empty()) return v.choices;
    return v.text;
}

ResponseValue response_from_json(const nlohmann::json& j) {
    ResponseValue v;
    if (j.is_number())
        v.number = j.get<double>();
    else if (j.is_array())
        for (const auto& c : j)
            v.choices.push_back(c.is_string() ? c.get<std::string>() : c.dump());
    else if (j.is_string())
        v.text = j.get<std::string>();
    return v;
}

RespondentUpsert::RespondentUpsert(Database& db)
    : st_(db, "INSERT INTO respondent(uuid, instrument_id, external_id, attributes, source, "
              "answers, partial, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
              "?8, ?8) ON CONFLICT(uuid) DO UPDATE SET attributes = excluded.attributes, "
              "external_id = excluded.external_id, source = excluded.source, answers = "
              "excluded.answers, partial = excluded.partial, updated_at = "
              "excluded.updated_at, deleted_at = NULL") {}

void RespondentUpsert::write(const Row& r) {
    st_.bind(1, r.uuid).bind(2, r.instrument_id).bind(3, r.external_id);
    st_.bind(4, r.attributes_json).bind(5, r.source).bind(6, r.answers_json);
    st_.bind(7, r.partial ? 1 : 0).bind(8, r.now);
    st_.run();
}

std::string save_respondent(Database& db, const std::string& instrument_id, const Respondent& r) {
    Transaction tx(db);
    std::string uuid = r.uuid;
    if (uuid.empty() && !r.external_id.empty()) {
        Statement find(db,
                       "SELECT uuid FROM respondent WHERE instrument_id = ?1 AND external_id = ?2");
        find.bind(1, instrument_id).bind(2, r.external_id);
        if (find.step()) uuid = find.text(0);
    }
    if (uuid.empty()) uuid = new_uuid();
    RespondentUpsert(db).write({uuid, instrument_id, r.external_id,
                                nlohmann::json(r.attributes).dump(), r.source,
                                answers_json(r.responses), r.partial, now_utc()});
    tx.commit();
    return uuid;
}

void trash_respondent(Database& db, const std::string& uuid) {
    Statement(db, "UPDATE respondent SET deleted_at = ?2, updated_at = ?2 WHERE uuid = ?1")
        .bind(1, uuid)
        .bind(2, now_utc())
        .run();
}

std::size_t count_respondents(Database& db, const std::string& instrument_id) {
    Statement st(db,
                 "SELECT count(*) FROM respondent WHERE instrument_id = ?1 AND deleted_at IS NULL");
    st.bind(1, instrument_id);
    st.step();
    return static_cast<std::size_t>(st.int64(0));
}

void visit_respondent_rows(Database& db, const std::string& instrument_id,
                           const std::function<void(const RespondentRow&)>& visit) {
    Statement rs(db, "SELECT uuid, external_id, attributes, source, answers, partial FROM "
                     "respondent WHERE instrument_id = ?1 AND deleted_at IS NULL ORDER BY id");
    rs.bind(1, instrument_id);
    while (rs.step()) {
        auto uuid = rs.text_view(0);
        const auto attributes =
            json_column(rs.text(2), "respondent", "attributes", uuid, JsonKind::Object);
        const auto answers =
            json_column(rs.text(4), "respondent", "answers", uuid, JsonKind::Object);
        visit({uuid, rs.text_view(1), rs.text_view(3), attributes, answers, rs.int64(5) != 0});
    }
}

void visit_respondents(Database& db, const std::string& instrument_id,
                       const std::function<void(Respondent&&)>& visit) {
    visit_respondent_rows(db, instrument_id, [&](const RespondentRow& row) {
        Respondent r;
        r.uuid = row.uuid;
        r.external_id = row.external_id;
        for (const auto& [k, v] : row.attributes.items())
            if (v.is_string()) r.attributes[k] = v.get<std::string>();
        r.source = row.source;
        for (const auto& [k, v] : row.answers.items())
            r.responses.emplace(k, response_from_json(v));
        r.partial = row.partial;
        visit(std::move(r));
    });
}

SurveyData load_survey(Workspace& ws, const std::string& instrument_id) {
    SurveyData data;
    auto inst = current_instrument(ws, instrument_id);
    if (!inst) throw Error("no instrument \"" + instrument_id + "\" in " + ws.path().string());
    data.instrument = std::move(*inst);
    visit_respondents(ws.db(), instrument_id,
                      [&](Respondent&& r) { data.respondents.push_back(std::move(r)); });
    return data;
}

} // namespace convene::store
