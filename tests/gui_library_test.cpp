// The Library screen driven like a facilitator would: browse the guide by group, make a
// protocol of one's own, edit an MC profile.
#include "app/ui_probe.hpp"
#include "gui_harness.hpp"
#include "store/currency.hpp"
#include "store/guides.hpp"
#include "store/mc_profiles.hpp"
#include "store/seed.hpp"
#include "temp_dir.hpp"

#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

using namespace convene;
using convene::test::GuiHarness;
using convene::test::probe_text;
using convene::test::TempDir;

TEST_CASE("the guide browser shows the questions for the chosen group") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1280, 4000); // tall enough that every question is drawn
    gui.click("nav.library");
    REQUIRE(gui.app().screen() == app::Screen::Library);
    gui.frame(2);
    REQUIRE(app::probe_find("library.guide.air-2019"));
    // Licensing by default: its own questions, not the associations'.
    CHECK(app::probe_find("library.question.proficiency.who_assesses"));
    CHECK_FALSE(app::probe_find("library.question.wrap_up.system_benefits"));
    gui.click("library.group");
    gui.click("library.group.association");
    gui.frame(2);
    CHECK_FALSE(app::probe_find("library.question.proficiency.who_assesses"));
    CHECK(app::probe_find("library.question.wrap_up.system_benefits"));
    // Hiding conditional questions with no flags set removes the stacking area's questions.
    CHECK(app::probe_find("library.question.stacking.pathways"));
    gui.click("library.show_all");
    gui.frame(2);
    CHECK_FALSE(app::probe_find("library.question.stacking.pathways"));
    CHECK(app::probe_find("library.question.perceptions.first_thoughts"));
}

TEST_CASE("closing a protocol with unsaved changes asks first") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1280, 4000);
    gui.click("nav.library");
    gui.frame(2);
    gui.click("library.make_protocol");
    gui.frame(2);
    gui.click("protocol.keep.experience.involvement");
    gui.click("protocol.close");
    gui.frame(2);
    // Still editing, the question asked; keep editing, then save, then Close closes at once.
    CHECK(app::probe_find("protocol.save"));
    gui.click("protocol.close.keep");
    gui.frame(2);
    CHECK(app::probe_find("protocol.save"));
    gui.click("protocol.save");
    gui.frame(2);
    // Saving closes the editor and shows the new guide in the browser, saying so.
    CHECK_FALSE(app::probe_find("protocol.save"));
    CHECK(app::probe_find("library.make_protocol"));
    CHECK_THAT(app::probe_find("library.message")->text,
               Catch::Contains("as guide air-2019-protocol") &&
                   Catch::Contains("it is shown here"));
    CHECK(app::probe_find("library.guide.air-2019-protocol"));
    CHECK_FALSE(app::probe_find("library.question.experience.involvement"));
    // Changes then Close without saving: closed, nothing written.
    gui.click("library.make_protocol");
    gui.frame(2);
    gui.click("protocol.keep.experience.knowledge");
    gui.click("protocol.close");
    gui.frame(2);
    gui.click("protocol.close.discard");
    gui.frame(2);
    CHECK(app::probe_find("library.make_protocol"));
    auto saved = store::current_guide(*gui.app().workspace(), "air-2019-protocol");
    REQUIRE(saved);
    CHECK(saved->question("experience.knowledge") != nullptr);
}

TEST_CASE("a protocol of one's own is saved as a new guide and the original is unchanged") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1280, 4000); // tall: every widget on screen
    auto original = *store::current_guide(*gui.app().workspace(), "air-2019");
    gui.click("nav.library");
    gui.frame(2);
    gui.click("library.make_protocol");
    gui.frame(2);
    // Leave out the second experience question, move a proficiency question up, save.
    gui.click("protocol.keep.experience.involvement");
    gui.click("protocol.up.proficiency.who_assesses");
    gui.click("protocol.save");
    gui.frame();

    auto& ws = *gui.app().workspace();
    auto protocol = store::current_guide(ws, "air-2019-protocol");
    REQUIRE(protocol);
    CHECK(protocol->derived_from == "air-2019");
    CHECK(protocol->question("experience.involvement") == nullptr);
    CHECK(protocol->question("experience.knowledge") != nullptr);
    const auto& proficiency = protocol->areas[2].questions;
    CHECK(proficiency[0].id == "proficiency.who_assesses");
    CHECK(*store::current_guide(ws, "air-2019") == original);
}

