// What a note-taker reaches for during a conversation, driven through the real walkthrough:
// conversation-level notes, a follow-up question added on the spot, Ctrl+T's elapsed time, and
// the speaker of a quote defaulting to the last one chosen.
#include "app/ui_probe.hpp"
#include "app/views/conversation_panels.hpp"
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

std::string conversation_in_progress(const std::filesystem::path& path,
                                     std::map<std::string, double> area_seconds = {}) {
    auto ws = store::open_workspace(path);
    store::Conversation c;
    c.guide_hash = *store::current_guide_hash(*ws, "air-2019");
    c.group = "association";
    c.mode = "focus_group";
    c.org = "Kentucky Education Association";
    c.state = "Kentucky";
    c.facilitator = "Dana Ruiz";
    c.status = store::Status::InProgress;
    c.participants = {{"", "Ann Lee", "teacher", "", true}, {"", "Bo Diaz", "principal", "", true}};
    c.area_seconds = std::move(area_seconds);
    return store::create_conversation(ws->db(), c);
}

store::Conversation stored(const std::filesystem::path& path, const std::string& uuid) {
    store::Workspace ws(path);
    return *store::get_conversation(ws.db(), uuid);
}

std::map<std::string, store::Answer> stored_answers(const std::filesystem::path& path,
                                                    const std::string& uuid) {
    store::Workspace ws(path);
    return store::answers_for(ws.db(), uuid);
}

} // namespace

TEST_CASE("conversation notes are at hand in the walkthrough, saved, and shown in review") {
    TempDir dir;
    auto path = dir / "ws.db";
    auto uuid = conversation_in_progress(path);
    {
        GuiHarness gui(path, 1280, 900);
        REQUIRE(gui.app().open_part("walkthrough"));
        gui.frame();
        gui.click("conversation_notes");
        gui.type("Parking lot: who pays for CEUs?");
        gui.key(GLFW_KEY_E, true); // back to the question's notes
        gui.type("first answer");
        gui.click("walkthrough.review");
        REQUIRE(app::probe_find("review.complete"));
        CHECK(app::probe_find("conversation_notes"));
    }
    CHECK(stored(path, uuid).notes == "Parking lot: who pays for CEUs?");
    CHECK(stored_answers(path, uuid)["perceptions.first_thoughts"].notes == "first answer");
}

TEST_CASE("a follow-up question is added to the current area and kept with this conversation") {
    TempDir dir;
    auto path = dir / "ws.db";
    auto uuid = conversation_in_progress(path);
    auto other = conversation_in_progress(path);
    {
        store::Workspace ws(path); // the walkthrough opens the one in progress
        store::set_conversation_status(ws.db(), other, store::Status::Complete);
    }
    {
        GuiHarness gui(path, 1280, 900);
        REQUIRE(gui.app().open_part("walkthrough"));
        gui.frame();
        gui.click("walkthrough.follow_up");
        gui.click("walkthrough.follow_up.text");
        gui.type("Would a stack of three count as a graduate course?");
        gui.click("walkthrough.follow_up.add");
        gui.frame();
        gui.type("Only with a university partner"); // the follow-up's notes have the keyboard
    }
    auto c = stored(path, uuid);
    REQUIRE(c.follow_ups.size() == 1);
    CHECK(c.follow_ups[0].area_id == "perceptions");
    CHECK(c.follow_ups[0].text == "Would a stack of three count as a graduate course?");
    auto answers = stored_answers(path, uuid);
    CHECK(answers[store::follow_up_question_id(c.follow_ups[0].uuid)].notes ==
          "Only with a university partner");
    CHECK(answers["perceptions.first_thoughts"].notes.empty());
    CHECK(stored(path, other).follow_ups.empty());

    // It stays in its area (last) when the conversation is opened again.
    auto ws = store::open_workspace(path);
    app::ConversationSession session(*ws, uuid);
    auto starts = session.area_starts();
    REQUIRE(starts.size() > 1);
    const auto& last_of_area = session.items()[starts[1] - 1];
    CHECK(last_of_area.follow_up);
    CHECK(last_of_area.text == "Would a stack of three count as a graduate course?");
}

TEST_CASE("Ctrl+T writes the conversation's elapsed time into the notes at the cursor") {
    TempDir dir;
    auto path = dir / "ws.db";
    auto uuid = conversation_in_progress(path, {{"perceptions", 700}, {"recognition", 54}});
    {
        GuiHarness gui(path, 1280, 900);
        REQUIRE(gui.app().open_part("walkthrough"));
        gui.frame();
        gui.type("CEUs only ");
        gui.key(GLFW_KEY_T, true);
        gui.type("then hours");
        gui.click("walkthrough.asked"); // away from the notes: Ctrl+T goes back to their end
        gui.key(GLFW_KEY_T, true);
    }
    CHECK_THAT(stored_answers(path, uuid)["perceptions.first_thoughts"].notes,
               Catch::Matches(R"(CEUs only \[12:3[45]\] then hours\[12:3[45]\] )"));
}

TEST_CASE("a quote's speaker defaults to the last one chosen in this conversation") {
    TempDir dir;
    auto path = dir / "ws.db";
    auto uuid = conversation_in_progress(path);
    {
        store::Workspace ws(path);
        auto choices = app::speaker_choices(*store::get_conversation(ws.db(), uuid));
        CHECK(choices == std::vector<std::string>{"Ann Lee", "Bo Diaz", "Dana Ruiz (facilitator)",
                                                  "Several / group", "Unknown"});
    }
    {
        GuiHarness gui(path, 1280, 900);
        REQUIRE(gui.app().open_part("walkthrough"));
        gui.frame();
        gui.click("walkthrough.speaker");
        gui.click("##by.1"); // Bo Diaz
        gui.click("walkthrough.new_quote");
        gui.type("We would need a crosswalk first");
        gui.click("walkthrough.add_quote");
        REQUIRE(app::probe_find("walkthrough.message"));
        gui.frame(6 * 60); // the message fades away after a few seconds
        CHECK_FALSE(app::probe_find("walkthrough.message"));
        gui.key(GLFW_KEY_RIGHT, false, true);
        gui.click("walkthrough.new_quote");
        gui.type("Agreed");
        gui.click("walkthrough.add_quote");
    }
    {
        GuiHarness gui(path, 1280, 900); // and after a restart
        REQUIRE(gui.app().open_part("walkthrough"));
        gui.frame();
        gui.click("walkthrough.new_quote");
        gui.type("Third");
        gui.click("walkthrough.add_quote");
    }
    std::vector<std::string> speakers;
    for (const auto& [id, a] : stored_answers(path, uuid))
        for (const auto& q : a.quotes)
            speakers.push_back(q.speaker);
    CHECK(speakers == std::vector<std::string>{"Bo Diaz", "Bo Diaz", "Bo Diaz"});
    CHECK(stored(path, uuid).last_speaker == "Bo Diaz");
}
