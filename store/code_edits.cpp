#include "store/code_edits.hpp"

#include "guides/text.hpp"
#include "store/uuid.hpp"

#include <algorithm>
#include <cctype>

namespace convene::store {
namespace {

struct Code {
    std::string uuid, name, parent_uuid;
};

Code live_code(Database& db, const std::string& uuid) {
    Statement st(db, "SELECT uuid, name, coalesce(parent_uuid, ''), deleted_at IS NOT NULL "
                     "FROM code WHERE uuid = ?1");
    st.bind(1, uuid);
    if (!st.step()) throw Error("there is no code " + uuid);
    if (st.integer(3)) throw Error("the code \"" + st.text(1) + "\" is in the trash");
    return {st.text(0), st.text(1), st.text(2)};
}

// Refuses a name that is empty or already used by a sibling under parent (ignoring case).
std::string checked_name(Database& db, const std::string& raw, const std::string& parent,
                         const std::string& self = {}) {
    std::string name = guides::trim(raw);
    if (name.empty()) throw Error("a code needs a name");
    Statement st(db, "SELECT 1 FROM code WHERE deleted_at IS NULL AND lower(name) = lower(?1) "
                     "AND coalesce(parent_uuid, '') = ?2 AND uuid != ?3");
    st.bind(1, name).bind(2, parent).bind(3, self);
    if (st.step())
        throw Error("there is already a code called \"" + name + "\"" +
                    (parent.empty() ? " at the top level" : " under that parent"));
    return name;
}

// A slug for a code made in the workspace: "custom.NAME", made unique with a number.
std::string new_slug(Database& db, const std::string& name) {
    std::string base = "custom.";
    for (unsigned char c : name)
        if (std::isalnum(c))
            base += static_cast<char>(std::tolower(c));
        else if (base.back() != '_' && base.back() != '.')
            base += '_';
    for (int n = 1;; ++n) {
        std::string slug = n == 1 ? base : base + "_" + std::to_string(n);
        Statement st(db, "SELECT 1 FROM code WHERE slug = ?1");
        st.bind(1, slug);
        if (!st.step()) return slug;
    }
}

void require_parent(Database& db, const std::string& parent) {
    if (!parent.empty()) live_code(db, parent);
}

void touch(Database& db, const std::string& uuid, const char* set, const std::string& value) {
    Statement(db, std::string("UPDATE code SET ") + set + " = ?2, updated_at = ?3 WHERE uuid = ?1")
        .bind(1, uuid)
        .bind(2, value)
        .bind(3, now_utc())
        .run();
}

// The code and every code below it.
std::vector<std::string> subtree(Database& db, const std::string& uuid) {
    std::vector<std::string> out;
    Statement st(db, "WITH RECURSIVE t(uuid) AS (SELECT ?1 UNION ALL "
                     "SELECT c.uuid FROM code c JOIN t ON c.parent_uuid = t.uuid) "
                     "SELECT uuid FROM t");
    st.bind(1, uuid);
    while (st.step())
        out.push_back(st.text(0));
    return out;
}

bool is_in(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

int next_position(Database& db, const std::string& parent) {
    Statement st(db, "SELECT coalesce(max(position) + 1, 0) FROM code "
                     "WHERE coalesce(parent_uuid, '') = ?1");
    st.bind(1, parent);
    st.step();
    return st.integer(0);
}

} // namespace

bool valid_colour(const std::string& c) {
    if (c.empty()) return true;
    return c.size() == 7 && c[0] == '#' &&
           std::all_of(c.begin() + 1, c.end(), [](unsigned char x) { return std::isxdigit(x); });
}

std::string add_code(Database& db, const NewCode& code) {
    if (!valid_colour(code.colour))
        throw Error("\"" + code.colour + "\" is not a colour: write it as #RRGGBB");
    Transaction tx(db);
    require_parent(db, code.parent_uuid);
    std::string name = checked_name(db, code.name, code.parent_uuid);
    std::string uuid = new_uuid();
    Statement st(db, "INSERT INTO code(uuid, slug, parent_uuid, name, description, colour, "
                     "position, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    st.bind(1, uuid).bind(2, new_slug(db, name));
    code.parent_uuid.empty() ? (void)st.bind_null(3) : (void)st.bind(3, code.parent_uuid);
    st.bind(4, name).bind(5, guides::trim(code.description)).bind(6, code.colour);
    st.bind(7, next_position(db, code.parent_uuid)).bind(8, now_utc()).run();
    tx.commit();
    return uuid;
}

void rename_code(Database& db, const std::string& uuid, const std::string& name) {
    Transaction tx(db);
    auto code = live_code(db, uuid);
    touch(db, uuid, "name", checked_name(db, name, code.parent_uuid, uuid));
    tx.commit();
}

void describe_code(Database& db, const std::string& uuid, const std::string& description) {
    Transaction tx(db);
    live_code(db, uuid);
    touch(db, uuid, "description", guides::trim(description));
    tx.commit();
}

void set_code_colour(Database& db, const std::string& uuid, const std::string& colour) {
    if (!valid_colour(colour))
        throw Error("\"" + colour + "\" is not a colour: write it as #RRGGBB");
    Transaction tx(db);
    live_code(db, uuid);
    touch(db, uuid, "colour", colour);
    tx.commit();
}

void move_code(Database& db, const std::string& uuid, const std::string& parent) {
    Transaction tx(db);
    auto code = live_code(db, uuid);
    require_parent(db, parent);
    if (is_in(subtree(db, uuid), parent))
        throw Error("a code cannot move under itself or one of its own sub-codes");
    checked_name(db, code.name, parent, uuid);
    Statement st(db, "UPDATE code SET parent_uuid = ?2, position = ?3, updated_at = ?4 "
                     "WHERE uuid = ?1");
    st.bind(1, uuid);
    parent.empty() ? (void)st.bind_null(2) : (void)st.bind(2, parent);
    st.bind(3, next_position(db, parent)).bind(4, now_utc()).run();
    tx.commit();
}

MergeResult merge_codes(Database& db, const std::string& from, const std::string& into) {
    if (from == into) throw Error("a code cannot be merged into itself");
    Transaction tx(db);
    live_code(db, from);
    live_code(db, into);
    if (is_in(subtree(db, from), into))
        throw Error("a code cannot be merged into one of its own sub-codes: move that one first");
    std::string now = now_utc();
    MergeResult r;
    // A segment the target code already has (same coder, answer, part and range) is removed.
    Statement dup(db, R"sql(
        UPDATE segment SET deleted_at = ?3, updated_at = ?3
         WHERE code_uuid = ?1 AND deleted_at IS NULL AND EXISTS (
            SELECT 1 FROM segment o WHERE o.code_uuid = ?2 AND o.deleted_at IS NULL
               AND o.answer_uuid = segment.answer_uuid AND o.coder_uuid = segment.coder_uuid
               AND o.part = segment.part AND o.quote_uuid = segment.quote_uuid
               AND o.start_byte = segment.start_byte AND o.end_byte = segment.end_byte))sql");
    dup.bind(1, from).bind(2, into).bind(3, now).run();
    r.duplicates_removed = db.changes();
    Statement(db, "UPDATE segment SET code_uuid = ?2, updated_at = ?3 WHERE code_uuid = ?1 "
                  "AND deleted_at IS NULL")
        .bind(1, from)
        .bind(2, into)
        .bind(3, now)
        .run();
    r.segments_moved = db.changes();
    for (const auto& child : subtree(db, from)) {
        if (child == from) continue;
        Statement parent(db, "SELECT parent_uuid = ?2 AND deleted_at IS NULL FROM code "
                             "WHERE uuid = ?1");
        parent.bind(1, child).bind(2, from);
        if (!parent.step() || !parent.integer(0)) continue;
        Statement(db, "UPDATE code SET parent_uuid = ?2, updated_at = ?3 WHERE uuid = ?1")
            .bind(1, child)
            .bind(2, into)
            .bind(3, now)
            .run();
        ++r.children_moved;
    }
    Statement(db, "UPDATE code SET deleted_at = ?2, updated_at = ?2 WHERE uuid = ?1")
        .bind(1, from)
        .bind(2, now)
        .run();
    tx.commit();
    return r;
}

int delete_code(Database& db, const std::string& uuid) {
    Transaction tx(db);
    live_code(db, uuid);
    std::string now = now_utc();
    int n = 0;
    for (const auto& c : subtree(db, uuid)) {
        Statement(db, "UPDATE code SET deleted_at = ?2, updated_at = ?2 WHERE uuid = ?1 AND "
                      "deleted_at IS NULL")
            .bind(1, c)
            .bind(2, now)
            .run();
        n += db.changes();
    }
    tx.commit();
    return n;
}

int restore_code(Database& db, const std::string& uuid) {
    Transaction tx(db);
    Statement st(db, "SELECT deleted_at FROM code WHERE uuid = ?1");
    st.bind(1, uuid);
    if (!st.step()) throw Error("there is no code " + uuid);
    auto deleted_at = st.optional_text(0);
    if (!deleted_at) throw Error("that code is not in the trash");
    int n = 0;
    // Sub-codes deleted with it (same moment) come back with it.
    for (const auto& c : subtree(db, uuid)) {
        Statement(db, "UPDATE code SET deleted_at = NULL WHERE uuid = ?1 AND deleted_at = ?2")
            .bind(1, c)
            .bind(2, *deleted_at)
            .run();
        n += db.changes();
    }
    // Parents in the trash come back too, or the code would have nowhere to show.
    Statement up(db, "WITH RECURSIVE a(uuid) AS (SELECT parent_uuid FROM code WHERE uuid = ?1 "
                     "UNION ALL SELECT c.parent_uuid FROM code c JOIN a ON c.uuid = a.uuid "
                     "WHERE c.parent_uuid IS NOT NULL) "
                     "UPDATE code SET deleted_at = NULL WHERE deleted_at IS NOT NULL AND "
                     "uuid IN (SELECT uuid FROM a)");
    up.bind(1, uuid).run();
    n += db.changes();
    tx.commit();
    return n;
}

std::vector<CodeRow> list_trashed_codes(Database& db) {
    std::vector<CodeRow> rows;
    Statement st(db, "SELECT c.uuid, c.slug, coalesce(p.slug, ''), c.name, c.description, "
                     "c.colour, coalesce(c.parent_uuid, ''), c.deleted_at FROM code c "
                     "LEFT JOIN code p ON p.uuid = c.parent_uuid WHERE c.deleted_at IS NOT NULL "
                     "ORDER BY c.deleted_at DESC, c.name");
    while (st.step())
        rows.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), 0,
                        st.text(6), st.text(3), st.text(7)});
    return rows;
}

