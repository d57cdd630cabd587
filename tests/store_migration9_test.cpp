// Migration 9 on a workspace made before it: bundled codes, profiles and stacks take their
// name-based uuids (segments and sub-codes follow), custom codes keep theirs, area timings
// become parts with the same uuid in every copy, so two copies migrated apart merge exactly.
#include "guides/data_dir.hpp"
#include "merge_fixture.hpp"
#include "store/conversations.hpp"
#include "store/merge.hpp"
#include "store/seed.hpp"
#include "store/uuid.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace convene;
using namespace convene::test;

namespace {

constexpr int kBefore = 8; // every format before merging (migration 9)

std::span<const store::Migration> before_merging() {
    auto all = store::schema_migrations();
    auto end = std::find_if(all.begin(), all.end(),
                            [](const store::Migration& m) { return m.version > kBefore; });
    return all.first(static_cast<std::size_t>(end - all.begin()));
}

struct OldWorkspace {
    std::string conversation, custom_code;
};

// A workspace as Convene wrote it before merging: random uuids for bundled rows, one sum per
// conversation and area.
OldWorkspace make_old_workspace(const std::filesystem::path& path) {
    OldWorkspace old;
    store::Workspace ws(path, before_merging());
    auto& db = ws.db();
    store::seed_bundled_content(ws, guides::data_dir());
    store::Transaction tx(db);
    db.exec("PRAGMA defer_foreign_keys = ON");
    db.exec(
        "CREATE TEMP TABLE k AS SELECT uuid AS old, lower(hex(randomblob(16))) AS new FROM code");
    db.exec("UPDATE code SET parent_uuid = (SELECT new FROM k WHERE old = parent_uuid) "
            "WHERE parent_uuid IS NOT NULL");
    db.exec("UPDATE code SET uuid = (SELECT new FROM k WHERE old = uuid)");
    db.exec("UPDATE mc_profile SET uuid = lower(hex(randomblob(16)))");
    db.exec("UPDATE mc_stack SET uuid = lower(hex(randomblob(16)))");
    db.exec("DROP TABLE k");
    db.exec("INSERT INTO code(uuid, slug, name, updated_at) VALUES "
            "('custom-code-uuid', 'custom.local', 'Local', '2024-01-01T00:00:00.000Z')");
    db.exec("INSERT INTO conversation(uuid, guide_hash, group_id, created_at, updated_at) "
            "SELECT 'conv-1', hash, 'licensing', '2024-01-01', '2024-01-01' FROM guide LIMIT 1");
    db.exec("INSERT INTO answer(uuid, conversation_uuid, question_id, notes, updated_at) VALUES "
            "('ans-1', 'conv-1', 'perceptions.first_thoughts', 'old notes', '2024-01-01')");
    db.exec("INSERT INTO person(uuid, name, created_at) VALUES ('p-1', 'Ana', '2024-01-01')");
    db.exec("INSERT INTO segment(uuid, answer_uuid, code_uuid, coder_uuid, part, created_at, "
            "updated_at) SELECT 'seg-bundled', 'ans-1', uuid, 'p-1', 'answer', '2024', '2024' "
            "FROM code WHERE slug = 'benefits.students'");
    db.exec("INSERT INTO segment(uuid, answer_uuid, code_uuid, coder_uuid, part, created_at, "
            "updated_at) VALUES ('seg-custom', 'ans-1', 'custom-code-uuid', 'p-1', 'answer', "
            "'2024', '2024')");
    db.exec("INSERT INTO area_timing VALUES ('conv-1', 'perceptions', 90), "
            "('conv-1', 'experience', 30.5)");
    tx.commit();
    old.conversation = "conv-1";
    old.custom_code = "custom-code-uuid";
    return old;
}

} // namespace

TEST_CASE("Migration 9 gives bundled rows their shared identity and keeps every reference",
          "[store][merge][migration]") {
    TempDir dir;
    auto old = make_old_workspace(dir / "old.db");
    auto ws = open_ws(dir / "old.db");
    auto& db = ws->db();
    CHECK(ws->schema_version() == store::latest_schema_version());
    CHECK(std::filesystem::exists(ws->backup_path()));

    // Every bundled code's uuid comes from its slug; the custom code keeps its own.
    store::Statement codes(db, "SELECT uuid, slug FROM code WHERE slug NOT LIKE 'custom.%'");
    int bundled = 0;
    while (codes.step()) {
        CHECK(codes.text(0) == store::name_uuid("code", codes.text(1)));
        ++bundled;
    }
    CHECK(bundled > 10);
    CHECK(count(db, "SELECT count(*) FROM code WHERE uuid = 'custom-code-uuid'") == 1);
    // Sub-codes point at their parent's new uuid; segments at their code's.
    CHECK(count(db, "SELECT count(*) FROM code c WHERE parent_uuid IS NOT NULL AND NOT EXISTS "
                    "(SELECT 1 FROM code p WHERE p.uuid = c.parent_uuid)") == 0);
    CHECK(count(db, "SELECT count(*) FROM code WHERE parent_uuid IS NOT NULL") > 0);
    CHECK(count(db, "SELECT count(*) FROM segment WHERE uuid = 'seg-bundled' AND code_uuid = '" +
                        store::name_uuid("code", "benefits.students") + "'") == 1);
    CHECK(count(db, "SELECT count(*) FROM segment WHERE uuid = 'seg-custom' AND "
                    "code_uuid = 'custom-code-uuid'") == 1);
    CHECK(count(db, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
    CHECK(
        count(db, "SELECT count(*) FROM mc_profile WHERE uuid != name_uuid('mc_profile', slug)") ==
        0);
    CHECK(count(db, "SELECT count(*) FROM mc_stack WHERE uuid != name_uuid('mc_stack', slug)") ==
          0);
    // The timings read back as they were.
    auto c = store::get_conversation(db, old.conversation);
    CHECK(c->area_seconds.at("perceptions") == 90.0);
    CHECK(c->area_seconds.at("experience") == 30.5);
    // A workspace made new has the same identities.
    auto fresh = open_ws(dir / "fresh.db");
    CHECK(count(fresh->db(), "SELECT count(*) FROM code WHERE slug NOT LIKE 'custom.%'") ==
          bundled);
    auto uuids = [](store::Database& d) {
        std::string out;
        store::Statement st(d,
                            "SELECT uuid FROM code WHERE slug NOT LIKE 'custom.%' ORDER BY uuid");
        while (st.step())
            out += st.text(0) + "\n";
        return out;
    };
    CHECK(uuids(db) == uuids(fresh->db()));
}

TEST_CASE("Two copies of an old workspace migrated apart merge without doubling timings",
          "[store][merge][migration]") {
    TempDir dir;
    auto old = make_old_workspace(dir / "old.db");
    copy_workspace_file(dir / "old.db", dir / "copy.db");
    auto a = open_ws(dir / "old.db");
    auto r = store::merge_workspace(*a, dir / "copy.db");
    CHECK(r.total.added == 0);
    CHECK(r.total.conflicts == 0);
    CHECK(r.duplicate_codes.empty());
    auto c = store::get_conversation(a->db(), old.conversation);
    CHECK(c->area_seconds.at("perceptions") == 90.0);
    CHECK(count(a->db(), "SELECT count(*) FROM area_time") == 2);
}
