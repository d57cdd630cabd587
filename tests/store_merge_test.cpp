// Merging workspaces: two workspaces from one copy, edited apart, merged both ways and twice;
// two made from scratch; deletions and the trash; conflicts flipped; files refused.
#include "merge_fixture.hpp"
#include "store/answer_changes.hpp"
#include "store/answers.hpp"
#include "store/backup.hpp"
#include "store/code_edits.hpp"
#include "store/conversations.hpp"
#include "store/merge.hpp"
#include "store/merge_conflicts.hpp"
#include "store/people.hpp"
#include "store/ratings.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <thread>

using namespace convene;
using namespace convene::test;

namespace {

std::string notes(store::Database& db, const std::string& conversation,
                  const std::string& question) {
    return store::answers_for(db, conversation).at(question).notes;
}

// base.db with one conversation; a.db and b.db are copies of it, each edited on its own, and
// a0.db and b0.db copies of those before any merge.
struct TwoCopies {
    TempDir dir;
    std::filesystem::path a = dir / "a.db", b = dir / "b.db";
    std::string c0, ca, cb, ana, ben, cost_a, cost_b, seg_a, seg_b, made_in_a, made_in_b;

    TwoCopies() {
        {
            auto ws = open_ws(dir / "base.db");
            c0 = new_conversation(*ws, "Shared office");
            set_notes(ws->db(), c0, "perceptions.first_thoughts", "common start");
            ana = store::add_person(ws->db(), "Ana");
            store::add_area_seconds(ws->db(), "base-part", c0, "perceptions", 60);
            store::save_copy(ws->db(), a);
            store::save_copy(ws->db(), b);
        }
        {
            auto ws = open_ws(a);
            auto& db = ws->db();
            ca = new_conversation(*ws, "A office");
            std::string answer = set_notes(db, ca, "perceptions.first_thoughts", "only in A");
            set_notes(db, c0, "perceptions.first_thoughts", "edited in A");
            made_in_a = set_notes(db, c0, "experience.knowledge", "A wrote this");
            cost_a = store::add_code(db, {"Cost", "", "", ""});
            seg_a = code_whole_answer(db, answer, cost_a, ana);
            store::add_area_seconds(db, "a-part", c0, "perceptions", 30);
        }
        {
            auto ws = open_ws(b);
            auto& db = ws->db();
            cb = new_conversation(*ws, "B office");
            std::string answer = set_notes(db, c0, "perceptions.first_thoughts", "edited in B");
            made_in_b = set_notes(db, c0, "experience.knowledge", "B wrote this");
            cost_b = store::add_code(db, {"Cost", "", "", ""});
            ben = store::add_person(db, "Ben");
            seg_b = code_whole_answer(db, answer, cost_b, ben);
            store::add_area_seconds(db, "b-part", c0, "perceptions", 45);
        }
        copy_workspace_file(a, dir / "a0.db");
        copy_workspace_file(b, dir / "b0.db");
    }
};

std::string first_profile(store::Database& db) {
    store::Statement st(db, "SELECT min(slug) FROM mc_profile");
    REQUIRE(st.step());
    return st.text(0);
}

std::string current_criteria(store::Database& db) {
    store::Statement st(db, "SELECT hash FROM criteria_set WHERE criteria_id = 'mc-quality' AND "
                            "current = 1");
    REQUIRE(st.step());
    return st.text(0);
}

const store::TableMerge& table(const store::MergeReport& r, const std::string& name) {
    for (const auto& t : r.tables)
        if (t.table == name) return t;
    throw std::runtime_error("no table " + name + " in the report");
}

} // namespace

