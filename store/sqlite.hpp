// Thin RAII wrappers over the SQLite C API: a connection, a prepared statement and a
// transaction that rolls back unless committed. Every failing sqlite3 call throws store::Error
// carrying sqlite3_errmsg and the SQL that failed. Destructors never throw.
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
    explicit Error(const std::string& what) : std::runtime_error(what) {}
};

class Database {
  public:
    // flags are SQLITE_OPEN_* values; the default opens an existing file read-write.
    Database(const std::string& path, int flags);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql);
    std::int64_t last_insert_rowid() const;
    int changes() const;
    sqlite3* handle() const { return db_; }
    const std::string& path() const { return path_; }

    // Throws Error(context + sqlite message) unless rc is SQLITE_OK/ROW/DONE.
    void check(int rc, std::string_view context) const;

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
