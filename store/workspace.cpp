#include "store/workspace.hpp"

#include <sqlite3.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace convene::store {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};

std::uint32_t read_be32(const unsigned char* p) {
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) |
           std::uint32_t(p[3]);
}

std::string hex(std::uint32_t v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%08X", v);
    return buf;
}

[[noreturn]] void refuse(const fs::path& path, const std::string& why) {
    throw RefusedError(path.string() + " " + why);
}

// Creates the file (and its folder) readable by its owner only, so names stay private.
void create_private_file(const fs::path& path) {
    if (path.has_parent_path()) {
        std::error_code ec;
        fs::create_directories(path.parent_path(), ec);
        if (ec)
            throw Error("cannot create folder " + path.parent_path().string() + ": " +
                        ec.message());
    }
    int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST)
        throw Error("cannot create " + path.string() + ": " + std::strerror(errno));
    if (fd >= 0) ::close(fd);
}

int commit_hook(void* counter) {
    static_cast<std::atomic<std::uint64_t>*>(counter)->fetch_add(1);
    return 0; // let the commit proceed
}

} // namespace

void check_workspace_file(const fs::path& path, int latest_version) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) return; // a new workspace
    if (fs::is_directory(status)) refuse(path, "is a folder, not a Convene workspace file");
    if (!fs::is_regular_file(status)) refuse(path, "is not a regular file");
    std::ifstream in(path, std::ios::binary);
    if (!in) refuse(path, "cannot be read (check its permissions)");
    std::array<unsigned char, 100> header{};
    in.read(reinterpret_cast<char*>(header.data()), header.size());
    auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) return; // an empty file holds nothing to lose: it becomes a new workspace
    if (got < header.size() ||
        std::string_view(reinterpret_cast<const char*>(header.data()), 16) != kSqliteMagic)
        refuse(path, "is not a Convene workspace: it is not an SQLite database");
    std::uint32_t app_id = read_be32(&header[68]);
    std::uint32_t version = read_be32(&header[60]);
    if (app_id != static_cast<std::uint32_t>(kApplicationId))
        refuse(path, "is not a Convene workspace: it is an SQLite database of another program "
                     "(application id " +
                         hex(app_id) + ")");
    if (version > static_cast<std::uint32_t>(latest_version))
        refuse(path, "was written by a newer version of Convene (workspace format " +
                         std::to_string(version) + "; this version reads up to format " +
                         std::to_string(latest_version) + "): update Convene to open it");
}

Workspace::Workspace(const fs::path& path) : Workspace(path, schema_migrations()) {}

Workspace::Workspace(const fs::path& path, std::span<const Migration> migrations) : path_(path) {
    int latest = migrations.empty() ? 0 : migrations.back().version;
    check_workspace_file(path, latest);
    create_private_file(path);
    db_ = std::make_unique<Database>(path.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX);

    // Authoritative check through SQLite (the header may lag behind a write-ahead log).
    auto app_id = query_int(*db_, "PRAGMA application_id");
    auto version = query_int(*db_, "PRAGMA user_version");
    bool fresh =
        app_id == 0 && version == 0 && query_int(*db_, "SELECT count(*) FROM sqlite_schema") == 0;
    if (!fresh && app_id != kApplicationId)
        refuse(path, "is not a Convene workspace: it is an SQLite database of another program");
    if (version > latest)
        refuse(path, "was written by a newer version of Convene (workspace format " +
                         std::to_string(version) + "; this version reads up to format " +
                         std::to_string(latest) + "): update Convene to open it");

    if (fresh) {
        // Mark the file as ours first, in rollback-journal mode, so the id is in the main file.
        db_->exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    }
    db_->exec("PRAGMA journal_mode = WAL");
    db_->exec("PRAGMA synchronous = FULL"); // a committed edit survives a power cut
    db_->exec("PRAGMA foreign_keys = ON");
    migrate(migrations);
    sqlite3_commit_hook(db_->handle(), commit_hook, &revision_);
}

Workspace::~Workspace() {
    if (db_) sqlite3_commit_hook(db_->handle(), nullptr, nullptr);
}

int Workspace::schema_version() {
    return static_cast<int>(query_int(*db_, "PRAGMA user_version"));
}

void Workspace::migrate(std::span<const Migration> migrations) {
    int current = schema_version();
    int latest = migrations.empty() ? 0 : migrations.back().version;
    if (current >= latest) return;

    if (current > 0) {
        // Keep a copy of the file as it was before any migration touches it.
        backup_path_ = path_;
        backup_path_ += ".v" + std::to_string(current) + ".bak";
        fs::remove(backup_path_);
        create_private_file(backup_path_);
        Database copy(backup_path_.string(), SQLITE_OPEN_READWRITE);
        sqlite3_backup* b = sqlite3_backup_init(copy.handle(), "main", db_->handle(), "main");
        if (!b)
            throw Error("cannot back up " + path_.string() + ": " + sqlite3_errmsg(copy.handle()));
        int rc = sqlite3_backup_step(b, -1);
        sqlite3_backup_finish(b);
        if (rc != SQLITE_DONE)
            throw Error("cannot back up " + path_.string() +
                        " before upgrading it: " + sqlite3_errstr(rc));
    }

    Transaction tx(*db_);
    for (const auto& m : migrations) {
        if (m.version <= current) continue;
        try {
            db_->exec(m.sql);
        } catch (const Error& e) {
            throw Error("upgrading " + path_.string() + " to format " + std::to_string(m.version) +
                        " failed: " + e.what());
        }
        db_->exec("PRAGMA user_version = " + std::to_string(m.version));
    }
    tx.commit();
}

} // namespace convene::store