TEST_CASE("Merging a copy edited apart: the later edit wins, the other is a conflict",
          "[store][merge]") {
    TwoCopies w;
    auto ws = open_ws(w.a);
    auto& db = ws->db();
    auto other_before = file_bytes(w.b);
    auto r = store::merge_workspace(*ws, w.b);
    CHECK(file_bytes(w.b) == other_before); // the other file is only read

    CHECK(count(db, "SELECT count(*) FROM conversation") == 3);
    CHECK(notes(db, w.c0, "perceptions.first_thoughts") == "edited in B");
    CHECK(notes(db, w.c0, "experience.knowledge") == "B wrote this");
    CHECK(notes(db, w.ca, "perceptions.first_thoughts") == "only in A");
    // The answer both made apart is one answer, with the smaller of the two uuids.
    CHECK(r.unified == (w.made_in_a > w.made_in_b ? 1 : 0));
    CHECK(count(db, "SELECT count(*) FROM answer WHERE uuid = '" +
                        std::min(w.made_in_a, w.made_in_b) + "'") == 1);
    CHECK(count(db, "SELECT count(*) FROM answer WHERE conversation_uuid = '" + w.c0 + "'") == 2);

    auto& answers = table(r, "answer").counts;
    CHECK(answers.added == 0);
    CHECK(answers.updated == 0);
    CHECK(answers.conflicts == 2);
    auto conflicts = store::list_conflicts(db);
    REQUIRE(conflicts.size() == 2);
    for (const auto& c : conflicts) {
        CHECK(c.table == "answer");
        bool first = c.row_key == w.c0 + "/perceptions.first_thoughts";
        CHECK(c.other.find(first ? "edited in A" : "A wrote this") != std::string::npos);
        CHECK(c.kept.find(first ? "edited in B" : "B wrote this") != std::string::npos);
    }

    // Coders by uuid: Ana (in both) once, Ben added; both segments kept with their coder.
    CHECK(table(r, "person").counts.added == 1);
    CHECK(table(r, "person").counts.unchanged == 1);
    CHECK(count(db, "SELECT count(*) FROM person") == 2);
    CHECK(table(r, "segment").counts.added == 1);
    CHECK(count(db, "SELECT count(*) FROM segment WHERE deleted_at IS NULL") == 2);
    CHECK(count(db, "SELECT count(*) FROM segment WHERE uuid = '" + w.seg_b +
                        "' AND coder_uuid = '" + w.ben + "' AND code_uuid = '" + w.cost_b + "'") ==
          1);
    // The two "Cost" codes are both kept, and reported for the user to unify.
    REQUIRE(r.duplicate_codes.size() == 1);
    CHECK(r.duplicate_codes[0].path == "Cost");
    CHECK(r.duplicate_codes[0].uuids.size() == 2);
    CHECK(table(r, "code").counts.added == 1);
    // Timings add up by parts: 60 s before the copy, 30 s in A, 45 s in B.
    CHECK(store::get_conversation(db, w.c0)->area_seconds.at("perceptions") == 135.0);
    CHECK(table(r, "conversation").counts.added == 1);
    CHECK(table(r, "conversation").counts.conflicts == 0);
    CHECK(r.total.conflicts == 2);
    CHECK(r.total.updated == 0);
    CHECK(r.total.removed == 0);

    SECTION("merging the same file again changes nothing") {
        auto before = content(db);
        auto again = store::merge_workspace(*ws, w.b);
        CHECK(again.total.added == 0);
        CHECK(again.total.updated == 0);
        CHECK(again.total.conflicts == 0);
        CHECK(again.total.removed == 0);
        CHECK(again.unified == 0); // the answer made apart already has the smaller uuid here
        CHECK(content(db) == before);
        CHECK(store::list_conflicts(db).size() == 2);
        CHECK(store::get_conversation(db, w.c0)->area_seconds.at("perceptions") == 135.0);
    }
    SECTION("merging back the other way gives both workspaces the same content") {
        auto wb = open_ws(w.b);
        auto back = store::merge_workspace(*wb, w.a);
        CHECK(back.total.conflicts == 0); // A already holds B's edits as the later ones
        CHECK(back.total.added > 0);
        CHECK(content(wb->db()) == content(db));
        CHECK(notes(wb->db(), w.c0, "perceptions.first_thoughts") == "edited in B");
        CHECK(store::get_conversation(wb->db(), w.c0)->area_seconds.at("perceptions") == 135.0);
    }
}

TEST_CASE("A merge is commutative: A+B has the same content as B+A", "[store][merge]") {
    TwoCopies w;
    copy_workspace_file(w.dir / "a0.db", w.dir / "a1.db");
    copy_workspace_file(w.dir / "b0.db", w.dir / "b1.db");
    auto ab = open_ws(w.dir / "a1.db");
    auto ba = open_ws(w.dir / "b1.db");
    auto r1 = store::merge_workspace(*ab, w.dir / "b0.db");
    auto r2 = store::merge_workspace(*ba, w.dir / "a0.db");
    CHECK(content(ab->db()) == content(ba->db()));
    CHECK(r1.total.conflicts == r2.total.conflicts);
    // The answer made apart has the smaller uuid on both sides.
    CHECK(count(ab->db(), "SELECT count(*) FROM answer") == count(ba->db(), "SELECT count(*) "
                                                                            "FROM answer"));
}

