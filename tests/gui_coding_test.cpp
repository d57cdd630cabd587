// Coding in the review screen, driven through the real app: words selected in notes and quotes
// with non-ASCII text are coded through the picker and stored with their byte range; edits move
// the codings with their words; codings whose words are gone are listed, re-anchored or removed.
#include "app/ui_probe.hpp"
#include "gui_harness.hpp"
#include "store/answer_changes.hpp"
#include "store/codebook.hpp"
#include "store/conversations.hpp"
#include "store/guides.hpp"
#include "store/people.hpp"
#include "store/seed.hpp"
#include "store/segments.hpp"
#include "store/workspace.hpp"
#include "temp_dir.hpp"

#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

using namespace convene;
using convene::test::GuiHarness;
using convene::test::TempDir;

namespace {

constexpr const char* kQuestion = "perceptions.first_thoughts";
const std::string kNotes = "José said “grain size” matters to Zoë; the cost was a worry.";
const std::string kQuote = "Ça dépend du coût";

struct Fixture {
    std::string conversation, answer, quote, ana, ben;
    std::map<std::string, std::string> code; // name -> uuid
};

Fixture make_fixture(const std::filesystem::path& path) {
    auto ws = store::open_workspace(path);
    Fixture f;
    store::Conversation c;
    c.guide_hash = *store::current_guide_hash(*ws, "air-2019");
    c.group = "association";
    c.org = "Asociación de Educadores";
    c.state = "Kentucky";
    c.facilitator = "Dana Ruiz";
    c.status = store::Status::Complete;
    f.conversation = store::create_conversation(ws->db(), c);
    store::AnswerChange change;
    change.conversation_uuid = f.conversation;
    change.question_id = kQuestion;
    change.notes = kNotes;
    change.quotes_set = {{"", kQuote, "Unknown"}};
    change.quotes_set[0].uuid = "9a0c9a0c-0000-4000-8000-000000000001";
    f.quote = change.quotes_set[0].uuid;
    f.answer = store::record_answer_change(ws->db(), change);
    store::set_conversation_status(ws->db(), f.conversation, store::Status::Complete);
    f.ana = store::add_person(ws->db(), "Ana Núñez");
    f.ben = store::add_person(ws->db(), "Ben Ode");
    for (const auto& code : store::list_codes(ws->db()))
        f.code[code.name] = code.uuid;
    return f;
}

std::size_t chars(const std::string& utf8) { // what the arrow keys step over
    std::size_t n = 0;
    for (unsigned char c : utf8)
        n += (c & 0xC0) != 0x80;
    return n;
}

// Puts the cursor before the first `before` characters of a box, then selects `count` more.
void select_in(GuiHarness& gui, const std::string& box, std::size_t before, std::size_t count) {
    gui.click(box);
    gui.key(GLFW_KEY_HOME, true);
    for (std::size_t i = 0; i < before; ++i)
        gui.key(GLFW_KEY_RIGHT);
    for (std::size_t i = 0; i < count; ++i)
        gui.key(GLFW_KEY_RIGHT, false, false, true);
}

void select_words(GuiHarness& gui, const std::string& box, const std::string& text,
                  const std::string& words) {
    auto at = text.find(words);
    REQUIRE(at != std::string::npos);
    select_in(gui, box, chars(text.substr(0, at)), chars(words));
}

std::vector<store::Segment> segments(store::Workspace& ws, const std::string& answer) {
    return store::segments_for_answer(ws.db(), answer);
}

const std::string notes_box = std::string("review.notes.") + kQuestion;

void open_review(GuiHarness& gui, const Fixture& f) {
    REQUIRE(gui.app().open_part("conversation:" + f.conversation + ":review"));
    gui.frame(2);
    REQUIRE(app::probe_find(notes_box));
}

} // namespace

