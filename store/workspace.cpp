#include "store/workspace.hpp"

#include "store/backup.hpp"
#include "store/paths.hpp"
#include "store/uuid.hpp"

#include <sqlite3.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace convene::store {
namespace fs = std::filesystem;
namespace {

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
        try {
            create_private_directories(path.parent_path());
        } catch (const fs::filesystem_error& e) {
            throw Error("cannot create folder " + path.parent_path().string() + ": " +
                        e.code().message());
        }
    }
    int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST)
        throw Error("cannot create " + path.string() + ": " + std::strerror(errno));
    if (fd >= 0) ::close(fd);
}

// A path as a file: URI (RFC 3986: %, ? and # escaped).
std::string uri_path(const fs::path& path) {
    std::string out;
    for (char c : fs::absolute(path).string()) {
        if (c == '%' || c == '?' || c == '#') {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
            out += buf;
        } else {
            out += c;
        }
    }
    return out;
}

struct Identity {
    std::int64_t app_id = 0, version = 0;
    bool fresh = false; // no tables and no identity yet: a file to make into a workspace
};

// The identity as SQLite sees it, write-ahead log included, read through a read-only connection
// that never checkpoints: a file refused afterwards is left byte-for-byte as it was.
Identity read_identity(Database& db) {
    Identity id;
    id.app_id = query_int(db, "PRAGMA application_id");
    id.version = query_int(db, "PRAGMA user_version");
    id.fresh = id.app_id == 0 && id.version == 0 &&
               query_int(db, "SELECT count(*) FROM sqlite_schema") == 0;
    return id;
}

// A read-only connection that works in a folder that cannot be written too: a clean WAL
// workspace there has no -wal or -shm and SQLite cannot make them, so with no log to read, the
// main file alone is the workspace (opened immutable).
std::unique_ptr<Database> open_read_only_connection(const fs::path& path) {
    try {
        auto db = std::make_unique<Database>(path.string(), OpenMode::ReadOnly);
        query_int(*db, "PRAGMA user_version");
        return db;
    } catch (const Error& e) {
        fs::path wal = path;
        wal += "-wal";
        bool cannot_make_log =
            e.primary_code() == SQLITE_CANTOPEN || e.primary_code() == SQLITE_READONLY;
        if (!cannot_make_log || fs::exists(wal)) throw;
        return std::make_unique<Database>("file:" + uri_path(path) + "?immutable=1",
                                          SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
    }
}

Identity read_identity(const fs::path& path) {
    try {
        return read_identity(*open_read_only_connection(path));
    } catch (const Error& e) {
        if (e.primary_code() == SQLITE_NOTADB || e.primary_code() == SQLITE_CORRUPT)
            refuse(path, "is not a Convene workspace: it is not an SQLite database");
        refuse(path, std::string("cannot be read: ") + e.what());
    }
}

// Why writing failed, in words for the banner, when the cause is the file's place and not the
// data: nothing (nullopt) for other errors, which are reported as they are.
std::optional<std::string> why_unwritable(const Error& e) {
    switch (e.primary_code()) {
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
        return "Convene may not write to this file or to its folder (check their permissions)";
    case SQLITE_FULL:
        return "the disk is full";
    default:
        return std::nullopt;
    }
}

// name_uuid(kind, name) in SQL, for migrations that give seeded rows their shared identity.
void sql_name_uuid(sqlite3_context* ctx, int, sqlite3_value** argv) {
    auto text = [&](int i) {
        auto p = sqlite3_value_text(argv[i]);
        return std::string(p ? reinterpret_cast<const char*>(p) : "",
                           static_cast<std::size_t>(sqlite3_value_bytes(argv[i])));
    };
    auto uuid = name_uuid(text(0), text(1));
    sqlite3_result_text(ctx, uuid.c_str(), static_cast<int>(uuid.size()), SQLITE_TRANSIENT);
}

void register_functions(Database& db) {
    db.check(sqlite3_create_function(db.handle(), "name_uuid", 2,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                     sql_name_uuid, nullptr, nullptr),
             "name_uuid");
}

int commit_hook(void* counter) {
    static_cast<std::atomic<std::uint64_t>*>(counter)->fetch_add(1);
    return 0; // let the commit proceed
}

} // namespace

void check_workspace_file(const fs::path& path, int latest_version) {
    // Only stat() and SQLite look at the file. Opening it by hand and closing the descriptor
    // would drop every POSIX lock this process holds on it (SQLite's "How To Corrupt An SQLite
    // Database File", 2.2), so another process could then delete a live -wal and -shm.
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) return; // a new workspace
    if (fs::is_directory(status)) refuse(path, "is a folder, not a Convene workspace file");
    if (!fs::is_regular_file(status)) refuse(path, "is not a regular file");
    auto size = fs::file_size(path, ec);
    if (ec) refuse(path, "cannot be read (" + ec.message() + ")");
    if (size == 0) return; // an empty file holds nothing to lose: it becomes a new workspace
    // SQLite reads a file shorter than its header as an empty database; it is not one.
    if (size < 100) refuse(path, "is not a Convene workspace: it is not an SQLite database");
    auto id = read_identity(path);
    if (!id.fresh && id.app_id != kApplicationId)
        refuse(path, "is not a Convene workspace: it is an SQLite database of another program "
                     "(application id " +
                         hex(static_cast<std::uint32_t>(id.app_id)) + ")");
    if (id.version > latest_version)
        refuse(path, "was written by a newer version of Convene (workspace format " +
                         std::to_string(id.version) + "; this version reads up to format " +
                         std::to_string(latest_version) + "): update Convene to open it");
}

