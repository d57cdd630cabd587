// The versions a merge did not keep: listed for review, and flipped (the row takes the other
// version, as a new edit, and the version it had becomes the recorded one) or marked as seen.
// Conflicts are this workspace's review state and do not travel in merges.
#pragma once

#include "store/sqlite.hpp"

#include <optional>
#include <string>
#include <vector>

namespace convene::store {

struct MergeConflict {
    std::string uuid, table, row_key;
    std::string kept, other; // the two versions as JSON objects (column -> value)
    std::string source, recorded_at;
    std::optional<std::string> resolved_at;
};

// Unresolved first, then the most recent; with include_resolved, the resolved ones too.
std::vector<MergeConflict> list_conflicts(Database& db, bool include_resolved = false);
// The row takes the other version (its updated_at is now); kept and other swap places.
void flip_conflict(Database& db, const std::string& uuid);
// The user keeps what the merge kept.
void keep_conflict(Database& db, const std::string& uuid);
// Finds a conflict by a unique prefix of its uuid (4+ characters).
std::optional<MergeConflict> find_conflict(Database& db, const std::string& prefix);

} // namespace convene::store
