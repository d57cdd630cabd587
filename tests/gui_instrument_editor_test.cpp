// Surveys > Edit: items of every type added, moved and removed, a scale picked, a construct and an
// attribute added, saved through validation and read back from the store; an instrument of one's
// own with no responses edited in place, one with responses refused. And the path box with Tab
// completion in the "New from a survey export" dialog.
#include "app/ui_probe.hpp"
#include "gui_harness.hpp"
#include "store/surveys.hpp"
#include "store/workspace.hpp"
#include "temp_dir.hpp"

#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

using namespace convene;
using convene::test::GuiHarness;
using convene::test::probe_text;
using convene::test::TempDir;

namespace {

void show_instrument(GuiHarness& gui, const std::string& id) {
    gui.click("nav.surveys");
    REQUIRE(
        gui.frames_until([&] { return app::probe_find("surveys.instrument." + id).has_value(); }));
    gui.click("surveys.instrument." + id);
    REQUIRE(gui.frames_until([&] {
        auto shown = app::probe_find("surveys.shown");
        return !gui.app().busy() && shown && shown->text == id;
    }));
}

void add_item(GuiHarness& gui, int type, const std::string& text) {
    gui.click("instrument_editor.new_type");
    gui.click("instrument_editor.new_type." + std::to_string(type));
    gui.click("instrument_editor.new_text");
    gui.type(text);
    gui.click("instrument_editor.add");
}

std::vector<std::string> item_ids(const guides::Instrument& inst) {
    std::vector<std::string> out;
    for (const auto& i : inst.items)
        out.push_back(i.id);
    return out;
}

guides::Instrument mine() {
    guides::Instrument inst;
    inst.id = "mine";
    inst.version = "1";
    inst.title = "Mine";
    inst.items = {{.id = "hours", .text = "Hours of coaching", .type = guides::ItemType::Number}};
    return inst;
}

} // namespace

TEST_CASE("the instrument editor adds every type of item, moves, removes, groups and saves") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1600, 8000);
    auto& ws = *gui.app().workspace();
    const auto original = *store::current_instrument(ws, "pl-standards");
    show_instrument(gui, "pl-standards");
    gui.click("surveys.edit"); // bundled: a copy
    CHECK_THAT(probe_text("instrument_editor.note"), Catch::Equals(""));

    add_item(gui, 0, "The coach listened");
    add_item(gui, 1, "Format taken");
    add_item(gui, 2, "Supports used");
    add_item(gui, 3, "Hours of coaching");
    add_item(gui, 4, "What to change");
    // Readable ids, from the text.
    for (const char* id : {"the_coach_listened", "format_taken", "supports_used",
                           "hours_of_coaching", "what_to_change"})
        CHECK(app::probe_find(std::string("instrument_editor.text.") + id));
    // A scale from a common label family for the Likert item.
    gui.click("instrument_editor.scale.the_coach_listened");
    gui.click("instrument_editor.scale.the_coach_listened.frequency5");
    CHECK(probe_text("instrument_editor.scale.the_coach_listened") == "frequency5");
    // The choices of the single-choice item, renamed and one added.
    gui.replace_text("instrument_editor.choice.format_taken.0", "Micro-credential");
    gui.replace_text("instrument_editor.choice.format_taken.1", "Workshop");
    gui.click("instrument_editor.choice.format_taken.add");
    gui.replace_text("instrument_editor.choice.format_taken.2", "Coaching cycle");
    // Moved: the open-text item up above the number; removed: the first original item.
    gui.click("instrument_editor.up.what_to_change");
    gui.click("instrument_editor.remove." + original.items[0].id);

    // A construct for the new Likert item.
    gui.click("instrument_editor.tab.constructs");
    gui.click("instrument_editor.new_construct");
    gui.type("Coaching quality");
    gui.click("instrument_editor.add_construct");
    gui.click("instrument_editor.tab.items");
    gui.click("instrument_editor.construct.the_coach_listened");
    gui.click("instrument_editor.construct.the_coach_listened.coaching_quality");
    // An attribute to compare by, with its groups named.
    gui.click("instrument_editor.tab.attributes");
    gui.click("instrument_editor.new_attribute");
    gui.type("Coaching format");
    gui.click("instrument_editor.add_attribute");
    gui.replace_text("instrument_editor.attribute_choice.coaching_format.0", "One-to-one");
    gui.replace_text("instrument_editor.attribute_choice.coaching_format.1", "Group");
    gui.click("instrument_editor.save");
    gui.frame(2);
    INFO(probe_text("instrument_editor.message"));

    auto copy = store::current_instrument(ws, "pl-standards-custom");
    REQUIRE(copy);
    auto ids = item_ids(*copy);
    REQUIRE(ids.size() == original.items.size() + 4);
    CHECK(ids[0] == original.items[1].id);
    CHECK(std::vector<std::string>(ids.end() - 5, ids.end()) ==
          std::vector<std::string>{"the_coach_listened", "format_taken", "supports_used",
                                   "what_to_change", "hours_of_coaching"});
    CHECK_FALSE(copy->item(original.items[0].id));
    CHECK(copy->item("the_coach_listened")->type == guides::ItemType::Likert);
    CHECK(copy->scale_of("the_coach_listened")->label_of(1) == "Never");
    CHECK(copy->item("format_taken")->type == guides::ItemType::Choice);
    CHECK(copy->item("format_taken")->choices ==
          std::vector<std::string>{"Micro-credential", "Workshop", "Coaching cycle"});
    CHECK(copy->item("supports_used")->type == guides::ItemType::Multi);
    CHECK(copy->item("hours_of_coaching")->type == guides::ItemType::Number);
    CHECK(copy->item("what_to_change")->type == guides::ItemType::Text);
    REQUIRE(copy->construct("coaching_quality"));
    CHECK(copy->construct("coaching_quality")->items ==
          std::vector<std::string>{"the_coach_listened"});
    REQUIRE(copy->attribute("coaching_format"));
    CHECK(copy->attribute("coaching_format")->choices ==
          std::vector<std::string>{"One-to-one", "Group"});
    CHECK(*store::current_instrument(ws, "pl-standards") == original);

    // The copy has no responses: editing goes on, and the next save is its next version (this
    // said "taken by an instrument that may have responses").
    CHECK(probe_text("instrument_editor.note") ==
          "Saving stores a new version of \"pl-standards-custom\" (no responses yet).");
    gui.click("instrument_editor.tab.items");
    gui.replace_text("instrument_editor.text.what_to_change", "What would you change?");
    gui.click("instrument_editor.save");
    gui.frame(2);
    CHECK_THAT(probe_text("instrument_editor.message"), Catch::StartsWith("Saved"));
    auto again = store::current_instrument(ws, "pl-standards-custom");
    CHECK(again->version == "2");
    CHECK(again->item("what_to_change")->text == "What would you change?");
    CHECK(gui.app().error_message().empty());
}

