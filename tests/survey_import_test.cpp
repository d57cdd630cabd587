// Importing survey CSVs as services export them, every bad case with row, column and reason and
// the workspace left unchanged; and the comparisons on the imported data.
#include "export/survey_analysis.hpp"
#include "guides/data_dir.hpp"
#include "guides/guide_json.hpp"
#include "store/seed.hpp"
#include "store/survey_import.hpp"
#include "store/survey_import_parts.hpp"
#include "store/surveys.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace convene;
using convene::test::TempDir;

namespace {

const char* kHeader =
    "Timestamp,Response ID,Professional-learning format,lc.regular_time,lc.shared_goals,"
    "lc.open_doors,lc.on_my_own,lc.follow_through";

// Four micro-credential earners and five others on the five Learning Communities items.
std::string fixture(const std::string& line_end = "\n") {
    const char* rows[] = {"2020-01-05,R1,micro-credential,5,4,2,5,4",
                          "2020-01-05,R2,micro-credential,4,4,1,4,5",
                          "2020-01-06,R3,micro-credential,5,5,2,4,4",
                          "2020-01-06,R4,micro-credential,3,4,3,4,4",
                          "2020-01-07,R5,other,3,2,4,3,3",
                          "2020-01-07,R6,other,2,3,3,2,3",
                          "2020-01-08,R7,other,4,3,2,3,4",
                          "2020-01-08,R8,other,3,3,4,2,2",
                          "2020-01-09,R9,other,2,2,3,3,3"};
    std::string s = std::string(kHeader) + line_end;
    for (const char* r : rows)
        s += std::string(r) + line_end;
    return s;
}

struct Fixture {
    TempDir dir;
    std::unique_ptr<store::Workspace> ws = store::open_workspace(dir / "ws.db");
    guides::Instrument inst = *store::current_instrument(*ws, "pl-standards");

