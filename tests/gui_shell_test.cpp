#include "app/fonts.hpp"
#include "gui_harness.hpp"
#include "store/workspace.hpp"
#include "temp_dir.hpp"

#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>
#include <imgui.h>
#include <sys/stat.h>

using namespace convene;
using convene::test::GuiHarness;
using convene::test::TempDir;

TEST_CASE("clicking a navigation entry shows that screen") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db");
    CHECK(gui.app().screen() == app::Screen::Conversations);
    gui.click("nav.library");
    CHECK(gui.app().screen() == app::Screen::Library);
    gui.click("nav.surveys");
    CHECK(gui.app().screen() == app::Screen::Surveys);
}

TEST_CASE("Ctrl+number shortcuts switch screens") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db");
    gui.key(GLFW_KEY_5, true);
    CHECK(gui.app().screen() == app::Screen::Summaries);
    gui.key(GLFW_KEY_3, true);
    CHECK(gui.app().screen() == app::Screen::QualityReview);
    gui.key(GLFW_KEY_3); // without Ctrl it is just a key
    CHECK(gui.app().screen() == app::Screen::QualityReview);
}

TEST_CASE("the app opens its workspace, and a refused file shows the reason instead") {
    TempDir dir;
    {
        GuiHarness gui(dir / "ws.db");
        REQUIRE(gui.app().workspace() != nullptr);
        CHECK(gui.app().error_message().empty());
    }
    auto notes = dir / "notes.txt";
    convene::test::write_file(notes, "not a database");
    GuiHarness gui(notes);
    CHECK(gui.app().workspace() == nullptr);
    CHECK_THAT(gui.app().error_message(), Catch::Contains("not an SQLite database"));
    gui.click("error_dialog.ok");
    CHECK(gui.app().error_message().empty());
    CHECK(convene::test::read_file(notes) == "not a database");
}

TEST_CASE("File > Open workspace switches workspaces through the dialog") {
    TempDir dir;
    { store::Workspace other(dir / "other.db"); }
    GuiHarness gui(dir / "ws.db");
    gui.key(GLFW_KEY_O, true);
    gui.click("workspace_dialog.path");
    // Select what is there and replace it with the other path.
    gui.key(GLFW_KEY_A, true);
    gui.type((dir / "other.db").string());
    gui.click("workspace_dialog.ok");
    REQUIRE(gui.app().workspace() != nullptr);
    CHECK(gui.app().workspace()->path() == dir / "other.db");
}

TEST_CASE("text size changes rebuild the fonts within limits") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db");
    float before = app::fonts().pixel_size;
    gui.key(GLFW_KEY_EQUAL, true);
    CHECK(app::fonts().pixel_size > before);
    for (int i = 0; i < 30; ++i)
        gui.key(GLFW_KEY_MINUS, true);
    CHECK(gui.app().settings().text_scale == Approx(app::Settings::kMinScale));
    gui.key(GLFW_KEY_0, true);
    CHECK(app::fonts().pixel_size == Approx(before));
}

TEST_CASE("DejaVu Sans is used when present, the built-in font otherwise") {
    ImGuiContext* ctx = ImGui::CreateContext();
    auto& with = app::load_fonts(ImGui::GetIO(), 17.0f);
    CHECK_FALSE(with.fallback);
    CHECK(with.body->FindGlyphNoFallback(0x201C) != nullptr); // “
    auto& without = app::load_fonts(ImGui::GetIO(), 17.0f, "/nonexistent/fonts");
    CHECK(without.fallback);
    CHECK(without.body != nullptr);
    ImGui::DestroyContext(ctx);
}

TEST_CASE("ImGui misuse fails the test instead of aborting") {
    ImGuiContext* ctx = ImGui::CreateContext();
    ImGui::GetIO().DisplaySize = ImVec2(100, 100);
    unsigned char* px;
    int w, h;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    ImGui::NewFrame();
    CHECK_THROWS_AS(ImGui::PopStyleVar(), std::logic_error);
    ImGui::DestroyContext(ctx);
}

TEST_CASE("an exception while drawing becomes an error dialog, not a crash") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db");
    // Break the workspace under the home screen: its model rebuild now throws mid-window.
    gui.app().workspace()->db().exec("DROP TABLE participant");
    gui.frame(3);
    CHECK_THAT(gui.app().error_message(), Catch::Contains("no such table: participant"));
    // The app keeps running: other screens still draw and the dialog can be closed.
    gui.click("error_dialog.ok");
    gui.key(GLFW_KEY_4, true);
    CHECK(gui.app().screen() == app::Screen::Library);
}

TEST_CASE("the settings folder and the window layout are readable by their owner only") {
    TempDir dir;
    auto config = dir / "config" / "convene";
    {
        GuiHarness gui(dir / "ws.db", 1280, 720, config);
        gui.click("nav.library");
        gui.frame(3);
    }
    struct stat st {};
    REQUIRE(::stat(config.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    REQUIRE(::stat((config / "imgui.ini").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK_THAT(convene::test::read_file(config / "imgui.ini"), Catch::Contains("[Window]"));
}
