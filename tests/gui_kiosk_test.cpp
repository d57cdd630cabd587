// The survey kiosk driven headless with simulated clicks, typing and keys: respondents one after
// another, each answer in the file within a second, the facilitator's keys leaving the kiosk.
// The kiosk is drawn on its own (not through the App's screens) through GuiHarness::set_draw.
#include "app/fonts.hpp"
#include "app/shortcuts.hpp"
#include "app/ui_probe.hpp"
#include "app/views/survey_kiosk.hpp"
#include "gui_harness.hpp"
#include "store/surveys.hpp"
#include "store/workspace.hpp"
#include "temp_dir.hpp"

#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>
#include <utility>
#include <vector>

using namespace convene;
using convene::test::GuiHarness;
using convene::test::TempDir;

namespace {

class KioskDriver {
  public:
    KioskDriver(GuiHarness& gui, const std::string& instrument_id) : gui_(gui) {
        auto instrument = store::current_instrument(*gui.app().workspace(), instrument_id);
        REQUIRE(instrument.has_value());
        kiosk.start(*gui.app().workspace(), *instrument);
        // The harness draws the kiosk alone, routing shortcuts to it and carrying out its writes
        // as the Surveys screen does.
        gui_.set_draw([this] {
            for (auto command : app::poll_shortcuts())
                commands.emplace_back(command, kiosk.handle(command));
            app::ViewContext ctx{gui_.app().workspace(), 0};
            kiosk.draw(ctx);
            kiosk.act(); // as the Surveys screen does after drawing
        });
        frame(2);
    }
    ~KioskDriver() { gui_.set_draw(nullptr); }

    app::SurveyKiosk kiosk;
    // Every shortcut pressed while the kiosk was drawn, and whether the kiosk took it.
    std::vector<std::pair<app::Command, bool>> commands;

    void frame(int count = 1) { gui_.frame(count); }
    void click(const std::string& name) { gui_.click(name); }
    void key(int glfw_key, bool ctrl = false, bool alt = false) { gui_.key(glfw_key, ctrl, alt); }
    void type(const std::string& utf8) { gui_.type(utf8); }

    // Moves one page on: Skip on a page without an answer, Next on one with an answer, Finish
    // on the review.
    void forward() {
        frame();
        if (shown("kiosk.finish"))
            click("kiosk.finish");
        else if (shown("kiosk.skip"))
            click("kiosk.skip");
        else
            click("kiosk.next");
    }

    // Moves on (skipping what has no answer) until the widget `name` is on the page.
    void skip_to(const std::string& name) {
        for (int guard = 0; guard < 60 && !shown(name); ++guard)
            forward();
        INFO("page with " << name);
        REQUIRE(shown(name));
    }

    static bool shown(const std::string& name) { return app::probe_find(name).has_value(); }

  private:
    GuiHarness& gui_;
};

std::vector<store::Respondent> kiosk_respondents(store::Workspace& ws) {
    std::vector<store::Respondent> out;
    for (auto& r : store::load_survey(ws, "mc-participant").respondents)
        if (r.source == "kiosk") out.push_back(std::move(r));
    return out;
}

// The kiosk's writes reach the file within a second: waits until `done` holds for what is there.
template <class Done>
std::vector<store::Respondent> wait_for_respondents(store::Workspace& ws, Done&& done) {
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    auto rows = kiosk_respondents(ws);
    while (!done(rows) && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        rows = kiosk_respondents(ws);
    }
    return rows;
}

} // namespace

