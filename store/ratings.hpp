// Repository of the rating table: each reviewer's level and evidence note per criterion of an MC
// profile. Edits are written as changes: the level and the note are separate parts, each an
// upsert of its own column inside one transaction, so two reviewers, the app and convene-cli
// never write back each other's stale copy.
#pragma once

#include "store/sqlite.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace convene::store {

struct Rating {
    std::string uuid, profile_slug, criteria_hash, criterion_id, reviewer_uuid, reviewer_name;
    std::optional<int> level; // position in the set's levels; nullopt: only a note so far
    std::string note, updated_at;
    bool operator==(const Rating&) const = default;
};

// What one reviewer changed about one criterion of one profile.
struct RatingChange {
    std::string profile_slug, criteria_hash, criterion_id, reviewer_uuid;
    std::optional<std::optional<int>> level; // set: write it (an empty inner value clears it)
    std::optional<std::string> note;
    bool empty() const { return !level && !note; }
};

// Writes the change in one transaction, making the rating row when missing. Refuses (Error) a
// profile, set, criterion, level or reviewer that is not in the workspace (or in the trash).
void record_rating_change(Database& db, const RatingChange& change);

// The change split into its parts, keyed "rating/PROFILE/SET/CRITERION/REVIEWER/level|note", so
// an autosaver keeps the newest pending edit of each part and never drops another part.
std::vector<std::pair<std::string, RatingChange>> split_by_part(const RatingChange& change);

// Live ratings (reviewer not deleted) of one profile against one set, by criterion then
// reviewer name; and of every profile against the set.
std::vector<Rating> ratings_for_profile(Database& db, const std::string& profile_slug,
                                        const std::string& criteria_hash);
std::vector<Rating> ratings_for_set(Database& db, const std::string& criteria_hash);

} // namespace convene::store
