// The Summaries screen on the demo workspace: the tables it shows are the ones export/ computes
// from the same snapshot, a filter changes the rows, a count opens the segments behind it, and
// the agreement view shows the two demo coders' kappa and alpha.
#include "app/ui_probe.hpp"
#include "export/intercoder_agreement.hpp"
#include "export/summaries.hpp"
#include "gui_harness.hpp"
#include "guides/data_dir.hpp"
#include "store/coding_snapshot.hpp"
#include "store/demo.hpp"
#include "store/seed.hpp"
#include "store/workspace.hpp"
#include "temp_dir.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

using namespace convene;
using convene::test::GuiHarness;
using convene::test::probe_text;
using convene::test::TempDir;

namespace {

std::filesystem::path demo_workspace(const TempDir& dir) {
    auto path = dir / "demo.db";
    auto ws = store::open_workspace(path);
    store::load_demo_project(*ws, guides::data_dir());
    return path;
}

// Waits until the screen shows the table with this id, computed and no longer updating.
void wait_for_table(GuiHarness& gui, const std::string& id) {
    REQUIRE(gui.frames_until([&] {
        auto title = app::probe_find("summaries.title");
        return title && title->text == id && !gui.app().busy();
    }));
    gui.frame(2); // the table lays itself out in its first frame
}

std::string cell_probe(std::size_t row, const std::string& column) {
    return "summaries.cell." + std::to_string(row) + "." + column;
}

std::string cell_text(const exporting::SummaryTable& t, std::size_t row,
                      const std::string& column) {
    auto c = static_cast<std::size_t>(t.column(column));
    return exporting::format_cell(t.columns[c], t.rows[row][c]);
}

std::string rows_text(std::size_t shown, std::size_t all) {
    return std::to_string(shown) + " of " + std::to_string(all) + " rows";
}

// The rows with a count behind them (the screen hides the others by default).
std::vector<std::size_t> coded_rows(const exporting::SummaryTable& t) {
    std::vector<std::size_t> out;
    auto c = static_cast<std::size_t>(t.column("segments"));
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        if (t.rows[r][c].number() > 0) out.push_back(r);
    return out;
}

// Every coded row shows the counts export/ computed for it.
void check_frequencies(const exporting::SummaryTable& expected) {
    auto coded = coded_rows(expected);
    REQUIRE_FALSE(coded.empty());
    CHECK(probe_text("summaries.rows") == rows_text(coded.size(), expected.rows.size()));
    for (auto r : coded) {
        INFO("row " << r << ": " << cell_text(expected, r, "code"));
        for (const char* column : {"code", "group", "segments", "conversations", "group_share"})
            CHECK(probe_text(cell_probe(r, column)) == cell_text(expected, r, column));
    }
}

const store::Person& coder(const store::CodingSnapshot& s, const std::string& name) {
    auto it = std::find_if(s.coders.begin(), s.coders.end(),
                           [&](const auto& p) { return p.name == name; });
    REQUIRE(it != s.coders.end());
    return *it;
}

} // namespace

TEST_CASE("the Summaries screen shows the demo's code frequencies, filtered by group") {
    TempDir dir;
    auto path = demo_workspace(dir);
    GuiHarness gui(path, 1600, 3000); // tall enough that every coded row is drawn
    gui.click("nav.summaries");
    wait_for_table(gui, "code_frequencies");
    auto snapshot = store::load_coding_snapshot(*gui.app().workspace());
    check_frequencies(exporting::code_frequencies(snapshot, {}));

    // Only the associations: the rows of the other groups go, the counts are theirs.
    gui.click("summaries.filter.group");
    gui.click("summaries.filter.group.association");
    wait_for_table(gui, "code_frequencies");
    CHECK(probe_text("summaries.filter.group") == "association");
    exporting::Filters association;
    association.group = "association";
    auto filtered = exporting::code_frequencies(snapshot, association);
    check_frequencies(filtered);
    // The group column shows the guide's label for the group, as the chart's legend does.
    REQUIRE(snapshot.group_label("association") != "association");
    for (auto r : coded_rows(filtered))
        CHECK(probe_text(cell_probe(r, "group")) == snapshot.group_label("association"));
    CHECK(coded_rows(filtered).size() <
          coded_rows(exporting::code_frequencies(snapshot, {})).size());

    // The rows with nothing coded come back when asked for.
    gui.click("summaries.hide_uncoded");
    gui.frame(2);
    CHECK(probe_text("summaries.rows") == rows_text(filtered.rows.size(), filtered.rows.size()));
}

