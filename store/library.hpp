// Repositories of the library tables besides guides: MC profiles and stacks, the codebook,
// currency units and conversions.
#pragma once

#include "guides/codebook.hpp"
#include "guides/currency.hpp"
#include "guides/profiles.hpp"
#include "store/workspace.hpp"

#include <string>
#include <vector>

namespace convene::store {

// Adds or replaces (by id/slug) every stack and profile of the library.
void save_profiles(Workspace& ws, const guides::ProfileLibrary& library);
void save_profile(Workspace& ws, const guides::Profile& profile);
// Writes the fields in which edited differs from base (the profile as the editor loaded it)
// onto the stored profile, in one transaction: another writer's edits to other fields stay.
void save_profile_changes(Workspace& ws, const guides::Profile& base,
                          const guides::Profile& edited);
guides::ProfileLibrary load_profiles(Workspace& ws);

struct CodeRow {
    std::string uuid, slug, parent_slug, name, description, colour;
    int depth = 0;
};
// Adds codes whose slug is new and updates the others; never deletes.
void save_codebook(Workspace& ws, const guides::Codebook& codebook);
// Codes in tree order (each parent followed by its children).
std::vector<CodeRow> list_codes(Workspace& ws);

void save_currency(Workspace& ws, const guides::CurrencyTable& table);
guides::CurrencyTable load_currency(Workspace& ws);

} // namespace convene::store
