// The Surveys screen: results, a comparison, an import with its progress, and the kiosk started
// and left from the screen.
#include "app/ui_probe.hpp"
#include "gui_harness.hpp"
#include "guides/data_dir.hpp"
#include "store/demo.hpp"
#include "store/import_mappings.hpp"
#include "store/seed.hpp"
#include "store/sqlite.hpp"
#include "store/surveys.hpp"
#include "store/workspace.hpp"

#include "temp_dir.hpp"
#include <algorithm>

#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <imgui.h>
#include <thread>

using namespace convene;
using convene::test::GuiHarness;
using convene::test::probe_text;
using convene::test::TempDir;

namespace {

void wait_for(GuiHarness& gui, const std::string& probe_name) {
    for (int i = 0; i < 500 && !app::probe_find(probe_name); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        gui.frame();
    }
}

// The survey is loaded and analysed on a worker: draws frames until what it made is on screen.
void wait_for_survey(GuiHarness& gui) {
    REQUIRE(gui.frames_until([&] { return !gui.app().busy(); }));
}

// The demo project in a fresh workspace in dir.
std::filesystem::path demo_workspace(const TempDir& dir) {
    auto path = dir / "ws.db";
    auto ws = store::open_workspace(path);
    store::load_demo_project(*ws, guides::data_dir());
    return path;
}

// Waits until the comparison asked for (computed on a worker) is the one drawn.
void compared(GuiHarness& gui) {
    REQUIRE(gui.frames_until([] { return !app::probe_find("surveys.compare.updating"); }));
}

// Chooses an instrument in the list and waits until its results are the ones shown.
void show_instrument(GuiHarness& gui, const std::string& id) {
    gui.click("surveys.instrument." + id);
    REQUIRE(gui.frames_until([&] {
        auto shown = app::probe_find("surveys.shown");
        return !gui.app().busy() && shown && shown->text == id;
    }));
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
    show_instrument(gui, "pl-standards");
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
    wait_for_survey(gui); // the survey is read again with the 40 responses
    CHECK(probe_text("surveys.results.count") == "40 respondents");
    CHECK(app::probe_find("surveys.constructs"));
    gui.click("surveys.tab.compare");
    compared(gui);
    CHECK(app::probe_find("surveys.compare.result"));
    gui.click("surveys.compare.pooled");
    compared(gui);
    CHECK(app::probe_find("surveys.compare.result"));
    CHECK(gui.app().error_message().empty());
}

TEST_CASE("a bad file is reported in the import dialog and nothing is imported") {
    TempDir dir;
    auto csv = dir / "bad.csv";
    convene::test::write_file(csv, "Response ID,lc.regular_time\nR1,9\n");
    GuiHarness gui(dir / "ws.db", 1600, 1400);
    gui.click("nav.surveys");
    show_instrument(gui, "pl-standards");
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
    wait_for_survey(gui);
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
    show_instrument(gui, "mc-participant");
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
    show_instrument(gui, "mc-participant");
    gui.click("surveys.kiosk");
    gui.click("kiosk.start");
    for (int i = 0; i < 40 && !app::probe_find("kiosk.thanks"); ++i)
        gui.click(app::probe_find("kiosk.finish") ? "kiosk.finish"
                  : app::probe_find("kiosk.skip") ? "kiosk.skip"
                                                  : "kiosk.next");
    REQUIRE(app::probe_find("kiosk.thanks"));
    CHECK_FALSE(app::probe_find("kiosk.back"));
    gui.click("kiosk.next_respondent");
    CHECK(app::probe_find("kiosk.start"));
}

namespace {

// Two respondents of pl-standards, one with words for the open question.
void add_two_respondents(store::Workspace& ws) {
    store::Respondent a;
    a.external_id = "R1";
    a.source = "test";
    a.attributes["pl_format"] = "micro-credential";
    a.responses["lc.regular_time"] = {.number = 4, .text = {}, .choices = {}};
    a.responses["open.one_change"] = {.number = {}, .text = "Coaching cycles", .choices = {}};
    store::save_respondent(ws.db(), "pl-standards", a);
    store::Respondent b;
    b.external_id = "R2";
    b.source = "test";
    b.responses["lc.regular_time"] = {.number = 2, .text = {}, .choices = {}};
    store::save_respondent(ws.db(), "pl-standards", b);
}

} // namespace

TEST_CASE("open-text answers are listed in Results with who gave them") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1600, 1400);
    add_two_respondents(*gui.app().workspace());
    store::Respondent c;
    c.external_id = "R3";
    c.responses["open.one_change"] = {.number = {}, .text = "Time in the schedule", .choices = {}};
    store::save_respondent(gui.app().workspace()->db(), "pl-standards", c);
    gui.click("nav.surveys");
    show_instrument(gui, "pl-standards");
    gui.click("surveys.tab.results");
    gui.frame();
    CHECK(probe_text("surveys.open_text.open.one_change") == "2 answers");
    CHECK(probe_text("surveys.open_text.open.one_change.0") == "R1: Coaching cycles");
    CHECK(probe_text("surveys.open_text.open.one_change.1") == "R3: Time in the schedule");
    CHECK_FALSE(app::probe_find("surveys.open_text.open.one_change.2")); // R2 gave no words
}

