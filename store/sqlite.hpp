// Thin RAII wrappers over the SQLite C API: a connection, a prepared statement and a
// transaction that rolls back unless committed. Every failing sqlite3 call goes through one check
// that throws store::Error carrying the message a person can read, the SQLite result code (so a
// caller can tell "busy" from "constraint") and, apart, the SQL that failed. Destructors never
// throw.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace convene::store {

class Error : public std::runtime_error {
  public:
    // code is an SQLite (extended) result code, or 0 for an error found by Convene itself.
    explicit Error(const std::string& what, int code = 0, std::string sql = {})
        : std::runtime_error(what), code_(code), sql_(std::move(sql)) {}
    int code() const { return code_; }
    // The primary result code (SQLITE_BUSY for SQLITE_BUSY_SNAPSHOT, ...), 0 if none.
    int primary_code() const { return code_ & 0xff; }
    // The statement that failed; shown only when asked for (--verbose), never in a message.
    const std::string& sql() const { return sql_; }
    bool busy() const;      // another connection holds the lock past the busy timeout
    bool disk_full() const; // SQLITE_FULL
    bool read_only() const; // SQLITE_READONLY: the file or its folder cannot be written

  private:
    int code_;
    std::string sql_;
};

// How Database opens a file (no SQLite flags outside store/).
enum class OpenMode {
    ReadWrite,       // an existing file, read and write
    ReadWriteCreate, // created if missing
    ReadOnly,        // reading only; never checkpoints the WAL on close, so the file and its
                     // -wal stay byte-for-byte as they were
};

class Database {
  public:
    Database(const std::string& path, OpenMode mode);
    // flags are SQLITE_OPEN_* values, for code that talks to SQLite directly (tests).
    Database(const std::string& path, int flags);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql);
    std::int64_t last_insert_rowid() const;
    int changes() const;
    sqlite3* handle() const { return db_; }
    const std::string& path() const { return path_; }

    // Throws Error(sqlite message, rc, sql) unless rc is SQLITE_OK/ROW/DONE.
    void check(int rc, std::string_view sql) const;
    // How long a write waits for another connection's lock before it fails as busy.
    void set_busy_timeout_ms(int ms);

  private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

class Statement {
  public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Binding is 1-based like SQLite's; each returns *this so calls chain.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) {
        return bind(index, std::string_view(text));
    }
    Statement& bind_null(int index);

    // Steps once: true while a row is available, false when done.
    bool step();
    // Runs a statement that returns no rows (or ignores them).
    void run();
    void reset();

    bool is_null(int column) const;
    std::int64_t int64(int column) const;
    int integer(int column) const { return static_cast<int>(int64(column)); }
    double real(int column) const;
    std::string text(int column) const;
    // The text without a copy: valid until the next step, reset or read of the column as
    // another type. For filling a string whose buffer is reused.
    std::string_view text_view(int column) const;
    std::optional<std::string> optional_text(int column) const;

  private:
    Database& db_;
    sqlite3_stmt* stmt_ = nullptr;
    std::string sql_;
};

// BEGIN IMMEDIATE in the constructor; ROLLBACK in the destructor unless commit() was called.
// Inside an open transaction it is a savepoint instead.
class Transaction {
  public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

  private:
    Database& db_;
    bool done_ = false;
    bool nested_ = false;
};

// Runs a query that yields one integer (e.g. a PRAGMA).
std::int64_t query_int(Database& db, std::string_view sql);

} // namespace convene::store
