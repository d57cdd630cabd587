#include "store/criteria_sets.hpp"

#include "guides/criteria_edits.hpp"
#include "guides/guide_json.hpp"

#include <set>

namespace convene::store {
namespace {

guides::CriteriaSet parse_stored(const std::string& json, const std::string& hash) {
    auto load = guides::parse_criteria(json);
    if (!load.set)
        throw Error(
            guides::describe(load.problems, "the stored criteria set " + hash.substr(0, 12)));
    return std::move(*load.set);
}

} // namespace

VersionedImport import_criteria(Database& db, const guides::CriteriaSet& set, bool bundled) {
    return import_versioned(
        db, VersionedTable::Criteria,
        {set.id, set.version, set.title, guides::criteria_to_json(set), bundled});
}

CriteriaSave save_criteria_version(Database& db, guides::CriteriaSet set) {
    CriteriaSave out;
    out.problems = guides::check_criteria(set).problems;
    if (!out.problems.empty()) return out;
    std::set<std::string> labels; // of the id's other stored versions
    Statement st(db, "SELECT hash, version FROM criteria_set WHERE criteria_id = ?1");
    st.bind(1, set.id);
    bool stored = false;
    std::string hash = guides::sha256_hex(guides::criteria_to_json(set));
    while (st.step()) {
        stored = stored || st.text(0) == hash;
        labels.insert(st.text(1));
    }
    if (!stored)
        while (labels.count(set.version))
            set.version = guides::next_version(set.version);
    out.version = set.version;
    out.stored = import_criteria(db, set);
    return out;
}

std::vector<CriteriaSetRow> list_criteria_sets(Database& db, bool all_versions) {
    std::vector<CriteriaSetRow> rows;
    Statement st(db, std::string("SELECT hash, criteria_id, version, title, added_at, bundled, "
                                 "current, json, (SELECT count(*) FROM rating r WHERE "
                                 "r.criteria_hash = s.hash AND r.deleted_at IS NULL) "
                                 "FROM criteria_set s WHERE deleted_at IS NULL") +
                         (all_versions ? "" : " AND current = 1") +
                         " ORDER BY title, criteria_id, added_at");
    while (st.step()) {
        CriteriaSetRow r{st.text(0), st.text(1),       st.text(2),      st.text(3),
                         st.text(4), st.int64(5) != 0, st.int64(6) != 0};
        auto set = parse_stored(st.text(7), r.hash);
        r.categories = set.categories.size();
        r.criteria = set.entries().size();
        r.levels = set.levels.size();
        r.ratings = static_cast<std::size_t>(st.int64(8));
        rows.push_back(std::move(r));
    }
    return rows;
}

std::optional<guides::CriteriaSet> criteria_by_hash(Database& db, std::string_view hash) {
    Statement st(db, "SELECT json FROM criteria_set WHERE hash = ?1");
    st.bind(1, hash);
    if (!st.step()) return std::nullopt;
    return parse_stored(st.text(0), std::string(hash));
}

std::optional<std::string> find_criteria_set(Database& db, std::string_view text) {
    Statement by_id(db, "SELECT hash FROM criteria_set WHERE criteria_id = ?1 AND current = 1 "
                        "AND deleted_at IS NULL");
    by_id.bind(1, text);
    if (by_id.step()) return by_id.text(0);
    if (text.size() < 4) return std::nullopt;
    Statement by_hash(db, "SELECT hash FROM criteria_set WHERE substr(hash, 1, length(?1)) = ?1 "
                          "LIMIT 2");
    by_hash.bind(1, text);
    if (!by_hash.step()) return std::nullopt;
    std::string hash = by_hash.text(0);
    if (by_hash.step())
        throw Error("\"" + std::string(text) + "\" starts the hashes of several criteria sets");
    return hash;
}

} // namespace convene::store
