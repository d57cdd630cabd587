#include "store/backup.hpp"

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace convene::store {
namespace fs = std::filesystem;

void copy_database(Database& src, const fs::path& dest) {
    Database copy(dest.string(), OpenMode::ReadWrite);
    sqlite3_backup* b = sqlite3_backup_init(copy.handle(), "main", src.handle(), "main");
    if (!b)
        throw Error("cannot copy " + src.path() + ": " + sqlite3_errmsg(copy.handle()),
                    sqlite3_extended_errcode(copy.handle()));
    // One step: every page is read in one read transaction, so the copy is one consistent
    // state even while other connections commit (in WAL mode they never wait for it).
    int rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) throw Error("cannot copy " + src.path() + ": " + sqlite3_errstr(rc), rc);
}

namespace {

void create_empty_private(const fs::path& path) {
    int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) throw Error("cannot create " + path.string() + ": " + std::strerror(errno));
    ::close(fd);
}

void remove_with_logs(const fs::path& path) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(fs::path(path.string() + suffix), ec);
}

void sync_file(const fs::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

} // namespace

void save_copy(Database& src, const fs::path& dest) {
    std::error_code ec;
    if (fs::exists(dest, ec))
        throw Error(dest.string() + " already exists: choose a new name for the copy");
    if (fs::weakly_canonical(dest, ec) == fs::weakly_canonical(src.path(), ec))
        throw Error("the copy cannot replace the workspace itself");
    if (dest.has_parent_path() && !fs::is_directory(dest.parent_path(), ec))
        throw Error("cannot write " + dest.string() + ": the folder " +
                    dest.parent_path().string() + " does not exist");
    fs::path temp = dest;
    temp += ".part";
    remove_with_logs(temp);
    try {
        create_empty_private(temp);
        copy_database(src, temp);
        {
            // One file, no log beside it: the copy opens on its own anywhere.
            Database check(temp.string(), OpenMode::ReadWrite);
            check.exec("PRAGMA journal_mode = DELETE");
            if (query_int(check, "SELECT count(*) FROM pragma_quick_check WHERE quick_check != "
                                 "'ok'") != 0)
                throw Error("the copy at " + temp.string() + " did not pass SQLite's check");
        }
        sync_file(temp);
        fs::rename(temp, dest);
    } catch (...) {
        remove_with_logs(temp);
        throw;
    }
}

} // namespace convene::store
