// Focus follows the facilitator: whatever is typed around a move to another question (by key,
// button or area tab) lands in the new question's notes, at their end, and none in the old.
#include "app/conversation_session.hpp"
#include "app/ui_probe.hpp"
#include "gui_harness.hpp"
#include "store/answers.hpp"
#include "store/conversations.hpp"
#include "store/guides.hpp"
#include "store/seed.hpp"
#include "store/workspace.hpp"
#include "temp_dir.hpp"

#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

using namespace convene;
using convene::test::GuiHarness;
using convene::test::TempDir;

namespace {

// A conversation in progress, its walkthrough open on the first question.
std::string conversation_in_progress(const std::filesystem::path& path) {
    auto ws = store::open_workspace(path);
    store::Conversation c;
    c.guide_hash = *store::current_guide_hash(*ws, "air-2019");
    c.group = "licensing";
    c.org = "Ohio Educator Credentialing Office";
    c.state = "Ohio";
    c.status = store::Status::InProgress;
    return store::create_conversation(ws->db(), c);
}

struct Saved {
    std::vector<std::string> order; // question ids as the walkthrough shows them
    std::vector<std::string> areas; // the area of each
    std::vector<std::size_t> area_starts;
    std::string answers_area(std::size_t index) const { return areas.at(index); }
    std::map<std::string, store::Answer> answers;
    std::string notes(std::size_t index) {
        auto it = answers.find(order.at(index));
        return it == answers.end() ? std::string() : it->second.notes;
    }
};

Saved saved(const std::filesystem::path& path, const std::string& uuid) {
    auto ws = store::open_workspace(path);
    Saved out;
    {
        app::ConversationSession session(*ws, uuid);
        for (const auto& item : session.items()) {
            out.order.push_back(item.question->id);
            out.areas.push_back(item.area->id);
        }
        out.area_starts = session.area_starts();
    }
    out.answers = store::answers_for(ws->db(), uuid);
    return out;
}

// Types "abc" on the first question, then moves on (`move` changes io for the frame in which the
// move happens: a key goes down, a mouse button comes up), typing "1" in that frame, "2" in the
// very next frame and "3" after that.
void type_around(GuiHarness& gui, const std::function<void()>& prepare,
                 const std::function<void()>& move, const std::function<void()>& after) {
    REQUIRE(gui.app().open_part("walkthrough"));
    gui.frame();
    gui.type("abc"); // the notes have the keyboard as soon as the walkthrough opens
    prepare();
    move();
    gui.queue_text("1");
    gui.frame();
    after();
    gui.queue_text("2");
    gui.frame();
    gui.queue_text("3");
    gui.frame(2);
}

void nothing() {}

} // namespace

TEST_CASE("typing straight on after a move to another question loses nothing") {
    TempDir dir;
    auto path = dir / "ws.db";
    auto uuid = conversation_in_progress(path);
    std::string expect_area; // empty: the next question; else the first of this area
    {
        GuiHarness gui(path, 1280, 900);
        SECTION("Alt+Right") {
            type_around(
                gui, nothing, [&] { gui.key_down(GLFW_KEY_RIGHT, false, true); },
                [&] { gui.key_up(GLFW_KEY_RIGHT); });
        }
        SECTION("Alt+Down") {
            type_around(
                gui, nothing, [&] { gui.key_down(GLFW_KEY_DOWN, false, true); },
                [&] { gui.key_up(GLFW_KEY_DOWN); });
            expect_area = "second";
        }
        SECTION("the Next button") {
            type_around(
                gui,
                [&] {
                    gui.hover("walkthrough.next");
                    gui.frame();
                    gui.mouse_button(true);
                    gui.frame();
                },
                [&] { gui.mouse_button(false); }, nothing);
        }
        SECTION("a click on an area tab") {
            type_around(
                gui,
                [&] {
                    gui.hover("walkthrough.area.recognition");
                    gui.frame();
                    gui.mouse_button(true);
                    gui.frame();
                },
                [&] { gui.mouse_button(false); }, nothing);
            expect_area = "recognition";
        }
    }
    auto s = saved(path, uuid);
    std::size_t expect_index = 1;
    if (expect_area == "second") expect_index = s.area_starts.at(1);
    for (std::size_t start : s.area_starts)
        if (s.answers_area(start) == expect_area) expect_index = start;
    CHECK(s.notes(0) == "abc");
    CHECK(s.notes(expect_index) == "123");
    for (std::size_t i = 1; i < s.order.size(); ++i)
        if (i != expect_index) CHECK(s.notes(i).empty());
}