TEST_CASE("Two workspaces created apart merge without duplicating anything bundled",
          "[store][merge]") {
    TempDir dir;
    auto x = open_ws(dir / "x.db");
    std::this_thread::sleep_for(std::chrono::milliseconds(5)); // seeded at other times
    { open_ws(dir / "y.db"); }
    const char* tables[] = {
        "code",          "mc_profile",          "mc_stack", "guide", "instrument",
        "currency_unit", "currency_conversion", "person"};
    std::map<std::string, std::int64_t> before;
    for (const char* t : tables)
        before[t] = count(x->db(), std::string("SELECT count(*) FROM ") + t);
    auto r = store::merge_workspace(*x, dir / "y.db");
    for (const char* t : tables)
        CHECK(count(x->db(), std::string("SELECT count(*) FROM ") + t) == before[t]);
    CHECK(r.total.added == 0);
    CHECK(r.total.conflicts == 0);
    CHECK(r.total.updated == 0);
    CHECK(r.duplicate_codes.empty());
    CHECK(table(r, "code").counts.unchanged == before["code"]);
}

TEST_CASE("The trash and removals travel in a merge", "[store][merge]") {
    TwoCopies w;
    std::string quote;
    {
        auto ws = open_ws(w.dir / "base.db");
        quote = add_quote(ws->db(), w.c0, "perceptions.first_thoughts", "we said this");
    }
    copy_workspace_file(w.dir / "base.db", w.dir / "c.db");
    copy_workspace_file(w.dir / "base.db", w.dir / "d.db");
    {
        auto c = open_ws(w.dir / "c.db");
        std::this_thread::sleep_for(std::chrono::milliseconds(3));
        store::trash_conversation(c->db(), w.c0);
        store::AnswerChange ch;
        ch.conversation_uuid = w.c0;
        ch.question_id = "perceptions.first_thoughts";
        ch.quotes_removed.push_back(quote);
        store::restore_conversation(c->db(), w.c0);
        store::record_answer_change(c->db(), ch);
        store::trash_conversation(c->db(), w.c0);
    }
    auto d = open_ws(w.dir / "d.db");
    auto r = store::merge_workspace(*d, w.dir / "c.db");
    CHECK(store::get_conversation(d->db(), w.c0)->deleted_at.has_value());
    CHECK(count(d->db(), "SELECT count(*) FROM quote WHERE uuid = '" + quote + "'") == 0);
    CHECK(table(r, "quote").counts.removed == 1);
    CHECK(r.total.conflicts == 0);
    // ... and a merge the other way does not bring the quote back.
    auto c = open_ws(w.dir / "c.db");
    store::merge_workspace(*c, w.dir / "d.db");
    CHECK(count(c->db(), "SELECT count(*) FROM quote WHERE uuid = '" + quote + "'") == 0);
    CHECK(store::get_conversation(c->db(), w.c0)->deleted_at.has_value());
}

TEST_CASE("A conflict flipped takes the other version as a new edit", "[store][merge]") {
    TwoCopies w;
    auto ws = open_ws(w.a);
    auto& db = ws->db();
    store::merge_workspace(*ws, w.b);
    auto conflicts = store::list_conflicts(db);
    auto it = std::find_if(conflicts.begin(), conflicts.end(), [&](const auto& c) {
        return c.row_key == w.c0 + "/perceptions.first_thoughts";
    });
    REQUIRE(it != conflicts.end());
    store::flip_conflict(db, it->uuid);
    CHECK(notes(db, w.c0, "perceptions.first_thoughts") == "edited in A");
    CHECK(store::list_conflicts(db).size() == 1);
    auto all = store::list_conflicts(db, true);
    REQUIRE(all.size() == 2);
    CHECK(all.back().other.find("edited in B") != std::string::npos);
    // The choice is the newest edit: merging B again does not undo it, and B takes it.
    auto again = store::merge_workspace(*ws, w.b);
    CHECK(notes(db, w.c0, "perceptions.first_thoughts") == "edited in A");
    CHECK(again.total.conflicts == 0);
    auto wb = open_ws(w.b);
    store::merge_workspace(*wb, w.a);
    CHECK(notes(wb->db(), w.c0, "perceptions.first_thoughts") == "edited in A");
    CHECK(store::list_conflicts(wb->db()).empty());
}

