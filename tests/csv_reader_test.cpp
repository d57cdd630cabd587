// The CSV reader on files as survey services export them, and on damaged or wrong files: every
// problem names the line (and field) and says what is wrong.
#include "export/csv_writer.hpp"
#include "guides/csv_reader.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fstream>

using namespace convene::guides;
using convene::exporting::write_csv_row;
using convene::test::TempDir;

namespace {

using Rows = std::vector<std::vector<std::string>>;
using Fields = std::vector<std::string>;

CsvTable table_of(CsvResult result) {
    INFO((result.problems.empty() ? std::string("") : result.problems.front().to_string()));
    REQUIRE(result.problems.empty());
    REQUIRE(result.table.has_value());
    return std::move(*result.table);
}

CsvProblem only_problem(const CsvResult& result) {
    REQUIRE_FALSE(result.table.has_value());
    REQUIRE(result.problems.size() == 1);
    return result.problems.front();
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("csv: plain comma file with LF line ends", "[csv]") {
    const auto result = parse_csv("a,b,c\n1,2,3\n4,,6\n");
    const auto& t = table_of(result);
    CHECK(t.delimiter == ',');
    CHECK(t.header == Fields{"a", "b", "c"});
    CHECK(t.rows == Rows{{"1", "2", "3"}, {"4", "", "6"}});
    CHECK(t.row_lines == std::vector<std::size_t>{2, 3});
}

TEST_CASE("csv: UTF-8 BOM is stripped from the first header name", "[csv]") {
    const auto& t = table_of(parse_csv("\xEF\xBB\xBFTimestamp,Name\n2024/01/02,Ana\n"));
    CHECK(t.header == Fields{"Timestamp", "Name"});
    CHECK(t.rows == Rows{{"2024/01/02", "Ana"}});
}

TEST_CASE("csv: CRLF and lone CR line ends and no final line end", "[csv]") {
    const auto& crlf = table_of(parse_csv("a,b\r\n1,2\r\n3,4\r\n"));
    CHECK(crlf.rows == Rows{{"1", "2"}, {"3", "4"}});
    CHECK(crlf.row_lines == std::vector<std::size_t>{2, 3});

    const auto& cr = table_of(parse_csv("a,b\r1,2\r3,4"));
    CHECK(cr.rows == Rows{{"1", "2"}, {"3", "4"}});
    CHECK(cr.row_lines == std::vector<std::size_t>{2, 3});

    const auto& mixed = table_of(parse_csv("a,b\n1,2\r\n3,4\r5,6"));
    CHECK(mixed.rows.size() == 3);
    CHECK(mixed.row_lines == std::vector<std::size_t>{2, 3, 4});
}

TEST_CASE("csv: embedded newlines and doubled quotes inside quoted fields", "[csv]") {
    const std::string text = "id,comment,other\r\n"
                             "1,\"first line\r\nsecond line\nthird\",x\r\n"
                             "2,\"she said \"\"hi\"\", then left\",\"\"\r\n"
                             "3,\"a,b;c\",\"\"\"\"\r\n";
    const auto& t = table_of(parse_csv(text));
    REQUIRE(t.rows.size() == 3);
    // Line breaks inside quotes come back as "\n" whatever the file used.
    CHECK(t.rows[0][1] == "first line\nsecond line\nthird");
    CHECK(t.rows[0][2] == "x");
    CHECK(t.rows[1][1] == "she said \"hi\", then left");
    CHECK(t.rows[1][2] == "");
    CHECK(t.rows[2][1] == "a,b;c");
    CHECK(t.rows[2][2] == "\"");
    // Physical lines: the first row spans lines 2-4.
    CHECK(t.row_lines == std::vector<std::size_t>{2, 5, 6});
}

TEST_CASE("csv: nothing is trimmed but spaces around quotes are ignored", "[csv]") {
    const auto& t = table_of(parse_csv("a,b,c,d\n  x , \"  y  \" ,5\" screen,\"\"\n"));
    CHECK(t.rows == Rows{{"  x ", "  y  ", "5\" screen", ""}});
}

TEST_CASE("csv: semicolon delimiter is detected from the header", "[csv]") {
    const auto& t = table_of(parse_csv("Name;Age;\"Comment, with comma\"\nAna;34;\"ok, fine\"\n"));
    CHECK(t.delimiter == ';');
    CHECK(t.header == Fields{"Name", "Age", "Comment, with comma"});
    CHECK(t.rows == Rows{{"Ana", "34", "ok, fine"}});
}

TEST_CASE("csv: semicolon detection ignores commas in unquoted answers of later lines", "[csv]") {
    const auto& t = table_of(parse_csv("a;b\n1,5;2,5\n"));
    CHECK(t.delimiter == ';');
    CHECK(t.rows == Rows{{"1,5", "2,5"}});
}

TEST_CASE("csv: tab delimiter is detected and an explicit delimiter wins", "[csv]") {
    const auto& tsv = table_of(parse_csv("a\tb\tc\n1\t\t3\n"));
    CHECK(tsv.delimiter == '\t');
    CHECK(tsv.rows == Rows{{"1", "", "3"}});

    const auto& forced = table_of(parse_csv("a;b,c\n1;2,3\n", ','));
    CHECK(forced.delimiter == ',');
    CHECK(forced.header == Fields{"a;b", "c"});

    const auto& after_blank = table_of(parse_csv("\t\t\na,b\n1,2\n"));
    CHECK(after_blank.delimiter == ',');
    CHECK(after_blank.row_lines == std::vector<std::size_t>{3});

    const auto& single = table_of(parse_csv("only\nx\ny\n"));
    CHECK(single.delimiter == ',');
    CHECK(single.rows == Rows{{"x"}, {"y"}});
}

TEST_CASE("csv: Google Forms header with long question texts containing commas", "[csv]") {
    const std::string text =
        "\"Timestamp\",\"Email Address\",\"In your own words, how did the programme change your "
        "household's income, savings, or debts?\",\"Which of these apply? (tick all that "
        "apply)\",\"Anything else, e.g. \"\"other\"\" remarks?\"\r\n"
        "\"2024/03/01 10:15:02 AM GMT+1\",\"ana@example.org\",\"We save more, about 10%; "
        "debts are lower.\",\"Savings group;Loan\",\"\"\r\n"
        "\"2024/03/01 11:00:40 AM GMT+1\",\"ben@example.org\",\"Line one\nLine "
        "two\",\"\",\"no\"\r\n";
    const auto& t = table_of(parse_csv(text));
    CHECK(t.delimiter == ',');
    REQUIRE(t.header.size() == 5);
    CHECK(t.header[2] == "In your own words, how did the programme change your household's "
                         "income, savings, or debts?");
    CHECK(t.header[4] == "Anything else, e.g. \"other\" remarks?");
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0][2] == "We save more, about 10%; debts are lower.");
    CHECK(t.rows[0][3] == "Savings group;Loan");
    CHECK(t.rows[1][2] == "Line one\nLine two");
    CHECK(t.row_lines == std::vector<std::size_t>{2, 3});
}

