// Library > Quality criteria driven like a workgroup would: add a criterion and a rating level
// to the bundled set and save it as a new version (the earlier one and its ratings stay, and the
// Quality review screen offers both); an invalid draft is refused with every problem shown and
// nothing stored.
#include "app/ui_probe.hpp"
#include "gui_harness.hpp"
#include "store/criteria_sets.hpp"
#include "store/people.hpp"
#include "store/ratings.hpp"
#include "store/workspace.hpp"
#include "temp_dir.hpp"

#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>
#include <string>

using namespace convene;
using convene::test::GuiHarness;
using convene::test::shown;
using convene::test::TempDir;

namespace {

void open_editor(GuiHarness& gui) {
    gui.click("nav.library");
    gui.frame(2);
    gui.click("library.tab.criteria");
    gui.frame(2);
    REQUIRE(app::probe_find("criteria.title"));
}

// Ann's rating of one criterion against the set as bundled.
std::vector<store::Rating> rate_bundled_set(store::Database& db, const std::string& hash) {
    store::RatingChange change{"assessment-literacy", hash, "rubric", store::add_person(db, "Ann")};
    change.level = std::optional<int>(2);
    change.note = "The rubric is published on the issuer's site.";
    store::record_rating_change(db, change);
    return store::ratings_for_set(db, hash);
}

} // namespace

TEST_CASE("the criteria editor saves an edited set as a new version beside the old one") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1280, 6000); // tall enough to draw every criterion
    auto& db = gui.app().workspace()->db();
    const std::string old_hash = *store::find_criteria_set(db, "mc-quality");
    const auto old_set = *store::criteria_by_hash(db, old_hash);
    const auto old_ratings = rate_bundled_set(db, old_hash);
    REQUIRE(old_ratings.size() == 1);

    open_editor(gui);
    CHECK(shown("criteria.versions") == "v0.1 (current, 1 rating)");
    gui.click("criteria.cat.1.add"); // a fifth criterion under "How mastery is shown and judged"
    gui.frame();
    gui.replace_text("criteria.crit.1.4.text",
                     "Earners may appeal a decision to a second assessor");
    gui.replace_text("criteria.crit.1.4.guidance", "An appeal route is published with a deadline.");
    gui.click("criteria.add_level");
    gui.frame();
    gui.replace_text("criteria.level.3.label", "Exemplary");
    gui.frame();
    CHECK(shown("criteria.message") == "Changed, not saved yet");
    gui.click("criteria.save");
    gui.frame(2);
    CHECK(shown("criteria.message").starts_with("Saved as version 0.2"));

    auto versions = store::list_criteria_sets(db, true);
    REQUIRE(versions.size() == 2);
    const std::string new_hash = *store::find_criteria_set(db, "mc-quality");
    CHECK(new_hash != old_hash);
    // The earlier version and the rating made against it are untouched.
    CHECK(*store::criteria_by_hash(db, old_hash) == old_set);
    CHECK(store::ratings_for_set(db, old_hash) == old_ratings);
    CHECK(store::ratings_for_set(db, new_hash).empty());

    auto edited = *store::criteria_by_hash(db, new_hash);
    CHECK(edited.version == "0.2");
    REQUIRE(edited.levels.size() == 4);
    CHECK(edited.levels[3] == guides::RatingLevel{"Exemplary", 3});
    const auto& assessment = edited.categories.at(1).criteria;
    REQUIRE(assessment.size() == 5);
    CHECK(assessment[4].id == "earners_appeal_decision"); // a readable id, from its words
    CHECK(assessment[4].text == "Earners may appeal a decision to a second assessor");
    CHECK(assessment[4].guidance == "An appeal route is published with a deadline.");
    CHECK(shown("criteria.versions") == "v0.1 (1 rating); v0.2 (current, 0 ratings)");

    // The Quality review screen opens on the new version and still offers the earlier one.
    gui.click("nav.quality");
    gui.frame(2);
    CHECK(shown("quality.set") == "v0.2 · Micro-credential quality: a workgroup draft");
    CHECK(app::probe_find("quality.set.newer") == std::nullopt);
    gui.click("quality.set");
    gui.click("quality.set.v0.1 (earlier) · Micro-credential quality: a workgroup draft");
    gui.frame(2);
    CHECK_THAT(shown("quality.set.newer"), Catch::Contains("v0.2"));
    gui.click("quality.tab.compiled");
    gui.frame(2);
    CHECK(shown("quality.compiled.consensus.rubric") == "Fully evident"); // Ann's rating
    gui.click("quality.set.use_current");
    gui.frame(2);
    CHECK(shown("quality.set") == "v0.2 · Micro-credential quality: a workgroup draft");
}

