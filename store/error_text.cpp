#include "store/error_text.hpp"

#include <fstream>
#include <unistd.h>

namespace convene::store {
namespace fs = std::filesystem;
namespace {

std::string process_name(const fs::path& proc_dir) {
    std::ifstream in(proc_dir / "comm");
    std::string name;
    std::getline(in, name);
    return name.empty() ? "a process" : name;
}

bool is_workspace_file(const fs::path& target, const fs::path& ws) {
    const std::string base = ws.string();
    const std::string t = target.string();
    return t == base || t == base + "-wal" || t == base + "-shm";
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
    return out;
}

} // namespace

std::vector<std::string> workspace_holders(const fs::path& workspace) {
    std::vector<std::string> holders;
    std::error_code ec;
    fs::path ws = fs::weakly_canonical(workspace, ec);
    if (ec) return holders;
    const std::string self = std::to_string(::getpid());
    // Linux lists each process's open files as links under /proc/PID/fd.
    for (const auto& proc : fs::directory_iterator("/proc", ec)) {
        std::string pid = proc.path().filename().string();
        if (pid == self || pid.find_first_not_of("0123456789") != std::string::npos) continue;
        std::error_code fd_ec;
        for (const auto& fd : fs::directory_iterator(proc.path() / "fd", fd_ec)) {
            std::error_code link_ec;
            auto target = fs::read_symlink(fd.path(), link_ec);
            if (!link_ec && is_workspace_file(target, ws)) {
                holders.push_back(process_name(proc.path()) + " (pid " + pid + ")");
                break;
            }
        }
    }
    return holders;
}

std::string user_message(const Error& e, const fs::path& workspace) {
    if (e.busy()) {
        auto holders = workspace_holders(workspace);
        std::string who = holders.empty() ? "another program" : join(holders);
        return "the workspace " + workspace.string() + " is busy: " + who +
               " kept it locked for more than 10 seconds; nothing was changed, try again";
    }
    if (e.disk_full())
        return "the disk is full: this change was not saved, and everything saved before it is "
               "safe; free some space and try again";
    if (e.read_only())
        return "the workspace " + workspace.string() +
               " cannot be written (it is open read-only); nothing was changed";
    return e.what();
}

} // namespace convene::store
