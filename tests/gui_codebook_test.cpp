// Library > Codebook driven as a workgroup lead would: add a code, rename it, colour it, move
// it (with the picker and by dragging), merge two codes, put one in the trash and restore it.
#include "app/ui_probe.hpp"
#include "gui_harness.hpp"
#include "store/answer_changes.hpp"
#include "store/code_edits.hpp"
#include "store/conversations.hpp"
#include "store/guides.hpp"
#include "store/people.hpp"
#include "store/segments.hpp"
#include "temp_dir.hpp"

#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

using namespace convene;
using convene::test::GuiHarness;
using convene::test::probe_text;
using convene::test::TempDir;

namespace {

// The Library's Codebook tab on a fresh workspace (the bundled codebook), tall enough that
// every code is on screen.
struct CodebookScreen {
    TempDir dir;
    GuiHarness gui{dir / "ws.db", 1280, 3000};
    store::Database& db = gui.app().workspace()->db();
    CodebookScreen() {
        gui.click("nav.library");
        gui.click("library.tab.codebook");
    }
    std::optional<store::CodeRow> code(const std::string& text, bool in_trash = false) {
        return store::find_code(db, text, in_trash);
    }
    void enter_text(const std::string& widget, const std::string& text) {
        gui.replace_text(widget, text);
        gui.key(GLFW_KEY_ENTER);
    }
};

} // namespace

TEST_CASE("a code added in the codebook editor is renamed, coloured, moved, trashed and restored") {
    CodebookScreen s;
    auto& gui = s.gui;
    gui.click("codebook.new.name");
    gui.type("Stipends");
    gui.click("codebook.add");
    auto added = s.code("Stipends");
    REQUIRE(added);
    CHECK(added->parent_uuid.empty());
    CHECK(probe_text("codebook.name") == "Stipends"); // the new code is the one open

    s.enter_text("codebook.name", "Stipends and pay");
    CHECK(s.code("Stipends and pay")->uuid == added->uuid);
    CHECK(app::probe_find("codebook.code.Stipends and pay"));

    s.enter_text("codebook.colour.hex", "#aa3300");
    CHECK(s.code("Stipends and pay")->colour == "#aa3300");

    // Moved with the picker: typed to filter, then chosen.
    gui.click("codebook.move");
    gui.type("obstac");
    gui.click("codebook.move.Obstacles");
    auto obstacles = s.code("Obstacles");
    CHECK(s.code("Stipends and pay")->parent_uuid == obstacles->uuid);
    CHECK(app::probe_find("codebook.code.Obstacles / Stipends and pay"));
    CHECK_THAT(probe_text("codebook.message"), Catch::Contains("under \"Obstacles\""));

    // To the trash, and back from the trash list with its place and uuid.
    gui.click("codebook.delete");
    CHECK_FALSE(s.code("Stipends and pay"));
    CHECK_FALSE(app::probe_find("codebook.code.Obstacles / Stipends and pay"));
    gui.click("codebook.trash");
    gui.click("codebook.restore.Stipends and pay");
    auto back = s.code("Stipends and pay");
    REQUIRE(back);
    CHECK(back->uuid == added->uuid);
    CHECK(back->parent_uuid == obstacles->uuid);
    CHECK(app::probe_find("codebook.code.Obstacles / Stipends and pay"));

    // The Undo offered right after a delete restores too.
    gui.click("codebook.delete");
    CHECK_FALSE(s.code("Stipends and pay"));
    gui.click("codebook.undo");
    CHECK(s.code("Stipends and pay"));
    CHECK(gui.app().error_message().empty());
}

TEST_CASE("a duplicate name or a bad colour is refused beside its field, not written") {
    CodebookScreen s;
    auto& gui = s.gui;
    gui.click("codebook.code.Perceptions / Negative view");
    s.enter_text("codebook.name", "positive view");
    CHECK_THAT(probe_text("codebook.name.error"), Catch::Contains("already a code called"));
    CHECK(s.code("Perceptions / Negative view"));

    // Choosing another code drops the refused name rather than trying it again there.
    gui.click("codebook.code.Perceptions / Mixed or ambivalent");
    CHECK_FALSE(app::probe_find("codebook.name.error"));
    CHECK(probe_text("codebook.name") == "Mixed or ambivalent");
    CHECK(s.code("Perceptions / Negative view"));
    CHECK(s.code("Perceptions / Mixed or ambivalent"));
    gui.click("codebook.code.Perceptions / Negative view");

    s.enter_text("codebook.colour.hex", "blue");
    CHECK_THAT(probe_text("codebook.colour.error"), Catch::Contains("not a colour"));
    CHECK(s.code("Perceptions / Negative view")->colour.empty());

    // A move under its own sub-code is not offered; a new code without a name is refused.
    gui.click("codebook.code.Perceptions");
    gui.click("codebook.move");
    CHECK_FALSE(app::probe_find("codebook.move.Perceptions / Positive view"));
    CHECK(app::probe_find("codebook.move.Obstacles"));
    gui.key(GLFW_KEY_ESCAPE);
    gui.click("codebook.add");
    CHECK_THAT(probe_text("codebook.add.error"), Catch::Contains("needs a name"));
    CHECK(gui.app().error_message().empty());
}

