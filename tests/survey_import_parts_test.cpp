// The survey import's steps that need no database: matching columns (with a mapping file's
// override) and checking cells, each problem with its row, column, header, value and reason.
#include "store/survey_import_parts.hpp"

#include <catch2/catch.hpp>

using namespace convene;
using store::ImportColumn;

namespace {

guides::Item item(std::string id, std::string text, guides::ItemType type) {
    guides::Item i;
    i.id = std::move(id);
    i.text = std::move(text);
    i.type = type;
    return i;
}

// One item of each type, an attribute, a three-point scale.
guides::Instrument instrument() {
    guides::Instrument inst;
    inst.id = "t";
    inst.scales.push_back({"agree", {"Disagree", "Neutral", "Agree"}});
    inst.items.push_back(item("plan", "I plan lessons with colleagues.", guides::ItemType::Likert));
    inst.items.back().scale = "agree";
    inst.items.push_back(item("hours", "Hours of coaching", guides::ItemType::Number));
    inst.items.back().min = 0;
    inst.items.back().max = 40;
    inst.items.push_back(item("format", "Format", guides::ItemType::Choice));
    inst.items.back().choices = {"Online", "In person"};
    inst.items.push_back(item("topics", "Topics", guides::ItemType::Multi));
    inst.items.back().choices = {"Reading, writing", "Math", "Science"};
    inst.items.push_back(item("comment", "Anything else?", guides::ItemType::Text));
    guides::Attribute level;
    level.id = "level";
    level.label = "School level";
    level.choices = {"Elementary", "Secondary"};
    inst.attributes.push_back(level);
    return inst;
}

std::vector<std::string> reasons(const std::vector<store::ImportProblem>& problems) {
    std::vector<std::string> out;
    for (const auto& p : problems)
        out.push_back(p.to_string());
    return out;
}

ImportColumn column_for(const guides::Instrument& inst, const std::string& target) {
    return store::resolve_columns(inst, {"col"}, {target}).front();
}

} // namespace

TEST_CASE("columns match items by id or text, attributes by label, and known extra columns") {
    const auto inst = instrument();
    const std::vector<std::string> header = {
        "Timestamp", "Response ID", "plan", "  hours OF coaching?", "School level", "Format"};
    auto match = store::match_file_columns(inst, header, nullptr, std::nullopt);
    CHECK(match.problems.empty());
    CHECK(match.notes.empty());
    CHECK(match.any_item);
    CHECK(match.targets == std::vector<std::string>{"ignore", "respondent_id", "plan", "hours",
                                                    "attribute:level", "format"});
    CHECK(match.mapping.at("Timestamp") == "ignore");
    CHECK(match.mapping.size() == header.size());
}

TEST_CASE("an unmatched column is a problem on row 1 naming its column, no id column a note") {
    const auto inst = instrument();
    auto match = store::match_file_columns(inst, {"plan", "Shoe size"}, nullptr, std::nullopt);
    CHECK(match.any_item);
    CHECK(match.targets == std::vector<std::string>{"plan", ""});
    REQUIRE(match.problems.size() == 1);
    CHECK(match.problems[0].to_string() ==
          "row 1, column 2 (\"Shoe size\"): no item or attribute of t matches this column; map it "
          "with a mapping file, or map it to \"ignore\"");
    CHECK(match.notes == std::vector<std::string>{"no respondent id column: importing this file "
                                                  "again would add its respondents again"});
}

TEST_CASE("a mapping file overrides the matching for the columns it names") {
    const auto inst = instrument();
    const std::vector<std::string> header = {"id", "Q1", "Q2", "Q3", "Q4"};
    store::ColumnMapping file = {
        {"Q1", "plan"}, {"Q2", "nothing"}, {"Q3", "plan"}, {"Q4", "ignore"}, {"Q9", "hours"}};
    auto match = store::match_file_columns(inst, header, nullptr, file);
    CHECK(match.targets == std::vector<std::string>{"respondent_id", "plan", "", "", "ignore"});
    CHECK(match.mapping.at("Q1") == "plan");
    CHECK_FALSE(match.mapping.contains("Q9"));
    CHECK(reasons(match.problems) ==
          std::vector<std::string>{
              " (\"Q9\"): the mapping names a column the file does not have",
              "row 1, column 3 (\"Q2\"): the mapping sends this column to \"nothing\", which is "
              "not an item or attribute of t",
              "row 1, column 4 (\"Q3\"): a second column for \"plan\""});
}

TEST_CASE("a file without any item column is one problem first, and nothing more is read") {
    const auto inst = instrument();
    auto match = store::match_file_columns(inst, {"Name", "School level"}, nullptr, std::nullopt);
    CHECK_FALSE(match.any_item);
    REQUIRE(match.problems.size() == 2);
    CHECK(match.problems[0].to_string() ==
          "row 1: no column of this file holds answers to an item of t (the columns are \"Name\", "
          "\"School level\"); is it an export of another survey? Map its columns to items with a "
          "mapping file");
    CHECK(match.problems[1].column == 1);
    CHECK(match.notes.empty());
}