TEST_CASE("the criteria editor refuses an invalid set and stores nothing") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1280, 6000);
    auto& db = gui.app().workspace()->db();
    open_editor(gui);
    gui.replace_text("criteria.level.1.score", "0"); // the same score as "Not evident"
    gui.click("criteria.crit.0.0.text");             // and a criterion without its text
    gui.key(GLFW_KEY_A, true);
    gui.key(GLFW_KEY_DELETE);
    gui.click("criteria.save");
    gui.frame(2);

    CHECK(store::list_criteria_sets(db, true).size() == 1);
    CHECK(shown("criteria.message") == "Not saved: 2 problems to fix first.");
    auto problems = shown("criteria.problems");
    CHECK_THAT(problems, Catch::Contains("levels[1].score: must be higher"));
    CHECK_THAT(problems, Catch::Contains("categories[0].criteria[0].text: "));
    // Each problem is also shown under its field, and the draft is kept to be fixed.
    CHECK(app::probe_find("criteria.problem.levels[1].score"));
    CHECK(app::probe_find("criteria.problem.categories[0].criteria[0].text"));
    CHECK(shown("criteria.versions") == "v0.1 (current, 0 ratings)");

    gui.replace_text("criteria.level.1.score", "1");
    gui.replace_text("criteria.crit.0.0.text", "It names one competency.");
    gui.click("criteria.save");
    gui.frame(2);
    CHECK(store::list_criteria_sets(db, true).size() == 2);
    CHECK(shown("criteria.problems") == "(not drawn)");
}

TEST_CASE("a new criteria set is built, reordered and saved from the editor") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1280, 6000);
    auto& db = gui.app().workspace()->db();
    open_editor(gui);
    gui.click("criteria.new");
    gui.frame();
    gui.replace_text("criteria.title", "Stackable pathway review");
    gui.replace_text("criteria.crit.0.0.text", "The stack names its entry point");
    gui.replace_text("criteria.crit.0.0.guidance", "A first credential anyone may start with.");
    gui.click("criteria.add_category");
    gui.frame();
    gui.replace_text("criteria.cat.1.title", "Currency");
    gui.replace_text("criteria.crit.1.0.text", "Hours are stated");
    gui.replace_text("criteria.crit.1.0.guidance", "Clock hours or credits on the profile.");
    gui.click("criteria.cat.1.up"); // Currency first
    gui.frame();
    gui.click("criteria.crit.1.0.category"); // the entry point criterion joins Currency
    gui.click("criteria.crit.1.0.to.0");
    gui.frame();
    gui.click("criteria.cat.1.remove"); // General is empty now
    gui.frame();
    gui.click("criteria.level.0.remove"); // no "Not evident"
    gui.frame();
    gui.click("criteria.save");
    gui.frame(2);

    auto hash = store::find_criteria_set(db, "my-criteria");
    REQUIRE(hash);
    auto set = *store::criteria_by_hash(db, *hash);
    CHECK(set.title == "Stackable pathway review");
    REQUIRE(set.levels.size() == 2);
    CHECK(set.levels[0].label == "Partly evident");
    REQUIRE(set.categories.size() == 1);
    CHECK(set.categories[0].id == "currency");
    REQUIRE(set.categories[0].criteria.size() == 2);
    CHECK(set.categories[0].criteria[0].id == "hours_stated");
    CHECK(set.categories[0].criteria[1].id == "stack_names_entry");
    CHECK(set.categories[0].criteria[1].guidance == "A first credential anyone may start with.");
    CHECK(set.categories[0].criteria[0].guidance == "Clock hours or credits on the profile.");
    CHECK(shown("criteria.set") == "Stackable pathway review");
    CHECK(shown("criteria.versions") == "v1 (current, 0 ratings)");
}