TEST_CASE("csv: a header without rows is a valid empty table", "[csv]") {
    const auto& t = table_of(parse_csv("a,b\r\n"));
    CHECK(t.header == Fields{"a", "b"});
    CHECK(t.rows.empty());
}

TEST_CASE("csv: blank lines are skipped and lines stay right", "[csv]") {
    const auto& t = table_of(parse_csv("\na,b\n1,2\n\n   \n3,4\r\n\r\n\n  \n"));
    CHECK(t.header == Fields{"a", "b"});
    CHECK(t.rows == Rows{{"1", "2"}, {"3", "4"}});
    CHECK(t.row_lines == std::vector<std::size_t>{3, 6});
}

TEST_CASE("csv: empty file and whitespace only file", "[csv]") {
    for (const std::string text : {"", "   ", "\r\n\r\n", "\n \t\n"}) {
        const auto& p = only_problem(parse_csv(text));
        CHECK(p.reason == "the file is empty");
        CHECK(p.to_string() == "the file is empty");
    }
}

TEST_CASE("csv: BOM only file is empty", "[csv]") {
    CHECK(only_problem(parse_csv("\xEF\xBB\xBF")).reason == "the file is empty");
    CHECK(only_problem(parse_csv("\xEF\xBB\xBF\r\n")).reason == "the file is empty");
}