TEST_CASE("clicking a count opens the segments behind it") {
    TempDir dir;
    GuiHarness gui(demo_workspace(dir), 1600, 3000);
    gui.click("nav.summaries");
    wait_for_table(gui, "code_frequencies");
    auto snapshot = store::load_coding_snapshot(*gui.app().workspace());
    auto table = exporting::code_frequencies(snapshot, {});
    // The row with the most segments: a click on its count lists each of them.
    auto coded = coded_rows(table);
    auto segments = static_cast<std::size_t>(table.column("segments"));
    auto row = *std::max_element(coded.begin(), coded.end(), [&](auto a, auto b) {
        return table.rows[a][segments].number() < table.rows[b][segments].number();
    });
    const auto& cell = table.rows[row][segments];
    REQUIRE(cell.segments.size() > 1);
    CHECK_FALSE(app::probe_find("summaries.drilldown"));
    gui.click(cell_probe(row, "segments"));
    gui.frame(2);
    CHECK(probe_text("summaries.drilldown").find(cell_text(table, row, "code")) !=
          std::string::npos);
    CHECK(probe_text("summaries.drilldown.count") ==
          std::to_string(cell.segments.size()) + " segments");
    // Each segment's excerpt, as the snapshot holds it.
    std::multiset<std::string> expected, shown;
    for (const auto& uuid : exporting::segment_uuids(snapshot, cell))
        for (const auto& seg : snapshot.segment_texts)
            if (seg.uuid == uuid) expected.insert(seg.excerpt);
    for (std::size_t i = 0; i < cell.segments.size(); ++i)
        if (auto item = app::probe_find("summaries.drilldown.item." + std::to_string(i)))
            shown.insert(item->text);
    CHECK(shown == expected);
    gui.click("summaries.drilldown.close");
    gui.frame();
    CHECK_FALSE(app::probe_find("summaries.drilldown"));
}

TEST_CASE("the agreement view shows Priya Raman's and Tom Becker's kappa and alpha per code") {
    TempDir dir;
    GuiHarness gui(demo_workspace(dir), 1600, 3000);
    gui.click("nav.summaries");
    wait_for_table(gui, "code_frequencies");
    gui.click("summaries.choice.agreement");
    wait_for_table(gui, "intercoder_agreement");
    auto snapshot = store::load_coding_snapshot(*gui.app().workspace());
    const auto& priya = coder(snapshot, "Priya Raman");
    const auto& tom = coder(snapshot, "Tom Becker");
    CHECK(app::probe_find("summaries.coder.Priya Raman"));
    CHECK(app::probe_find("summaries.coder.Tom Becker"));
    auto table = exporting::intercoder_agreement(snapshot, {}, {{priya.uuid, tom.uuid}, ""});
    REQUIRE_FALSE(table.rows.empty());
    int with_kappa = 0;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        INFO("row " << r << ": " << cell_text(table, r, "code"));
        CHECK(probe_text(cell_probe(r, "cohen_kappa")) == cell_text(table, r, "cohen_kappa"));
        CHECK(probe_text(cell_probe(r, "krippendorff_alpha")) ==
              cell_text(table, r, "krippendorff_alpha"));
        with_kappa += !cell_text(table, r, "cohen_kappa").empty();
    }
    CHECK(with_kappa > 0);

    // One code the two disagree on now and then: the row of that code only, same figures.
    auto disagree = static_cast<std::size_t>(table.column("disagreements"));
    std::size_t r = 0;
    while (r < table.rows.size() &&
           (cell_text(table, r, "cohen_kappa").empty() || table.rows[r][disagree].number() == 0))
        ++r;
    REQUIRE(r < table.rows.size());
    auto code_label = cell_text(table, r, "code");
    auto code = std::find_if(snapshot.codes.begin(), snapshot.codes.end(),
                             [&](const auto& c) { return c.path == code_label; });
    REQUIRE(code != snapshot.codes.end());
    gui.click("summaries.filter.code");
    gui.click("summaries.filter.code." + code->uuid);
    wait_for_table(gui, "intercoder_agreement");
    CHECK(probe_text("summaries.rows") == "1 of 1 row");
    auto one = exporting::intercoder_agreement(snapshot, {}, {{}, code->uuid});
    REQUIRE(one.rows.size() == 1);
    CHECK(probe_text(cell_probe(0, "code")) == code_label);
    CHECK(probe_text(cell_probe(0, "cohen_kappa")) == cell_text(table, r, "cohen_kappa"));

    // The chart draws kappa and alpha for it.
    gui.click("summaries.tab.chart");
    gui.frame(2);
    CHECK(probe_text("summaries.chart.legend") == "Cohen's kappa, Krippendorff's alpha");
    CHECK(probe_text("summaries.bar.0.0") ==
          code_label + " / Cohen's kappa: " + cell_text(table, r, "cohen_kappa"));

    // The answers they disagree on open from the count, with their notes.
    gui.click("summaries.tab.table");
    gui.frame(2);
    auto disagreements = one.rows[0][static_cast<std::size_t>(one.column("disagreements"))];
    REQUIRE_FALSE(disagreements.answers.empty());
    gui.click(cell_probe(0, "disagreements"));
    gui.frame(2);
    CHECK(probe_text("summaries.drilldown.count") ==
          std::to_string(disagreements.answers.size()) +
              (disagreements.answers.size() == 1 ? " answer" : " answers"));
    CHECK(app::probe_find("summaries.drilldown.item.0"));
}
