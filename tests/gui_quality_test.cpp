// The Quality review screen driven like a workgroup would: two reviewers rate a profile (buttons
// and keys), one hiding the other's ratings until done, and the compiled view and the overview
// follow what the autosaver wrote.
#include "app/ui_probe.hpp"
#include "gui_harness.hpp"
#include "store/criteria_sets.hpp"
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

void add_reviewer(GuiHarness& gui, const std::string& name) {
    gui.click("quality.add_reviewer");
    gui.replace_text("quality.add_reviewer.name", name);
    gui.click("quality.add_reviewer.add");
    gui.frame(2);
    REQUIRE(shown("quality.reviewer") == name);
}

std::size_t stored_levels(GuiHarness& gui) {
    auto& db = gui.app().workspace()->db();
    std::size_t n = 0;
    for (const auto& r : store::ratings_for_set(db, *store::find_criteria_set(db, "mc-quality")))
        n += r.level.has_value();
    return n;
}

} // namespace

TEST_CASE("two reviewers rate a profile and the compiled view follows") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1280, 6000); // tall enough to draw every criterion
    gui.click("nav.quality");
    gui.frame(2);
    REQUIRE(shown("quality.profile") == "Assessment Literacy");

    add_reviewer(gui, "Ann");
    gui.click("quality.rate.rubric.3"); // Fully evident, with the mouse
    gui.frame();
    CHECK(shown("quality.rate.rubric.3") == "on"); // shown at once, before it is written
    gui.key(GLFW_KEY_DOWN);                        // from rubric to assessors
    gui.key(GLFW_KEY_1);                           // Not evident, with the keyboard
    REQUIRE(gui.frames_until([&] { return stored_levels(gui) == 2; }));
    gui.frame(2);
    CHECK(shown("quality.progress") == "2/9");

    add_reviewer(gui, "Ben");
    gui.click("quality.hide_others");
    gui.frame();
    CHECK(shown("quality.others.rubric") == "(not drawn)"); // Ann's rating stays hidden
    gui.click("quality.rate.rubric.1");
    gui.key(GLFW_KEY_DOWN);
    gui.key(GLFW_KEY_1);
    REQUIRE(gui.frames_until([&] { return stored_levels(gui) == 4; }));
    gui.click("quality.tab.compiled");
    gui.frame(2);
    CHECK(app::probe_find("quality.compiled.hidden")); // Ben has not rated everything yet
    gui.click("quality.tab.rate");
    gui.click("quality.hide_others");
    gui.frame(2);
    CHECK(shown("quality.others.rubric") == "Ann: Fully evident");

    gui.click("quality.tab.compiled");
    REQUIRE(gui.frames_until(
        [&] { return shown("quality.compiled.summary").starts_with("2 reviewers, 4 ratings"); }));
    // Fully and Not evident: the median falls between them, and the lower one is the consensus.
    CHECK(shown("quality.compiled.consensus.rubric") == "Not evident");
    CHECK(shown("quality.compiled.consensus.assessors") == "Not evident");
    CHECK(shown("quality.compiled.consensus.equity") == "not rated");
    CHECK_THAT(shown("quality.compiled.agreement"), Catch::Contains("Percent agreement 0.50"));

    gui.click("quality.tab.overview");
    gui.frame(2);
    CHECK(shown("quality.overview.assessment-literacy.rubric") == "1");
    gui.click("quality.overview.assessment-literacy");
    gui.frame(2);
    CHECK(app::probe_find("quality.compiled.summary"));
}