TEST_CASE("csv: binary file with NUL bytes", "[csv]") {
    const std::string bytes("PK\x03\x04\x14\x00\x06\x00\n\x01\x02", 11);
    const auto& p = only_problem(parse_csv(bytes));
    CHECK(p.line == 1);
    CHECK(contains(p.reason, "not a text CSV file"));
    CHECK(contains(p.reason, "byte offset 5"));

    // The line is that of the NUL byte.
    const std::string later = std::string("a,b\r\n1,2\r\n3,") + '\0' + "\r\n";
    const auto& q = only_problem(parse_csv(later));
    CHECK(q.line == 3);
    CHECK(contains(q.to_string(), "line 3: not a text CSV file"));
    CHECK(contains(q.reason, "byte offset 12"));
}

TEST_CASE("csv: invalid UTF-8 such as a Latin-1 export", "[csv]") {
    // "Mar\xEDa" is Latin-1 for María; the byte offset counts the BOM.
    const auto& p = only_problem(parse_csv("\xEF\xBB\xBFName,City\nMar\xED"
                                           "a,Quito\n"));
    CHECK(p.line == 2);
    CHECK(p.column == 0);
    CHECK(contains(p.reason, "not a UTF-8 text CSV file"));
    CHECK(contains(p.reason, "0xED"));
    CHECK(contains(p.reason, "byte offset 16"));

    // Overlong forms, surrogates, truncated sequences and stray continuation bytes.
    for (const std::string bad : {"a\n\xC0\xAF\n", "a\n\xED\xA0\x80\n", "a\n\xE2\x82\n",
                                  "a\n\x80\n", "a\n\xF4\x90\x80\x80\n", "a\n\xE2\x82"}) {
        const auto& q = only_problem(parse_csv(bad));
        CHECK(q.line == 2);
        CHECK(contains(q.reason, "not a UTF-8 text CSV file"));
    }

    // Valid multi-byte text is fine.
    const auto& t = table_of(parse_csv("Name,Note\nMar\xC3\xAD"
                                       "a,\xE2\x82\xAC 5 \xF0\x9F\x98\x80\n"));
    CHECK(t.rows[0][0] == "Mar\xC3\xAD"
                          "a");
}

TEST_CASE("csv: UTF-16 text is named as such", "[csv]") {
    const std::string bytes("\xFF\xFE"
                            "a\0,\0b\0",
                            8);
    const auto& p = only_problem(parse_csv(bytes));
    CHECK(contains(p.reason, "UTF-16"));
}

TEST_CASE("csv: unterminated quote is reported at the line where it opened", "[csv]") {
    const auto result = parse_csv("a,b,c\n1,2,3\n4,\"never closed,6\n7,8,9\n10,11,12\n");
    const auto& p = only_problem(result);
    CHECK(p.line == 3);
    CHECK(p.column == 2);
    CHECK(contains(p.reason, "never closed"));
    CHECK(contains(p.to_string(), "line 3, column 2: "));

    CHECK(only_problem(parse_csv("\"a,b\nc\n")).line == 1);
}

TEST_CASE("csv: too many fields is reported with the line", "[csv]") {
    const auto result = parse_csv("a,b,c\n1,2,3\n\"x\ny\",I liked it, a lot,3\n7,8,9\n");
    const auto& p = only_problem(result);
    CHECK(p.line == 3);
    CHECK(p.column == 4);
    CHECK(contains(p.reason, "4 fields but the header has 3"));
    CHECK(contains(p.to_string(), "line 3, column 4: "));
}

TEST_CASE("csv: too few fields is a problem too", "[csv]") {
    const auto result = parse_csv("a,b,c\n1,2,3\n4,5\n");
    const auto& p = only_problem(result);
    CHECK(p.line == 3);
    CHECK(p.column == 3);
    CHECK(contains(p.reason, "2 fields but the header has 3"));
}

TEST_CASE("csv: every bad row is reported up to the limit", "[csv]") {
    std::string text = "a,b\n";
    for (int i = 0; i < 60; ++i)
        text += "1,2,3\n";
    const auto result = parse_csv(text);
    CHECK_FALSE(result.table.has_value());
    REQUIRE(result.problems.size() == max_csv_problems + 1);
    CHECK(result.problems[0].line == 2);
    CHECK(result.problems[1].line == 3);
    CHECK(result.problems.back().to_string() == "and 10 more problems");
}

TEST_CASE("csv: text after a closing quote", "[csv]") {
    const auto& p = only_problem(parse_csv("a,b\n1,\"ab\"c\n"));
    CHECK(p.line == 2);
    CHECK(p.column == 2);
    CHECK(contains(p.reason, "after the closing quote"));
}