TEST_CASE("A dry run reports and changes nothing, a cancel rolls back", "[store][merge]") {
    TwoCopies w;
    auto ws = open_ws(w.a);
    auto before = content(ws->db());
    store::MergeOptions dry;
    dry.dry_run = true;
    auto r = store::merge_workspace(*ws, w.b, dry);
    CHECK(r.dry_run);
    CHECK(r.total.added > 0);
    CHECK(content(ws->db()) == before);
    CHECK(store::list_conflicts(ws->db()).empty());

    store::MergeOptions cancel;
    std::size_t calls = 0;
    cancel.progress = [&](std::size_t done, std::size_t total) {
        CHECK(done <= total);
        return ++calls < 10;
    };
    CHECK_THROWS_AS(store::merge_workspace(*ws, w.b, cancel), store::MergeCancelled);
    CHECK(content(ws->db()) == before);
    CHECK(store::list_conflicts(ws->db()).empty());
}

TEST_CASE("Merging refuses a newer, a garbage, a locked or the same file, touching nothing",
          "[store][merge]") {
    TempDir dir;
    auto ws = open_ws(dir / "ws.db");
    new_conversation(*ws, "Mine");
    auto mine = file_bytes(dir / "ws.db");
    auto refused = [&](const std::filesystem::path& other, const std::string& reason) {
        INFO(other.string());
        try {
            store::merge_workspace(*ws, other);
            FAIL("merged " + other.string());
        } catch (const store::RefusedError& e) {
            CHECK_THAT(e.what(), Catch::Contains(reason));
        }
        CHECK(file_bytes(dir / "ws.db") == mine);
    };

    SECTION("newer") {
        std::vector<store::Migration> newer(store::schema_migrations().begin(),
                                            store::schema_migrations().end());
        newer.push_back({store::latest_schema_version() + 1, "CREATE TABLE later (x)"});
        { store::Workspace w(dir / "newer.db", newer); }
        auto bytes = file_bytes(dir / "newer.db");
        refused(dir / "newer.db", "newer version of Convene");
        CHECK(file_bytes(dir / "newer.db") == bytes);
    }
    SECTION("garbage") {
        std::string junk(8192, '\0');
        for (std::size_t i = 0; i < junk.size(); ++i)
            junk[i] = static_cast<char>((i * 7919) % 251);
        write_file(dir / "junk.db", junk);
        refused(dir / "junk.db", "not an SQLite database");
        CHECK(read_file(dir / "junk.db") == junk);
    }
    SECTION("locked") {
        { open_ws(dir / "busy.db"); }
        store::Database holder((dir / "busy.db").string(), store::OpenMode::ReadWrite);
        holder.exec("PRAGMA journal_mode = DELETE");
        holder.exec("BEGIN EXCLUSIVE");
        holder.exec("INSERT INTO meta(key, value) VALUES ('writing', 'now')");
        refused(dir / "busy.db", "locked by another program");
        holder.exec("ROLLBACK");
    }
    SECTION("itself and missing") {
        refused(dir / "ws.db", "this workspace itself");
        refused(dir / "nowhere.db", "does not exist");
    }
}

TEST_CASE("A rating made apart by the same reviewer is one rating, the later edit kept",
          "[store][merge]") {
    TwoCopies w;
    auto rate = [&](const std::filesystem::path& path, int level, const std::string& note) {
        auto ws = open_ws(path);
        std::this_thread::sleep_for(std::chrono::milliseconds(3));
        store::RatingChange c;
        c.profile_slug = first_profile(ws->db());
        c.criteria_hash = current_criteria(ws->db());
        c.criterion_id = "competency";
        c.reviewer_uuid = w.ana;
        c.level = level;
        c.note = note;
        store::record_rating_change(ws->db(), c);
    };
    rate(w.a, 1, "thin evidence");
    rate(w.b, 2, "enough evidence");
    auto ws = open_ws(w.a);
    auto r = store::merge_workspace(*ws, w.b);
    CHECK(count(ws->db(), "SELECT count(*) FROM rating") == 1);
    CHECK(count(ws->db(), "SELECT level FROM rating") == 2);
    CHECK(table(r, "rating").counts.conflicts == 1);
    auto wb = open_ws(w.b);
    store::merge_workspace(*wb, w.a);
    CHECK(content(wb->db()) == content(ws->db()));
}
