// A whole conversation run through the real screens with simulated clicks and keys: set-up,
// notes with non-ASCII text, a quote marked from the notes, structured answers, every area.
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
#include <chrono>
#include <sqlite3.h>
#include <thread>

using namespace convene;
using convene::test::GuiHarness;
using convene::test::TempDir;

namespace {} // namespace

TEST_CASE("a facilitator runs a whole conversation and everything is in the database") {
    TempDir dir;
    auto path = dir / "ws.db";
    {
        GuiHarness gui(path, 1600, 2600);
        gui.click("conversations.new");
        gui.replace_text("setup.org", "Ohio Educator Credentialing Office");
        gui.replace_text("setup.state", "Ohio");
        gui.click("setup.focus_group");
        gui.click("setup.add_participant");
        gui.replace_text("setup.participant.name.0", "José Álvarez");
        gui.click("setup.participant.consent.0");
        gui.click("setup.profile");
        gui.click("setup.profile.assessment-literacy");
        gui.click("setup.start");
        REQUIRE(app::probe_find("walkthrough.question"));

        // Walk every question: notes on each, structured answers where the guide has them.
        int questions = 0;
        for (int guard = 0; guard < 60; ++guard) {
            ++questions;
            gui.replace_text("walkthrough.notes",
                             "José — “grain size” note " + std::to_string(questions));
            if (questions == 1) {
                gui.key(GLFW_KEY_A, true); // select the whole note ...
                gui.key(GLFW_KEY_M, true); // ... and keep it as a quote
                gui.click("field.sentiment.mixed");
                gui.click("walkthrough.probe.0");
            }
            if (app::probe_find("field.clock_hours") && app::probe_find("field.grad_credits")) {
                gui.replace_text("field.clock_hours", "8");
                gui.key(GLFW_KEY_ENTER);
            }
            if (app::probe_find("field.earns_pd_credit.partly"))
                gui.click("field.earns_pd_credit.partly");
            if (app::probe_find("field.obstacles.cost")) {
                gui.click("field.obstacles.cost");
                gui.click("field.obstacles.tracking");
            }
            if (app::probe_find("field.interest.4")) gui.click("field.interest.4");
            if (questions == 30) break;
            gui.key(GLFW_KEY_RIGHT, false, true); // Alt+Right: next question
        }
        gui.click("walkthrough.close");
    }

    store::Workspace ws(path);
    auto rows = store::list_conversations(ws.db());
    REQUIRE(rows.size() == 1);
    auto c = *store::get_conversation(ws.db(), rows[0].uuid);
    CHECK(c.org == "Ohio Educator Credentialing Office");
    CHECK(c.state == "Ohio");
    CHECK(c.mode == "focus_group");
    CHECK(c.profile == "assessment-literacy");
    CHECK(c.flags.contains("mc_profile_shown"));
    REQUIRE(c.participants.size() == 1);
    CHECK(c.participants[0].name == "José Álvarez");
    CHECK(c.participants[0].consent);
    CHECK(c.status == store::Status::InProgress);

    auto answers = store::answers_for(ws.db(), c.uuid);
    CHECK(answers.size() == 30);
    const auto& first = answers["perceptions.first_thoughts"];
    CHECK(first.notes == "José — “grain size” note 1");
    REQUIRE(first.quotes.size() == 1);
    CHECK(first.quotes[0].text == "José — “grain size” note 1");
    CHECK(first.quotes[0].speaker == "José Álvarez");
    CHECK(first.values["sentiment"] == "mixed");
    CHECK(first.probes == std::vector<int>{0});
    CHECK(answers["recognition.grain_size"].values["clock_hours"] == 8);
    CHECK(answers["recognition.pd_credit"].values["earns_pd_credit"] == "partly");
    CHECK(answers["wrap_up.challenges"].values["obstacles"] ==
          nlohmann::json({"cost", "tracking"}));
    CHECK(answers["wrap_up.interest"].values["interest"] == 4);
    CHECK(answers["wrap_up.interest"].notes == "José — “grain size” note 30");
    // Every area was visited and timed.
    CHECK(c.area_seconds.size() == 7);
}

TEST_CASE("time counts for an area only while the walkthrough is on screen") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    store::Conversation c;
    c.guide_hash = *store::current_guide_hash(*ws, "air-2019");
    c.group = "licensing";
    auto uuid = store::create_conversation(ws->db(), c);
    {
        app::ConversationSession session(*ws, uuid);
        session.tick();
        std::this_thread::sleep_for(std::chrono::milliseconds(60));
        session.tick();
        double counted = session.area_seconds("perceptions");
        CHECK(counted >= 0.05);
        // Off screen (no ticks, as in set-up, review or another screen): nothing is added.
        std::this_thread::sleep_for(std::chrono::milliseconds(2100));
        session.tick();
        CHECK(session.area_seconds("perceptions") == Approx(counted).margin(0.01));
    }
    auto saved = store::get_conversation(ws->db(), uuid)->area_seconds;
    REQUIRE(saved.count("perceptions"));
    CHECK(saved["perceptions"] >= 0.05);
    CHECK(saved["perceptions"] < 1.0);
}
