// Repository of the code table: the workspace's shared, hierarchical codebook.
#pragma once

#include "guides/codebook.hpp"
#include "store/workspace.hpp"

#include <string>
#include <vector>

namespace convene::store {

struct CodeRow {
    std::string uuid, slug, parent_slug, name, description, colour;
    int depth = 0;
};
// Adds codes whose slug is new and updates the others; never deletes.
void save_codebook(Workspace& ws, const guides::Codebook& codebook);
// Codes in tree order (each parent followed by its children).
std::vector<CodeRow> list_codes(Workspace& ws);

} // namespace convene::store