TEST_CASE("a respondent is opened read-only and a test response moved to the trash") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1600, 1400);
    auto& ws = *gui.app().workspace();
    add_two_respondents(ws);
    gui.click("nav.surveys");
    show_instrument(gui, "pl-standards");
    gui.click("surveys.tab.respondents");
    CHECK(probe_text("surveys.respondents.count") == "2 respondents");
    gui.click("surveys.respondent.0");
    CHECK(probe_text("surveys.respondent.title") == "R1");
    CHECK(probe_text("surveys.respondent.answer.lc.regular_time") == "Agree (4)");
    CHECK(probe_text("surveys.respondent.answer.open.one_change") == "Coaching cycles");
    CHECK(probe_text("surveys.respondent.answer.lc.shared_goals") == "(no answer)");

    // Trash asks first; No keeps it.
    gui.click("surveys.respondent.trash");
    CHECK(app::probe_find("surveys.respondent.trash.yes"));
    gui.click("surveys.respondent.trash.no");
    CHECK(store::count_respondents(ws.db(), "pl-standards") == 2);
    gui.click("surveys.respondent.trash");
    gui.click("surveys.respondent.trash.yes");
    gui.frame(2);
    CHECK(store::count_respondents(ws.db(), "pl-standards") == 1);
    auto left = store::load_survey(ws, "pl-standards").respondents;
    REQUIRE(left.size() == 1);
    CHECK(left[0].external_id == "R2");
    CHECK_FALSE(app::probe_find("surveys.respondent.title")); // the window closed
    // The trashed row is kept (in the trash), not deleted.
    store::Statement st(ws.db(), "SELECT count(*) FROM respondent WHERE deleted_at IS NOT NULL");
    REQUIRE(st.step());
    CHECK(st.int64(0) == 1);
    // And every count on the screen now says one respondent, in the singular.
    wait_for_survey(gui);
    CHECK(probe_text("surveys.respondents.count") == "1 respondent");
    CHECK_THAT(probe_text("surveys.counts.pl-standards"), Catch::EndsWith(", 1 respondent"));
    gui.click("surveys.tab.results");
    CHECK(probe_text("surveys.results.count") == "1 respondent");
    CHECK(gui.app().error_message().empty());
}

TEST_CASE("counts on the Surveys screen use the plural only for more than one") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1600, 1400);
    add_two_respondents(*gui.app().workspace());
    gui.click("nav.surveys");
    show_instrument(gui, "pl-standards");
    CHECK_THAT(probe_text("surveys.counts.pl-standards"), Catch::EndsWith(" items, 2 respondents"));
    CHECK(probe_text("surveys.counts.mc-participant") == "16 items, 0 respondents");
    CHECK(probe_text("surveys.results.count") == "2 respondents");
}

