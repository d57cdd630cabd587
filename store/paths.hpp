// Where Convene keeps things by default, following the XDG base directory conventions.
#pragma once

#include <filesystem>

namespace convene::store {

// $XDG_DATA_HOME/convene/convene.db, else ~/.local/share/convene/convene.db
std::filesystem::path default_workspace_path();
// $XDG_CONFIG_HOME/convene, else ~/.config/convene (imgui.ini and settings live here)
std::filesystem::path config_dir();

// Where documents the user writes (a printed protocol) go unless they say otherwise:
// $XDG_DOCUMENTS_DIR, else ~/Documents if that folder exists, else the home folder.
std::filesystem::path documents_dir();

// Creates the folder and any missing parents readable by their owner only (0700); folders that
// already exist are left as they are. Throws std::filesystem::filesystem_error.
void create_private_directories(const std::filesystem::path& folder);

} // namespace convene::store