TEST_CASE("words selected in non-ASCII notes and quotes are coded through the picker") {
    TempDir dir;
    auto path = dir / "ws.db";
    auto f = make_fixture(path);
    GuiHarness gui(path, 1280, 900);
    store::Workspace check(path);
    open_review(gui, f);

    // Ctrl+K on “grain size”: asked who is coding first, then the picker.
    select_words(gui, notes_box, kNotes, "grain size");
    gui.key(GLFW_KEY_K, true);
    REQUIRE(app::probe_find("coder_dialog.person.0")->text == "Ana Núñez");
    gui.click("coder_dialog.person.0");
    REQUIRE(app::probe_find("code_picker.filter"));
    gui.type("AMBIV");
    gui.key(GLFW_KEY_ENTER);
    auto stored = segments(check, f.answer);
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].part == store::SegmentPart::Notes);
    CHECK(stored[0].code_uuid == f.code.at("Mixed or ambivalent"));
    CHECK(stored[0].coder_uuid == f.ana);
    CHECK(stored[0].start == 14); // "José said “": é is 2 bytes, “ is 3
    CHECK(stored[0].end == 24);
    CHECK(stored[0].excerpt == "grain size");
    // Remembered on this machine, by uuid; shown in the margin beside the answer.
    CHECK(gui.app().settings().coders.at(gui.app().workspace()->path().string()) == f.ana);
    gui.frame();
    REQUIRE(app::probe_find("coding.mark." + stored[0].uuid));
    CHECK(app::probe_find("coding.mark." + stored[0].uuid)->text == "Mixed or ambivalent");
    CHECK(app::probe_find("coding.coder"));

    // The last word of a quote, through the picker at once (the coder is known now).
    std::string quote_box = std::string("review.quote.") + kQuestion + ".0";
    select_words(gui, quote_box, kQuote, "coût");
    gui.key(GLFW_KEY_K, true);
    CHECK_FALSE(app::probe_find("coder_dialog.person.0"));
    gui.type("salary");
    gui.key(GLFW_KEY_ENTER);
    stored = segments(check, f.answer);
    REQUIRE(stored.size() == 2);
    const auto& quoted = stored[0].part == store::SegmentPart::Quote ? stored[0] : stored[1];
    CHECK(quoted.part == store::SegmentPart::Quote);
    CHECK(quoted.quote_uuid == f.quote);
    CHECK(quoted.start == static_cast<std::int64_t>(kQuote.find("coût")));
    CHECK(quoted.end == static_cast<std::int64_t>(kQuote.size()));
    CHECK(quoted.excerpt == "coût");
    CHECK(quoted.code_uuid == f.code.at("Salary or promotion"));

    // Nothing selected: the answer's Code button codes the whole answer.
    gui.click(std::string("review.code.") + kQuestion);
    gui.type("positive");
    gui.key(GLFW_KEY_ENTER);
    stored = segments(check, f.answer);
    REQUIRE(stored.size() == 3);
    CHECK(std::count_if(stored.begin(), stored.end(), [&](const store::Segment& s) {
              return s.part == store::SegmentPart::Answer &&
                     s.code_uuid == f.code.at("Positive view");
          }) == 1);
}

