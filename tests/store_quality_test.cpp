// The quality-review repositories: criteria sets by content hash and seeded once, ratings
// written as changes (level and note apart), what stakeholders said under a criterion's codes.
#include "export/quality_compilation.hpp"
#include "guides/data_dir.hpp"
#include "store/answer_changes.hpp"
#include "store/code_edits.hpp"
#include "store/conversations.hpp"
#include "store/criteria_sets.hpp"
#include "store/demo.hpp"
#include "store/guides.hpp"
#include "store/people.hpp"
#include "store/ratings.hpp"
#include "store/seed.hpp"
#include "store/segments.hpp"
#include "store/stakeholder_excerpts.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace convene;
using convene::test::TempDir;

namespace {

struct Fixture {
    TempDir dir;
    std::unique_ptr<store::Workspace> ws = store::open_workspace(dir / "ws.db");
    store::Database& db = ws->db();
    std::string set = *store::find_criteria_set(db, "mc-quality");
    std::string ana = store::add_person(db, "Ana");
    std::string bo = store::add_person(db, "Bo");

    store::RatingChange change(const std::string& reviewer, const std::string& criterion) const {
        return {"assessment-literacy", set, criterion, reviewer};
    }
    void rate(const std::string& reviewer, const std::string& criterion, int level) {
        auto c = change(reviewer, criterion);
        c.level = level;
        store::record_rating_change(db, c);
    }
};

} // namespace

TEST_CASE("a new workspace has the bundled criteria set, and an edit is a new version") {
    Fixture f;
    auto rows = store::list_criteria_sets(f.db);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].criteria_id == "mc-quality");
    CHECK(rows[0].bundled);
    CHECK(rows[0].criteria == 9);
    CHECK(rows[0].levels == 3);
    auto set = *store::criteria_by_hash(f.db, f.set);
    set.levels[2].label = "Clearly evident";
    auto r = store::import_criteria(f.db, set);
    CHECK(r.added);
    CHECK(r.hash != f.set);
    CHECK(store::find_criteria_set(f.db, "mc-quality") == r.hash);
    CHECK(store::find_criteria_set(f.db, f.set.substr(0, 8)) == f.set);
    CHECK(store::list_criteria_sets(f.db, true).size() == 2);
    CHECK_FALSE(store::import_criteria(f.db, set).added); // the same content again
}

TEST_CASE("an older workspace gets the bundled criteria set once") {
    TempDir dir;
    {
        auto ws = store::open_workspace(dir / "ws.db");
        // As a workspace seeded before format 7 looked: no criteria, no marker.
        store::Statement(ws->db(), "DELETE FROM criteria_set").run();
        store::Statement(ws->db(), "DELETE FROM meta WHERE key = 'criteria_seeded_at'").run();
    }
    {
        auto ws = store::open_workspace(dir / "ws.db");
        CHECK(store::list_criteria_sets(ws->db()).size() == 1);
        // Deleting it is the workgroup's choice: it does not come back.
        store::Statement(ws->db(), "UPDATE criteria_set SET deleted_at = 'now'").run();
    }
    auto ws = store::open_workspace(dir / "ws.db");
    CHECK(store::list_criteria_sets(ws->db()).empty());
}

TEST_CASE("a reviewer's level and note are separate parts that never overwrite another's") {
    Fixture f;
    f.rate(f.ana, "rubric", 2);
    auto note = f.change(f.ana, "rubric");
    note.note = "Rubric is on the issuer's site.";
    store::record_rating_change(f.db, note);
    f.rate(f.bo, "rubric", 1);
    f.rate(f.ana, "rubric", 1); // a later level keeps the earlier note
    auto rows = store::ratings_for_profile(f.db, "assessment-literacy", f.set);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].reviewer_name == "Ana");
    CHECK(rows[0].level == 1);
    CHECK(rows[0].note == "Rubric is on the issuer's site.");
    CHECK(rows[1].reviewer_name == "Bo");
    CHECK(rows[1].level == 1);
    CHECK(rows[1].note.empty());
    // Clearing the level keeps the note; a note alone makes a row with no level.
    auto clear = f.change(f.ana, "rubric");
    clear.level = std::optional<int>();
    store::record_rating_change(f.db, clear);
    auto only_note = f.change(f.bo, "equity");
    only_note.note = "Online only.";
    store::record_rating_change(f.db, only_note);
    rows = store::ratings_for_profile(f.db, "assessment-literacy", f.set);
    REQUIRE(rows.size() == 3);
    CHECK_FALSE(rows[0].level); // equity, Bo
    CHECK(rows[0].note == "Online only.");
    CHECK_FALSE(rows[1].level); // rubric, Ana
    CHECK(rows[1].note == "Rubric is on the issuer's site.");
    CHECK(store::ratings_for_set(f.db, f.set).size() == 3);
}

