#include "store/paths.hpp"

#include <cerrno>
#include <cstdlib>
#include <sys/stat.h>
#include <system_error>

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

std::filesystem::path documents_dir() {
    if (const char* v = std::getenv("XDG_DOCUMENTS_DIR"); v && *v) return std::filesystem::path(v);
    const char* home = std::getenv("HOME");
    std::filesystem::path h(home && *home ? home : ".");
    std::error_code ec;
    if (std::filesystem::is_directory(h / "Documents", ec)) return h / "Documents";
    return h;
}

void create_private_directories(const std::filesystem::path& folder) {
    if (folder.empty() || std::filesystem::is_directory(folder)) return;
    if (folder.has_parent_path() && folder.parent_path() != folder)
        create_private_directories(folder.parent_path());
    if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST)
        throw std::filesystem::filesystem_error("cannot create folder", folder,
                                                std::error_code(errno, std::generic_category()));
}

} // namespace convene::store
