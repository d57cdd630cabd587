// File > Merge workspace..., Merge conflicts and Save a copy..., driven through the UI.
#include "app/views/workspace_tools.hpp"
#include "gui_harness.hpp"
#include "merge_fixture.hpp"
#include "store/answers.hpp"
#include "store/backup.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace convene;
using convene::test::GuiHarness;
using convene::test::TempDir;

TEST_CASE("Merging a workspace from the File menu: preview, merge, report, flip a conflict",
          "[gui][merge]") {
    TempDir dir;
    std::string c0;
    {
        auto base = test::open_ws(dir / "a.db");
        c0 = test::new_conversation(*base, "Shared");
        test::set_notes(base->db(), c0, "perceptions.first_thoughts", "start");
        store::save_copy(base->db(), dir / "b.db");
        test::set_notes(base->db(), c0, "perceptions.first_thoughts", "from A");
    }
    {
        auto b = test::open_ws(dir / "b.db");
        test::new_conversation(*b, "Only in B");
        test::set_notes(b->db(), c0, "perceptions.first_thoughts", "from B");
    }
    GuiHarness gui(dir / "a.db", 1600, 1200);
    auto& db = gui.app().workspace()->db();
    auto& tools = gui.app().tools();
    gui.app().run(app::Command::MergeWorkspace);
    gui.frame();
    gui.replace_text("merge.path", (dir / "b.db").string());
    gui.click("merge.preview");
    REQUIRE(gui.frames_until([&] { return tools.report().has_value(); }));
    CHECK(tools.report()->dry_run);
    CHECK(tools.report()->total.added > 0);
    CHECK(test::count(db, "SELECT count(*) FROM conversation") == 1); // a preview only

    gui.click("merge.run");
    REQUIRE(gui.frames_until([&] { return tools.report() && !tools.report()->dry_run; }));
    CHECK(tools.report()->total.conflicts == 1);
    CHECK(test::count(db, "SELECT count(*) FROM conversation") == 2);
    CHECK(store::answers_for(db, c0).at("perceptions.first_thoughts").notes == "from B");

    gui.app().run(app::Command::ReviewConflicts);
    REQUIRE(gui.frames_until([&] { return tools.conflicts().size() == 1; }));
    const auto& c = tools.conflicts().front();
    REQUIRE(c.fields.size() == 1);
    CHECK(c.fields[0].column == "notes");
    CHECK(c.fields[0].kept == "from B");
    CHECK(c.fields[0].other == "from A");
    gui.click("conflict.flip." + c.uuid);
    gui.frame(2);
    CHECK(store::answers_for(db, c0).at("perceptions.first_thoughts").notes == "from A");
    CHECK(gui.frames_until([&] { return tools.conflicts().empty(); }));
}

TEST_CASE("A refused file is explained in the merge window", "[gui][merge]") {
    TempDir dir;
    test::write_file(dir / "junk.db", std::string(2048, 'j'));
    GuiHarness gui(dir / "a.db", 1600, 1200);
    auto& tools = gui.app().tools();
    gui.app().run(app::Command::MergeWorkspace);
    gui.frame();
    gui.replace_text("merge.path", (dir / "junk.db").string());
    gui.click("merge.preview");
    REQUIRE(gui.frames_until([&] { return !tools.message().empty(); }));
    CHECK_THAT(tools.message(), Catch::Contains("not an SQLite database"));
}

TEST_CASE("Save a copy from the File menu writes a copy that opens", "[gui][backup]") {
    TempDir dir;
    GuiHarness gui(dir / "a.db", 1600, 1200);
    test::new_conversation(*gui.app().workspace(), "Copied");
    gui.app().run(app::Command::SaveCopy);
    gui.frame();
    gui.replace_text("copy.path", (dir / "copy.db").string());
    gui.click("copy.save");
    REQUIRE(gui.frames_until([&] { return std::filesystem::exists(dir / "copy.db"); }));
    gui.frames_until([&] { return !gui.app().busy(); });
    auto copy = test::open_ws(dir / "copy.db");
    CHECK(test::count(copy->db(), "SELECT count(*) FROM conversation") == 1);
}
