// Repository of the criteria_set table: quality criteria sets, every version kept by content
// hash (store/versioned.hpp) so a rating always finds the exact criteria it was made against.
#pragma once

#include "guides/criteria.hpp"
#include "store/versioned.hpp"
#include "store/workspace.hpp"

#include <optional>
#include <string>
#include <vector>

namespace convene::store {

struct CriteriaSetRow {
    std::string hash, criteria_id, version, title, added_at;
    bool bundled = false;
    bool current = false;
    std::size_t categories = 0, criteria = 0, levels = 0;
    std::size_t ratings = 0; // live ratings made against this version
};

// What saving an edited set did: nothing when problems is not empty.
struct CriteriaSave {
    guides::Problems problems; // with JSON paths, as `criteria validate` reports them
    VersionedImport stored;
    std::string version; // the version label stored (raised when the typed one was taken)
};

// Stores the set (if its content is new) and makes it the current version of its id.
VersionedImport import_criteria(Database& db, const guides::CriteriaSet& set, bool bundled = false);
// Stores an edited set as a new version of its id (current from then on), after the loader's
// checks (guides::check_criteria). Earlier versions and the ratings made against them stay as
// they are. A version label names one content: when another stored version of the id already
// has the label, the next free one is taken ("0.1" -> "0.2"). An unchanged set stores nothing.
CriteriaSave save_criteria_version(Database& db, guides::CriteriaSet set);
// Current versions (or every version), by title.
std::vector<CriteriaSetRow> list_criteria_sets(Database& db, bool all_versions = false);
std::optional<guides::CriteriaSet> criteria_by_hash(Database& db, std::string_view hash);
// The hash of the set named by text: the current version of an id, else a unique start of a
// hash (4+ characters). nullopt when none; Error when a hash start fits several.
std::optional<std::string> find_criteria_set(Database& db, std::string_view text);

} // namespace convene::store