TEST_CASE("two kiosk respondents each leave exactly their own answers", "[kiosk]") {
    TempDir dir;
    auto path = dir / "ws.db";
    GuiHarness gui(path);
    KioskDriver k(gui, "mc-participant");
    REQUIRE(k.kiosk.active());

    // Respondent 1.
    REQUIRE(k.shown("kiosk.title"));
    k.click("kiosk.start");
    REQUIRE(k.shown("kiosk.attribute.pl_format"));
    CHECK(k.shown("kiosk.progress"));
    CHECK_FALSE(k.shown("kiosk.answered"));
    k.click("kiosk.choice.0"); // micro-credential, and on to the next page
    REQUIRE(k.shown("kiosk.attribute.experience"));
    k.click("kiosk.choice.1"); // more than 10
    REQUIRE(k.shown("kiosk.attribute.school_level"));
    k.click("kiosk.skip"); // skipped
    REQUIRE(k.shown("kiosk.item.mc_name"));
    k.click("kiosk.text");
    k.type("Assessment literacy, twice");
    k.click("kiosk.next");
    REQUIRE(k.shown("kiosk.item.hours"));
    k.click("kiosk.number");
    k.type("12.5");
    k.click("kiosk.next");
    REQUIRE(k.shown("kiosk.item.rel.daily_work"));

    // A Likert answer reaches the file within a second.
    auto given = std::chrono::steady_clock::now();
    k.click("kiosk.choice.3"); // Agree = 4
    REQUIRE(k.shown("kiosk.item.rel.chosen_need"));
    // Read through a second connection, as a crash recovery would see the file.
    bool stored = false;
    while (!stored && std::chrono::steady_clock::now() < given + std::chrono::seconds(1)) {
        store::Workspace other(path);
        for (const auto& r : kiosk_respondents(other)) {
            auto it = r.responses.find("rel.daily_work");
            stored |= it != r.responses.end() && it->second.number == 4;
        }
        if (stored) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        k.frame();
    }
    CHECK(stored);

    k.click("kiosk.choice.4"); // Strongly agree = 5
    k.skip_to("kiosk.item.rec.kinds");
    k.click("kiosk.choice.1");
    k.click("kiosk.choice.2");
    k.click("kiosk.choice.0");
    k.click("kiosk.choice.0");              // ticked and unticked again
    CHECK(k.shown("kiosk.item.rec.kinds")); // multi-choice does not move on by itself
    CHECK(k.shown("kiosk.selected.1"));
    CHECK(k.shown("kiosk.selected.2"));
    CHECK_FALSE(k.shown("kiosk.selected.0"));
    k.click("kiosk.next");
    k.click("kiosk.back"); // the answers are still there on the way back
    REQUIRE(k.shown("kiosk.item.rec.kinds"));
    CHECK(k.shown("kiosk.selected.1"));
    CHECK(k.shown("kiosk.answered"));
    k.skip_to("kiosk.thanks");
    CHECK(k.kiosk.completed() == 1);
    k.click("kiosk.next_respondent");

    // Respondent 2 starts with nothing on any page.
    REQUIRE(k.shown("kiosk.start"));
    CHECK(k.kiosk.completed() == 1);
    k.click("kiosk.start");
    REQUIRE(k.shown("kiosk.attribute.pl_format"));
    CHECK_FALSE(k.shown("kiosk.answered"));
    CHECK_FALSE(k.shown("kiosk.selected.0"));
    k.click("kiosk.choice.1"); // other
    REQUIRE(k.shown("kiosk.attribute.experience"));
    CHECK_FALSE(k.shown("kiosk.answered"));
    k.click("kiosk.skip");
    REQUIRE(k.shown("kiosk.attribute.school_level"));
    k.click("kiosk.choice.2"); // high
    REQUIRE(k.shown("kiosk.item.mc_name"));
    CHECK_FALSE(k.shown("kiosk.answered"));
    k.click("kiosk.skip");
    REQUIRE(k.shown("kiosk.item.hours"));
    CHECK_FALSE(k.shown("kiosk.answered"));
    k.click("kiosk.skip");
    REQUIRE(k.shown("kiosk.item.rel.daily_work"));
    CHECK_FALSE(k.shown("kiosk.answered"));
    CHECK_FALSE(k.shown("kiosk.selected.3"));
    k.click("kiosk.choice.0"); // Strongly disagree = 1
    REQUIRE(k.shown("kiosk.item.rel.chosen_need"));
    CHECK_FALSE(k.shown("kiosk.answered"));
    k.skip_to("kiosk.item.rec.kinds");
    CHECK_FALSE(k.shown("kiosk.answered"));
    k.skip_to("kiosk.thanks");
    CHECK(k.kiosk.completed() == 2);
    k.click("kiosk.next_respondent");

    k.key(GLFW_KEY_K, true, true); // the facilitator's Ctrl+Alt+K
    CHECK_FALSE(k.kiosk.active());

    auto respondents = kiosk_respondents(*gui.app().workspace());
    REQUIRE(respondents.size() == 2);
    const auto& r1 = respondents[0];
    const auto& r2 = respondents[1];
    CHECK(r1.uuid != r2.uuid);
    CHECK(r1.attributes == std::map<std::string, std::string>{{"pl_format", "micro-credential"},
                                                              {"experience", "more than 10"}});
    CHECK(r1.responses.size() == 5);
    CHECK(r1.responses.at("mc_name").text == "Assessment literacy, twice");
    CHECK(r1.responses.at("hours").number == 12.5);
    CHECK(r1.responses.at("rel.daily_work").number == 4);
    CHECK(r1.responses.at("rel.chosen_need").number == 5);
    CHECK(r1.responses.at("rec.kinds").choices ==
          std::vector<std::string>{"Re-licensure credit", "Graduate credit"});
    CHECK(r2.attributes ==
          std::map<std::string, std::string>{{"pl_format", "other"}, {"school_level", "high"}});
    REQUIRE(r2.responses.size() == 1);
    CHECK(r2.responses.at("rel.daily_work").number == 1);
}

