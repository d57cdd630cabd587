// Repository of the guide table: every version of every guide, kept by content hash so a
// conversation can always find the exact guide it was run with.
#pragma once

#include "guides/guide.hpp"
#include "store/versioned.hpp"
#include "store/workspace.hpp"

#include <optional>
#include <string>
#include <vector>

namespace convene::store {

struct GuideRow {
    std::string hash, guide_id, version, title, added_at;
    bool bundled = false;
    bool current = false;
    std::size_t groups = 0, areas = 0, questions = 0;
};

// The hash, and whether this exact content was new.
using GuideImport = VersionedImport;

// Stores the guide (if its content is new) and makes it the current version of its id.
GuideImport import_guide(Workspace& ws, const guides::Guide& guide, bool bundled = false);
// Current versions (or all versions), by title.
std::vector<GuideRow> list_guides(Workspace& ws, bool all_versions = false);
std::optional<guides::Guide> current_guide(Workspace& ws, std::string_view guide_id);
std::optional<guides::Guide> guide_by_hash(Workspace& ws, std::string_view hash);
std::optional<guides::Guide> guide_by_hash(Database& db, std::string_view hash);
std::optional<std::string> current_guide_hash(Workspace& ws, std::string_view guide_id);

} // namespace convene::store
