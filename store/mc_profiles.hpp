// Repository of the mc_profile and mc_stack tables: the micro-credential profiles a facilitator
// shows, and the stacks they belong to.
#pragma once

#include "guides/profiles.hpp"
#include "store/workspace.hpp"

namespace convene::store {

// Adds or replaces (by id/slug) every stack and profile of the library.
void save_profiles(Workspace& ws, const guides::ProfileLibrary& library);
void save_profile(Workspace& ws, const guides::Profile& profile);
// Writes the fields in which edited differs from base (the profile as the editor loaded it)
// onto the stored profile, in one transaction: another writer's edits to other fields stay.
void save_profile_changes(Workspace& ws, const guides::Profile& base,
                          const guides::Profile& edited);
guides::ProfileLibrary load_profiles(Workspace& ws);

} // namespace convene::store