TEST_CASE(
    "a new instrument is made from a Google Forms export: reviewed, one type changed, saved") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1600, 1400);
    gui.click("nav.surveys");
    wait_for_survey(gui);
    gui.click("surveys.new");
    gui.click("surveys.new.file");
    gui.type(CONVENE_TEST_DATA_DIR "/exports/google-forms.csv");
    gui.click("surveys.new.id");
    gui.type("coaching");
    gui.click("surveys.new.read");
    wait_for(gui, "surveys.new.save");
    // Column 4 holds the hours: proposed as a number, taken as open text instead.
    CHECK(probe_text("surveys.new.role.4") == "number");
    gui.click("surveys.new.role.4");
    gui.click("surveys.new.role.4.7");
    CHECK(probe_text("surveys.new.role.4") == "open text");
    // The first agreement item is reverse-scored.
    gui.click("surveys.new.reverse.6");
    gui.click("surveys.new.save");
    wait_for(gui, "surveys.new.done");
    CHECK(probe_text("surveys.new.done") == "Saved coaching and imported 8 respondents.");
    auto& ws = *gui.app().workspace();
    auto inst = store::current_instrument(ws, "coaching");
    REQUIRE(inst);
    CHECK(inst->item("how_many_hours_did_you")->type == guides::ItemType::Text);
    CHECK(inst->item("the_sessions_were_useful_to")->reverse);
    CHECK(store::count_respondents(ws.db(), "coaching") == 8);
    gui.click("surveys.new.close");
    REQUIRE(gui.frames_until([&] {
        auto shown = app::probe_find("surveys.shown");
        return !gui.app().busy() && shown && shown->text == "coaching";
    }));
    CHECK(probe_text("surveys.results.count") == "8 respondents");
    CHECK(gui.app().error_message().empty());
}

TEST_CASE("the import dialog's mapping step sends an unmatched column to an attribute") {
    TempDir dir;
    auto csv = dir / "responses.csv";
    convene::test::write_file(csv, "Group,Response ID,lc.regular_time\n"
                                   "micro-credential,R1,4\nother,R2,2\nother,R3,Agree\n");
    GuiHarness gui(dir / "ws.db", 1600, 1400);
    gui.click("nav.surveys");
    show_instrument(gui, "pl-standards");
    gui.click("surveys.import");
    gui.click("surveys.import.file");
    gui.type(csv.string());
    gui.click("surveys.import.check");
    wait_for(gui, "surveys.import.mapping.0");
    CHECK(probe_text("surveys.import.mapping.0").empty()); // "Group" matched nothing
    CHECK(probe_text("surveys.import.mapping.1") == "respondent_id");
    gui.click("surveys.import.mapping.0");
    gui.click("surveys.import.mapping.0.2"); // the first attribute: pl_format
    CHECK(probe_text("surveys.import.mapping.0") == "attribute:pl_format");
    gui.click("surveys.import.run");
    REQUIRE(gui.frames_until([&] {
        return store::count_respondents(gui.app().workspace()->db(), "pl-standards") == 3;
    }));
    gui.frame(2);
    auto data = store::load_survey(*gui.app().workspace(), "pl-standards");
    CHECK(data.respondents[0].attributes.at("pl_format") == "micro-credential");
    // The mapping is remembered: the same file imports again without a change.
    CHECK(store::remembered_mapping(gui.app().workspace()->db(), "pl-standards")->at("Group") ==
          "attribute:pl_format");
}

