// The Surveys screen: results, a comparison, an import with its progress, and the kiosk started
// and left from the screen.
#include "app/ui_probe.hpp"
#include "gui_harness.hpp"
#include "store/surveys.hpp"

#include "temp_dir.hpp"
#include <algorithm>

#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

using namespace convene;
using convene::test::GuiHarness;
using convene::test::TempDir;

namespace {

void wait_for(GuiHarness& gui, const std::string& probe_name) {
    for (int i = 0; i < 500 && !app::probe_find(probe_name); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        gui.frame();
    }
}

} // namespace

TEST_CASE("a survey is imported through the dialog and its results and comparison are shown") {
    TempDir dir;
    auto csv = dir / "responses.csv";
    std::string rows = "Response ID,Professional-learning format,lc.regular_time,lc.shared_goals\n";
    for (int i = 0; i < 40; ++i)
        rows += "R" + std::to_string(i) + "," + (i % 2 ? "other" : "micro-credential") + "," +
                std::to_string(1 + i % 5) + "," + (i % 3 ? "Agree" : "Disagree") + "\n";
    convene::test::write_file(csv, rows);

    GuiHarness gui(dir / "ws.db", 1600, 1400);
    gui.click("nav.surveys");
    gui.click("surveys.instrument.pl-standards");
    gui.click("surveys.import");
    gui.click("surveys.import.file");
    gui.type(csv.string());
    gui.click("surveys.import.check");
    wait_for(gui, "surveys.import.report");
    CHECK(store::count_respondents(gui.app().workspace()->db(), "pl-standards") == 0);
    gui.click("surveys.import.run");
    wait_for(gui, "surveys.import.report");
    gui.frame(2);
    CHECK(store::count_respondents(gui.app().workspace()->db(), "pl-standards") == 40);
    gui.click("surveys.import.close");
    CHECK(app::probe_find("surveys.constructs"));
    gui.click("surveys.tab.compare");
    CHECK(app::probe_find("surveys.compare.result"));
    gui.click("surveys.compare.pooled");
    CHECK(app::probe_find("surveys.compare.result"));
    CHECK(gui.app().error_message().empty());
}

TEST_CASE("a bad file is reported in the import dialog and nothing is imported") {
    TempDir dir;
    auto csv = dir / "bad.csv";
    convene::test::write_file(csv, "Response ID,lc.regular_time\nR1,9\n");
    GuiHarness gui(dir / "ws.db", 1600, 1400);
    gui.click("nav.surveys");
    gui.click("surveys.instrument.pl-standards");
    gui.click("surveys.import");
    gui.click("surveys.import.file");
    gui.type(csv.string());
    gui.click("surveys.import.run");
    wait_for(gui, "surveys.import.report");
    CHECK(app::probe_find("surveys.import.report"));
    CHECK(store::count_respondents(gui.app().workspace()->db(), "pl-standards") == 0);
}

TEST_CASE("the kiosk takes the whole window until Ctrl+Alt+K") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1280, 720);
    gui.click("nav.surveys");
    gui.click("surveys.kiosk");
    CHECK(app::probe_find("kiosk.start"));
    CHECK_FALSE(app::probe_find("nav.library")); // no navigation while the kiosk runs
    gui.key(GLFW_KEY_4, true);                   // a respondent's Ctrl+4 goes nowhere
    CHECK(gui.app().screen() == app::Screen::Surveys);
    CHECK(app::probe_find("kiosk.start"));
    gui.key(GLFW_KEY_K, true, true);
    CHECK_FALSE(app::probe_find("kiosk.start"));
    CHECK(app::probe_find("nav.library"));
}

TEST_CASE("an edited copy of an instrument is saved as a new one and the original is unchanged") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1600, 6000);
    auto& ws = *gui.app().workspace();
    auto original = *store::current_instrument(ws, "mc-participant");
    gui.click("nav.surveys");
    gui.click("surveys.instrument.mc-participant");
    gui.click("surveys.edit");
    const auto& first_likert =
        *std::find_if(original.items.begin(), original.items.end(), [](const auto& i) {
            return i.type == guides::ItemType::Likert && !i.reverse;
        });
    gui.click("instrument_editor.text." + first_likert.id);
    gui.key(GLFW_KEY_A, true);
    gui.type("What I learned fits the students I teach.");
    gui.click("instrument_editor.reverse." + first_likert.id);
    gui.click("instrument_editor.add");
    gui.click("instrument_editor.save");
    auto copy = store::current_instrument(ws, "mc-participant-custom");
    REQUIRE(copy);
    CHECK(copy->item(first_likert.id)->text == "What I learned fits the students I teach.");
    CHECK(copy->item(first_likert.id)->reverse);
    CHECK(copy->items.size() == original.items.size() + 1);
    CHECK(*store::current_instrument(ws, "mc-participant") == original);
    gui.click("instrument_editor.close");
    CHECK(app::probe_find("surveys.tab.respondents"));
}

TEST_CASE("the kiosk's thank-you page offers no way back into the answers just given") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1280, 720);
    gui.click("nav.surveys");
    gui.click("surveys.instrument.mc-participant");
    gui.click("surveys.kiosk");
    gui.click("kiosk.start");
    for (int i = 0; i < 40 && !app::probe_find("kiosk.thanks"); ++i)
        gui.click("kiosk.next");
    REQUIRE(app::probe_find("kiosk.thanks"));
    CHECK_FALSE(app::probe_find("kiosk.back"));
    gui.click("kiosk.next_respondent");
    CHECK(app::probe_find("kiosk.start"));
}