TEST_CASE("only the facilitator keys leave the kiosk and a half-finished respondent is kept",
          "[kiosk]") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db");
    KioskDriver k(gui, "mc-participant");
    k.click("kiosk.start");
    k.click("kiosk.choice.0"); // micro-credential
    k.click("kiosk.choice.0"); // 10 or fewer
    REQUIRE(k.shown("kiosk.attribute.school_level"));

    // Every other shortcut of the app is swallowed and the respondent stays where they were.
    for (const auto& s : app::shortcuts()) {
        if (s.command == app::Command::LeaveKiosk) continue;
        k.key(s.key, s.ctrl, s.alt);
    }
    CHECK(k.commands.size() + 1 == app::shortcuts().size());
    for (const auto& [command, handled] : k.commands)
        CHECK(handled);
    CHECK(k.kiosk.handle(app::Command::GoLibrary));
    CHECK(k.kiosk.active());
    CHECK(k.shown("kiosk.attribute.school_level"));

    k.key(GLFW_KEY_K, true, true);
    CHECK_FALSE(k.kiosk.active());
    CHECK_FALSE(k.shown("kiosk.back"));
    CHECK_FALSE(k.kiosk.handle(app::Command::GoLibrary));
    CHECK_FALSE(k.kiosk.handle(app::Command::LeaveKiosk));
    CHECK(k.kiosk.completed() == 0);

    // The kiosk flushed on leaving: the partial answers are in the file already.
    auto respondents = kiosk_respondents(*gui.app().workspace());
    REQUIRE(respondents.size() == 1);
    CHECK(respondents[0].attributes ==
          std::map<std::string, std::string>{{"pl_format", "micro-credential"},
                                             {"experience", "10 or fewer"}});
    CHECK(respondents[0].responses.empty());

    // Someone who walks away from the welcome page leaves nothing behind.
    auto instrument = store::current_instrument(*gui.app().workspace(), "mc-participant");
    k.kiosk.start(*gui.app().workspace(), *instrument);
    k.frame(2);
    CHECK(k.shown("kiosk.start"));
    k.key(GLFW_KEY_K, true, true);
    CHECK_FALSE(k.kiosk.active());
    CHECK(kiosk_respondents(*gui.app().workspace()).size() == 1);
}

