// The code picker drawn on its own: typing filters, arrow keys move, Enter chooses; Escape
// closes without choosing.
#include "app/ui_probe.hpp"
#include "app/views/code_picker.hpp"
#include "gui_harness.hpp"
#include "temp_dir.hpp"

#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

using namespace convene;

namespace {

std::vector<store::CodeRow> sample_codes() {
    std::vector<store::CodeRow> codes;
    auto add = [&](std::string name, std::string parent, std::string colour) {
        store::CodeRow c;
        c.uuid = "uuid-" + name;
        c.name = name;
        c.colour = colour;
        c.depth = parent.empty() ? 0 : 1;
        c.parent_uuid = parent.empty() ? "" : "uuid-" + parent;
        c.path = parent.empty() ? name : parent + " / " + name;
        codes.push_back(c);
    };
    add("Value", "", "#2a9d8f");
    add("Salary credit", "Value", "");
    add("Recognition", "Value", "");
    add("Barriers", "", "#e76f51");
    add("Crédit d'impôt", "Barriers", "");
    for (int i = 0; i < 40; ++i)
        add("Filler " + std::to_string(i), "", "#777777");
    return codes;
}

} // namespace

TEST_CASE("the code picker filters as you type and Enter applies the highlighted code") {
    test::TempDir dir;
    test::GuiHarness gui(dir / "ws.db");
    auto codes = sample_codes();
    app::CodePicker picker;
    std::vector<std::string> chosen;
    gui.set_draw([&] {
        ImGui::Begin("host");
        if (auto uuid = picker.draw(codes)) chosen.push_back(*uuid);
        ImGui::End();
    });
    picker.open("3 words of the notes");
    gui.frame(2);
    REQUIRE(picker.is_open());
    REQUIRE(app::probe_find("code_picker.count")->text == std::to_string(codes.size()));

    gui.type("CRÉ"); // case ignored, accent as typed
    gui.frame();
    CHECK(app::probe_find("code_picker.count")->text == "1");
    CHECK(app::probe_find("code_picker.row.0")->text == "Barriers / Crédit d'impôt");

    gui.key(GLFW_KEY_BACKSPACE);
    gui.key(GLFW_KEY_BACKSPACE);
    gui.key(GLFW_KEY_BACKSPACE);
    gui.type("value");
    gui.frame();
    REQUIRE(app::probe_find("code_picker.count")->text == "3");
    gui.key(GLFW_KEY_DOWN);
    gui.key(GLFW_KEY_DOWN);
    gui.key(GLFW_KEY_UP);
    gui.key(GLFW_KEY_ENTER);
    REQUIRE(chosen == std::vector<std::string>{"uuid-Salary credit"});
    gui.frame(2);
    CHECK_FALSE(picker.is_open());

    // A click chooses too; the list scrolls with the arrow keys past what is shown.
    picker.open("the whole answer");
    gui.frame(2);
    for (int i = 0; i < 30; ++i)
        gui.key(GLFW_KEY_DOWN);
    gui.key(GLFW_KEY_ENTER);
    REQUIRE(chosen.size() == 2);
    CHECK(chosen[1] == "uuid-Filler 25");
    picker.open("the whole answer");
    gui.frame(2);
    gui.click("code_picker.row.2");
    REQUIRE(chosen.size() == 3);
    CHECK(chosen[2] == "uuid-Recognition");
    gui.frame(2);
    // Typing straight after opening (before the filter has the keyboard) loses no letter, and
    // what is typed next goes after it.
    picker.open("typed at once");
    gui.type("Va");
    gui.frame(2);
    gui.type("lue");
    gui.frame();
    CHECK(app::probe_find("code_picker.count")->text == "3");
    gui.click("code_picker.cancel");
    picker.open("again");
    gui.frame(2);
    gui.click("code_picker.cancel");
    CHECK_FALSE(picker.is_open());
    CHECK(chosen.size() == 3);
}