TEST_CASE("csv: duplicate header names", "[csv]") {
    const auto result = parse_csv("Name,Age,Name,,\nA,1,B,,\n");
    const auto& p = only_problem(result);
    CHECK(p.line == 1);
    CHECK(p.column == 3);
    CHECK(contains(p.reason, "duplicate column name \"Name\" (also column 1)"));
}

TEST_CASE("csv: empty header names are allowed", "[csv]") {
    const auto& t = table_of(parse_csv("a,b,,\n1,2,,\n"));
    CHECK(t.header == Fields{"a", "b", "", ""});
    CHECK(t.rows == Rows{{"1", "2", "", ""}});
}

TEST_CASE("csv: round trip write_csv_row then parse_csv", "[csv]") {
    const Fields header{"Timestamp", "Q1, with comma", "Q2 \"quoted\"", "Q3;semi", "Q4"};
    const Rows rows{
        {"2024-01-01", "yes", "multi\nline\nanswer", "a;b", ""},
        {"", " leading space", "trailing space ", "\"", "\"\""},
        {"x", "tab\there", "caf\xC3\xA9", "", ","},
        {"", "", "", "", ""},
    };
    for (const char delimiter : {',', ';', '\t'}) {
        std::string text = "\xEF\xBB\xBF" + write_csv_row(header, delimiter);
        for (const auto& row : rows)
            text += write_csv_row(row, delimiter);
        const auto& t = table_of(parse_csv(text));
        CHECK(t.delimiter == delimiter);
        CHECK(t.header == header);
        CHECK(t.rows == rows);
    }

    // A single column with an empty value survives (it is not read as a blank line).
    std::string single =
        write_csv_row({"only"}, ',') + write_csv_row({""}, ',') + write_csv_row({"x"}, ',');
    const auto& s = table_of(parse_csv(single));
    CHECK(s.rows == Rows{{""}, {"x"}});
}

TEST_CASE("csv: a large survey export", "[csv]") {
    const std::size_t respondents = 2000, columns = 60;
    Fields header;
    for (std::size_t c = 0; c < columns; ++c)
        header.push_back("Question " + std::to_string(c + 1) + ", in long words?");
    std::string text = write_csv_row(header, ',');
    for (std::size_t r = 0; r < respondents; ++r) {
        Fields row;
        for (std::size_t c = 0; c < columns; ++c)
            row.push_back(c % 7 == 3 ? "Answer with, comma and \"quotes\"\nand a second line"
                                     : "answer " + std::to_string(r * columns + c));
        text += write_csv_row(row, ',');
    }
    const auto& t = table_of(parse_csv(text));
    REQUIRE(t.rows.size() == respondents);
    CHECK(t.rows.back()[58] == "answer " + std::to_string(respondents * columns - 2));
    CHECK(t.rows.back()[3] == "Answer with, comma and \"quotes\"\nand a second line");
    // 10 physical lines per record: 1 + 9 embedded line breaks (columns 3, 10, ..., 59).
    CHECK(t.row_lines[1] == 2 + 10);
    CHECK(t.row_lines.back() == 2 + 10 * (respondents - 1));
}

TEST_CASE("csv: reading a file", "[csv]") {
    TempDir dir;
    {
        std::ofstream out(dir / "responses.csv", std::ios::binary);
        out << "\xEF\xBB\xBFq1;q2\r\n1;2\r\n";
    }
    const auto& t = table_of(read_csv_file(dir / "responses.csv"));
    CHECK(t.delimiter == ';');
    CHECK(t.rows == Rows{{"1", "2"}});

    const auto& p = only_problem(read_csv_file(dir / "missing.csv"));
    CHECK(p.line == 0);
    CHECK(contains(p.reason, "cannot read"));
    CHECK(contains(p.reason, "missing.csv"));
}

TEST_CASE("csv: one trailing empty field too many is read without it", "[csv]") {
    const auto result = parse_csv("a,b,c\n1,2,3,\n4,5,6\n");
    REQUIRE(result.table);
    CHECK(result.table->rows[0] == std::vector<std::string>{"1", "2", "3"});
    CHECK_FALSE(parse_csv("a,b,c\n1,2,3,x\n").table);
    CHECK_FALSE(parse_csv("a,b,c\n1,2,3,,\n").table);
}