TEST_CASE("every kiosk page fits 1280x720 with large targets", "[kiosk]") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1280, 720);
    KioskDriver k(gui, "mc-participant");
    const float frame_h = app::fonts().heading->FontSize + 2 * ImGui::GetStyle().FramePadding.y;
    auto inside = [](const app::ProbeRect& r) {
        return r.x0 >= 0 && r.y0 >= 0 && r.x1 <= 1280 && r.y1 <= 720;
    };
    auto check_big = [&](const std::string& name) {
        auto r = app::probe_find(name);
        INFO("widget " << name);
        REQUIRE(r.has_value());
        CHECK(inside(*r));
        CHECK(r->y1 - r->y0 >= 2.5f * frame_h);
    };
    check_big("kiosk.start");
    k.click("kiosk.start");
    int pages = 0;
    while (!k.shown("kiosk.review") && pages < 60) {
        ++pages;
        check_big("kiosk.next");
        auto next = *app::probe_find("kiosk.next");
        // Skip is a small link at the top, a whole page away from Next at the bottom.
        if (auto skip = app::probe_find("kiosk.skip")) {
            CHECK(inside(*skip));
            CHECK(skip->y1 + 4 * frame_h < next.y0);
        }
        if (pages == 1) {
            CHECK_FALSE(k.shown("kiosk.back")); // nothing before the first question is theirs
        } else {
            check_big("kiosk.back");
            CHECK(app::probe_find("kiosk.back")->x1 < next.x0);
        }
        for (int i = 0; i < 12; ++i) {
            auto name = "kiosk.choice." + std::to_string(i);
            if (!k.shown(name)) break;
            check_big(name);
            CHECK(app::probe_find(name)->y1 <= next.y0); // above the Back/Next row
        }
        if (k.shown("kiosk.item.rel.daily_work")) { // a Likert scale is one row
            CHECK(app::probe_find("kiosk.choice.0")->y0 == app::probe_find("kiosk.choice.4")->y0);
        }
        for (const char* field : {"kiosk.number", "kiosk.text"})
            if (auto r = app::probe_find(field)) CHECK(inside(*r));
        k.forward();
    }
    CHECK(pages == 19);        // 3 attributes and 16 items
    check_big("kiosk.finish"); // the review
    check_big("kiosk.back");
    for (int page = 1; page <= 19; ++page)
        CHECK(k.shown("kiosk.change." + std::to_string(page)));
    k.click("kiosk.finish");
    check_big("kiosk.next_respondent");
}

TEST_CASE("a response left alone is kept as partial and the next person cannot reach it",
          "[kiosk]") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db");
    KioskDriver k(gui, "mc-participant");
    k.kiosk.set_idle_seconds(2);
    k.click("kiosk.start");
    CHECK_FALSE(k.shown("kiosk.back")); // the first question has nothing behind it
    k.click("kiosk.choice.0");          // micro-credential
    k.click("kiosk.choice.1");          // more than 10
    REQUIRE(k.shown("kiosk.attribute.school_level"));

    // The teacher walks away: a second of quiet is not enough, two are.
    k.frame(60);
    CHECK(k.shown("kiosk.attribute.school_level"));
    k.frame(70);
    REQUIRE(k.shown("kiosk.start")); // the welcome screen, for the next person
    // Each answer is its own write: wait for both, not only for the row (a loaded machine
    // showed the row with one attribute).
    auto respondents = wait_for_respondents(*gui.app().workspace(), [](const auto& rows) {
        return rows.size() == 1 && rows[0].partial && rows[0].attributes.size() == 2;
    });
    REQUIRE(respondents.size() == 1);
    CHECK(respondents[0].partial);
    CHECK(respondents[0].attributes.size() == 2);

    // The next teacher starts on an empty first page and Back never leads behind it.
    k.click("kiosk.start");
    REQUIRE(k.shown("kiosk.attribute.pl_format"));
    CHECK_FALSE(k.shown("kiosk.answered"));
    CHECK_FALSE(k.shown("kiosk.back"));
    k.click("kiosk.choice.1"); // other
    k.click("kiosk.back");
    REQUIRE(k.shown("kiosk.attribute.pl_format"));
    CHECK_FALSE(k.shown("kiosk.back"));
    CHECK(k.shown("kiosk.selected.1")); // their own answer, nobody else's
    k.skip_to("kiosk.thanks");

    respondents = wait_for_respondents(*gui.app().workspace(), [](const auto& rows) {
        return rows.size() == 2 && !rows[1].partial;
    });
    REQUIRE(respondents.size() == 2);
    CHECK(respondents[0].attributes ==
          std::map<std::string, std::string>{{"pl_format", "micro-credential"},
                                             {"experience", "more than 10"}});
    CHECK(respondents[0].partial);
    CHECK(respondents[1].attributes == std::map<std::string, std::string>{{"pl_format", "other"}});
    CHECK_FALSE(respondents[1].partial);

    // The thank-you page, too, gives way to the welcome screen after a quiet while.
    k.frame(130);
    CHECK(k.shown("kiosk.start"));
}

