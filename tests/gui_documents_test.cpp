// Documents from the app as a facilitator makes them: the report from the review, the protocol
// from a conversation's set-up (written where the dialog says, the full path shown, the folder
// opened on request), and the protocol editor saying whose wording it changes.
#include "app/document_target.hpp"
#include "app/ui_probe.hpp"
#include "document_text.hpp"
#include "gui_harness.hpp"
#include "guides/data_dir.hpp"
#include "store/conversations.hpp"
#include "store/demo.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sys/stat.h>

using namespace convene;
using convene::test::GuiHarness;
using convene::test::TempDir;

namespace {

class DocumentsFolder {
  public:
    explicit DocumentsFolder(const std::filesystem::path& p) {
        if (const char* old = std::getenv("XDG_DOCUMENTS_DIR")) old_ = old;
        std::filesystem::create_directories(p);
        ::setenv("XDG_DOCUMENTS_DIR", p.c_str(), 1);
    }
    ~DocumentsFolder() {
        if (old_.empty())
            ::unsetenv("XDG_DOCUMENTS_DIR");
        else
            ::setenv("XDG_DOCUMENTS_DIR", old_.c_str(), 1);
        app::set_folder_opener(nullptr);
    }
    DocumentsFolder(const DocumentsFolder&) = delete;
    DocumentsFolder& operator=(const DocumentsFolder&) = delete;

  private:
    std::string old_;
};

std::string uuid_of(store::Workspace& ws, const std::string& org) {
    for (const auto& r : store::list_conversations(ws.db()))
        if (r.org == org) return r.uuid;
    return {};
}

unsigned mode_of(const std::filesystem::path& p) {
    struct stat st {};
    ::stat(p.c_str(), &st);
    return st.st_mode & 0777;
}

} // namespace

TEST_CASE("the review writes the participants' report where the dialog says and opens the folder") {
    TempDir dir;
    DocumentsFolder docs_env(dir / "docs");
    std::filesystem::path opened;
    app::set_folder_opener([&](const std::filesystem::path& p) {
        opened = p;
        return true;
    });
    GuiHarness gui(dir / "ws.db", 1280, 2400);
    store::load_demo(*gui.app().workspace(), guides::data_dir() / "demo.json");
    auto uuid = uuid_of(*gui.app().workspace(), "Cumberland Plateau Educational Cooperative");
    REQUIRE(gui.app().open_part("conversation:" + uuid + ":review"));
    gui.frame(2);
    gui.click("review.report");
    gui.frame(2);
    CHECK(app::probe_find("report.name")->text ==
          "report-cumberland-plateau-educational-cooperative-2026-11-04.html");
    gui.click("report.for_participants");
    gui.click("report.pseudonymize");
    gui.click("report.write");
    gui.frame(2);
    auto file = dir / "docs" / "report-cumberland-plateau-educational-cooperative-2026-11-04.html";
    REQUIRE(app::probe_find("report.written"));
    CHECK(app::probe_find("report.written")->text == "Wrote " + file.string());
    CHECK(mode_of(file) == 0600);
    auto text = test::visible_html(test::read_file(file));
    CHECK_THAT(text, Catch::Contains("Please check this summary"));
    CHECK_THAT(text, Catch::Contains("Participant 1"));
    CHECK_THAT(text, !Catch::Contains("Shayla"));
    gui.click("report.open_folder");
    gui.frame(2);
    CHECK(opened == dir / "docs");
    // Markdown by the file's name.
    gui.replace_text("report.name", "cumberland.md");
    gui.click("report.write");
    gui.frame(2);
    CHECK_THAT(test::read_file(dir / "docs" / "cumberland.md"),
               Catch::StartsWith("# Conversation with Cumberland"));
    gui.click("report.close");
}

TEST_CASE("the set-up prints the protocol with the conversation's people, date and place") {
    TempDir dir;
    DocumentsFolder docs_env(dir / "docs");
    GuiHarness gui(dir / "ws.db", 1280, 2400);
    store::load_demo(*gui.app().workspace(), guides::data_dir() / "demo.json");
    auto& ws = *gui.app().workspace();
    auto uuid = uuid_of(ws, "Cumberland Plateau Educational Cooperative");
    REQUIRE(gui.app().open_part("conversation:" + uuid + ":setup"));
    gui.frame(2);
    gui.click("setup.print");
    gui.frame(2);
    CHECK_FALSE(app::probe_find("setup.print.org")); // the set-up has its own
    gui.replace_text("setup.print.place", "Cooperative board room, Somerset");
    gui.click("setup.print.write");
    gui.frame(2);
    auto file = dir / "docs" / "protocol-air-2019-association.html";
    REQUIRE(app::probe_find("setup.print.written"));
    CHECK(app::probe_find("setup.print.written")->text == "Wrote " + file.string());
    CHECK(mode_of(file) == 0600);
    auto text = test::visible_html(test::read_file(file));
    auto c = store::get_conversation(ws.db(), uuid);
    CHECK_THAT(text, Catch::Contains("Place Cooperative board room, Somerset"));
    CHECK_THAT(text, Catch::Contains("Facilitator " + c->facilitator));
    CHECK_THAT(text, Catch::Contains("Has " + c->org + " offered"));
    for (const auto& p : c->participants)
        CHECK_THAT(text, Catch::Contains(p.name));
}

TEST_CASE("the protocol editor shows every group in a narrow window and whose wording it edits") {
    TempDir dir;
    // Five groups need about 1,700 pixels in one row; the window is a small laptop's.
    GuiHarness gui(dir / "ws.db", 820, 3000);
    gui.click("nav.library");
    gui.frame(2);
    gui.click("library.make_protocol");
    gui.frame(2);
    std::set<float> rows;
    for (const char* g : {"licensing", "association", "higher_ed", "legislators", "lea"}) {
        auto r = app::probe_find(std::string("protocol.group.") + g);
        REQUIRE(r);
        CHECK(r->x1 <= 820);
        rows.insert(r->y0);
    }
    CHECK(rows.size() >= 3); // wrapped onto further lines
    CHECK_THAT(app::probe_find("protocol.wording_for")->text,
               Catch::Contains("changes for State licensing department only"));
    gui.click("protocol.group.association");
    gui.frame(2);
    CHECK(app::probe_find("protocol.wording.perceptions.first_thoughts")->text ==
          "Same wording for all 5 groups; a change here applies to Professional association or "
          "regional service agency only.");
    CHECK(app::probe_find("protocol.wording.experience.involvement")->text ==
          "Wording for Professional association or regional service agency.");
}
