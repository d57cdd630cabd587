// The survey sheets of the demo workbook read back with openpyxl (tests/workbook_reader.hpp)
// hold the figures and readings Surveys > Compare groups and `convene-cli survey compare` /
// `survey crosstab` show: the same functions (export/survey_comparison.hpp) computed on the
// same survey, and where statsmodels or SciPy computed a figure
// (tests/data/survey_stats/), that figure too.
#include "export/survey_comparison.hpp"
#include "export/workbook_export.hpp"
#include "guides/data_dir.hpp"
#include "store/demo.hpp"
#include "store/seed.hpp"
#include "store/surveys.hpp"
#include "store/workspace.hpp"
#include "temp_dir.hpp"
#include "workbook_reader.hpp"

#include <catch2/catch.hpp>
#include <utility>

using namespace convene;
using namespace convene::exporting;
using convene::test::column;
using convene::test::sheet;
using nlohmann::json;

namespace {

struct DemoExport {
    test::TempDir dir;
    std::unique_ptr<store::Workspace> ws = store::open_workspace(dir / "demo.db");
    store::SurveyData data;
    SurveyTable table;
    json wb;
    DemoExport() {
        store::load_demo_project(*ws, guides::data_dir());
        export_workspace(*ws, {dir / "demo.xlsx", dir / "csv", false, {}});
        wb = test::read_workbook(dir / "demo.xlsx");
        data = store::load_survey(*ws, "pl-standards");
        table = make_table(data);
    }
};

using Key = std::vector<std::pair<std::string, std::string>>; // header, value

// Every row of a sheet whose cells under the given headers hold the given values.
std::vector<const json*> rows_with(const json& s, const Key& key) {
    std::vector<const json*> out;
    for (std::size_t r = 1; r < s["rows"].size(); ++r) {
        const auto& row = s["rows"][r];
        bool all = true;
        for (const auto& [header, value] : key)
            all = all && row[column(s, header)]["v"] == value;
        if (all) out.push_back(&row);
    }
    return out;
}

const json& one_row(const json& s, const Key& key) {
    auto rows = rows_with(s, key);
    REQUIRE(rows.size() == 1);
    return *rows.front();
}

double value(const json& s, const json& row, const std::string& header) {
    const auto& v = row[column(s, header)]["v"];
    REQUIRE(v.is_number());
    return v.get<double>();
}

std::string text(const json& s, const json& row, const std::string& header) {
    const auto& v = row[column(s, header)]["v"];
    return v.is_string() ? v.get<std::string>() : "";
}

Approx close(double v) {
    return Approx(v).epsilon(1e-9);
}

} // namespace

TEST_CASE("the Group tests sheet holds the k-group tests and reading of Compare groups",
          "[export][survey]") {
    DemoExport demo;
    const auto& s = sheet(demo.wb, "Group tests");
    auto c =
        compare_k_groups(demo.table, {"school_level", {}, "communities", "", Unit::Respondent});
    const auto& row = one_row(s, {{"Instrument", "pl-standards"},
                                  {"Attribute", "school_level"},
                                  {"Compared on", "communities"},
                                  {"Unit", "respondent"}});
    CHECK(value(s, row, "Groups") == 3);
    CHECK(value(s, row, "Left out (missing)") == 8); // 100 respondents, 92 with a score
    CHECK(value(s, row, "ANOVA F") == close(c.anova->f));
    CHECK(value(s, row, "ANOVA F") == Approx(0.07817325264366011).epsilon(1e-6)); // SciPy
    CHECK(value(s, row, "Eta\u00b2") == close(c.anova->eta_squared));
    CHECK(value(s, row, "Omega\u00b2") == close(c.anova->omega_squared));
    CHECK(value(s, row, "Welch df2") == Approx(58.98118311826515).epsilon(1e-6));
    CHECK(value(s, row, "Welch p") == close(c.welch->p));
    CHECK(value(s, row, "Kruskal-Wallis H") == Approx(0.24760730528057817).epsilon(1e-6));
    CHECK(text(s, row, "Reading") == reading(c));
    CHECK(text(s, row, "Warning").empty());

    // All ratings pooled by school level: the warning and the joint cluster-robust test.
    auto pooled = compare_k_groups(demo.table, {"school_level", {}, "", "", Unit::Item});
    const auto& prow = one_row(
        s, {{"Attribute", "school_level"}, {"Compared on", "all Likert items"}, {"Unit", "item"}});
    CHECK(value(s, prow, "Cluster-robust F") == Approx(0.35681341118848436).epsilon(1e-6));
    CHECK(value(s, prow, "Cluster-robust F") == close(pooled.cluster_groups->f));
    CHECK(value(s, prow, "Cluster df2") == 99);
    CHECK(value(s, prow, "Cluster p") == Approx(0.700799439100735).epsilon(1e-6));
    CHECK(text(s, prow, "Warning") == pooled.pooled_warning);
    CHECK(text(s, prow, "Reading") == reading(pooled));

    // Two groups: Mann-Whitney on the comparison's row; every attribute, target and unit.
    auto two = compare_k_groups(demo.table, {"pl_format", {}, "", "", Unit::Respondent});
    const auto& trow = one_row(
        s,
        {{"Attribute", "pl_format"}, {"Compared on", "all Likert items"}, {"Unit", "respondent"}});
    CHECK(value(s, trow, "Mann-Whitney U") == close(two.two->mann_whitney.u));
    CHECK(s["rows"].size() == 1 + 3 * 8 * 2);
}

