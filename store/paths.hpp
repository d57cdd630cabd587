// Where Convene keeps things by default, following the XDG base directory conventions.
#pragma once

#include <filesystem>

namespace convene::store {

// $XDG_DATA_HOME/convene/convene.db, else ~/.local/share/convene/convene.db
std::filesystem::path default_workspace_path();
// $XDG_CONFIG_HOME/convene, else ~/.config/convene (imgui.ini and settings live here)
std::filesystem::path config_dir();

} // namespace convene::store