Workspace::Workspace(const fs::path& path) : Workspace(path, schema_migrations()) {}

Workspace::Workspace(const fs::path& path, std::span<const Migration> migrations) : path_(path) {
    int latest = migrations.empty() ? 0 : migrations.back().version;
    check_workspace_file(path, latest);
    std::error_code ec;
    bool existed = fs::exists(path, ec) && fs::file_size(path, ec) > 0;
    try {
        create_private_file(path);
        open_for_writing(latest);
        migrate(migrations);
    } catch (const RefusedError&) {
        throw;
    } catch (const Error& e) {
        // An existing workspace that cannot be written (a read-only folder, a full disk) is
        // still worth reading: open it read-only and say why, instead of failing on a write.
        auto why = why_unwritable(e);
        if (!existed || !why) throw;
        db_.reset();
        open_read_only(latest, *why);
    }
    sqlite3_commit_hook(db_->handle(), commit_hook, &revision_);
    data_version_ = query_int(*db_, "PRAGMA data_version");
}

bool Workspace::poll_external_changes() {
    auto v = query_int(*db_, "PRAGMA data_version");
    if (v == data_version_) return false;
    data_version_ = v;
    note_external_commit();
    return true;
}

void Workspace::open_for_writing(int latest) {
    db_ = std::make_unique<Database>(path_.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX);
    if (sqlite3_db_readonly(db_->handle(), "main") == 1)
        throw Error("attempt to write a readonly database", SQLITE_READONLY);
    // Checked again on this connection, in case the file changed since the read-only look.
    auto id = read_identity(*db_);
    if ((!id.fresh && id.app_id != kApplicationId) || id.version > latest) {
        sqlite3_db_config(db_->handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        check_workspace_file(path_, latest); // throws with the reason
        refuse(path_, "changed while it was being opened");
    }
    if (id.fresh) {
        // Mark the file as ours first, in rollback-journal mode, so the id is in the main file.
        db_->exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    }
    db_->exec("PRAGMA journal_mode = WAL");
    db_->exec("PRAGMA synchronous = FULL"); // a committed edit survives a power cut
    db_->exec("PRAGMA foreign_keys = ON");
    register_functions(*db_);
}

std::unique_ptr<Database> Workspace::open_reader() const {
    return open_read_only_connection(path_);
}

void Workspace::open_read_only(int latest, const std::string& why) {
    db_ = open_read_only_connection(path_);
    if (schema_version() < latest)
        throw Error(path_.string() + " needs upgrading to this version's format, but " + why);
    read_only_reason_ = why;
}

Workspace::~Workspace() {
    if (db_) sqlite3_commit_hook(db_->handle(), nullptr, nullptr);
}

int Workspace::schema_version() {
    return static_cast<int>(query_int(*db_, "PRAGMA user_version"));
}

// Keeps a copy of the file as it was before any migration touches it; a copy that could not be
// finished is removed, so no empty or partial .bak is left to be mistaken for a backup.
void Workspace::back_up(int current) {
    backup_path_ = path_;
    backup_path_ += ".v" + std::to_string(current) + ".bak";
    fs::remove(backup_path_);
    try {
        create_private_file(backup_path_);
        try {
            copy_database(*db_, backup_path_);
        } catch (const Error& e) {
            throw Error("cannot back up " + path_.string() + " before upgrading it: " + e.what(),
                        e.code());
        }
    } catch (...) {
        std::error_code ec;
        fs::remove(backup_path_, ec);
        backup_path_.clear();
        throw;
    }
}

void Workspace::migrate(std::span<const Migration> migrations) {
    int latest = migrations.empty() ? 0 : migrations.back().version;
    int before = schema_version();
    if (before >= latest) return;
    if (before > 0) back_up(before); // SQLite copies only outside a write transaction
    // The format is read again under the write lock: two processes opening an old (or new)
    // file at once upgrade it once.
    Transaction tx(*db_);
    int current = schema_version();
    if (current >= latest) return tx.commit();
    for (const auto& m : migrations) {
        if (m.version <= current) continue;
        try {
            db_->exec(m.sql);
        } catch (const Error& e) {
            throw Error("upgrading " + path_.string() + " to format " + std::to_string(m.version) +
                            " failed: " + e.what(),
                        e.code(), e.sql());
        }
        db_->exec("PRAGMA user_version = " + std::to_string(m.version));
    }
    tx.commit();
}

} // namespace convene::store
