#include "guides/data_dir.hpp"

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace convene::guides {

std::filesystem::path data_dir() {
    namespace fs = std::filesystem;
    std::string looked;
    auto usable = [&](const fs::path& p) {
        looked += (looked.empty() ? "" : ", ") + p.string();
        std::error_code ec;
        return fs::is_directory(p, ec);
    };
    if (const char* env = std::getenv("CONVENE_DATA_DIR"); env && *env) {
        if (usable(env)) return env;
    }
    if (usable(CONVENE_SOURCE_DATA_DIR)) return CONVENE_SOURCE_DATA_DIR;
    std::error_code ec;
    auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        auto installed = exe.parent_path().parent_path() / "share" / "convene";
        if (usable(installed)) return installed;
    }
    throw std::runtime_error("cannot find Convene's bundled data (looked in " + looked +
                             "); set CONVENE_DATA_DIR to the guides/data folder");
}

} // namespace convene::guides