TEST_CASE("rewording a question for one group in the protocol editor keeps the others' wording") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1280, 4000); // tall: every widget on screen
    gui.click("nav.library");
    gui.frame(2);
    gui.click("library.make_protocol");
    gui.frame(2);
    gui.click("protocol.text.perceptions.first_thoughts");
    gui.key(GLFW_KEY_A, true);
    gui.type("What does “micro-credential” bring to mind in {state}?");
    gui.click("protocol.save");
    auto protocol = store::current_guide(*gui.app().workspace(), "air-2019-protocol");
    REQUIRE(protocol);
    const auto* q = protocol->question("perceptions.first_thoughts");
    REQUIRE(q);
    CHECK(q->text_for("licensing") == "What does “micro-credential” bring to mind in {state}?");
    auto original = store::current_guide(*gui.app().workspace(), "air-2019");
    CHECK(q->text_for("association") ==
          original->question("perceptions.first_thoughts")->text_for("association"));
}

TEST_CASE("an MC profile edited in the Library is saved to the workspace") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1280, 4000); // tall: every widget on screen
    gui.click("nav.library");
    gui.frame(2);
    gui.click("library.tab.profiles");
    gui.frame(2);
    gui.click("profiles.item.collaborative-coaching");
    gui.click("profiles.title");
    gui.key(GLFW_KEY_A, true);
    gui.type("Collaborative Coaching — peer cycles");
    gui.click("profiles.save");
    auto lib = store::load_profiles(*gui.app().workspace());
    REQUIRE(lib.profile("collaborative-coaching"));
    CHECK(lib.profile("collaborative-coaching")->title == "Collaborative Coaching — peer cycles");
}

TEST_CASE("leaving an edited MC profile asks first: discard, keep editing or save") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1280, 4000);
    gui.click("nav.library");
    gui.frame(2);
    gui.click("library.tab.profiles");
    gui.frame(2);
    gui.click("profiles.item.collaborative-coaching");
    auto edit_title = [&](const std::string& title) {
        gui.click("profiles.title");
        gui.key(GLFW_KEY_A, true);
        gui.type(title);
        gui.frame(2);
    };
    auto stored_title = [&](const char* id) {
        return store::load_profiles(*gui.app().workspace()).profile(id)->title;
    };

    // Keep editing: the edit stays on screen and nothing is written.
    edit_title("Draft one");
    gui.click("profiles.item.assessment-literacy");
    gui.frame(2);
    gui.click("profiles.leave.cancel");
    gui.frame(2);
    gui.click("profiles.save");
    gui.frame(2);
    CHECK(stored_title("collaborative-coaching") == "Draft one");

    // Save from the question: written, then the other profile opens.
    edit_title("Draft two");
    gui.click("profiles.item.assessment-literacy");
    gui.frame(2);
    gui.click("profiles.leave.save");
    gui.frame(3);
    CHECK(stored_title("collaborative-coaching") == "Draft two");

    // Discard: nothing written.
    edit_title("Never saved");
    gui.click("profiles.item.collaborative-coaching");
    gui.frame(2);
    gui.click("profiles.leave.discard");
    gui.frame(2);
    CHECK(stored_title("assessment-literacy") != "Never saved");
    CHECK(stored_title("collaborative-coaching") == "Draft two");
}

TEST_CASE("saving a profile writes only the fields edited: another writer's edits stay") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    auto base = *store::load_profiles(*ws).profile("collaborative-coaching");
    auto theirs = base;
    theirs.issuer = "Kentucky Education Cooperative";
    store::save_profile_changes(*ws, base, theirs);
    auto mine = base;
    mine.title = "Collaborative Coaching, revised";
    store::save_profile_changes(*ws, base, mine);
    auto got = *store::load_profiles(*ws).profile("collaborative-coaching");
    CHECK(got.title == "Collaborative Coaching, revised");
    CHECK(got.issuer == "Kentucky Education Cooperative");
}

