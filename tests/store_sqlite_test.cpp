// The SQLite wrapper classes and the JSON-column reader, on their own.
#include "store/answers.hpp"
#include "store/conversations.hpp"
#include "store/guides.hpp"
#include "store/json_column.hpp"
#include "store/seed.hpp"
#include "store/sqlite.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

using namespace convene;
using convene::test::TempDir;

TEST_CASE("a statement binds, steps and reads every column type") {
    store::Database db(":memory:", store::OpenMode::ReadWriteCreate);
    db.exec("CREATE TABLE t(i INTEGER, r REAL, s TEXT, n TEXT)");
    store::Statement ins(db, "INSERT INTO t VALUES (?1, ?2, ?3, ?4)");
    ins.bind(1, std::int64_t{1} << 40).bind(2, 2.5).bind(3, "José — “x”").bind_null(4).run();
    store::Statement sel(db, "SELECT i, r, s, n FROM t");
    REQUIRE(sel.step());
    CHECK(sel.int64(0) == (std::int64_t{1} << 40));
    CHECK(sel.real(1) == 2.5);
    CHECK(sel.text(2) == "José — “x”");
    CHECK(sel.is_null(3));
    CHECK_FALSE(sel.optional_text(3));
    CHECK_FALSE(sel.step());
}

TEST_CASE("nested transactions are savepoints: an inner rollback keeps the outer work") {
    store::Database db(":memory:", store::OpenMode::ReadWriteCreate);
    db.exec("CREATE TABLE t(x)");
    {
        store::Transaction outer(db);
        db.exec("INSERT INTO t VALUES (1)");
        {
            store::Transaction inner(db);
            db.exec("INSERT INTO t VALUES (2)");
        } // not committed: rolled back to the savepoint
        outer.commit();
    }
    CHECK(store::query_int(db, "SELECT group_concat(x) = '1' FROM t") == 1);
}

TEST_CASE("a read-only connection refuses writes with a read-only error") {
    TempDir dir;
    {
        store::Database db((dir / "r.db").string(), store::OpenMode::ReadWriteCreate);
        db.exec("CREATE TABLE t(x)");
    }
    store::Database ro((dir / "r.db").string(), store::OpenMode::ReadOnly);
    try {
        ro.exec("INSERT INTO t VALUES (1)");
        FAIL("wrote through a read-only connection");
    } catch (const store::Error& e) {
        CHECK(e.read_only());
    }
}

TEST_CASE("a damaged JSON column names its table, column and row") {
    CHECK_THROWS_WITH(store::json_column("{oops", "answer", "value_json", "a1b2"),
                      Catch::Contains("the answer a1b2 has a damaged value_json column"));
    CHECK_THROWS_WITH(
        store::json_column("[1]", "respondent", "answers", "r-9", store::JsonKind::Object),
        Catch::Contains("respondent r-9") && Catch::Contains("expected a JSON object"));
    CHECK(store::json_column("[1,2]", "answer", "probes", "x", store::JsonKind::Array).size() == 2);

    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    store::Conversation c;
    c.guide_hash = *store::current_guide_hash(*ws, "air-2019");
    c.group = "licensing";
    auto uuid = store::create_conversation(ws->db(), c);
    store::Answer a{"", uuid, "perceptions.first_thoughts", "notes"};
    auto answer = store::save_answer(ws->db(), a);
    store::Statement(ws->db(), "UPDATE answer SET value_json = '{broken' WHERE uuid = ?1")
        .bind(1, answer)
        .run();
    CHECK_THROWS_WITH(store::answers_for(ws->db(), uuid),
                      Catch::Contains("answer " + answer) && Catch::Contains("value_json"));
}