TEST_CASE("many unmatched columns: ten one by one, then one problem counting the rest") {
    const auto inst = instrument();
    std::vector<std::string> header = {"plan"};
    for (int i = 1; i <= 12; ++i)
        header.push_back("extra " + std::to_string(i));
    auto match = store::match_file_columns(inst, header, nullptr, std::nullopt);
    REQUIRE(match.problems.size() == 11);
    CHECK(match.problems[9].column == 11);
    CHECK(match.problems[10].to_string() ==
          "row 1: and 2 more columns that no item or attribute of t matches (\"extra 11\", "
          "\"extra 12\")");
}

TEST_CASE("Qualtrics' question-text and ImportId rows are taken out and their texts matched") {
    const auto inst = instrument();
    guides::CsvTable table;
    table.header = {"ResponseId", "Q1", "Q2"};
    table.rows = {
        {"Response ID", "I plan lessons with colleagues.", "Favourite colour"},
        {"{\"ImportId\":\"_recordId\"}", "{\"ImportId\":\"QID1\"}", "{\"ImportId\":\"QID2\"}"},
        {"R1", "3", "blue"}};
    table.row_lines = {2, 3, 4};
    auto texts = store::take_qualtrics_rows(table);
    REQUIRE(texts);
    CHECK(*texts == std::vector<std::string>{"Response ID", "I plan lessons with colleagues.",
                                             "Favourite colour"});
    CHECK(table.rows == std::vector<std::vector<std::string>>{{"R1", "3", "blue"}});
    CHECK(table.row_lines == std::vector<std::size_t>{4});
    CHECK_FALSE(store::take_qualtrics_rows(table));
    CHECK(table.rows.size() == 1);

    auto match = store::match_file_columns(inst, table.header, &*texts, std::nullopt);
    CHECK(match.targets == std::vector<std::string>{"respondent_id", "plan", ""});
    CHECK(match.problems.size() == 1);
}

TEST_CASE("Likert cells take scale points or labels") {
    const auto inst = instrument();
    const auto col = column_for(inst, "plan");
    REQUIRE(col.kind == ImportColumn::Kind::Item);
    REQUIRE(col.scale);
    CHECK(store::check_item_cell(col, "2").value.number == 2);
    CHECK(store::check_item_cell(col, "agree").value.number == 3);
    CHECK(store::check_item_cell(col, "4").problem == "out of range: the scale goes from 1 to 3");
    CHECK(store::check_item_cell(col, "2.5").problem ==
          "not a whole scale point: the scale goes from 1 to 3");
    CHECK(store::check_item_cell(col, "often").problem ==
          "not a scale value: use 1 to 3 or Disagree, Neutral, Agree");
}

TEST_CASE("number, choice, multi-choice and text cells") {
    const auto inst = instrument();
    const auto hours = column_for(inst, "hours");
    CHECK(store::check_item_cell(hours, "12.5").value.number == 12.5);
    CHECK(store::check_item_cell(hours, "lots").problem == "not a number");
    CHECK(store::check_item_cell(hours, "41").problem == "out of range: expected 0.0 to 40.0");

    const auto format = column_for(inst, "format");
    CHECK(store::check_item_cell(format, "in PERSON").value.text == "In person");
    CHECK(store::check_item_cell(format, "Hybrid").problem == "not one of: Online, In person");

    const auto topics = column_for(inst, "topics");
    auto multi = store::check_item_cell(topics, "science, Reading, writing");
    CHECK(multi.problem.empty());
    CHECK(multi.value.choices == std::vector<std::string>{"Reading, writing", "Science"});
    CHECK(store::check_item_cell(topics, "Math;Art").problem ==
          "\"Art\" is not one of: Reading, writing, Math, Science");

    auto text = store::check_item_cell(column_for(inst, "comment"), "Thanks, all good");
    CHECK(text.problem.empty());
    CHECK(text.value.text == "Thanks, all good");

    CHECK(store::check_attribute_cell(inst.attributes[0], " secondary").value.text == "Secondary");
    CHECK(store::check_attribute_cell(inst.attributes[0], "College").problem ==
          "not one of: Elementary, Secondary");
}

TEST_CASE("a row's bad cells are problems with row, column, header and value") {
    const auto inst = instrument();
    const std::vector<std::string> header = {"id", "Timestamp", "plan", "School level", "hours"};
    auto columns = store::resolve_columns(
        inst, header, {"respondent_id", "ignore", "plan", "attribute:level", "hours"});
    std::map<std::string, std::size_t> ids;
    std::vector<store::ImportProblem> problems;
    auto first = store::check_row(columns, {"R1", "x", " 3 ", "Elementary", ""}, 2, ids, problems);
    CHECK(problems.empty());
    CHECK(first.external_id == "R1");
    CHECK(first.attributes == std::map<std::string, std::string>{{"level", "Elementary"}});
    REQUIRE(first.values.size() == 1);
    CHECK(first.values[0].first->id == "plan");
    CHECK(first.values[0].second.number == 3);

    auto second = store::check_row(columns, {"R1", "", "9", "", "-1"}, 5, ids, problems);
    CHECK(reasons(problems) ==
          std::vector<std::string>{
              "row 5, column 1 (\"id\"), value \"R1\": the same respondent id as row 2",
              "row 5, column 3 (\"plan\"), value \"9\": out of range: the scale goes from 1 to 3",
              "row 5, column 5 (\"hours\"), value \"-1\": out of range: expected 0.0 to 40.0"});
    CHECK(second.values.empty());
}

