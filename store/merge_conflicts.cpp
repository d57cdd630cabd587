#include "store/merge_conflicts.hpp"

#include "store/merge_tables.hpp"
#include "store/uuid.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

namespace convene::store {
namespace {

MergeConflict read_conflict(Statement& st) {
    return {st.text(0), st.text(1), st.text(2), st.text(3),
            st.text(4), st.text(5), st.text(6), st.optional_text(7)};
}

constexpr const char* kColumns =
    "SELECT uuid, table_name, row_key, kept, other, source, recorded_at, resolved_at "
    "FROM merge_conflict ";

const MergeTable& table_of(const std::string& name) {
    auto tables = merge_tables();
    auto it = std::find_if(tables.begin(), tables.end(),
                           [&](const MergeTable& t) { return t.name == name; });
    if (it == tables.end()) throw Error("conflicts in table " + name + " cannot be flipped");
    return *it;
}

std::set<std::string> columns_of(Database& db, const std::string& table) {
    std::set<std::string> out;
    Statement st(db, "SELECT name FROM pragma_table_info(?1, 'main')");
    st.bind(1, table);
    while (st.step())
        out.insert(st.text(0));
    return out;
}

std::string key_expression(const MergeTable& t) {
    std::string out;
    for (char c : t.row_key)
        if (c == '{')
            out += t.name;
        else if (c != '}')
            out += c;
    return out;
}

} // namespace

std::vector<MergeConflict> list_conflicts(Database& db, bool include_resolved) {
    Statement st(db, std::string(kColumns) +
                         (include_resolved ? "" : "WHERE resolved_at IS NULL ") +
                         "ORDER BY resolved_at IS NOT NULL, recorded_at DESC, uuid");
    std::vector<MergeConflict> out;
    while (st.step())
        out.push_back(read_conflict(st));
    return out;
}

std::optional<MergeConflict> find_conflict(Database& db, const std::string& prefix) {
    if (prefix.size() < 4) return std::nullopt;
    Statement st(db, std::string(kColumns) + "WHERE uuid >= ?1 AND uuid < ?1 || 'g' LIMIT 2");
    st.bind(1, prefix);
    if (!st.step()) return std::nullopt;
    auto c = read_conflict(st);
    if (st.step()) throw Error("several conflicts start with " + prefix + ": give more of it");
    return c;
}

void flip_conflict(Database& db, const std::string& uuid) {
    Transaction tx(db);
    Statement st(db, std::string(kColumns) + "WHERE uuid = ?1");
    st.bind(1, uuid);
    if (!st.step()) throw Error("there is no conflict " + uuid);
    auto c = read_conflict(st);
    st.reset();
    const auto& t = table_of(c.table);
    auto other = nlohmann::json::parse(c.other, nullptr, false);
    if (!other.is_object()) throw Error("conflict " + uuid + " holds no readable version");
    auto known = columns_of(db, c.table);
    std::string now = now_utc();
    std::string set;
    std::vector<std::string> names;
    for (const auto& [column, value] : other.items()) {
        if (!known.contains(column)) continue; // a column this version no longer has
        names.push_back(column);
        set += (set.empty() ? "" : ", ") + column + " = json_extract(?1, '$." + column + "')";
    }
    if (!t.updated_at.empty()) {
        other[std::string(t.updated_at)] = now; // the choice is a new edit: it travels
        if (!known.contains(std::string(t.updated_at))) throw Error("bad table " + c.table);
    }
    if (set.empty()) throw Error("conflict " + uuid + " holds no columns to restore");
    Statement(db, "UPDATE " + c.table + " SET " + set + " WHERE " + key_expression(t) + " = ?2")
        .bind(1, other.dump())
        .bind(2, c.row_key)
        .run();
    if (db.changes() != 1)
        throw Error("the row of conflict " + uuid.substr(0, 8) + " is no longer there");
    Statement(db, "UPDATE OR REPLACE merge_conflict SET kept = ?2, other = ?3, resolved_at = ?4 "
                  "WHERE uuid = ?1")
        .bind(1, uuid)
        .bind(2, other.dump())
        .bind(3, c.kept)
        .bind(4, now)
        .run();
    tx.commit();
}

void keep_conflict(Database& db, const std::string& uuid) {
    Statement(db, "UPDATE merge_conflict SET resolved_at = ?2 WHERE uuid = ?1")
        .bind(1, uuid)
        .bind(2, now_utc())
        .run();
    if (db.changes() != 1) throw Error("there is no conflict " + uuid);
}

} // namespace convene::store
