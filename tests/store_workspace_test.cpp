#include "store/meta.hpp"
#include "store/workspace.hpp"
#include "temp_dir.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <sqlite3.h>
#include <sys/stat.h>

using namespace convene;
using convene::test::TempDir;

namespace {

// A three-step history used to test the migration machinery itself.
constexpr std::array kHistory{
    store::Migration{1, "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"},
    store::Migration{2, "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL);"},
    store::Migration{3, "ALTER TABLE note ADD COLUMN author TEXT NOT NULL DEFAULT 'unknown';"},
};

std::string make_sqlite_file(const std::filesystem::path& p, int app_id, int user_version) {
    store::Database db(p.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    db.exec("CREATE TABLE t(x); INSERT INTO t VALUES (1);");
    db.exec("PRAGMA application_id = " + std::to_string(app_id));
    db.exec("PRAGMA user_version = " + std::to_string(user_version));
    return p.string();
}

} // namespace

TEST_CASE("a new workspace is created private, identified and at the newest format") {
    TempDir dir;
    auto path = dir / "sub" / "convene.db";
    {
        store::Workspace ws(path);
        CHECK(ws.schema_version() == store::latest_schema_version());
        CHECK(store::query_int(ws.db(), "PRAGMA application_id") == store::kApplicationId);
        CHECK(store::query_int(ws.db(), "PRAGMA foreign_keys") == 1);
        store::Statement jm(ws.db(), "PRAGMA journal_mode");
        REQUIRE(jm.step());
        CHECK(jm.text(0) == "wal");
        auto info = store::read_workspace_info(ws);
        CHECK(info.uuid.size() == 36);
        CHECK(info.created_at.size() == 20);
    }
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    // Reopening keeps the same identity.
    store::Workspace again(path);
    CHECK(again.schema_version() == store::latest_schema_version());
    CHECK(again.backup_path().empty());
}

TEST_CASE("files that are not Convene workspaces are refused and left unchanged") {
    TempDir dir;
    struct Case {
        std::string name;
        std::function<std::string(const std::filesystem::path&)> make;
        std::string reason;
    };
    std::vector<Case> cases{
        {"notes.txt",
         [](auto& p) {
             convene::test::write_file(p, "Meeting notes\nline two\n");
             return p.string();
         },
         "not an SQLite database"},
        {"garbage.bin",
         [](auto& p) {
             std::string bytes(4096, '\0');
             for (std::size_t i = 0; i < bytes.size(); ++i)
                 bytes[i] = static_cast<char>(i * 131 % 251);
             convene::test::write_file(p, bytes);
             return p.string();
         },
         "not an SQLite database"},
        {"short.db",
         [](auto& p) {
             convene::test::write_file(p, "SQLite format 3");
             return p.string();
         },
         "not an SQLite database"},
        {"other.sqlite", [](auto& p) { return make_sqlite_file(p, 0x12345678, 0); },
         "another program"},
        {"plain.sqlite", [](auto& p) { return make_sqlite_file(p, 0, 7); }, "another program"},
        {"newer.db", [](auto& p) { return make_sqlite_file(p, store::kApplicationId, 999); },
         "newer version of Convene"},
    };
    for (auto& c : cases) {
        DYNAMIC_SECTION(c.name) {
            auto path = dir / c.name;
            c.make(path);
            auto before = convene::test::read_file(path);
            auto mtime = std::filesystem::last_write_time(path);
            try {
                store::Workspace ws(path);
                FAIL("opened " << c.name);
            } catch (const store::RefusedError& e) {
                std::string what = e.what();
                CHECK(what.find(c.reason) != std::string::npos);
                CHECK(what.find(c.name) != std::string::npos);
                CHECK(what.find('\n') == std::string::npos);
            }
            CHECK(convene::test::read_file(path) == before);
            CHECK(std::filesystem::last_write_time(path) == mtime);
            CHECK_FALSE(std::filesystem::exists(path.string() + "-wal"));
        }
    }
}

TEST_CASE("a folder is refused") {
    TempDir dir;
    CHECK_THROWS_WITH(store::Workspace(dir.path()), Catch::Contains("is a folder"));
}

TEST_CASE("an empty file becomes a new workspace") {
    TempDir dir;
    auto path = dir / "empty.db";
    convene::test::write_file(path, "");
    store::Workspace ws(path);
    CHECK(ws.schema_version() == store::latest_schema_version());
}

TEST_CASE("a workspace from version N-1 is migrated after a backup copy") {
    TempDir dir;
    auto path = dir / "old.db";
    {
        store::Workspace ws(path, std::span(kHistory).first(2));
        CHECK(ws.schema_version() == 2);
        ws.db().exec("INSERT INTO note(body) VALUES ('José — “grain size”')");
    }
    store::Workspace ws(path, kHistory);
    CHECK(ws.schema_version() == 3);
    store::Statement st(ws.db(), "SELECT body, author FROM note");
    REQUIRE(st.step());
    CHECK(st.text(0) == "José — “grain size”");
    CHECK(st.text(1) == "unknown");

    // The backup is the file as it was, at format 2, and private too.
    REQUIRE(ws.backup_path() == std::filesystem::path(path.string() + ".v2.bak"));
    store::Database backup(ws.backup_path().string(), SQLITE_OPEN_READONLY);
    CHECK(store::query_int(backup, "PRAGMA user_version") == 2);
    CHECK(store::query_int(backup, "SELECT count(*) FROM note") == 1);
    struct stat sb {};
    REQUIRE(::stat(ws.backup_path().c_str(), &sb) == 0);
    CHECK((sb.st_mode & 0777) == 0600);
}

TEST_CASE("the real schema migrates from its previous format") {
    auto all = store::schema_migrations();
    if (all.size() < 2) return; // one format so far: nothing older exists in the wild
    TempDir dir;
    auto path = dir / "prev.db";
    { store::Workspace ws(path, all.first(all.size() - 1)); }
    store::Workspace ws(path);
    CHECK(ws.schema_version() == store::latest_schema_version());
}

TEST_CASE("a failing migration rolls back everything and keeps the old format") {
    TempDir dir;
    auto path = dir / "fail.db";
    {
        store::Workspace ws(path, std::span(kHistory).first(1));
        ws.db().exec("INSERT INTO meta VALUES ('k', 'v')");
    }
    std::array broken{kHistory[0], kHistory[1],
                      store::Migration{3, "ALTER TABLE no_such_table ADD COLUMN x;"}};
    CHECK_THROWS_WITH(store::Workspace(path, broken), Catch::Contains("to format 3 failed"));
    store::Workspace ws(path, std::span(kHistory).first(1));
    CHECK(ws.schema_version() == 1);
    CHECK(store::query_int(ws.db(), "SELECT count(*) FROM sqlite_schema WHERE name = 'note'") == 0);
    CHECK(store::query_int(ws.db(), "SELECT count(*) FROM meta WHERE key = 'k'") == 1);
}

TEST_CASE("a transaction rolls back unless committed, also when an exception leaves it") {
    TempDir dir;
    store::Workspace ws(dir / "tx.db");
    auto count = [&] { return store::query_int(ws.db(), "SELECT count(*) FROM meta"); };
    auto before = count();
    try {
        store::Transaction tx(ws.db());
        ws.db().exec("INSERT INTO meta VALUES ('a', '1')");
        throw std::runtime_error("boom");
    } catch (const std::runtime_error&) {
    }
    CHECK(count() == before);
    {
        store::Transaction tx(ws.db());
        ws.db().exec("INSERT INTO meta VALUES ('b', '2')");
        tx.commit();
    }
    CHECK(count() == before + 1);
}

TEST_CASE("every committed write raises the revision, reads and rollbacks do not") {
    TempDir dir;
    store::Workspace ws(dir / "rev.db");
    auto r0 = ws.revision();
    store::query_int(ws.db(), "SELECT count(*) FROM meta");
    CHECK(ws.revision() == r0);
    ws.db().exec("INSERT INTO meta VALUES ('x', '1')");
    CHECK(ws.revision() == r0 + 1);
    {
        store::Transaction tx(ws.db());
        ws.db().exec("INSERT INTO meta VALUES ('y', '1')");
    }
    CHECK(ws.revision() == r0 + 1);
}

TEST_CASE("SQLite errors carry the message, the result code and, apart, the SQL") {
    TempDir dir;
    store::Workspace ws(dir / "err.db");
    try {
        store::Statement(ws.db(), "SELECT nope FROM meta");
        FAIL("prepared a bad statement");
    } catch (const store::Error& e) {
        CHECK_THAT(e.what(), Catch::Contains("no such column: nope"));
        CHECK_THAT(e.what(), !Catch::Contains("SELECT"));
        CHECK(e.sql() == "SELECT nope FROM meta");
        CHECK(e.primary_code() == SQLITE_ERROR);
    }
    try {
        ws.db().exec("INSERT INTO meta VALUES (NULL, NULL)");
        FAIL("inserted NULL into a NOT NULL column");
    } catch (const store::Error& e) {
        CHECK_THAT(e.what(), Catch::Contains("NOT NULL") && !Catch::Contains("INSERT"));
        CHECK(e.code() == SQLITE_CONSTRAINT_NOTNULL);
        CHECK_FALSE(e.busy());
        CHECK_THAT(e.sql(), Catch::Contains("INSERT INTO meta"));
    }
}

TEST_CASE("a write that waits too long for another connection's lock is reported as busy") {
    TempDir dir;
    store::Workspace ws(dir / "busy.db");
    store::Database other((dir / "busy.db").string(), store::OpenMode::ReadWrite);
    other.set_busy_timeout_ms(50);
    store::Transaction holding(ws.db());
    try {
        store::Transaction blocked(other);
        FAIL("took a write lock that another connection holds");
    } catch (const store::Error& e) {
        CHECK(e.busy());
        CHECK_FALSE(e.disk_full());
    }
}

TEST_CASE("a full disk is reported as such") {
    TempDir dir;
    store::Workspace ws(dir / "full.db");
    auto pages = store::query_int(ws.db(), "PRAGMA page_count");
    ws.db().exec("PRAGMA max_page_count = " + std::to_string(pages));
    try {
        ws.db().exec("CREATE TABLE big(x); INSERT INTO big VALUES (zeroblob(100000))");
        FAIL("wrote past the page limit");
    } catch (const store::Error& e) {
        CHECK(e.disk_full());
    }
}
