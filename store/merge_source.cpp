#include "store/merge_source.hpp"

#include "store/backup.hpp"
#include "store/uuid.hpp"
#include "store/workspace.hpp"

#include <fcntl.h>
#include <unistd.h>

namespace convene::store {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void refuse(const fs::path& path, const std::string& why) {
    throw RefusedError(path.string() + " " + why);
}

// The copy, its logs, and the backup Workspace made of it if it upgraded an older format.
void remove_copy(const fs::path& path) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(fs::path(path.string() + suffix), ec);
    for (int v = 1; v <= latest_schema_version(); ++v)
        fs::remove(fs::path(path.string() + ".v" + std::to_string(v) + ".bak"), ec);
}

void check_other(Database& workspace, const fs::path& other) {
    std::error_code ec;
    if (!fs::exists(other, ec)) refuse(other, "does not exist");
    if (fs::is_regular_file(other, ec) && fs::file_size(other, ec) == 0)
        refuse(other, "is empty: there is nothing to merge");
    if (fs::equivalent(other, workspace.path(), ec))
        refuse(other, "is this workspace itself: choose another workspace to merge");
    // A writer holding the file's exclusive lock: say so after a second, not the usual ten.
    try {
        Database probe(other.string(), OpenMode::ReadOnly);
        probe.set_busy_timeout_ms(1000);
        query_int(probe, "PRAGMA user_version");
    } catch (const Error& e) {
        if (e.busy()) refuse(other, "is locked by another program: try again once it is closed");
        // Anything else is explained by the checks below.
    }
    try {
        check_workspace_file(other, latest_schema_version());
    } catch (const RefusedError&) {
        throw;
    } catch (const Error& e) {
        if (e.busy()) refuse(other, "is locked by another program: try again once it is closed");
        throw;
    }
}

// The copy, made through a connection that only reads and never checkpoints.
void copy_other(const fs::path& other, const fs::path& copy) {
    int fd = ::open(copy.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) throw Error("cannot create a temporary copy at " + copy.string());
    ::close(fd);
    try {
        Database source(other.string(), OpenMode::ReadOnly);
        copy_database(source, copy);
    } catch (const Error& e) {
        if (e.busy()) refuse(other, "is locked by another program: try again once it is closed");
        refuse(other, std::string("cannot be read: ") + e.what());
    }
}

} // namespace

MergeSource::MergeSource(Database& workspace, const fs::path& other) : db_(workspace) {
    check_other(workspace, other);
    copy_ = fs::temp_directory_path() / ("convene-merge-" + new_uuid() + ".db");
    try {
        copy_other(other, copy_);
        // Brings an older workspace to this version's format (on the copy only).
        { Workspace upgraded(copy_); }
        Statement(db_, "ATTACH ?1 AS other").bind(1, copy_.string()).run();
        attached_ = true;
    } catch (...) {
        remove_copy(copy_);
        throw;
    }
}

MergeSource::~MergeSource() {
    try {
        if (attached_) db_.exec("DETACH other");
    } catch (...) {
        // The connection keeps the copy attached; it is removed below all the same.
    }
    remove_copy(copy_);
}

} // namespace convene::store
