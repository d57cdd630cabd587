// The CSV writer: fields quoted only when they must be, rows ending in CRLF; reading back what
// it wrote is tested with the reader (csv_reader_test.cpp, fuzz/fuzz_csv.cpp).
#include "export/csv_writer.hpp"

#include <catch2/catch.hpp>

using namespace convene::exporting;

TEST_CASE("csv writer: fields are quoted only when they must be", "[csv]") {
    CHECK(csv_escape("plain", ',') == "plain");
    CHECK(csv_escape("", ',') == "");
    CHECK(csv_escape("a,b", ',') == "\"a,b\"");
    CHECK(csv_escape("a,b", ';') == "a,b");
    CHECK(csv_escape("a;b", ';') == "\"a;b\"");
    CHECK(csv_escape("say \"hi\"", ',') == "\"say \"\"hi\"\"\"");
    CHECK(csv_escape("two\nlines", ',') == "\"two\nlines\"");
    CHECK(csv_escape("cr\r", ',') == "\"cr\r\"");
    CHECK(csv_escape(" padded", ',') == "\" padded\"");
    CHECK(write_csv_row({"a", "b,c", ""}, ',') == "a,\"b,c\",\r\n");
    CHECK(write_csv_row({""}, ',') == "\"\"\r\n");
}

TEST_CASE("csv writer: a byte order mark at the start and white space are kept by quoting",
          "[csv]") {
    CHECK(csv_escape("\xEF\xBB\xBF"
                     "first",
                     ',') == "\"\xEF\xBB\xBF"
                             "first\"");
    CHECK(csv_escape("tab\t", ',') == "\"tab\t\"");
    CHECK(csv_escape("a\tb", '\t') == "\"a\tb\"");
    CHECK(write_csv_row({"", ""}, '\t') == "\"\"\t\r\n");
    CHECK(write_csv_row({}, ',') == "\r\n");
}