TEST_CASE("the Group contrasts and Group means sheets hold the pairs and groups of each "
          "comparison",
          "[export][survey]") {
    DemoExport demo;
    const auto& s = sheet(demo.wb, "Group contrasts");
    auto c =
        compare_k_groups(demo.table, {"school_level", {}, "communities", "", Unit::Respondent});
    auto welch = rows_with(s, {{"Attribute", "school_level"},
                               {"Compared on", "communities"},
                               {"Unit", "respondent"},
                               {"Test", "Welch's t"}});
    REQUIRE(welch.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(text(s, *welch[i], "Group A") == c.groups[c.pairwise[i].a].name);
        CHECK(value(s, *welch[i], "p (Holm)") == close(c.pairwise[i].p_holm));
        CHECK(value(s, *welch[i], "Difference (A - B)") == close(c.pairwise[i].welch.mean_diff));
    }
    // Pooled by school level, each level against elementary with respondents as clusters.
    const auto& middle = one_row(s, {{"Attribute", "school_level"},
                                     {"Compared on", "all Likert items"},
                                     {"Unit", "item"},
                                     {"Test", "Cluster-robust t"},
                                     {"Group A", "middle"}});
    CHECK(text(s, middle, "Group B") == "elementary");
    CHECK(value(s, middle, "Difference (A - B)") == Approx(-0.09544526365239783).epsilon(1e-6));
    CHECK(value(s, middle, "SE") == Approx(0.11598624565073098).epsilon(1e-6));
    // Pooled by format, two groups: KVEC's comparison with its cluster-robust row.
    const auto& format = one_row(s, {{"Attribute", "pl_format"},
                                     {"Compared on", "all Likert items"},
                                     {"Unit", "item"},
                                     {"Test", "Cluster-robust t"}});
    CHECK(value(s, format, "SE") == Approx(0.09133361119669466).epsilon(1e-6));
    CHECK(value(s, format, "p") == Approx(0.04086159784329974).epsilon(1e-6));

    const auto& m = sheet(demo.wb, "Group means");
    const auto& elementary = one_row(m, {{"Attribute", "school_level"},
                                         {"Compared on", "communities"},
                                         {"Unit", "respondent"},
                                         {"Group", "elementary"}});
    CHECK(value(m, elementary, "Respondents") == 32);
    CHECK(value(m, elementary, "Left out (missing)") == 2);
    CHECK(value(m, elementary, "Values compared") == 30);
    CHECK(value(m, elementary, "Mean") == close(c.groups[0].stats.mean));
}

TEST_CASE("the crosstab sheets hold totals, column percentages, the tests and the reading",
          "[export][survey]") {
    DemoExport demo;
    const auto& s = sheet(demo.wb, "Crosstab tests");
    REQUIRE(s["rows"].size() == 1 + 3); // three attributes: three pairs
    auto tested = tested_crosstabs(demo.data, "pl_format");
    const TestedCrosstab* experience = nullptr;
    for (const auto& t : tested)
        if (t.table.row_attribute == "experience") experience = &t;
    REQUIRE(experience != nullptr);
    const auto& row =
        one_row(s, {{"Row attribute", "experience"}, {"Column attribute", "pl_format"}});
    CHECK(value(s, row, "Chi-square") == Approx(3.3047735618115057).epsilon(1e-6)); // SciPy
    CHECK(value(s, row, "Fisher's exact p") == Approx(0.10562426671247177).epsilon(1e-6));
    CHECK(value(s, row, "Cram\u00e9r's V") == close(experience->tests.chi_square->cramers_v));
    CHECK(text(s, row, "Expected counts ok") == "yes");
    CHECK(text(s, row, "Reading") == experience->reading);
    CHECK(text(s, row, "Caution") == experience->tests.caution);

    // The report sheet: the counts, then each as a share of its column, then the reading.
    const auto& report = sheet(demo.wb, "Crosstabs");
    const auto& rows = report["rows"];
    std::size_t percents = 0;
    std::string column_a; // the sentences are broken into rows as wide as the table
    for (std::size_t i = 0; i + 1 < rows.size(); ++i) {
        if (rows[i].size() > 1 && rows[i][0]["v"] == "Column %" && rows[i + 1][1]["t"] == "n")
            ++percents;
        if (!rows[i].empty() && rows[i][0]["v"].is_string())
            column_a += rows[i][0]["v"].get<std::string>() + " ";
    }
    CHECK(percents == 3);
    // 10 or fewer years: 26 of the 50 micro-credential earners.
    CHECK(rows[2][1]["v"] == 26);
    CHECK_THAT(column_a, Catch::Contains(experience->reading));
    CHECK_THAT(column_a, Catch::Contains("Chi-square(1) = 3.305, p = 0.0691"));

    auto csv = test::read_file(demo.dir / "csv" / "crosstabs.csv");
    CHECK(csv.rfind("instrument_id,row_attribute,row_value,column_attribute,column_value,"
                    "respondents,column_percent\r\n",
                    0) == 0);
    // 26 of the 50 micro-credential earners have 10 or fewer years (KVEC's Table 3).
    CHECK_THAT(csv,
               Catch::Contains(
                   "pl-standards,experience,10 or fewer,pl_format,micro-credential,26,0.52\r\n"));
    for (const char* file : {"group_tests", "group_means", "group_contrasts", "crosstab_tests"})
        CHECK(std::filesystem::exists(demo.dir / "csv" / (std::string(file) + ".csv")));
    CHECK(test::read_file(demo.dir / "csv" / "group_tests.csv")
              .rfind("instrument_id,attribute,target,unit,groups,respondents,left_out,n,anova_f,",
                     0) == 0);
}
