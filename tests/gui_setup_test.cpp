// Set-up that refuses what it cannot use (a date that is not one, a start without organisation
// or state), and deleting a conversation safely: asked first, then Undo for a few seconds.
#include "app/date_input.hpp"
#include "app/ui_probe.hpp"
#include "gui_harness.hpp"
#include "store/conversations.hpp"
#include "store/workspace.hpp"
#include "temp_dir.hpp"

#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

using namespace convene;
using convene::test::GuiHarness;
using convene::test::TempDir;

namespace {

store::Conversation only_conversation(GuiHarness& gui) {
    auto& db = gui.app().workspace()->db();
    auto rows = store::list_conversations(db);
    REQUIRE(rows.size() == 1);
    return *store::get_conversation(db, rows[0].uuid);
}

} // namespace

TEST_CASE("dates are read as typed, and a form that is not one date is refused with the reason") {
    CHECK(app::parse_date("2026-11-04").iso == "2026-11-04");
    CHECK(app::parse_date("2026-11-04T10:00").iso == "2026-11-04T10:00");
    CHECK(app::parse_date("2026-11-04 9:05").iso == "2026-11-04T09:05");
    CHECK(app::parse_date("4 Nov 2026").iso == "2026-11-04");
    CHECK(app::parse_date("November 4, 2026 2:30 pm").iso == "2026-11-04T14:30");
    CHECK(app::parse_date("25/12/2026").iso == "2026-12-25"); // only one reading is a date
    CHECK(app::parse_date("04/04/2026").iso == "2026-04-04");
    auto ambiguous = app::parse_date("11/04/2026");
    CHECK(ambiguous.iso.empty());
    CHECK_THAT(ambiguous.error, Catch::Contains("two different dates"));
    CHECK_THAT(app::parse_date("2026-02-30").error, Catch::Contains("february 2026 has no day 30"));
    CHECK_THAT(app::parse_date("2026-13-01").error, Catch::Contains("no month 13"));
    CHECK_THAT(app::parse_date("2026-11-04 25:00").error, Catch::Contains("00:00 and 23:59"));
    CHECK_FALSE(app::parse_date("next Tuesday").error.empty());
}

TEST_CASE("set-up refuses a date that is not one and asks for organisation and state") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1600, 1400);
    gui.click("conversations.new");

    gui.replace_text("setup.date", "11/04/2026");
    CHECK(app::probe_find("setup.date_error"));
    CHECK(only_conversation(gui).scheduled_at.empty());
    gui.replace_text("setup.date", "4 Nov 2026 10:00");
    CHECK_FALSE(app::probe_find("setup.date_error"));

    // No organisation or state yet: the walkthrough does not start.
    gui.click("setup.start");
    CHECK(app::probe_find("setup.start_error"));
    CHECK_FALSE(app::probe_find("walkthrough.question"));
    gui.replace_text("setup.org", "Ohio Educator Credentialing Office");
    gui.click("setup.start");
    CHECK(app::probe_find("setup.start_error")); // the state is still missing
    gui.click("setup.state_unknown");
    gui.click("setup.start");
    CHECK(app::probe_find("walkthrough.question"));
    gui.click("walkthrough.close");

    auto c = only_conversation(gui);
    CHECK(c.scheduled_at == "2026-11-04T10:00");
    CHECK(c.org == "Ohio Educator Credentialing Office");
    CHECK(c.state.empty());
}

TEST_CASE(
    "deleting a conversation asks first, then offers Undo, and the empty list names the trash") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1600, 1200);
    auto& db = gui.app().workspace()->db();
    gui.click("conversations.new");
    gui.replace_text("setup.org", "Iowa Educator Licensing Bureau");
    gui.click("setup.close");
    REQUIRE(store::list_conversations(db).size() == 1);

    gui.click("conversations.delete.0");
    CHECK(store::list_conversations(db).size() == 1); // only asked so far
    gui.click("conversations.delete.yes");
    CHECK(store::list_conversations(db).empty());
    // The list is empty, but says where the conversation went instead of offering the demo.
    CHECK(app::probe_find("conversations.empty_trash_note"));
    CHECK_FALSE(app::probe_find("conversations.demo"));
    gui.click("conversations.undo");
    CHECK(store::list_conversations(db).size() == 1);
    CHECK(app::probe_find("conversations.row.0"));

    // Undo lasts a few seconds.
    gui.click("conversations.delete.0");
    gui.click("conversations.delete.yes");
    REQUIRE(app::probe_find("conversations.undo"));
    gui.frame(10 * 60);
    CHECK_FALSE(app::probe_find("conversations.undo"));
    CHECK(store::list_conversations(db).empty());
    CHECK(app::probe_find("conversations.empty_trash_note"));
}