TEST_CASE("the codebook and currency tabs draw the seeded data") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1280, 4000); // tall: every widget on screen
    gui.click("nav.library");
    gui.frame(2);
    gui.click("library.tab.codebook");
    gui.frame(2);
    gui.click("library.tab.currency");
    gui.frame(2);
    CHECK(gui.app().error_message().empty());
}

namespace {

// Sets an environment variable for one test and puts the old value back.
class ScopedEnv {
  public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value)
            ::setenv(name, value, 1);
        else
            ::unsetenv(name);
    }
    ~ScopedEnv() {
        if (old_)
            ::setenv(name_, old_->c_str(), 1);
        else
            ::unsetenv(name_);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

  private:
    const char* name_;
    std::optional<std::string> old_;
};

void replace_text(GuiHarness& gui, const std::string& field, const std::string& text) {
    gui.click(field);
    gui.key(GLFW_KEY_A, true);
    gui.key(GLFW_KEY_DELETE);
    gui.type(text);
}

} // namespace

TEST_CASE("printing a protocol asks where, refuses a bad folder and shows the full path") {
    TempDir dir;
    auto docs = dir / "docs";
    std::filesystem::create_directories(docs);
    ScopedEnv env("XDG_DOCUMENTS_DIR", docs.c_str());
    GuiHarness gui(dir / "ws.db", 1280, 900);
    gui.click("nav.library");
    gui.click("library.print");
    // Prefilled: the documents folder and a file name naming the guide and group.
    CHECK(probe_text("library.print.folder") == docs.string());
    CHECK(probe_text("library.print.name") == "protocol-air-2019-licensing.html");

    // A folder that does not exist is refused with the reason; nothing is written.
    replace_text(gui, "library.print.folder", (dir / "missing").string());
    gui.click("library.print.write");
    CHECK(probe_text("library.print.refused") ==
          "There is no folder " + (dir / "missing").string() + ".");
    CHECK_FALSE(std::filesystem::exists(dir / "missing"));
    // A file given as the folder, and a folder given as the file name.
    convene::test::write_file(dir / "notes.txt", "x");
    replace_text(gui, "library.print.folder", (dir / "notes.txt").string());
    gui.click("library.print.write");
    CHECK(probe_text("library.print.refused") ==
          (dir / "notes.txt").string() + " is a file, not a folder.");
    std::filesystem::create_directories(docs / "taken");
    replace_text(gui, "library.print.folder", docs.string());
    replace_text(gui, "library.print.name", "taken");
    gui.click("library.print.write");
    CHECK_THAT(probe_text("library.print.refused"), Catch::Contains("is a folder"));
    CHECK_FALSE(app::probe_find("library.print.written"));

    // A good folder and name: written, and the full path is shown.
    replace_text(gui, "library.print.name", "licensing.md");
    gui.click("library.print.write");
    CHECK(probe_text("library.print.written") == "Wrote " + (docs / "licensing.md").string());
    CHECK_FALSE(app::probe_find("library.print.refused"));
    auto text = convene::test::read_file(docs / "licensing.md");
    CHECK_THAT(text, Catch::Contains("#")); // Markdown headings
    gui.click("library.print.close");
}

TEST_CASE("the print folder falls back to ~/Documents, then the home folder") {
    TempDir dir;
    auto home = dir / "home";
    std::filesystem::create_directories(home);
    ScopedEnv no_docs("XDG_DOCUMENTS_DIR", nullptr);
    ScopedEnv env_home("HOME", home.c_str());
    GuiHarness gui(dir / "ws.db", 1280, 900);
    gui.click("nav.library");
    gui.click("library.print");
    CHECK(probe_text("library.print.folder") == home.string());
    gui.click("library.print.close");
    std::filesystem::create_directories(home / "Documents");
    gui.click("library.print");
    CHECK(probe_text("library.print.folder") == (home / "Documents").string());
    gui.click("library.print.write");
    CHECK(probe_text("library.print.written") ==
          "Wrote " + (home / "Documents" / "protocol-air-2019-licensing.html").string());
    CHECK(std::filesystem::exists(home / "Documents" / "protocol-air-2019-licensing.html"));
}
