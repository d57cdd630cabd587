#include "store/merge.hpp"

#include "store/codebook.hpp"
#include "store/merge_source.hpp"
#include "store/merge_tables.hpp"
#include "store/uuid.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace convene::store {
namespace {

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : sep) + p;
    return out;
}

bool contains(const std::vector<std::string_view>& v, std::string_view s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// "{}.uuid" with the alias filled in.
std::string row_key(const MergeTable& t, const std::string& alias) {
    std::string out;
    for (char c : t.row_key) {
        if (c == '}') continue;
        if (c == '{')
            out += alias;
        else
            out += c;
    }
    return out;
}

std::string match(const std::vector<std::string_view>& key, const char* a, const char* b) {
    std::vector<std::string> parts;
    for (auto k : key)
        parts.push_back(std::string(a) + "." + std::string(k) + " = " + b + "." + std::string(k));
    return join(parts, " AND ");
}

// One table's columns as the merge sees them.
struct Columns {
    std::vector<std::string> insert;  // every column a new row is written with
    std::vector<std::string> compare; // what makes two versions differ (no key, no local state)
};

Columns columns_of(Database& db, const MergeTable& t) {
    Columns c;
    Statement st(db, "SELECT name FROM pragma_table_info(?1, 'main') ORDER BY cid");
    st.bind(1, t.name);
    while (st.step()) {
        std::string name = st.text(0);
        if (contains(t.not_copied, name)) continue;
        c.insert.push_back(name);
        if (contains(t.key, name) || contains(t.local_columns, name) || name == t.updated_at)
            continue;
        c.compare.push_back(name);
    }
    if (c.insert.empty()) throw Error("the workspace has no table " + std::string(t.name));
    return c;
}

std::string json_row(const std::vector<std::string>& cols, const std::string& alias) {
    std::vector<std::string> parts;
    for (const auto& c : cols)
        parts.push_back("'" + c + "', " + alias + "." + c);
    return "json_object(" + join(parts, ", ") + ")";
}

class Merger {
  public:
    Merger(Database& db, const MergeOptions& options, MergeReport& report)
        : db_(db), options_(options), report_(report) {}

    void run() {
        auto tables = merge_tables();
        total_steps_ = tables.size() * 3 + 2;
        unify_natural_keys(tables);
        db_.exec("INSERT OR IGNORE INTO main.tombstone SELECT * FROM other.tombstone");
        step();
        for (const auto& t : tables) {
            TableMerge tm{std::string(t.name), {}};
            Columns cols = columns_of(db_, t);
            int incoming = static_cast<int>(
                query_int(db_, "SELECT count(*) FROM other." + std::string(t.name)));
            tm.counts.removed = remove_tombstoned(t);
            step();
            tm.counts.added = add_new_rows(t, cols);
            step();
            reconcile(t, cols, tm.counts);
            step();
            tm.counts.unchanged = std::max(0, incoming - tm.counts.added - tm.counts.updated -
                                                  tm.counts.conflicts - skipped_);
            report_.total += tm.counts;
            report_.tables.push_back(std::move(tm));
        }
        db_.exec("INSERT OR IGNORE INTO main.row_version SELECT * FROM other.row_version");
        step();
    }

  private:
    void step() {
        ++done_;
        if (options_.progress && !options_.progress(done_, total_steps_))
            throw MergeCancelled("the merge was cancelled: the workspace is as it was");
    }

    // Rows created apart that are one row (an answer to the same question of the same
    // conversation): both sides take the smaller uuid, children too, so A+B equals B+A.
    void unify_natural_keys(std::span<const MergeTable> tables) {
        for (const auto& t : tables) {
            if (t.natural_key.empty()) continue;
            std::string where;
            if (!t.natural_where.empty())
                where = " AND " + row_key_like(t.natural_where, "m") + " AND " +
                        row_key_like(t.natural_where, "o");
            Statement pairs(db_, "SELECT m.uuid, o.uuid FROM main." + std::string(t.name) +
                                     " m JOIN other." + std::string(t.name) + " o ON " +
                                     match(t.natural_key, "m", "o") + " WHERE m.uuid != o.uuid" +
                                     where);
            std::vector<std::pair<std::string, std::string>> found;
            while (pairs.step())
                found.emplace_back(pairs.text(0), pairs.text(1));
            for (const auto& [ours, theirs] : found) {
                if (ours > theirs) {
                    rekey("main", t, ours, theirs);
                    ++report_.unified;
                } else {
                    rekey("other", t, theirs, ours); // only the private copy changes
                }
            }
        }
    }

    static std::string row_key_like(std::string_view expr, const std::string& alias) {
        MergeTable t;
        t.row_key = expr;
        return row_key(t, alias);
    }

    void rekey(const std::string& schema, const MergeTable& t, const std::string& from,
               const std::string& to) {
        auto update = [&](std::string_view table, std::string_view column) {
            Statement(db_, "UPDATE " + schema + "." + std::string(table) + " SET " +
                               std::string(column) + " = ?2 WHERE " + std::string(column) + " = ?1")
                .bind(1, from)
                .bind(2, to)
                .run();
        };
        update(t.name, "uuid");
        for (const auto& child : t.children)
            update(child.table, child.column);
        Statement(db_, "UPDATE OR IGNORE " + schema +
                           ".row_version SET row_key = ?2 WHERE table_name = ?3 AND row_key = ?1")
            .bind(1, from)
            .bind(2, to)
            .bind(3, t.name)
            .run();
    }

    int remove_tombstoned(const MergeTable& t) {
        skipped_ =
            static_cast<int>(query_int_bound("SELECT count(*) FROM other." + std::string(t.name) +
                                                 " o JOIN main.tombstone z ON "
                                                 "z.table_name = ?1 AND z.row_key = " +
                                                 row_key(t, "o"),
                                             t.name));
        if (query_int_bound("SELECT count(*) FROM main.tombstone WHERE table_name = ?1", t.name) ==
            0)
            return 0;
        Statement(db_, "DELETE FROM main." + std::string(t.name) + " WHERE " +
                           row_key(t, std::string(t.name)) +
                           " IN (SELECT row_key FROM main.tombstone WHERE table_name = ?1)")
            .bind(1, t.name)
            .run();
        return db_.changes();
    }

    std::int64_t query_int_bound(const std::string& sql, std::string_view value) {
        Statement st(db_, sql);
        st.bind(1, value);
        st.step();
        return st.int64(0);
    }

    int add_new_rows(const MergeTable& t, const Columns& cols) {
        std::vector<std::string> values;
        for (const auto& c : cols.insert) {
            auto o = std::find_if(t.on_insert.begin(), t.on_insert.end(),
                                  [&](const ColumnOverride& x) { return x.column == c; });
            values.push_back(o != t.on_insert.end() ? std::string(o->expression) : "o." + c);
        }
        std::string name(t.name);
        Statement(db_, "INSERT INTO main." + name + "(" + join(cols.insert, ", ") + ") SELECT " +
                           join(values, ", ") + " FROM other." + name +
                           " o WHERE NOT EXISTS (SELECT 1 FROM main." + name + " m WHERE " +
                           match(t.key, "m", "o") +
                           ") AND NOT EXISTS (SELECT 1 FROM main.tombstone z WHERE "
                           "z.table_name = ?1 AND z.row_key = " +
                           row_key(t, "o") + ")")
            .bind(1, t.name)
            .run();
        return db_.changes();
    }

    struct Difference {
        std::vector<std::string> key;
        std::string row_key, ours_at, theirs_at, ours, theirs;
        bool same_content = false;
    };

    void reconcile(const MergeTable& t, const Columns& cols, MergeCounts& counts) {
        for (const auto& d : differences(t, cols)) {
            if (t.rule != MergeRule::LaterEdit) {
                if (record_conflict(t, d.row_key, d.ours, d.theirs)) ++counts.conflicts;
                continue;
            }
            if (d.same_content) {
                // Only the time differs: both keep the later one and remember the earlier.
                if (d.theirs_at > d.ours_at) take_theirs(t, cols, d.key);
                remember(t, d.row_key, std::min(d.ours_at, d.theirs_at));
            } else if (seen(t, "main", d.row_key, d.theirs_at)) {
                // Theirs is an older version of ours: nothing to do.
            } else if (seen(t, "other", d.row_key, d.ours_at)) {
                take_theirs(t, cols, d.key); // ours is an older version of theirs
                ++counts.updated;
            } else {
                // Edited on both sides: the later edit wins (ties: the same choice both ways).
                bool theirs_wins =
                    d.theirs_at != d.ours_at ? d.theirs_at > d.ours_at : d.theirs > d.ours;
                if (theirs_wins) {
                    take_theirs(t, cols, d.key);
                    remember(t, d.row_key, d.ours_at);
                    if (record_conflict(t, d.row_key, d.theirs, d.ours)) ++counts.conflicts;
                } else {
                    remember(t, d.row_key, d.theirs_at);
                    if (record_conflict(t, d.row_key, d.ours, d.theirs)) ++counts.conflicts;
                }
            }
            if (++reconciled_ % 512 == 0) check_cancel();
        }
    }

    void check_cancel() {
        if (options_.progress && !options_.progress(done_, total_steps_))
            throw MergeCancelled("the merge was cancelled: the workspace is as it was");
    }

    std::vector<Difference> differences(const MergeTable& t, const Columns& cols) {
        std::vector<std::string> same, keys;
        for (const auto& c : cols.compare)
            same.push_back("m." + c + " IS o." + c);
        for (auto k : t.key)
            keys.push_back("m." + std::string(k));
        std::string at = t.updated_at.empty() ? "''" : std::string(t.updated_at);
        std::string content = same.empty() ? "1" : "(" + join(same, " AND ") + ")";
        std::string name(t.name);
        std::string differs = t.updated_at.empty()
                                  ? "NOT " + content
                                  : "NOT " + content + " OR m." + at + " IS NOT o." + at;
        std::vector<std::string> compared = cols.compare;
        if (!t.updated_at.empty()) compared.push_back(std::string(t.updated_at));
        Statement st(
            db_, "SELECT " + row_key(t, "m") + ", " + (t.updated_at.empty() ? "''" : "m." + at) +
                     ", " + (t.updated_at.empty() ? "''" : "o." + at) + ", " +
                     json_row(compared, "m") + ", " + json_row(compared, "o") + ", " + content +
                     ", " + join(keys, ", ") + " FROM main." + name + " m JOIN other." + name +
                     " o ON " + match(t.key, "m", "o") + " WHERE " + differs);
        std::vector<Difference> out;
        while (st.step()) {
            Difference d{{},         st.text(0), st.text(1),        st.text(2),
                         st.text(3), st.text(4), st.integer(5) != 0};
            for (std::size_t i = 0; i < t.key.size(); ++i)
                d.key.push_back(st.text(6 + static_cast<int>(i)));
            out.push_back(std::move(d));
        }
        return out;
    }

    void take_theirs(const MergeTable& t, const Columns& cols,
                     const std::vector<std::string>& key) {
        std::vector<std::string> set = cols.compare, values, where;
        if (!t.updated_at.empty()) set.push_back(std::string(t.updated_at));
        for (const auto& c : set)
            values.push_back("o." + c);
        for (std::size_t i = 0; i < t.key.size(); ++i)
            where.push_back(std::string(t.key[i]) + " = ?" + std::to_string(i + 1));
        std::string name(t.name);
        std::string w = join(where, " AND ");
        std::string ow;
        for (std::size_t i = 0; i < t.key.size(); ++i)
            ow += (i ? " AND o." : "o.") + std::string(t.key[i]) + " = ?" + std::to_string(i + 1);
        Statement st(db_, "UPDATE main." + name + " SET (" + join(set, ", ") + ") = (SELECT " +
                              join(values, ", ") + " FROM other." + name + " o WHERE " + ow +
                              ") WHERE " + w);
        for (std::size_t i = 0; i < key.size(); ++i)
            st.bind(static_cast<int>(i + 1), key[i]);
        st.run();
    }

    bool seen(const MergeTable& t, const std::string& schema, const std::string& key,
              const std::string& at) {
        Statement st(db_, "SELECT 1 FROM " + schema +
                              ".row_version WHERE table_name = ?1 AND row_key = ?2 AND "
                              "updated_at = ?3");
        st.bind(1, t.name).bind(2, key).bind(3, at);
        return st.step();
    }

    void remember(const MergeTable& t, const std::string& key, const std::string& at) {
        Statement(db_, "INSERT OR IGNORE INTO main.row_version VALUES (?1, ?2, ?3)")
            .bind(1, t.name)
            .bind(2, key)
            .bind(3, at)
            .run();
    }

    // True when the conflict is new (the same version is recorded once, however often merged).
    bool record_conflict(const MergeTable& t, const std::string& key, const std::string& kept,
                         const std::string& other) {
        Statement(db_, "INSERT OR IGNORE INTO main.merge_conflict(uuid, table_name, row_key, "
                       "kept, other, source, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
            .bind(1, new_uuid())
            .bind(2, t.name)
            .bind(3, key)
            .bind(4, kept)
            .bind(5, other)
            .bind(6, report_.other)
            .bind(7, now_utc())
            .run();
        return db_.changes() == 1;
    }

    Database& db_;
    const MergeOptions& options_;
    MergeReport& report_;
    std::size_t done_ = 0, total_steps_ = 1;
    std::size_t reconciled_ = 0;
    int skipped_ = 0; // incoming rows deleted here (or on their side) before
};

std::vector<DuplicateCode> duplicate_codes(Database& db) {
    std::map<std::string, DuplicateCode> by_path;
    for (const auto& c : list_codes(db)) {
        std::string folded;
        for (unsigned char ch : c.path)
            folded += static_cast<char>(std::tolower(ch));
        auto& d = by_path[folded];
        d.path = c.path;
        d.uuids.push_back(c.uuid);
    }
    std::vector<DuplicateCode> out;
    for (auto& [path, d] : by_path)
        if (d.uuids.size() > 1) out.push_back(std::move(d));
    return out;
}

} // namespace

MergeCounts& MergeCounts::operator+=(const MergeCounts& o) {
    added += o.added;
    updated += o.updated;
    unchanged += o.unchanged;
    conflicts += o.conflicts;
    removed += o.removed;
    return *this;
}

MergeReport merge_workspace(Workspace& ws, const std::filesystem::path& other,
                            const MergeOptions& options) {
    if (ws.read_only())
        throw Error("this workspace is open read-only (" + ws.read_only_reason() +
                    "): nothing can be merged into it");
    MergeReport report;
    report.other = other.string();
    report.dry_run = options.dry_run;
    MergeSource source(ws.db(), other);
    {
        Transaction tx(ws.db());
        // Rows arrive table by table; a code may come before its parent.
        ws.db().exec("PRAGMA defer_foreign_keys = ON");
        Merger(ws.db(), options, report).run();
        report.duplicate_codes = duplicate_codes(ws.db());
        if (!options.dry_run) tx.commit();
    }
    return report;
}

} // namespace convene::store
