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
    auto r = import_versioned(
        ws.db(), VersionedTable::Guide,
        {guide.id, guide.version, guide.title, guides::guide_to_json(guide), bundled});
    GuideImport result;
    result.hash = r.hash;
    result.added = r.added;
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
    return guide_by_hash(ws.db(), hash);
}

std::optional<guides::Guide> guide_by_hash(Database& db, std::string_view hash) {
    Statement st(db, "SELECT json FROM guide WHERE hash = ?1");
    st.bind(1, hash);
    if (!st.step()) return std::nullopt;
    return parse_stored(st.text(0), std::string(hash));
}

} // namespace convene::store