TEST_CASE("a kiosk respondent can start over, leaving no record of the first try", "[kiosk]") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db");
    KioskDriver k(gui, "mc-participant");
    k.click("kiosk.start");
    k.click("kiosk.choice.0");
    k.click("kiosk.choice.1");
    REQUIRE(wait_for_respondents(*gui.app().workspace(), [](const auto& rows) {
                return rows.size() == 1;
            }).size() == 1);
    k.click("kiosk.start_over");
    k.click("kiosk.start_over.yes");
    REQUIRE(k.shown("kiosk.attribute.pl_format"));
    CHECK_FALSE(k.shown("kiosk.answered"));
    k.click("kiosk.choice.1");
    k.key(GLFW_KEY_K, true, true); // leave: saves
    auto respondents = kiosk_respondents(*gui.app().workspace());
    REQUIRE(respondents.size() == 1);
    CHECK(respondents[0].attributes == std::map<std::string, std::string>{{"pl_format", "other"}});
}

TEST_CASE("kiosk attributes are asked as questions a teacher answers", "[kiosk]") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db");
    auto& ws = *gui.app().workspace();
    // An instrument whose attribute has no question text: one is built from its label.
    guides::Instrument tiny;
    tiny.id = "tiny";
    tiny.version = "1";
    tiny.title = "Tiny";
    tiny.items.push_back({.id = "why",
                          .text = "Why did you choose it?",
                          .type = guides::ItemType::Text,
                          .scale = {},
                          .reverse = false,
                          .choices = {},
                          .min = {},
                          .max = {},
                          .unit = {}});
    store::import_instrument(ws, tiny);
    {
        KioskDriver k(gui, "tiny");
        // One question, one minute: both in the singular.
        CHECK(
            app::probe_find("kiosk.length")->text.starts_with("1 short question, about 1 minute."));
    }
    tiny.id = "tiny-attr";
    tiny.attributes.push_back({.id = "school_level",
                               .label = "School level",
                               .choices = {"elementary", "high"},
                               .question = {}});
    store::import_instrument(ws, tiny);
    {
        KioskDriver k(gui, "tiny-attr");
        CHECK(app::probe_find("kiosk.length")
                  ->text.starts_with("2 short questions, about 1 minute."));
        k.click("kiosk.start");
        CHECK(app::probe_find("kiosk.attribute.school_level")->text ==
              "What is your school level?");
    }

    KioskDriver k(gui, "mc-participant");
    CHECK(
        app::probe_find("kiosk.length")->text.starts_with("19 short questions, about 5 minutes."));
    k.click("kiosk.start");
    k.click("kiosk.choice.0");
    // The instrument's question, not the label results use ("Years of experience").
    REQUIRE(k.shown("kiosk.attribute.experience"));
    CHECK(app::probe_find("kiosk.attribute.experience")->text == "How many years have you taught?");
}