std::optional<CodeRow> find_code(Database& db, const std::string& raw, bool in_trash) {
    std::string key = guides::lower_ascii(guides::trim(raw));
    if (key.empty()) return std::nullopt;
    auto rows = in_trash ? list_trashed_codes(db) : list_codes(db);
    std::vector<CodeRow> found;
    auto collect = [&](auto match) {
        for (const auto& r : rows)
            if (match(r)) found.push_back(r);
        return !found.empty();
    };
    auto low = [](const std::string& s) { return guides::lower_ascii(s); };
    auto path_key = [&](const CodeRow& r) {
        std::string p;
        for (char c : low(r.path))
            if (c != ' ') p += c;
        return p;
    };
    std::string spaceless;
    for (char c : key)
        if (c != ' ') spaceless += c;
    bool any =
        collect([&](const CodeRow& r) { return r.uuid == key || low(r.slug) == key; }) ||
        collect([&](const CodeRow& r) { return low(r.name) == key; }) ||
        collect([&](const CodeRow& r) { return path_key(r) == spaceless; }) ||
        (key.size() >= 4 && collect([&](const CodeRow& r) { return r.uuid.starts_with(key); }));
    if (!any) return std::nullopt;
    if (found.size() > 1)
        throw Error("\"" + guides::trim(raw) + "\" could be " +
                    guides::join_by(
                        found, [](const CodeRow& r) { return "\"" + r.path + "\""; }, " or ") +
                    ": give its path (Parent/Child) or uuid");
    return found[0];
}

} // namespace convene::store