TEST_CASE("edited notes move their codings, and codings whose words are gone are listed") {
    TempDir dir;
    auto path = dir / "ws.db";
    auto f = make_fixture(path);
    std::string grain, cost, gone;
    {
        store::Workspace ws(path);
        auto code = [&](const std::string& words, const std::string& name) {
            auto at = static_cast<std::int64_t>(kNotes.find(words));
            return store::apply_code(ws.db(),
                                     {f.answer, f.code.at(name), f.ana, store::SegmentPart::Notes,
                                      "", at, at + static_cast<std::int64_t>(words.size()), ""});
        };
        grain = code("grain size", "Mixed or ambivalent");
        cost = code("the cost", "Salary or promotion");
        // A coding of a quote whose words were edited away before the review opened.
        gone = store::apply_code(ws.db(), {f.answer, f.code.at("Positive view"), f.ana,
                                           store::SegmentPart::Quote, f.quote, 0, 2, ""});
        store::AnswerChange change;
        change.conversation_uuid = f.conversation;
        change.question_id = kQuestion;
        change.quotes_set = {{f.quote, "Tout dépend du coût", "Unknown"}};
        store::record_answer_change(ws.db(), change);
    }
    GuiHarness gui(path, 1280, 900);
    gui.app().settings().coders[gui.app().workspace()->path().string()] = f.ana;
    store::Workspace check(path);
    open_review(gui, f);
    REQUIRE(app::probe_find("coding.attention")->text == "1");
    REQUIRE(app::probe_find("coding.lost." + gone));

    auto find = [&](const std::string& uuid) {
        for (const auto& s : segments(check, f.answer))
            if (s.uuid == uuid) return std::optional<store::Segment>(s);
        return std::optional<store::Segment>();
    };

    // Typing before the coded words moves their byte range with them.
    gui.click(notes_box);
    gui.key(GLFW_KEY_HOME, true);
    gui.type("Früh: ");
    REQUIRE(gui.frames_until([&] { return find(grain)->start == 14 + 7; }));
    CHECK(find(grain)->excerpt == "grain size");
    CHECK_FALSE(find(grain)->lost);

    // Words deleted: the coding is kept, flagged and listed with its excerpt.
    std::string shorter = "José said “grain size” matters to Zoë.";
    gui.replace_text(notes_box, shorter);
    REQUIRE(gui.frames_until([&] { return find(cost)->lost; }));
    CHECK(find(cost)->excerpt == "the cost");
    CHECK(find(grain)->start == 14);
    gui.frame(2);
    CHECK(app::probe_find("coding.attention")->text == "2");
    REQUIRE(app::probe_find("coding.lost." + cost)->text == "the cost");

    // Re-selected and re-anchored to the words it belongs to now.
    select_words(gui, notes_box, shorter, "Zoë");
    gui.click("coding.reanchor." + cost);
    REQUIRE(gui.frames_until([&] { return !find(cost)->lost; }));
    CHECK(find(cost)->excerpt == "Zoë");
    CHECK(find(cost)->start == static_cast<std::int64_t>(shorter.find("Zoë")));
    gui.frame(2);
    CHECK(app::probe_find("coding.attention")->text == "1");

    // The lost quote coding removed from the list; the list is gone with it.
    gui.click("coding.lost.remove." + gone);
    CHECK_FALSE(find(gone));
    gui.frame(2);
    CHECK_FALSE(app::probe_find("coding.attention"));
}

TEST_CASE("a coding's memo is edited and its removal undone from the margin") {
    TempDir dir;
    auto path = dir / "ws.db";
    auto f = make_fixture(path);
    std::string grain;
    {
        store::Workspace ws(path);
        auto at = static_cast<std::int64_t>(kNotes.find("grain size"));
        grain = store::apply_code(ws.db(), {f.answer, f.code.at("Mixed or ambivalent"), f.ana,
                                            store::SegmentPart::Notes, "", at, at + 10, ""});
    }
    GuiHarness gui(path, 1280, 900);
    store::Workspace check(path);
    open_review(gui, f);
    auto count = [&] { return segments(check, f.answer).size(); };

    gui.click("coding.mark." + grain);
    gui.click("coding.memo");
    gui.type("Said twice — «grain size».");
    gui.click("coding.memo.save");
    CHECK(segments(check, f.answer).at(0).memo == "Said twice — «grain size».");

    gui.click("coding.mark." + grain);
    gui.click("coding.remove");
    CHECK(count() == 0);
    gui.frame(2);
    CHECK_FALSE(app::probe_find("coding.mark." + grain));
    gui.click("coding.undo");
    CHECK(count() == 1);
    gui.frame(2);
    CHECK(app::probe_find("coding.mark." + grain));
}

TEST_CASE("the blind switch shows each coder only their own codings") {
    TempDir dir;
    auto path = dir / "ws.db";
    auto f = make_fixture(path);
    std::string mine, theirs;
    {
        store::Workspace ws(path);
        auto at = static_cast<std::int64_t>(kNotes.find("grain size"));
        mine = store::apply_code(ws.db(), {f.answer, f.code.at("Mixed or ambivalent"), f.ana,
                                           store::SegmentPart::Notes, "", at, at + 10, ""});
        theirs = store::apply_code(ws.db(), {f.answer, f.code.at("Positive view"), f.ben,
                                             store::SegmentPart::Answer, "", 0, 0, ""});
    }
    GuiHarness gui(path, 1280, 900);
    gui.app().settings().coders[gui.app().workspace()->path().string()] = f.ana;
    open_review(gui, f);
    CHECK(app::probe_find("coding.mark." + mine));
    CHECK(app::probe_find("coding.mark." + theirs));
    gui.click("coding.blind");
    CHECK(gui.app().settings().coding_blind);
    CHECK(app::probe_find("coding.mark." + mine));
    CHECK_FALSE(app::probe_find("coding.mark." + theirs));
    gui.click("coding.blind");
    CHECK(app::probe_find("coding.mark." + theirs));
}
