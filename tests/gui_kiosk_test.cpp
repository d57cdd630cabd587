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
        // The harness draws the kiosk alone, routing shortcuts to it as the Surveys screen does.
        gui_.set_draw([this] {
            for (auto command : app::poll_shortcuts())
                commands.emplace_back(command, kiosk.handle(command));
            app::ViewContext ctx{gui_.app().workspace(), 0};
            kiosk.draw(ctx);
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

    // Presses Next/Skip until the widget `name` is on the page.
    void skip_to(const std::string& name) {
        for (int guard = 0; guard < 60 && !shown(name); ++guard)
            click("kiosk.next");
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
    k.click("kiosk.next"); // skipped
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
    k.click("kiosk.next");
    REQUIRE(k.shown("kiosk.attribute.school_level"));
    k.click("kiosk.choice.2"); // high
    REQUIRE(k.shown("kiosk.item.mc_name"));
    CHECK_FALSE(k.shown("kiosk.answered"));
    k.click("kiosk.next");
    REQUIRE(k.shown("kiosk.item.hours"));
    CHECK_FALSE(k.shown("kiosk.answered"));
    k.click("kiosk.next");
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
    while (!k.shown("kiosk.thanks") && pages < 60) {
        ++pages;
        check_big("kiosk.next");
        auto next = *app::probe_find("kiosk.next");
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
        k.click("kiosk.next");
    }
    CHECK(pages == 19); // 3 attributes and 16 items
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
    auto respondents = wait_for_respondents(*gui.app().workspace(),
                                            [](const auto& rows) { return rows.size() == 1; });
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