TEST_CASE("one's own instrument is edited in place until it has responses") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1600, 3000);
    auto& ws = *gui.app().workspace();
    store::store_instrument(ws, mine());
    ws.note_external_commit();
    show_instrument(gui, "mine");
    gui.click("surveys.edit");
    CHECK(probe_text("instrument_editor.note") ==
          "Saving stores a new version of \"mine\" (no responses yet).");
    add_item(gui, 4, "Anything else");
    gui.click("instrument_editor.save");
    gui.frame(2);
    auto saved = store::current_instrument(ws, "mine");
    CHECK(saved->version == "2");
    CHECK(saved->item("anything_else"));
    CHECK_FALSE(store::current_instrument(ws, "mine-custom"));

    // A respondent arrives: the next save is refused, and the stored version stays.
    store::Respondent r;
    r.external_id = "R1";
    r.responses["hours"].number = 3;
    store::save_respondent(ws.db(), "mine", r);
    ws.note_external_commit();
    gui.frame(3);
    CHECK(probe_text("instrument_editor.note") ==
          "\"mine\" has 1 respondent: saving would change the instrument they answered. "
          "Choose another id.");
    gui.replace_text("instrument_editor.text.anything_else", "Anything more?");
    gui.click("instrument_editor.save");
    gui.frame(2);
    CHECK_THAT(probe_text("instrument_editor.message"), Catch::Contains("has 1 respondent"));
    CHECK(store::current_instrument(ws, "mine")->item("anything_else")->text == "Anything else");
    // Under another id it saves as an instrument of its own.
    gui.replace_text("instrument_editor.id", "mine-v2");
    gui.click("instrument_editor.save");
    gui.frame(2);
    REQUIRE(store::current_instrument(ws, "mine-v2"));
    CHECK(store::current_instrument(ws, "mine-v2")->item("anything_else")->text ==
          "Anything more?");
}

TEST_CASE("Tab completes the path of a survey export, and a listed match can be clicked") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1600, 1400);
    gui.click("nav.surveys");
    REQUIRE(gui.frames_until([&] { return !gui.app().busy(); }));
    gui.click("surveys.new");
    gui.click("surveys.new.file");
    const std::string exports = CONVENE_TEST_DATA_DIR "/exports/";
    gui.type(exports + "google-f");
    gui.key(GLFW_KEY_TAB);
    CHECK(probe_text("surveys.new.file") == exports + "google-forms.csv");
    // Two files start with "lime": both are listed under the box; clicking one takes it.
    gui.key(GLFW_KEY_A, true);
    gui.type(exports + "lime");
    gui.key(GLFW_KEY_TAB);
    CHECK(probe_text("surveys.new.file") == exports + "limesurvey");
    CHECK(probe_text("surveys.new.file.match.0") == "limesurvey-full-text.csv");
    CHECK(probe_text("surveys.new.file.match.1") == "limesurvey.csv");
    gui.click("surveys.new.file.match.1");
    gui.frame(2);
    CHECK(probe_text("surveys.new.file") == exports + "limesurvey.csv");
    CHECK_FALSE(app::probe_find("surveys.new.file.match.1")); // one match left: no list
}