TEST_CASE("kiosk Next and Skip never share a place, and Next needs an answer", "[kiosk]") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1280, 720);
    KioskDriver k(gui, "mc-participant");
    k.click("kiosk.start");
    REQUIRE(k.shown("kiosk.attribute.pl_format"));
    auto next = *app::probe_find("kiosk.next");
    auto skip = *app::probe_find("kiosk.skip");
    CHECK(next.text == "disabled");
    // Apart: Skip is above the page, Next below it; neither covers the other.
    CHECK(skip.y1 < next.y0);
    CHECK(next.y0 - skip.y1 > 300);
    // A tap on Next without an answer (the second tap of a double tap) goes nowhere.
    k.click("kiosk.next");
    k.click("kiosk.next");
    CHECK(k.shown("kiosk.attribute.pl_format"));
    k.click("kiosk.choice.0"); // answered: on to the next page by itself
    REQUIRE(k.shown("kiosk.attribute.experience"));
    k.click("kiosk.back");
    REQUIRE(k.shown("kiosk.attribute.pl_format"));
    CHECK_FALSE(k.shown("kiosk.skip")); // an answered page offers Next only
    CHECK(app::probe_find("kiosk.next")->text == "enabled");
    k.click("kiosk.next");
    REQUIRE(k.shown("kiosk.attribute.experience"));
    // Next lands where the next page's Next is: disabled there, so a double tap stays put.
    k.click("kiosk.next");
    CHECK(k.shown("kiosk.attribute.experience"));
    k.click("kiosk.skip");
    CHECK(k.shown("kiosk.attribute.school_level"));
}

TEST_CASE("a kiosk number out of range says what to enter instead of offering Skip", "[kiosk]") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db");
    KioskDriver k(gui, "mc-participant");
    k.click("kiosk.start");
    k.skip_to("kiosk.item.hours");
    CHECK(k.shown("kiosk.skip"));
    k.click("kiosk.number");
    k.type("600");
    k.frame();
    REQUIRE(k.shown("kiosk.number_error"));
    CHECK(app::probe_find("kiosk.number_error")->text == "Enter a number from 0 to 500.");
    CHECK_FALSE(k.shown("kiosk.skip"));
    CHECK(app::probe_find("kiosk.next")->text == "disabled");
    k.click("kiosk.next");
    CHECK(k.shown("kiosk.item.hours")); // still here, asked to fix it
    k.click("kiosk.number");
    k.key(GLFW_KEY_END);
    k.key(GLFW_KEY_BACKSPACE);
    k.key(GLFW_KEY_BACKSPACE); // "6": in range
    k.frame();
    CHECK_FALSE(k.shown("kiosk.number_error"));
    CHECK(app::probe_find("kiosk.next")->text == "enabled");
    k.click("kiosk.next");
    REQUIRE(k.shown("kiosk.item.rel.daily_work"));
    k.key(GLFW_KEY_K, true, true);
    auto respondents = kiosk_respondents(*gui.app().workspace());
    REQUIRE(respondents.size() == 1);
    CHECK(respondents[0].responses.at("hours").number == 6);
}

TEST_CASE("the kiosk shows a review of the answers before finishing", "[kiosk]") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db");
    KioskDriver k(gui, "mc-participant");
    k.click("kiosk.start");
    k.click("kiosk.choice.0"); // micro-credential
    k.click("kiosk.choice.1"); // more than 10
    k.skip_to("kiosk.item.rel.daily_work");
    k.click("kiosk.choice.3"); // Agree
    k.skip_to("kiosk.item.earn_another");
    k.click("kiosk.choice.4"); // the last question: on to the review, not the end
    REQUIRE(k.shown("kiosk.review"));
    CHECK_FALSE(k.shown("kiosk.thanks"));
    CHECK(k.kiosk.completed() == 0);
    CHECK(app::probe_find("kiosk.review.1")->text == "micro-credential");
    CHECK(app::probe_find("kiosk.review.2")->text == "more than 10");
    CHECK(app::probe_find("kiosk.review.3")->text == "Skipped");
    CHECK(app::probe_find("kiosk.review.6")->text == "Agree (4)");
    CHECK(app::probe_find("kiosk.review.19")->text == "Very likely (5)");

    // Change one answer: its page, then straight back to the review.
    k.click("kiosk.change.6");
    REQUIRE(k.shown("kiosk.item.rel.daily_work"));
    CHECK(k.shown("kiosk.selected.3"));
    k.click("kiosk.choice.1"); // Disagree
    REQUIRE(k.shown("kiosk.review"));
    CHECK(app::probe_find("kiosk.review.6")->text == "Disagree (2)");
    // A skipped one can be answered from the review too.
    k.click("kiosk.change.3");
    REQUIRE(k.shown("kiosk.attribute.school_level"));
    k.click("kiosk.choice.2"); // high
    REQUIRE(k.shown("kiosk.review"));
    CHECK(app::probe_find("kiosk.review.3")->text == "high");
    k.click("kiosk.finish");
    REQUIRE(k.shown("kiosk.thanks"));
    CHECK(k.kiosk.completed() == 1);

    auto respondents = wait_for_respondents(*gui.app().workspace(), [](const auto& rows) {
        return rows.size() == 1 && !rows[0].partial;
    });
    REQUIRE(respondents.size() == 1);
    CHECK_FALSE(respondents[0].partial);
    CHECK(respondents[0].attributes.at("school_level") == "high");
    CHECK(respondents[0].responses.at("rel.daily_work").number == 2);
    CHECK(respondents[0].responses.at("earn_another").number == 5);
}

