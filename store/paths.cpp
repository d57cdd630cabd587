#include "store/paths.hpp"

#include <cstdlib>

namespace convene::store {
namespace {

std::filesystem::path xdg_dir(const char* variable, const char* fallback_under_home) {
    if (const char* v = std::getenv(variable); v && *v) return std::filesystem::path(v);
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / fallback_under_home;
}

} // namespace

std::filesystem::path default_workspace_path() {
    return xdg_dir("XDG_DATA_HOME", ".local/share") / "convene" / "convene.db";
}

std::filesystem::path config_dir() {
    return xdg_dir("XDG_CONFIG_HOME", ".config") / "convene";
}

} // namespace convene::store
