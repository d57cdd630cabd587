// A Convene workspace: one SQLite file holding guides, conversations, codes and surveys.
// Opening checks that the file is ours (application_id) and not from a newer Convene
// (user_version) before touching it, then migrates older files after a backup copy.
#pragma once

#include "store/sqlite.hpp"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace convene::store {

// "CNVN": the value of PRAGMA application_id in every Convene workspace.
inline constexpr std::int32_t kApplicationId = 0x434E564E;

struct Migration {
    int version;          // user_version after this step
    std::string_view sql; // run inside the migration transaction
};

// The migrations of this build, in order (store/schema.cpp).
std::span<const Migration> schema_migrations();
int latest_schema_version();

// A workspace refused before it was touched: not SQLite, another program's, or too new.
class RefusedError : public Error {
  public:
    using Error::Error;
};

class Workspace {
  public:
    // Opens (creating it 0600 if missing) the workspace at path and migrates it to the newest
    // version. Throws RefusedError for a file that is not ours; the file is then unchanged.
    explicit Workspace(const std::filesystem::path& path);
    // For tests: open with an explicit list of migrations.
    Workspace(const std::filesystem::path& path, std::span<const Migration> migrations);
    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    Database& db() { return *db_; }
    const std::filesystem::path& path() const { return path_; }
    int schema_version();
    // Raised by every committed write on this connection; views rebuild when it changed.
    std::uint64_t revision() const { return revision_.load(); }
    // Another connection to this file (the autosaver's) committed a write.
    void note_external_commit() { revision_.fetch_add(1); }
    // Raises the revision when any other connection, in this process or another, committed
    // since the last call (PRAGMA data_version); true if so. Cheap: the app calls it twice a
    // second so a script's or another window's edits show up.
    bool poll_external_changes();
    // Where the pre-migration copy went, if this open migrated an existing file.
    const std::filesystem::path& backup_path() const { return backup_path_; }
    // Empty when the workspace can be written; else why it was opened read-only (for a banner).
    const std::string& read_only_reason() const { return read_only_reason_; }
    bool read_only() const { return !read_only_reason_.empty(); }
    // Another connection to this file that only reads (and never checkpoints), for work on a
    // thread of its own: a connection is used by one thread at a time.
    std::unique_ptr<Database> open_reader() const;

  private:
    void open_for_writing(int latest);
    void open_read_only(int latest, const std::string& why);
    void back_up(int current);
    void migrate(std::span<const Migration> migrations);

    std::filesystem::path path_;
    std::filesystem::path backup_path_;
    std::string read_only_reason_;
    std::unique_ptr<Database> db_;
    std::atomic<std::uint64_t> revision_{0};
    std::int64_t data_version_ = 0;
};

// Checks the file at path with stat() and a read-only SQLite connection that never checkpoints
// (never a file descriptor of its own, which would drop this process's locks on close). Throws
// RefusedError with a one-line reason when it is not a Convene workspace this build can read.
void check_workspace_file(const std::filesystem::path& path, int latest_version);

} // namespace convene::store
