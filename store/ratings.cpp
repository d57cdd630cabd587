#include "store/ratings.hpp"

#include "store/criteria_sets.hpp"
#include "store/uuid.hpp"

namespace convene::store {
namespace {

void require_exists(Database& db, const char* sql, const std::string& key,
                    const std::string& what) {
    Statement st(db, sql);
    st.bind(1, key);
    if (!st.step()) throw Error(what);
}

void check(Database& db, const RatingChange& c) {
    require_exists(db, "SELECT 1 FROM mc_profile WHERE slug = ?1 AND deleted_at IS NULL",
                   c.profile_slug, "no MC profile \"" + c.profile_slug + "\"");
    require_exists(db, "SELECT 1 FROM person WHERE uuid = ?1 AND deleted_at IS NULL",
                   c.reviewer_uuid, "no reviewer " + c.reviewer_uuid);
    auto set = criteria_by_hash(db, c.criteria_hash);
    if (!set) throw Error("no criteria set " + c.criteria_hash);
    if (!set->criterion(c.criterion_id))
        throw Error("the criteria set " + set->id + " has no criterion \"" + c.criterion_id + "\"");
    if (c.level && *c.level &&
        (**c.level < 0 || static_cast<std::size_t>(**c.level) >= set->levels.size()))
        throw Error("level " + std::to_string(**c.level + 1) + " is not one of the " +
                    std::to_string(set->levels.size()) + " levels of " + set->id);
}

Rating read_rating(Statement& st) {
    Rating r{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5)};
    if (!st.is_null(6)) r.level = st.integer(6);
    r.note = st.text(7);
    r.updated_at = st.text(8);
    return r;
}

constexpr const char* kSelect =
    "SELECT r.uuid, r.profile_slug, r.criteria_hash, r.criterion_id, r.reviewer_uuid, p.name, "
    "r.level, r.note, r.updated_at FROM rating r JOIN person p ON p.uuid = r.reviewer_uuid "
    "WHERE r.deleted_at IS NULL AND p.deleted_at IS NULL AND r.criteria_hash = ?1 ";

} // namespace

void record_rating_change(Database& db, const RatingChange& c) {
    if (c.empty()) return;
    Transaction tx(db);
    check(db, c);
    std::string now = now_utc();
    Statement(db, "INSERT INTO rating(uuid, profile_slug, criteria_hash, criterion_id, "
                  "reviewer_uuid, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                  "ON CONFLICT(profile_slug, criteria_hash, criterion_id, reviewer_uuid) "
                  "DO NOTHING")
        .bind(1, new_uuid())
        .bind(2, c.profile_slug)
        .bind(3, c.criteria_hash)
        .bind(4, c.criterion_id)
        .bind(5, c.reviewer_uuid)
        .bind(6, now)
        .run();
    // Only the columns this change names: the other part stays as whoever wrote it last left it.
    const char* where = " WHERE profile_slug = ?2 AND criteria_hash = ?3 AND criterion_id = ?4 "
                        "AND reviewer_uuid = ?5";
    if (c.level) {
        Statement st(db, std::string("UPDATE rating SET level = ?1, updated_at = ?6, "
                                     "deleted_at = NULL") +
                             where);
        *c.level ? (void)st.bind(1, **c.level) : (void)st.bind_null(1);
        st.bind(2, c.profile_slug).bind(3, c.criteria_hash).bind(4, c.criterion_id);
        st.bind(5, c.reviewer_uuid).bind(6, now).run();
    }
    if (c.note)
        Statement(db, std::string("UPDATE rating SET note = ?1, updated_at = ?6, "
                                  "deleted_at = NULL") +
                          where)
            .bind(1, *c.note)
            .bind(2, c.profile_slug)
            .bind(3, c.criteria_hash)
            .bind(4, c.criterion_id)
            .bind(5, c.reviewer_uuid)
            .bind(6, now)
            .run();
    tx.commit();
}

std::vector<std::pair<std::string, RatingChange>> split_by_part(const RatingChange& c) {
    std::vector<std::pair<std::string, RatingChange>> parts;
    std::string key = "rating/" + c.profile_slug + "/" + c.criteria_hash + "/" + c.criterion_id +
                      "/" + c.reviewer_uuid + "/";
    RatingChange base{c.profile_slug, c.criteria_hash, c.criterion_id, c.reviewer_uuid};
    if (c.level) {
        RatingChange one = base;
        one.level = c.level;
        parts.emplace_back(key + "level", std::move(one));
    }
    if (c.note) {
        RatingChange one = base;
        one.note = c.note;
        parts.emplace_back(key + "note", std::move(one));
    }
    return parts;
}

std::vector<Rating> ratings_for_profile(Database& db, const std::string& profile_slug,
                                        const std::string& criteria_hash) {
    std::vector<Rating> out;
    Statement st(db, std::string(kSelect) +
                         "AND r.profile_slug = ?2 ORDER BY r.criterion_id, lower(p.name), p.uuid");
    st.bind(1, criteria_hash).bind(2, profile_slug);
    while (st.step())
        out.push_back(read_rating(st));
    return out;
}

std::vector<Rating> ratings_for_set(Database& db, const std::string& criteria_hash) {
    std::vector<Rating> out;
    Statement st(db, std::string(kSelect) +
                         "ORDER BY r.profile_slug, r.criterion_id, lower(p.name), p.uuid");
    st.bind(1, criteria_hash);
    while (st.step())
        out.push_back(read_rating(st));
    return out;
}

} // namespace convene::store
