// The conversation list, search, trash, demo button, review and autosave, driven through the UI.
#include "app/ui_probe.hpp"
#include "gui_harness.hpp"
#include "store/answers.hpp"
#include "store/conversations.hpp"
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

TEST_CASE("the demo button fills an empty workspace") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1600, 1200);
    gui.click("conversations.demo");
    CHECK(store::list_conversations(gui.app().workspace()->db()).size() == 12);
    CHECK(app::probe_find("conversations.row.0"));
    CHECK_FALSE(app::probe_find("conversations.demo"));
}

TEST_CASE("typed notes reach the file within a second before anything is closed") {
    TempDir dir;
    auto path = dir / "ws.db";
    GuiHarness gui(path, 1600, 2000);
    gui.click("conversations.new");
    gui.click("setup.org_unknown");
    gui.click("setup.state_unknown");
    gui.click("setup.start");
    gui.click("walkthrough.notes");
    gui.type("Zoë said “renewal” twice");
    // Read through a second connection, as a crash-recovery would see the file.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    std::string stored;
    while (std::chrono::steady_clock::now() < deadline) {
        store::Database other(path.string(), SQLITE_OPEN_READONLY);
        store::Statement st(
            other, "SELECT notes FROM answer WHERE question_id = 'perceptions.first_thoughts'");
        if (st.step()) stored = st.text(0);
        if (stored == "Zoë said “renewal” twice") break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        gui.frame();
    }
    CHECK(stored == "Zoë said “renewal” twice");
    gui.frame(2);
    auto status = app::probe_find("status.saved");
    CHECK(status.has_value());
}

TEST_CASE("search finds a note and opens the conversation at that question") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1600, 1600);
    gui.click("conversations.demo");
    gui.click("conversations.search");
    gui.type("ren");
    gui.type("ewal");
    // The search runs on a worker; the hits show when it is done.
    REQUIRE(gui.frames_until([] { return app::probe_find("conversations.hit.0").has_value(); }));
    REQUIRE(gui.frames_until([&] { return !gui.app().busy(); }));
    gui.click("conversations.hit.0");
    CHECK(app::probe_find("walkthrough.question"));
    CHECK(app::probe_find("walkthrough.notes"));
}

TEST_CASE("deleting from the list goes to the trash and restoring brings it back") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1600, 1600);
    gui.click("conversations.demo");
    auto& db = gui.app().workspace()->db();
    gui.click("conversations.delete.0");
    gui.click("conversations.delete.yes");
    CHECK(store::list_conversations(db).size() == 11);
    gui.click("conversations.trash");
    REQUIRE(app::probe_find("conversations.restore.0"));
    gui.click("conversations.restore.0");
    CHECK(store::list_conversations(db).size() == 12);
    CHECK(store::list_conversations(db, {.trash = true}).empty());
}

TEST_CASE("a conversation is marked complete in the review") {
    TempDir dir;
    auto path = dir / "ws.db";
    {
        GuiHarness gui(path, 1600, 2000);
        gui.click("conversations.new");
        gui.click("setup.org_unknown");
        gui.click("setup.state_unknown");
        gui.click("setup.start");
        gui.click("walkthrough.review");
        REQUIRE(app::probe_find("review.complete"));
        gui.click("review.notes.perceptions.first_thoughts");
        gui.type("Edited in review");
        gui.click("review.complete");
        gui.click("review.close");
    }
    store::Workspace ws(path);
    auto rows = store::list_conversations(ws.db());
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].status == store::Status::Complete);
    CHECK(store::answers_for(ws.db(), rows[0].uuid)["perceptions.first_thoughts"].notes ==
          "Edited in review");
}