TEST_CASE("a rating of something not in the workspace is refused") {
    Fixture f;
    CHECK_THROWS_WITH(f.rate(f.ana, "rubric", 3), Catch::Contains("level 4 is not one of the 3"));
    CHECK_THROWS_WITH(f.rate(f.ana, "nonsense", 0), Catch::Contains("no criterion \"nonsense\""));
    CHECK_THROWS_WITH(f.rate("no-such-person", "rubric", 0), Catch::Contains("no reviewer"));
    auto c = f.change(f.ana, "rubric");
    c.profile_slug = "no-such-profile";
    c.level = 0;
    CHECK_THROWS_WITH(store::record_rating_change(f.db, c), Catch::Contains("no MC profile"));
    CHECK(store::ratings_for_set(f.db, f.set).empty());
}

TEST_CASE("rating changes split into level and note parts with their own keys") {
    Fixture f;
    auto c = f.change(f.ana, "rubric");
    c.level = 1;
    c.note = "x";
    auto parts = store::split_by_part(c);
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].first.ends_with("/rubric/" + f.ana + "/level"));
    CHECK(parts[0].second.level == std::optional<int>(1));
    CHECK_FALSE(parts[0].second.note);
    CHECK(parts[1].first.ends_with("/note"));
    CHECK(parts[1].second.note == "x");
    CHECK_FALSE(parts[1].second.level);
}

TEST_CASE("what stakeholders said is read from segments under a code and its sub-codes") {
    Fixture f;
    store::Conversation c;
    c.guide_hash = *store::current_guide_hash(*f.ws, "air-2019");
    c.group = "licensing";
    c.org = "State Board";
    auto conversation = store::create_conversation(f.db, c);
    store::AnswerChange ch;
    ch.conversation_uuid = conversation;
    ch.question_id = "impressions";
    ch.notes = "They want rubrics in public and trained scorers.";
    auto answer = store::record_answer_change(f.db, ch);
    auto rubrics = store::find_code(f.db, "evidence.rubrics")->uuid;
    auto assessors = store::find_code(f.db, "evidence.assessors")->uuid;
    auto notes = [&](const std::string& code, const std::string& coder, const std::string& words) {
        auto at = static_cast<std::int64_t>(ch.notes->find(words));
        auto end = at + static_cast<std::int64_t>(words.size());
        store::apply_code(f.db, {answer, code, coder, store::SegmentPart::Notes, {}, at, end, {}});
    };
    notes(rubrics, f.ana, "rubrics in public");
    notes(rubrics, f.bo, "rubrics in public"); // the same words by a second coder: listed once
    notes(assessors, f.ana, "trained scorers");
    auto under_evidence = store::excerpts_under_codes(f.db, {"evidence"});
    REQUIRE(under_evidence.size() == 2);
    CHECK(under_evidence[0].excerpt == "rubrics in public");
    CHECK(under_evidence[0].code_name == "Rubrics and scoring");
    CHECK(under_evidence[0].org == "State Board");
    CHECK(under_evidence[0].group_id == "licensing");
    CHECK(under_evidence[1].excerpt == "trained scorers");
    auto both = store::excerpts_under_codes(f.db, {"evidence.assessors", "no.such.code"});
    REQUIRE(both.size() == 1);
    CHECK(both[0].code_slug == "evidence.assessors");
    store::trash_conversation(f.db, conversation);
    CHECK(store::excerpts_under_codes(f.db, {"evidence"}).empty());
}

TEST_CASE("the demo has three reviewers who rated two profiles, with some disagreement") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    auto p = store::load_demo_project(*ws, guides::data_dir());
    CHECK(p.ratings == 51);
    CHECK(p.reviewers == 2); // the third is the demo's first coder
    auto hash = *store::find_criteria_set(ws->db(), "mc-quality");
    auto set = *store::criteria_by_hash(ws->db(), hash);
    auto all = store::ratings_for_set(ws->db(), hash);
    auto o = exporting::overview(set, all);
    REQUIRE(o.rows.size() == 2);
    auto al = store::ratings_for_profile(ws->db(), "assessment-literacy", hash);
    auto full = exporting::compile_profile(set, "assessment-literacy", al);
    CHECK(full.reviewers.size() == 3);
    CHECK(full.complete);
    REQUIRE(full.fleiss);
    REQUIRE(full.fleiss->kappa);
    CHECK(*full.fleiss->kappa < 0.9); // they do not agree on everything
    auto cc = store::ratings_for_profile(ws->db(), "collaborative-coaching", hash);
    auto partial = exporting::compile_profile(set, "collaborative-coaching", cc);
    CHECK_FALSE(partial.complete);
    CHECK_FALSE(partial.fleiss);
    CHECK(partial.alpha.alpha);
    CHECK(partial.criteria.front().disagreement > 0.5);
}
