// Repository of the code table: the workspace's shared, hierarchical codebook. Editing it is in
// store/code_edits.hpp.
#pragma once

#include "guides/codebook.hpp"
#include "store/workspace.hpp"

#include <map>
#include <string>
#include <vector>

namespace convene::store {

struct CodeRow {
    std::string uuid, slug, parent_slug, name, description, colour;
    int depth = 0;
    std::string parent_uuid;
    std::string path; // "Parent / Child"
    std::string deleted_at;
};
// Adds codes whose slug is new and updates the others (keeping their uuid); never deletes.
void save_codebook(Workspace& ws, const guides::Codebook& codebook);
// Live codes in tree order (each parent followed by its children).
std::vector<CodeRow> list_codes(Database& db);
inline std::vector<CodeRow> list_codes(Workspace& ws) {
    return list_codes(ws.db());
}
// How many live segments (not in the trash, of a conversation not in the trash) each code has,
// by code uuid; codes in the trash keep theirs, to show what a restore brings back.
std::map<std::string, int> segment_counts(Database& db);

} // namespace convene::store
