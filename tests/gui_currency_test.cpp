// Library > Currency driven as a workgroup lead would: correct a state's conversion (a bad figure
// is refused in the dialog), remove one and undo, add a unit and a state of one's own.
#include "app/ui_probe.hpp"
#include "gui_harness.hpp"
#include "store/currency.hpp"
#include "temp_dir.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace convene;
using convene::test::GuiHarness;
using convene::test::probe_text;
using convene::test::TempDir;

TEST_CASE("a state's conversion edited in the currency tab is stored, a bad figure refused") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1280, 3000);
    auto& ws = *gui.app().workspace();
    gui.click("nav.library");
    gui.click("library.tab.currency");
    auto source = [&] {
        for (const auto& c : store::load_currency(ws).conversions)
            if (c.state == "KY" && c.unit == "ceu") return c.source;
        return std::string();
    }();

    gui.click("currency.conversion.KY.ceu");
    gui.replace_text("currency.edit.hours", "0");
    gui.click("currency.edit.save");
    CHECK_THAT(probe_text("currency.edit.error"), Catch::Contains("above 0"));
    CHECK(store::load_currency(ws).clock_hours("ceu", "KY") == 10);

    gui.replace_text("currency.edit.hours", "12.5");
    gui.click("currency.edit.save");
    CHECK_FALSE(app::probe_find("currency.edit.save")); // the dialog closed
    auto table = store::load_currency(ws);
    CHECK(table.clock_hours("ceu", "KY") == 12.5);
    CHECK(table.clock_hours("ceu", "IL") == 10);
    for (const auto& c : table.conversions)
        if (c.state == "KY" && c.unit == "ceu") CHECK(c.source == source); // not touched

    // Removed, then put back with Undo.
    gui.click("currency.conversion.KY.ceu");
    gui.click("currency.edit.remove");
    CHECK_FALSE(app::probe_find("currency.conversion.KY.ceu"));
    CHECK(store::load_currency(ws).clock_hours("ceu", "KY") == 10); // the unit's default
    gui.click("currency.undo");
    CHECK(store::load_currency(ws).clock_hours("ceu", "KY") == 12.5);
    CHECK(app::probe_find("currency.conversion.KY.ceu"));
}

TEST_CASE("a new state conversion and a new unit are added from the currency tab") {
    TempDir dir;
    GuiHarness gui(dir / "ws.db", 1280, 3000);
    auto& ws = *gui.app().workspace();
    gui.click("nav.library");
    gui.click("library.tab.currency");
    gui.click("currency.add_unit");
    gui.replace_text("currency.edit.label", "Wisconsin PD hour");
    gui.replace_text("currency.edit.hours", "1");
    gui.click("currency.edit.save");
    REQUIRE(store::load_currency(ws).unit("wisconsin_pd_hour"));

    gui.click("currency.add_conversion");
    gui.replace_text("currency.edit.state", "wi");
    gui.replace_text("currency.edit.state_name", "Wisconsin");
    gui.click("currency.edit.unit");
    gui.click("currency.edit.unit.semester_credit_hour");
    gui.replace_text("currency.edit.hours", "15");
    gui.replace_text("currency.edit.source", "DPI guidance, to verify");
    gui.click("currency.edit.save");
    auto table = store::load_currency(ws);
    CHECK(table.clock_hours("semester_credit_hour", "WI") == 15);
    CHECK(std::find(table.states.begin(), table.states.end(),
                    std::pair<std::string, std::string>("WI", "Wisconsin")) != table.states.end());
    CHECK(app::probe_find("currency.conversion.WI.semester_credit_hour"));
    CHECK(gui.app().error_message().empty());
}