TEST_CASE("a new question's notes take the keyboard with the cursor after the earlier notes") {
    TempDir dir;
    auto path = dir / "ws.db";
    auto uuid = conversation_in_progress(path);
    {
        GuiHarness gui(path, 1280, 900);
        REQUIRE(gui.app().open_part("walkthrough"));
        gui.frame();
        gui.type("first");
        gui.key(GLFW_KEY_RIGHT, false, true);
        gui.type("second");
        gui.key(GLFW_KEY_LEFT, false, true); // back: typing goes on after "first"
        gui.type(" more");
        gui.click("walkthrough.asked"); // the notes lose the keyboard ...
        gui.key(GLFW_KEY_E, true);      // ... and Ctrl+E gives it back, at the end
        gui.type(" and Ctrl+E");
    }
    auto s = saved(path, uuid);
    CHECK(s.notes(0) == "first more and Ctrl+E");
    CHECK(s.notes(1) == "second");
}

TEST_CASE("Escape closes an open menu") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db");
    gui.click("nav.conversations");
    ImGui::GetIO().MousePos = ImVec2(20, 8); // "File" in the menu bar
    gui.frame();
    gui.mouse_button(true);
    gui.frame();
    gui.mouse_button(false);
    gui.frame(2);
    REQUIRE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
    gui.key(GLFW_KEY_ESCAPE);
    CHECK_FALSE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
}

TEST_CASE("after a restart the app reopens on the conversation and question that were open") {
    TempDir dir;
    auto path = dir / "ws.db";
    auto uuid = conversation_in_progress(path);
    {
        GuiHarness gui(path, 1280, 900, dir / "config");
        gui.click("conversations.row.0");
        REQUIRE(app::probe_find("walkthrough.question"));
        gui.key(GLFW_KEY_RIGHT, false, true);
        gui.key(GLFW_KEY_RIGHT, false, true);
        gui.type("before");
    }
    {
        GuiHarness gui(path, 1280, 900, dir / "config");
        REQUIRE(app::probe_find("walkthrough.question")); // no click: it is open already
        gui.type(" and after");
        gui.click("walkthrough.close");
    }
    {
        GuiHarness gui(path, 1280, 900, dir / "config"); // closed: the list again
        CHECK(app::probe_find("conversations.row.0"));
        CHECK_FALSE(app::probe_find("walkthrough.question"));
    }
    auto s = saved(path, uuid);
    CHECK(s.notes(2) == "before and after");
}

TEST_CASE("at 1024x640 with larger text, folded panels leave the question, probes and six lines "
          "of notes in view, and stay folded") {
    TempDir dir;
    auto path = dir / "ws.db";
    conversation_in_progress(path);
    {
        GuiHarness gui(path, 1024, 640, dir / "config");
        gui.app().run(app::Command::TextLarger); // two steps larger
        gui.app().run(app::Command::TextLarger);
        REQUIRE(gui.app().open_part("walkthrough"));
        gui.frame(3);
        CHECK(app::probe_find("nav.conversations"));
        CHECK(app::probe_find("conversation_notes"));
        gui.key(GLFW_KEY_B, true); // Ctrl+B folds the navigation and the side panel
        CHECK_FALSE(app::probe_find("nav.conversations"));
        CHECK_FALSE(app::probe_find("conversation_notes"));
        auto question = app::probe_find("walkthrough.question");
        auto notes = app::probe_find("walkthrough.notes");
        auto next = app::probe_find("walkthrough.next");
        REQUIRE(question);
        REQUIRE(notes);
        REQUIRE(next);
        CHECK(question->y0 > 0);
        int probes = 0;
        while (auto probe = app::probe_find("walkthrough.probe." + std::to_string(probes))) {
            CHECK(probe->y0 > question->y1 - 1);
            CHECK(probe->y1 < notes->y0);
            ++probes;
        }
        CHECK(probes >= 1);
        CHECK(notes->y1 <= next->y0);
        CHECK(notes->y1 - notes->y0 >= 6 * ImGui::GetTextLineHeight());
    }
    GuiHarness gui(path, 1024, 640, dir / "config"); // remembered
    CHECK_FALSE(app::probe_find("nav.conversations"));
    gui.click("walkthrough.fold"); // and the button shows them again
    CHECK(app::probe_find("nav.conversations"));
    CHECK(app::probe_find("conversation_notes"));
}
