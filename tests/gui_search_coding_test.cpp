// Coding search hits from the conversation list: tick hits (or all), choose a code and who is
// coding, and the answers get whole-answer segments in one action.
#include "app/ui_probe.hpp"
#include "gui_harness.hpp"
#include "store/answer_changes.hpp"
#include "store/answers.hpp"
#include "store/code_edits.hpp"
#include "store/conversations.hpp"
#include "store/guides.hpp"
#include "store/people.hpp"
#include "store/segments.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace convene;
using convene::test::GuiHarness;
using convene::test::probe_text;
using convene::test::TempDir;

namespace {

void search(GuiHarness& gui, const std::string& text) {
    gui.click("conversations.search");
    gui.type(text);
    REQUIRE(gui.frames_until([] { return app::probe_find("conversations.hit.0").has_value(); }));
    REQUIRE(gui.frames_until([&] { return !gui.app().busy(); }));
}

// The segments of code on answer, as (part, coder) pairs.
std::vector<store::Segment> coded(store::Database& db, const std::string& answer,
                                  const std::string& code) {
    std::vector<store::Segment> out;
    for (const auto& s : store::segments_for_answer(db, answer))
        if (s.code_uuid == code) out.push_back(s);
    return out;
}

} // namespace

TEST_CASE("two ticked search hits are coded as whole answers by the coder chosen") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1600, 1600);
    gui.click("conversations.demo");
    auto& db = gui.app().workspace()->db();
    auto code = store::add_code(db, {"Renewal named", "", "", ""});
    auto tom = store::find_person(db, "Tom Becker")->uuid;
    search(gui, "renewal");
    auto hits = store::search_answers(db, "renewal");
    REQUIRE(hits.size() > 2);

    gui.click("search.tick.0");
    gui.click("search.tick.1");
    gui.click("search.code");
    gui.type("renewal nam");
    gui.click("search.code.Renewal named");
    // Two coders in the demo: the row asks who is coding.
    gui.click("search.coder");
    gui.click("search.coder.Tom Becker");
    gui.click("search.apply");

    CHECK(probe_text("search.message") == "Coded 2 answers with \"Renewal named\" as Tom Becker.");
    for (std::size_t i = 0; i < hits.size(); ++i) {
        auto segments = coded(db, hits[i].answer_uuid, code);
        INFO("hit " << i);
        if (i < 2) {
            REQUIRE(segments.size() == 1);
            CHECK(segments[0].part == store::SegmentPart::Answer);
            CHECK(segments[0].coder_uuid == tom);
        } else {
            CHECK(segments.empty());
        }
    }
    // The ticks are cleared; ticking all and coding again adds only the others.
    gui.click("search.tick_all");
    gui.click("search.apply");
    auto others = std::to_string(hits.size() - 2);
    CHECK(probe_text("search.message") ==
          "Coded " + others +
              " answers with \"Renewal named\" as Tom Becker (2 answers "
              "already had it).");
    for (const auto& h : hits)
        CHECK(coded(db, h.answer_uuid, code).size() == 1);
    CHECK(gui.app().error_message().empty());
}

TEST_CASE("with nobody in the workspace the person coding is named in the search row") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1600, 1600);
    auto& ws = *gui.app().workspace();
    store::Conversation c;
    c.guide_hash = *store::current_guide_hash(ws, "air-2019");
    c.group = "licensing";
    auto conversation = store::create_conversation(ws.db(), c);
    store::AnswerChange ch;
    ch.conversation_uuid = conversation;
    ch.question_id = "perceptions.first_thoughts";
    ch.notes = "Stipends would help teachers finish.";
    auto answer = store::record_answer_change(ws.db(), ch);
    gui.frame(2);
    search(gui, "stipend");

    gui.click("search.tick.0");
    gui.click("search.code");
    gui.type("cost");
    gui.click("search.code.Obstacles / Cost");
    gui.replace_text("search.coder.name", "Ana Ruiz");
    gui.click("search.apply");
    auto ana = store::find_person(ws.db(), "Ana Ruiz");
    REQUIRE(ana);
    auto cost = store::find_code(ws.db(), "Obstacles / Cost")->uuid;
    auto segments = coded(ws.db(), answer, cost);
    REQUIRE(segments.size() == 1);
    CHECK(segments[0].coder_uuid == ana->uuid);
    CHECK(segments[0].part == store::SegmentPart::Answer);
    // Now the only person: named in the row, not asked again.
    CHECK(probe_text("search.coder") == "Ana Ruiz");
}