TEST_CASE("three school levels of the demo survey are compared and the pooled row is flagged") {
    TempDir dir;
    GuiHarness gui(demo_workspace(dir), 1600, 1400);
    gui.click("nav.surveys");
    show_instrument(gui, "pl-standards");
    // Results: the key to the bars and the share agreeing (top two boxes); the scale on Instrument.
    CHECK(probe_text("surveys.legend") == "Strongly disagree");
    CHECK(app::probe_find("surveys.item.agree.lc.regular_time"));
    gui.click("surveys.results.filter");
    gui.click("surveys.results.filter.complete");
    gui.frame(2);
    CHECK(probe_text("surveys.results.count") == "52 respondents");
    gui.click("surveys.results.filter");
    gui.click("surveys.results.filter.partial");
    gui.frame(2);
    CHECK(probe_text("surveys.results.count") == "48 respondents");
    gui.click("surveys.tab.instrument");
    gui.frame(2);
    CHECK_THAT(probe_text("surveys.instrument.scale.agree5"),
               Catch::Contains("1 Strongly disagree") && Catch::Contains("5 Strongly agree"));
    gui.click("surveys.tab.compare");
    gui.click("surveys.compare.by");
    gui.click("surveys.compare.by.school_level");
    gui.click("surveys.compare.target");
    gui.click("surveys.compare.target.communities");
    compared(gui);
    for (const char* row :
         {"surveys.compare.row.anova", "surveys.compare.row.welch_anova",
          "surveys.compare.row.kruskal", "surveys.compare.pairwise.elementary.middle",
          "surveys.compare.pairwise.elementary.high", "surveys.compare.pairwise.middle.high"}) {
        INFO(row);
        CHECK(app::probe_find(row));
    }
    CHECK_FALSE(app::probe_find("surveys.compare.row.student"));
    CHECK_THAT(probe_text("surveys.compare.reading"),
               Catch::Contains("Welch's ANOVA gives F(2, 59.0) = 0.08, p = .922") &&
                   Catch::Contains("8 of 100 respondents"));
    CHECK_THAT(probe_text("surveys.crosstab.experience.tests"),
               Catch::Contains("Chi-square(2) = 2.060"));
    // All ratings pooled: the warning, and respondents as clusters for three groups.
    gui.click("surveys.compare.pooled");
    compared(gui);
    CHECK_THAT(probe_text("surveys.compare.pooled_warning"),
               Catch::Contains("overstates significance"));
    CHECK(app::probe_find("surveys.compare.row.cluster_wald"));
    CHECK(app::probe_find("surveys.compare.cluster.middle.elementary"));
    CHECK(app::probe_find("surveys.compare.cluster.high.elementary"));
    CHECK_THAT(probe_text("surveys.compare.reading"),
               Catch::Contains("With respondents as clusters, F(2, 91) = 0.08, p = .919"));

    // Two groups left: the t tests; one group left: the panel says what to do.
    gui.click("surveys.compare.group.high");
    compared(gui);
    CHECK(app::probe_find("surveys.compare.row.welch"));
    gui.click("surveys.compare.group.middle");
    compared(gui);
    CHECK_THAT(probe_text("surveys.compare.error"), Catch::Contains("Pick at least two values"));

    gui.click("surveys.compare.by");
    gui.click("surveys.compare.by.pl_format");
    gui.click("surveys.compare.target");
    gui.click("surveys.compare.target.all");
    gui.click("surveys.compare.pooled");
    compared(gui);
    CHECK_THAT(probe_text("surveys.compare.pooled_warning"),
               Catch::Contains("overstates significance"));
    CHECK(app::probe_find("surveys.compare.row.cluster"));
    CHECK(app::probe_find("surveys.compare.row.student"));
    CHECK_THAT(probe_text("surveys.compare.reading"),
               Catch::Contains("respondents as clusters, p = .041"));
    CHECK(gui.app().error_message().empty());
}

TEST_CASE("a comparison is computed on a worker, not in the frame that asks for it") {
    TempDir dir;
    GuiHarness gui(demo_workspace(dir), 1600, 1400);
    gui.click("nav.surveys");
    show_instrument(gui, "pl-standards");
    gui.click("surveys.tab.compare");
    compared(gui);
    REQUIRE(app::probe_find("surveys.compare.result"));
    // Tick "pooled" by hand, stopping at the frame in which the click lands: that frame asks
    // for the comparison and says it is comparing, whatever the worker has done by then.
    auto box = app::probe_find("surveys.compare.pooled");
    REQUIRE(box);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2((box->x0 + box->x1) / 2, (box->y0 + box->y1) / 2);
    gui.frame();
    io.MouseDown[0] = true;
    gui.frame();
    io.MouseDown[0] = false;
    gui.frame();
    CHECK(app::probe_find("surveys.compare.updating"));
    compared(gui);
    CHECK(app::probe_find("surveys.compare.pooled_warning"));
    CHECK(gui.app().error_message().empty());
}