TEST_CASE("cell problems past the cap are counted in one, and progress can cancel") {
    const auto inst = instrument();
    guides::CsvTable table;
    table.header = {"plan"};
    const std::size_t n = store::kMaxDetailedProblems + 10;
    for (std::size_t r = 0; r < n; ++r) {
        table.rows.push_back({"7"});
        table.row_lines.push_back(r + 2);
    }
    auto columns = store::resolve_columns(inst, table.header, {"plan"});
    std::vector<store::ImportProblem> problems;
    auto rows = store::check_rows(table, columns, {}, problems);
    REQUIRE(rows);
    CHECK(rows->size() == n);
    REQUIRE(problems.size() == store::kMaxDetailedProblems + 1);
    CHECK(problems[49].line == 51);
    CHECK(problems.back().to_string() == "and 10 more problems in cells");
    // Grouped: the cells in one line, the count of the rest in another.
    CHECK(
        store::group_problems(problems) ==
        std::vector<std::string>{"\"7\" is out of range: 100,000 cells in 1 column, first at row 2 "
                                 "column 1 (\"plan\"); the scale goes from 1 to 3",
                                 "and 10 more problems in cells"});
    table.rows.resize(60);
    table.row_lines.resize(60);

    std::vector<std::pair<std::size_t, std::size_t>> calls;
    auto cancel = [&](std::size_t done, std::size_t all) {
        calls.emplace_back(done, all);
        return false;
    };
    problems.clear();
    CHECK_FALSE(store::check_rows(table, columns, cancel, problems));
    CHECK(calls == std::vector<std::pair<std::size_t, std::size_t>>{{0, 120}});
}

TEST_CASE("not-applicable answers are missing in every kind of column, not problems") {
    const auto inst = instrument();
    for (const char* target : {"plan", "hours", "format", "topics"}) {
        auto na = store::check_item_cell(column_for(inst, target), "Not applicable");
        CHECK(na.missing);
        CHECK(na.problem.empty());
    }
    CHECK(store::check_item_cell(column_for(inst, "plan"), "Unfamiliar (N/A)").missing);
    CHECK(store::check_attribute_cell(inst.attributes[0], "N/A").missing);
    // Open text keeps what was written.
    CHECK(store::check_item_cell(column_for(inst, "comment"), "N/A").value.text == "N/A");

    std::map<std::string, std::size_t> ids;
    std::vector<store::ImportProblem> problems;
    auto columns = store::resolve_columns(inst, {"id", "plan", "level"},
                                          {"respondent_id", "plan", "attribute:level"});
    auto row = store::check_row(columns, {"R1", "n/a", "NA"}, 2, ids, problems);
    CHECK(problems.empty());
    CHECK(row.values.empty());
    CHECK(row.attributes.empty());
}

TEST_CASE("one column per choice makes one multi-choice answer, and Kobo's codes split on spaces") {
    auto inst = instrument();
    const std::vector<std::string> header = {"Topics - Math", "Topics - Science", "Topics - R"};
    auto columns = store::resolve_columns(
        inst, header,
        {"option:topics:Math", "option:topics:Science", "option:topics:Reading, writing"});
    REQUIRE(columns[0].kind == ImportColumn::Kind::Option);
    std::map<std::string, std::size_t> ids;
    std::vector<store::ImportProblem> problems;
    for (const auto& cells : std::vector<std::vector<std::string>>{
             {"Math", "", "Reading, writing"}, {"1", "0", "1"}, {"Y", "N", "Y"}}) {
        auto row = store::check_row(columns, cells, 2, ids, problems);
        REQUIRE(row.values.size() == 1);
        CHECK(row.values[0].second.choices == std::vector<std::string>{"Reading, writing", "Math"});
    }
    CHECK(problems.empty());
    // An option target must name a choice of a multi-choice item.
    auto match = store::match_file_columns(
        inst, {"a", "b"}, nullptr,
        store::ColumnMapping{{"a", "option:topics:Art"}, {"b", "option:format:Online"}});
    CHECK(match.problems.size() == 3); // two bad targets, and then no item column at all

    inst.items[3].choices = {"reading", "math", "science"};
    auto kobo = store::check_item_cell(column_for(inst, "topics"), "math science");
    CHECK(kobo.problem.empty());
    CHECK(kobo.value.choices == std::vector<std::string>{"math", "science"});
}
