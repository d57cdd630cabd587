// The Export panel on the Summaries screen, as a user drives it: the demo exported through the
// panel with names replaced and CSV files, found where the panel says, private to the user; and
// a filter naming nobody refused with the reason and nothing written.
#include "app/app.hpp"
#include "app/ui_probe.hpp"
#include "export/workbook_export.hpp"
#include "gui_harness.hpp"
#include "guides/data_dir.hpp"
#include "store/demo.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <sys/stat.h>
#include <thread>

using namespace convene;
using convene::test::GuiHarness;
using convene::test::TempDir;
namespace fs = std::filesystem;

namespace {

unsigned mode_of(const fs::path& p) {
    struct stat st {};
    ::stat(p.c_str(), &st);
    return st.st_mode & 0777;
}

bool shown(const char* name) {
    return app::probe_find(name).has_value();
}

} // namespace

TEST_CASE("the Export panel writes the demo workbook and CSV files where it says", "[gui]") {
    TempDir dir;
    fs::create_directories(dir / "out");
    GuiHarness gui(dir / "ws.db", 1280, 2400);
    store::load_demo_project(*gui.app().workspace(), guides::data_dir());
    gui.click("nav.summaries");
    gui.click("summaries.export");
    gui.frame(2);
    CHECK(app::probe_find("export.plan")->text ==
          std::to_string(exporting::export_sheet_plan().size()) + " sheets");
    // The sheets are listed in the side column, left of the panel's filters, none dimmed.
    for (const auto& sheet : exporting::export_sheet_plan()) {
        INFO(sheet.sheet);
        auto item = app::probe_find("export.sheet." + sheet.sheet);
        REQUIRE(item);
        CHECK(item->text.empty());
        CHECK(item->x1 <= app::probe_find("export.folder")->x0);
    }
    gui.replace_text("export.folder", (dir / "out").string());
    gui.replace_text("export.name", "study.xlsx");
    gui.frame();
    auto file = dir / "out" / "study.xlsx";
    CHECK(app::probe_find("export.target")->text == file.string());
    gui.click("export.pseudonymize");
    gui.click("export.csv");
    gui.frame();
    gui.click("export.write");
    REQUIRE(
        gui.frames_until([] { return shown("export.written") || shown("export.refused"); }, 60));
    REQUIRE(shown("export.written"));
    CHECK_THAT(app::probe_find("export.written")->text,
               Catch::StartsWith("Wrote " + file.string() + " ("));
    CHECK(fs::exists(file));
    CHECK(mode_of(file) == 0600);
    CHECK(fs::exists(dir / "out" / "study-csv" / "quality_ratings.csv"));
    CHECK(mode_of(dir / "out" / "study-csv" / "answers.csv") == 0600);
}

TEST_CASE("the window does not sleep showing the progress bar of an export that has ended",
          "[gui]") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1280, 2400);
    store::load_demo_project(*gui.app().workspace(), guides::data_dir());
    gui.click("nav.summaries");
    gui.click("summaries.export");
    gui.replace_text("export.folder", dir.path().string());
    gui.frame();
    gui.click("export.write");
    // As the window's loop does: draw a frame, then ask how long it may sleep; it sleeps until
    // the next input only once nothing changes by itself.
    int frames = 0;
    while (gui.app().idle_timeout() < app::App::kNoTimer && frames++ < 3000) {
        gui.frame();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    REQUIRE(frames < 3000);
    CHECK(shown("export.written")); // the last frame before sleeping shows the result
    CHECK_FALSE(shown("export.progress"));
}

TEST_CASE("the Export panel refuses a coder nobody is and writes nothing", "[gui]") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1280, 2400);
    store::load_demo_project(*gui.app().workspace(), guides::data_dir());
    gui.click("nav.summaries");
    gui.click("summaries.export");
    gui.frame(2);
    gui.replace_text("export.folder", dir.path().string());
    gui.replace_text("export.coder", "Nobody Atall");
    gui.frame();
    gui.click("export.write");
    REQUIRE(
        gui.frames_until([] { return shown("export.written") || shown("export.refused"); }, 60));
    REQUIRE(shown("export.refused"));
    CHECK_THAT(app::probe_find("export.refused")->text, Catch::Contains("Nobody Atall"));
    CHECK_FALSE(fs::exists(dir / "convene-export.xlsx"));
}
