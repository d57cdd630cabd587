// Loads the bundled guides, MC profiles, codebook and currency table into a new workspace.
#pragma once

#include "store/workspace.hpp"

#include <filesystem>
#include <memory>

namespace convene::store {

// Seeds once per workspace (remembered in meta, so deleting a bundled guide does not bring it
// back). Throws Error naming the file and every problem if bundled data is damaged.
void seed_bundled_content(Workspace& ws, const std::filesystem::path& data_dir);

// What both front ends call: open (or create) the workspace and seed a new one.
std::unique_ptr<Workspace> open_workspace(const std::filesystem::path& path);

} // namespace convene::store
