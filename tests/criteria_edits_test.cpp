// Editing a criteria set: readable ids for new entries, version labels, moving criteria, and
// saving a draft as a new version (validated like a file; a taken label raised; nothing stored
// for an unchanged or invalid draft).
#include "guides/criteria_edits.hpp"
#include "store/criteria_sets.hpp"
#include "store/seed.hpp"
#include "store/workspace.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace convene;
using convene::test::TempDir;

TEST_CASE("new criteria get ids from the words of their text") {
    std::set<std::string> used;
    auto taken = [&](const std::string& id) { return used.count(id) > 0; };
    CHECK(guides::readable_id("Earners may resubmit their work", "criterion", taken) ==
          "earners_resubmit_work");
    CHECK(guides::readable_id("  The RUBRIC is public!  ", "criterion", taken) == "rubric_public");
    CHECK(guides::readable_id("", "criterion", taken) == "criterion");
    CHECK(guides::readable_id("Équité et accès", "criterion", taken) == "quit_et_accs");
    used = {"criterion", "criterion_2"};
    CHECK(guides::readable_id("", "criterion", taken) == "criterion_3");
    used = {"rubric_public"};
    CHECK(guides::readable_id("The rubric is public", "criterion", taken) == "rubric_public_2");
    // Long words stop the id before it gets unwieldy, and it stays a valid id.
    auto long_id = guides::readable_id(std::string(80, 'x') + " more", "criterion", taken);
    CHECK(long_id == "criterion");
}

TEST_CASE("the next version raises the last number of the label") {
    CHECK(guides::next_version("0.1") == "0.2");
    CHECK(guides::next_version("1") == "2");
    CHECK(guides::next_version("0.9") == "0.10");
    CHECK(guides::next_version("2024-draft") == "2025-draft");
    CHECK(guides::next_version("v1.99b") == "v1.100b");
    CHECK(guides::next_version("draft") == "draft 2");
    CHECK(guides::next_version("") == "2");
}

TEST_CASE("criteria move within and between categories") {
    auto set = guides::starter_criteria_set("mine");
    set.categories[0].criteria.push_back({"second", "Second.", "", {}});
    set.categories.push_back({"other", "Other", {{"third", "Third.", "", {}}}});
    CHECK(guides::move_item(set.categories[0].criteria, 1, -1));
    CHECK(set.categories[0].criteria[0].id == "second");
    CHECK_FALSE(guides::move_item(set.categories[0].criteria, 0, -1));
    CHECK_FALSE(guides::move_item(set.categories[0].criteria, 1, 1));
    guides::move_criterion(set, 0, 0, 1);
    REQUIRE(set.categories[1].criteria.size() == 2);
    CHECK(set.categories[1].criteria[1].id == "second");
    CHECK(set.categories[0].criteria.size() == 1);
}

TEST_CASE("a starter set needs its criterion's text and guidance before it can be saved") {
    auto set = guides::starter_criteria_set("mine");
    auto check = guides::check_criteria(set);
    REQUIRE(check.problems.size() == 2);
    CHECK(check.problems[0].path == "categories[0].criteria[0].text");
    CHECK(check.problems[1].path == "categories[0].criteria[0].guidance");
    set.categories[0].criteria[0].text = "It says what it certifies.";
    set.categories[0].criteria[0].guidance = "A competency statement on the first page.";
    CHECK(guides::check_criteria(set).set == set);
}

TEST_CASE("saving an edited set stores a new version and keeps the earlier ones") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    auto& db = ws->db();
    const std::string bundled = *store::find_criteria_set(db, "mc-quality");
    auto set = *store::criteria_by_hash(db, bundled);

    SECTION("an unchanged set stores nothing") {
        auto saved = store::save_criteria_version(db, set);
        CHECK(saved.problems.empty());
        CHECK_FALSE(saved.stored.added);
        CHECK(saved.stored.hash == bundled);
        CHECK(store::list_criteria_sets(db, true).size() == 1);
    }
    SECTION("an edit keeping the label gets the next free one") {
        set.title = "Edited";
        auto first = store::save_criteria_version(db, set);
        CHECK(first.stored.added);
        CHECK(first.version == "0.2");
        set.title = "Edited again"; // the label typed is still 0.1: 0.2 is taken now
        auto second = store::save_criteria_version(db, set);
        CHECK(second.version == "0.3");
        CHECK(store::find_criteria_set(db, "mc-quality") == second.stored.hash);
        CHECK(store::list_criteria_sets(db, true).size() == 3);
        CHECK(store::criteria_by_hash(db, bundled)->title != "Edited");
    }
    SECTION("an invalid draft is refused with its paths and nothing is stored") {
        set.levels[2].score = set.levels[1].score;
        set.categories[1].criteria[0].text.clear();
        auto saved = store::save_criteria_version(db, set);
        REQUIRE(saved.problems.size() == 2);
        CHECK(saved.problems[0].path == "levels[2].score");
        CHECK(saved.problems[1].path == "categories[1].criteria[0].text");
        CHECK(saved.stored.hash.empty());
        CHECK(store::list_criteria_sets(db, true).size() == 1);
    }
}