    store::ImportReport run(const std::string& csv, store::ImportOptions options = {}) {
        return store::import_survey_csv(*ws, inst, csv, options);
    }
    std::size_t respondents() { return store::count_respondents(ws->db(), "pl-standards"); }
    std::int64_t responses() {
        return store::query_int(
            ws->db(), "SELECT coalesce(sum((SELECT count(*) FROM json_each(answers))), 0) "
                      "FROM respondent");
    }
};

bool has_problem(const store::ImportReport& r, std::size_t line, std::size_t column,
                 const std::string& reason) {
    for (const auto& p : r.problems)
        if (p.line == line && p.column == column && p.reason.find(reason) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST_CASE("a clean export imports, and importing it again changes nothing") {
    Fixture f;
    auto r = f.run(fixture());
    INFO(r.problems.size());
    REQUIRE(r.problems.empty());
    CHECK(r.imported);
    CHECK(r.added == 9);
    CHECK(r.responses == 45);
    CHECK(r.mapping["Timestamp"] == "ignore");
    CHECK(r.mapping["Response ID"] == "respondent_id");
    CHECK(r.mapping["Professional-learning format"] == "attribute:pl_format");
    auto again = f.run(fixture());
    CHECK(again.added == 0);
    CHECK(again.updated == 9);
    CHECK(f.respondents() == 9);
    CHECK(f.responses() == 45);
}

TEST_CASE("BOM, CRLF, semicolons, quoted line breaks and text labels are all read") {
    Fixture f;
    // Columns matched by item text, scale labels in any case, a ';' file with CRLF and a BOM.
    const auto* item = f.inst.item("lc.regular_time");
    std::string csv = "\xEF\xBB\xBFResponse ID;\"" + item->text +
                      "\";Professional-learning format;Comment\r\n"
                      "A1;strongly AGREE;Micro-credential;\"two\r\nlines; with semicolon\"\r\n"
                      "A2;2;other;\r\n";
    store::ImportOptions options;
    options.mapping = store::ColumnMapping{{"Comment", "ignore"}};
    auto r = f.run(csv, options);
    INFO((r.problems.empty() ? "" : r.problems[0].to_string()));
    REQUIRE(r.problems.empty());
    auto data = store::load_survey(*f.ws, "pl-standards");
    REQUIRE(data.respondents.size() == 2);
    CHECK(data.respondents[0].responses["lc.regular_time"].number == 5.0);
    CHECK(data.respondents[0].attributes["pl_format"] == "micro-credential");
    CHECK(data.respondents[1].responses["lc.regular_time"].number == 2.0);
}

TEST_CASE("every bad file is reported with row, column and reason and imports nothing") {
    Fixture f;
    f.run(fixture()); // something already there must stay exactly as it is
    auto before_r = f.respondents();
    auto before_p = f.responses();
    struct Case {
        std::string name, csv;
        std::size_t line, column;
        std::string reason;
    };
    std::string h = kHeader;
    std::vector<Case> cases{
        {"unknown column", h + ",Favourite colour\n2020,X1,other,1,2,3,4,5,blue\n", 1, 9,
         "no item or attribute"},
        {"out of range", h + "\n2020,X1,other,1,2,7,4,5\n", 2, 6, "out of range"},
        {"unknown label", h + "\n2020,X1,other,1,2,Sometimes,4,5\n", 2, 6, "not a scale value"},
        {"bad attribute", h + "\n2020,X1,webinar,1,2,3,4,5\n", 2, 3,
         "not one of: micro-credential, other"},
        {"duplicate id", h + "\n2020,X1,other,1,2,3,4,5\n2020,X1,other,2,2,3,4,5\n", 3, 2,
         "same respondent id as row 2"},
        {"short row", h + "\n2020,X1,other,1,2\n", 2, 6, "cut short"},
        {"empty file", "", 0, 0, "empty"},
        {"header only", h + "\n", 0, 0, "no responses"},
        {"binary file", std::string("PK\x03\x04\0\0\x14\0", 8) + "garbage", 1, 0, "not"},
        {"unterminated quote", h + "\n2020,\"X1,other,1,2,3,4,5\n", 2, 2, "never closed"},
        {"half a scale point", h + "\n2020,X1,other,1,2,2.5,4,5\n", 2, 6,
         "not a whole scale point: the scale goes from 1 to 5"},
        {"no item columns", "Timestamp,Response ID,Professional-learning format\n2020,X1,other\n",
         1, 0, "no column of this file holds answers to an item of pl-standards"},
        {"oversized cell", h + "\n2020,X1,other,1,2,3,4,\"" + std::string(70000, '5') + "\"\n", 2,
         8, "this cell is 70000 bytes long; a cell may hold at most 64 KiB"},
    };
    for (const auto& c : cases) {
        DYNAMIC_SECTION(c.name) {
            auto r = f.run(c.csv);
            CHECK_FALSE(r.imported);
            REQUIRE_FALSE(r.problems.empty());
            INFO(r.problems[0].to_string());
            if (c.line || c.column)
                CHECK(has_problem(r, c.line, c.column, c.reason));
            else
                CHECK_THAT(r.problems[0].reason, Catch::Contains(c.reason));
            CHECK(f.respondents() == before_r);
            CHECK(f.responses() == before_p);
        }
    }
}

TEST_CASE("a dry run checks everything and writes nothing, and a mapping file is honoured") {
    Fixture f;
    store::ImportOptions dry;
    dry.dry_run = true;
    auto r = f.run(fixture(), dry);
    CHECK(r.problems.empty());
    CHECK_FALSE(r.imported);
    CHECK(f.respondents() == 0);

    auto mapping_file = f.dir / "map.json";
    convene::test::write_file(
        mapping_file, R"({"columns": {"Fmt": "attribute:pl_format", "Who": "respondent_id"}})");
    store::ImportOptions mapped;
    mapped.mapping = store::load_mapping(mapping_file);
    auto m = f.run("Who,Fmt,lc.shared_goals\nZ1,other,4\n", mapped);
    CHECK(m.problems.empty());
    CHECK(f.respondents() == 1);
    CHECK_THROWS_WITH(store::load_mapping(f.dir / "missing.json"), Catch::Contains("missing.json"));
}

TEST_CASE("group comparisons on imported data match SciPy") {
    Fixture f;
    REQUIRE(f.run(fixture()).problems.empty());
    auto data = store::load_survey(*f.ws, "pl-standards");
    // Reference: scipy.stats.ttest_ind(sa, sb, equal_var=True/False) and mannwhitneyu(sa, sb,
    // alternative='two-sided', method='asymptotic', use_continuity=True) on the construct scores
    // (mean of the five items, lc.on_my_own reversed as 6 - v), SciPy 1.10.1 on Debian 12.
    auto c = exporting::compare_groups(
        data, {"pl_format", {}, "communities", "", exporting::Unit::Respondent});
    CHECK(c.student.n1 == 4);
    CHECK(c.student.n2 == 5);
    CHECK(c.student.t == Approx(1.9720265943665403).epsilon(1e-6));
    CHECK(c.student.p_two_sided == Approx(0.08922429896478226).epsilon(1e-6));
    CHECK(c.welch.t == Approx(2.022599587389728).epsilon(1e-6));
    CHECK(c.welch.p_two_sided == Approx(0.08292387589418014).epsilon(1e-6));
    CHECK(c.mann_whitney.u == Approx(17.0));
    CHECK(c.mann_whitney.p_two_sided == Approx(0.07961580146011343).epsilon(1e-6));
    // All item ratings pooled (as KVEC's t(4835)): df = 45 - 2.
    auto pooled = exporting::compare_groups(
        data, {"pl_format", {}, "communities", "", exporting::Unit::Item});
    CHECK(pooled.student.df == Approx(43));
    CHECK(pooled.student.t == Approx(0.9647465629562666).epsilon(1e-6));
    CHECK(pooled.student.p_two_sided == Approx(0.3400663771672806).epsilon(1e-6));

    auto constructs = exporting::construct_results(data);
    REQUIRE(constructs[0].id == "communities");
    CHECK(constructs[0].n == 9);
    REQUIRE(constructs[0].alpha);
    CHECK(*constructs[0].alpha == Approx(-2.361111111111111).epsilon(1e-6));

    CHECK_THROWS_WITH(
        exporting::compare_groups(data, {"school_level", {}, "", "", exporting::Unit::Respondent}),
        Catch::Contains("has 3 values"));
    CHECK_THROWS_WITH(
        exporting::compare_groups(data, {"pl_format", {}, "nope", "", exporting::Unit::Respondent}),
        Catch::Contains("no construct \"nope\""));
}

TEST_CASE("crosstabs count respondents by attribute") {
    Fixture f;
    auto data = store::load_survey(*f.ws, "pl-standards");
    store::Respondent r;
    r.attributes = {{"pl_format", "other"}, {"experience", "more than 10"}};
    store::save_respondent(f.ws->db(), "pl-standards", r);
    r.attributes = {{"pl_format", "micro-credential"},
                    {"experience", "more than 10"},
                    {"school_level", "high"}};
    store::save_respondent(f.ws->db(), "pl-standards", r);
    data = store::load_survey(*f.ws, "pl-standards");
    auto tables = exporting::crosstabs(data, "pl_format");
    REQUIRE(tables.size() == 2);
    CHECK(tables[0].row_attribute == "experience");
    CHECK(tables[0].counts[1] == std::vector<std::size_t>{1, 1});
    CHECK(tables[1].rows.back() == "(not given)");
    // The export's table (attributes by column, no respondents kept) counts the same; a value
    // that is not one of the choices is counted as not given.
    r.attributes = {{"pl_format", "a format nobody offered"}, {"experience", "more than 10"}};
    store::save_respondent(f.ws->db(), "pl-standards", r);
    tables = exporting::crosstabs(store::load_survey(*f.ws, "pl-standards"), "pl_format");
    auto loaded = exporting::load_for_analysis(*f.ws, "pl-standards");
    auto from_table = exporting::crosstabs(loaded.table, "pl_format");
    REQUIRE(from_table.size() == tables.size());
    for (std::size_t i = 0; i < tables.size(); ++i) {
        CHECK(from_table[i].rows == tables[i].rows);
        CHECK(from_table[i].columns == tables[i].columns);
        CHECK(from_table[i].counts == tables[i].counts);
    }
    REQUIRE(tables[0].columns.back() == "(not given)");
    CHECK(tables[0].counts[1].back() == 1);
}

TEST_CASE("a Qualtrics export with its question-text and ImportId rows is read") {
    Fixture f;
    const auto* item = f.inst.item("lc.shared_goals");
    std::string csv = "StartDate,ResponseId,Q1,Q2\n"
                      "Start Date,Response ID,Professional-learning format,\"" +
                      item->text +
                      "\"\n"
                      "{\"ImportId\":\"startDate\"},{\"ImportId\":\"_recordId\"},{\"ImportId\":"
                      "\"QID1\"},{\"ImportId\":\"QID2\"}\n"
                      "2020-01-01,R_1,other,Agree\n"
                      "2020-01-02,R_2,micro-credential,Strongly agree\n";
    auto r = f.run(csv);
    INFO((r.problems.empty() ? "" : r.problems[0].to_string()));
    REQUIRE(r.problems.empty());
    CHECK(r.added == 2);
    CHECK(r.mapping["Q2"] == "lc.shared_goals");
    CHECK(r.mapping["Q1"] == "attribute:pl_format");
    auto data = store::load_survey(*f.ws, "pl-standards");
    CHECK(data.respondents[1].responses["lc.shared_goals"].number == 5.0);
}

TEST_CASE("column and cell problems are grouped and capped, so a wrong file gives a short report") {
    Fixture f;
    // Another survey's export: 30 columns nothing matches, next to one item column.
    std::string header = "Response ID,lc.shared_goals", row = "R1,4";
    for (int i = 1; i <= 30; ++i) {
        header += ",Other question " + std::to_string(i);
        row += ",x";
    }
    auto r = f.run(header + "\n" + row + "\n");
    REQUIRE(r.problems.size() == 11);
    CHECK(has_problem(r, 1, 3, "no item or attribute"));
    CHECK(has_problem(r, 1, 12, "no item or attribute"));
    CHECK(r.problems[10].to_string() ==
          "row 1: and 20 more columns that no item or attribute of pl-standards matches "
          "(\"Other question 11\", \"Other question 12\", \"Other question 13\", \"Other question "
          "14\", \"Other question 15\", ...)");

    // 60 respondents with an answer off the scale: the first 50 one by one, then a count.
    std::string csv = "Response ID,lc.shared_goals\n";
    for (int i = 1; i <= 60; ++i)
        csv += "R" + std::to_string(i) + ",9\n";
    auto cells = f.run(csv);
    REQUIRE(cells.problems.size() == 60);
    CHECK(has_problem(cells, 51, 2, "out of range"));
    CHECK(store::group_problems(cells.problems) ==
          std::vector<std::string>{"\"9\" is out of range: 60 cells in 1 column, first at row 2 "
                                   "column 2 (\"lc.shared_goals\"); the scale goes from 1 to 5"});
    CHECK(f.respondents() == 0);
}

namespace {

// A Qualtrics-like export of every Likert item of pl-standards, labels as text.
std::string labelled_export(std::size_t respondents, const guides::Instrument& inst,
                            const std::string& midpoint) {
    const std::string labels[] = {"Strongly disagree", "Disagree",           midpoint, "Agree",
                                  "Strongly Agree",    "5 - Strongly agree", "N/A"};
    std::string csv = "ResponseId";
    std::vector<std::string> items;
    for (const auto& item : inst.items)
        if (item.type == guides::ItemType::Likert) items.push_back(item.id);
    for (const auto& id : items)
        csv += "," + id;
    csv += "\n";
    for (std::size_t r = 0; r < respondents; ++r) {
        csv += "R_" + std::to_string(r);
        for (std::size_t i = 0; i < items.size(); ++i)
            csv += "," + labels[(r + i) % 7];
        csv += "\n";
    }
    return csv;
}

} // namespace

TEST_CASE("10,000 respondents with 'Neither agree nor disagree' midpoints import cleanly") {
    Fixture f;
    auto r = f.run(labelled_export(10000, f.inst, "Neither agree nor disagree"));
    REQUIRE(r.problems.empty());
    CHECK(r.added == 10000);
    auto data = store::load_survey(*f.ws, "pl-standards");
    // Respondent 0 starts the cycle: item 3 is the midpoint, item 5 "Strongly Agree", item 6 "5 -
    // Strongly agree" and item 7 "N/A" (no answer).
    const auto& first = data.respondents[0].responses;
    CHECK(first.at("lc.open_doors").number == 3.0);
    CHECK(first.at("lc.follow_through").number == 5.0);
    CHECK(first.at("lead.principal_joins").number == 5.0);
    CHECK_FALSE(first.contains("lead.teachers_lead"));
    CHECK(r.responses == 10000 * 35 - 50000); // one answer in seven is N/A
}

TEST_CASE("a misspelt label in every row is a report of one line") {
    Fixture f;
    auto r = f.run(labelled_export(2000, f.inst, "Niether agree nor disagree"));
    CHECK_FALSE(r.imported);
    CHECK(r.problems.size() == 10000);
    auto lines = store::group_problems(r.problems);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].rfind("\"Niether agree nor disagree\" is not a scale value: 10,000 cells in 35 "
                         "columns, first at row 2 column 4 (\"lc.open_doors\"); use 1 to 5 or",
                         0) == 0);
    CHECK(f.respondents() == 0);
}

TEST_CASE("a Windows-1252 file is read as such, and says so") {
    Fixture f;
    f.inst.attributes[0].choices.push_back("caf\xC3\xA9 chats"); // a choice with an accent
    auto r = f.run("Response ID,Professional-learning format,lc.regular_time\n"
                   "R1,caf\xE9 chats,Agree\n");
    REQUIRE(r.problems.empty());
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notes[0].find("read as Windows-1252") != std::string::npos);
    auto data = store::load_survey(*f.ws, "pl-standards");
    CHECK(data.respondents[0].attributes.at("pl_format") == "caf\xC3\xA9 chats");
}

TEST_CASE("rows with one trailing empty field too many are read") {
    Fixture f;
    auto r = f.run("Response ID,lc.regular_time,lc.shared_goals\nR1,4,5,\nR2,3,2,\n");
    REQUIRE(r.problems.empty());
    CHECK(r.added == 2);
    auto bad = f.run("Response ID,lc.regular_time,lc.shared_goals\nR3,4,5,,\n");
    CHECK(has_problem(bad, 2, 4, "5 fields but the header has 3"));
}