TEST_CASE("kiosk None excludes the other choices and Other takes the respondent's words",
          "[kiosk]") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db");
    KioskDriver k(gui, "mc-participant");
    k.click("kiosk.start");
    k.skip_to("kiosk.item.rec.kinds"); // ... Salary or promotion, None, Other
    k.click("kiosk.choice.0");
    k.click("kiosk.choice.1");
    k.click("kiosk.choice.4"); // None: the others go
    CHECK(k.shown("kiosk.selected.4"));
    CHECK_FALSE(k.shown("kiosk.selected.0"));
    CHECK_FALSE(k.shown("kiosk.selected.1"));
    k.click("kiosk.choice.2"); // another choice: None goes
    CHECK(k.shown("kiosk.selected.2"));
    CHECK_FALSE(k.shown("kiosk.selected.4"));

    CHECK_FALSE(k.shown("kiosk.other_text"));
    k.click("kiosk.choice.5"); // Other asks for words
    CHECK(k.shown("kiosk.selected.5"));
    REQUIRE(k.shown("kiosk.other_text"));
    k.click("kiosk.other_text");
    k.type("coaching cycles");
    k.frame();
    k.click("kiosk.next");
    k.click("kiosk.back"); // the words are still there on the way back
    REQUIRE(k.shown("kiosk.item.rec.kinds"));
    CHECK(k.shown("kiosk.selected.5"));
    CHECK(k.shown("kiosk.other_text"));
    k.key(GLFW_KEY_K, true, true);

    auto respondents = kiosk_respondents(*gui.app().workspace());
    REQUIRE(respondents.size() == 1);
    CHECK(respondents[0].responses.at("rec.kinds").choices ==
          std::vector<std::string>{"Graduate credit", "Other: coaching cycles"});
}

TEST_CASE("a kiosk single choice Other stays on the page for its words", "[kiosk]") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db");
    auto& ws = *gui.app().workspace();
    guides::Instrument inst;
    inst.id = "where";
    inst.version = "1";
    inst.title = "Where";
    inst.items.push_back({.id = "place",
                          .text = "Where did you hear about it?",
                          .type = guides::ItemType::Choice,
                          .scale = {},
                          .reverse = false,
                          .choices = {"A colleague", "Other"},
                          .min = {},
                          .max = {},
                          .unit = {}});
    store::import_instrument(ws, inst);
    KioskDriver k(gui, "where");
    k.click("kiosk.start");
    k.click("kiosk.choice.1");
    REQUIRE(k.shown("kiosk.item.place")); // no moving on before the words
    REQUIRE(k.shown("kiosk.other_text"));
    k.click("kiosk.other_text");
    k.type("a newsletter");
    k.click("kiosk.next");
    REQUIRE(k.shown("kiosk.review"));
    CHECK(app::probe_find("kiosk.review.1")->text == "Other: a newsletter");
    k.click("kiosk.finish");
    auto rows = store::load_survey(ws, "where").respondents;
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    while ((rows.empty() || rows[0].partial) && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        rows = store::load_survey(ws, "where").respondents;
    }
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].responses.at("place").text == "Other: a newsletter");
}
