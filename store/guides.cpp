#include "store/guides.hpp"

#include "guides/guide_json.hpp"
#include "store/uuid.hpp"

namespace convene::store {
namespace {

guides::Guide parse_stored(const std::string& json, const std::string& hash) {
    auto load = guides::parse_guide(json);
    if (!load.guide)
        throw Error(guides::describe(load.problems, "the stored guide " + hash.substr(0, 12)));
    return std::move(*load.guide);
}

} // namespace

GuideImport import_guide(Workspace& ws, const guides::Guide& guide, bool bundled) {
    GuideImport result;
    std::string json = guides::guide_to_json(guide);
    result.hash = guides::sha256_hex(json);
    std::size_t questions = 0;
    for (const auto& a : guide.areas)
        questions += a.questions.size();
    Transaction tx(ws.db());
    Statement exists(ws.db(), "SELECT current FROM guide WHERE hash = ?1");
    exists.bind(1, result.hash);
    bool present = exists.step();
    bool already_current = present && exists.int64(0) == 1;
    exists.reset();
    if (already_current) return result; // nothing changes: roll back the empty transaction
    Statement(ws.db(), "UPDATE guide SET current = 0 WHERE guide_id = ?1 AND current = 1")
        .bind(1, guide.id)
        .run();
    if (present) {
        Statement(ws.db(), "UPDATE guide SET current = 1, deleted_at = NULL WHERE hash = ?1")
            .bind(1, result.hash)
            .run();
    } else {
        Statement(ws.db(), "INSERT INTO guide(hash, guide_id, version, title, json, bundled, "
                           "current, added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7)")
            .bind(1, result.hash)
            .bind(2, guide.id)
            .bind(3, guide.version)
            .bind(4, guide.title)
            .bind(5, json)
            .bind(6, bundled ? 1 : 0)
            .bind(7, now_utc())
            .run();
        result.added = true;
    }
    tx.commit();
    return result;
}

std::vector<GuideRow> list_guides(Workspace& ws, bool all_versions) {
    std::vector<GuideRow> rows;
    Statement st(ws.db(), std::string("SELECT hash, guide_id, version, title, added_at, bundled, "
                                      "current, json FROM guide WHERE deleted_at IS NULL") +
                              (all_versions ? "" : " AND current = 1") +
                              " ORDER BY title, guide_id, added_at");
    while (st.step()) {
        GuideRow r{st.text(0), st.text(1),       st.text(2),      st.text(3),
                   st.text(4), st.int64(5) != 0, st.int64(6) != 0};
        auto g = parse_stored(st.text(7), r.hash);
        r.groups = g.groups.size();
        r.areas = g.areas.size();
        for (const auto& a : g.areas)
            r.questions += a.questions.size();
        rows.push_back(std::move(r));
    }
    return rows;
}

std::optional<std::string> current_guide_hash(Workspace& ws, std::string_view guide_id) {
    Statement st(ws.db(), "SELECT hash FROM guide WHERE guide_id = ?1 AND current = 1 "
                          "AND deleted_at IS NULL");
    st.bind(1, guide_id);
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

std::optional<guides::Guide> current_guide(Workspace& ws, std::string_view guide_id) {
    auto hash = current_guide_hash(ws, guide_id);
    if (!hash) return std::nullopt;
    return guide_by_hash(ws, *hash);
}

std::optional<guides::Guide> guide_by_hash(Workspace& ws, std::string_view hash) {
    Statement st(ws.db(), "SELECT json FROM guide WHERE hash = ?1");
    st.bind(1, hash);
    if (!st.step()) return std::nullopt;
    return parse_stored(st.text(0), std::string(hash));
}

} // namespace convene::store