TEST_CASE("dragging a code onto another moves it under it, and to the top level") {
    CodebookScreen s;
    auto& gui = s.gui;
    auto drag = [&](const std::string& from, const std::string& onto) {
        gui.frame();
        gui.hover(from);
        gui.frame();
        gui.mouse_button(true);
        gui.frame(2);
        auto a = *app::probe_find(from);
        ImGui::GetIO().MousePos = ImVec2(a.x0 + 40, a.y0 + 20); // past the drag threshold
        gui.frame(2);
        gui.hover(onto);
        gui.frame(2);
        gui.mouse_button(false);
        gui.frame(3);
    };
    auto cost = s.code("Obstacles / Cost");
    drag("codebook.code.Obstacles / Cost", "codebook.code.Perceptions");
    CHECK(s.code("Perceptions / Cost")->uuid == cost->uuid);

    // While a code is dragged the trash line becomes a top-level drop target.
    gui.hover("codebook.code.Perceptions / Cost");
    gui.frame();
    gui.mouse_button(true);
    gui.frame(2);
    auto a = *app::probe_find("codebook.code.Perceptions / Cost");
    ImGui::GetIO().MousePos = ImVec2(a.x0 + 40, a.y0 + 20);
    gui.frame(2);
    gui.hover("codebook.drop_top");
    gui.frame(2);
    gui.mouse_button(false);
    gui.frame(3);
    REQUIRE(s.code("Cost"));
    CHECK(s.code("Cost")->parent_uuid.empty());
    CHECK(s.code("Cost")->uuid == cost->uuid);
}

TEST_CASE("merging two codes moves the segments and shows the counts") {
    CodebookScreen s;
    auto& gui = s.gui;
    // One answer coded "Negative view" by one coder.
    store::Conversation c;
    c.guide_hash = *store::current_guide_hash(*gui.app().workspace(), "air-2019");
    c.group = "licensing";
    auto conversation = store::create_conversation(s.db, c);
    store::AnswerChange ch;
    ch.conversation_uuid = conversation;
    ch.question_id = "perceptions.first_thoughts";
    ch.notes = "Not worth the paper.";
    auto answer = store::record_answer_change(s.db, ch);
    auto coder = store::add_person(s.db, "Ana");
    auto negative = s.code("Perceptions / Negative view")->uuid;
    auto positive = s.code("Perceptions / Positive view")->uuid;
    store::apply_code(s.db, {answer, negative, coder, store::SegmentPart::Answer, {}, 0, 0, {}});
    gui.frame(2);
    CHECK(probe_text("codebook.count.Perceptions / Negative view") == "1");

    gui.click("codebook.code.Perceptions / Negative view");
    gui.click("codebook.merge");
    gui.type("positive");
    gui.click("codebook.merge.Perceptions / Positive view");
    gui.click("codebook.merge.yes");
    CHECK_THAT(probe_text("codebook.message"), Catch::Contains("1 segment moved"));
    CHECK_FALSE(s.code("Perceptions / Negative view"));
    CHECK(s.code("Negative view", true));
    auto segments = store::segments_for_answer(s.db, answer);
    REQUIRE(segments.size() == 1);
    CHECK(segments[0].code_uuid == positive);
    CHECK(probe_text("codebook.count.Perceptions / Positive view") == "1");
    CHECK(probe_text("codebook.name") == "Positive view"); // the code kept is the one open
}

TEST_CASE("a description typed and left by choosing another code is written") {
    CodebookScreen s;
    auto& gui = s.gui;
    gui.click("codebook.code.Perceptions / Misconception");
    gui.replace_text("codebook.description",
                     "A fact about MCs stated wrongly, e.g. “MCs are courses”.");
    gui.click("codebook.code.Perceptions / Positive view");
    CHECK(s.code("Perceptions / Misconception")->description ==
          "A fact about MCs stated wrongly, e.g. “MCs are courses”.");
    CHECK(probe_text("codebook.name") == "Positive view");
}
