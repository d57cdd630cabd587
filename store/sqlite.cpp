#include "store/sqlite.hpp"

#include <sqlite3.h>

namespace convene::store {

namespace {

int open_flags(OpenMode mode) {
    switch (mode) {
    case OpenMode::ReadWrite:
        return SQLITE_OPEN_READWRITE;
    case OpenMode::ReadWriteCreate:
        return SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    case OpenMode::ReadOnly:
        return SQLITE_OPEN_READONLY;
    }
    return SQLITE_OPEN_READONLY;
}

} // namespace

bool Error::busy() const {
    return primary_code() == SQLITE_BUSY || primary_code() == SQLITE_LOCKED;
}
bool Error::disk_full() const {
    return primary_code() == SQLITE_FULL;
}
bool Error::read_only() const {
    return primary_code() == SQLITE_READONLY;
}

Database::Database(const std::string& path, OpenMode mode) : Database(path, open_flags(mode)) {
    if (mode == OpenMode::ReadOnly)
        sqlite3_db_config(db_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
}

Database::Database(const std::string& path, int flags) : path_(path) {
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_EXRESCODE, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw Error("cannot open " + path + ": " + msg, rc);
    }
    // Writers queue for the lock for up to 10 s (SQLite sleeps with a growing backoff), so a
    // few processes writing at once wait for each other instead of failing.
    set_busy_timeout_ms(10000);
}

void Database::set_busy_timeout_ms(int ms) {
    sqlite3_busy_timeout(db_, ms);
}

Database::~Database() {
    if (db_) sqlite3_close_v2(db_);
}

void Database::check(int rc, std::string_view sql) const {
    if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE) return;
    throw Error(sqlite3_errmsg(db_), rc, std::string(sql));
}

void Database::exec(std::string_view sql) {
    std::string s(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw Error(msg, sqlite3_extended_errcode(db_), s);
    }
}

std::int64_t Database::last_insert_rowid() const {
    return sqlite3_last_insert_rowid(db_);
}
int Database::changes() const {
    return sqlite3_changes(db_);
}

Statement::Statement(Database& db, std::string_view sql) : db_(db), sql_(sql) {
    db_.check(sqlite3_prepare_v2(db_.handle(), sql_.c_str(), static_cast<int>(sql_.size()), &stmt_,
                                 nullptr),
              sql_);
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::int64_t value) {
    db_.check(sqlite3_bind_int64(stmt_, index, value), sql_);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    db_.check(sqlite3_bind_double(stmt_, index, value), sql_);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    db_.check(
        sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
        sql_);
    return *this;
}

Statement& Statement::bind_null(int index) {
    db_.check(sqlite3_bind_null(stmt_, index), sql_);
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(stmt_);
    db_.check(rc, sql_);
    return rc == SQLITE_ROW;
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const {
    return sqlite3_column_int64(stmt_, column);
}
double Statement::real(int column) const {
    return sqlite3_column_double(stmt_, column);
}

std::string Statement::text(int column) const {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
             : std::string();
}

std::string_view Statement::text_view(int column) const {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
             : std::string_view();
}

std::optional<std::string> Statement::optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return text(column);
}

Transaction::Transaction(Database& db) : db_(db) {
    // Inside another transaction this one becomes a savepoint, so repository functions that
    // make their own transaction can also run as part of a larger one.
    nested_ = sqlite3_get_autocommit(db_.handle()) == 0;
    db_.exec(nested_ ? "SAVEPOINT convene_nested" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (done_) return;
    if (nested_)
        sqlite3_exec(db_.handle(), "ROLLBACK TO convene_nested; RELEASE convene_nested", nullptr,
                     nullptr, nullptr);
    else
        sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    db_.exec(nested_ ? "RELEASE convene_nested" : "COMMIT");
    done_ = true;
}

std::int64_t query_int(Database& db, std::string_view sql) {
    Statement st(db, sql);
    return st.step() ? st.int64(0) : 0;
}

} // namespace convene::store
