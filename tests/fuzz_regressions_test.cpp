// The inputs with which the fuzz targets (fuzz/) broke a promise, each kept in
// fuzz/regressions/<target>/ and checked here as well, with what went wrong and what must hold.
#include "export/csv_writer.hpp"
#include "guides/csv_reader.hpp"

#include <catch2/catch.hpp>

using namespace convene::guides;
using convene::exporting::write_csv_row;

TEST_CASE("fuzz csv/bom-as-first-field: a first cell starting with U+FEFF survives writing") {
    // The file "\r" + U+FEFF reads as a header of one cell holding U+FEFF. Written unquoted, the
    // reader took that cell for a byte order mark and found an empty file.
    auto first = parse_csv("\r\xEF\xBB\xBF", ';');
    REQUIRE(first.table);
    REQUIRE(first.table->header == std::vector<std::string>{"\xEF\xBB\xBF"});
    std::string written = write_csv_row(first.table->header, ';');
    CHECK(written == "\"\xEF\xBB\xBF\"\r\n");
    auto again = parse_csv(written, ';');
    REQUIRE(again.table);
    CHECK(again.table->header == first.table->header);
}

TEST_CASE("fuzz csv/empty-names-tab-delimited: a record of empty fields survives writing") {
    // The header \t"" (tab-delimited) has two empty names. Written as a lone tab, it read back
    // as a blank line: an empty file.
    auto first = parse_csv("\t\"\"\n");
    REQUIRE(first.table);
    CHECK(first.table->delimiter == '\t');
    CHECK(first.table->header == std::vector<std::string>{"", ""});
    std::string written = write_csv_row(first.table->header, '\t');
    CHECK(written == "\"\"\t\r\n");
    auto again = parse_csv(written, '\t');
    REQUIRE(again.table);
    CHECK(again.table->header == first.table->header);
    // With a comma the line is not blank, and stays as it was.
    CHECK(write_csv_row({"", ""}, ',') == ",\r\n");
}
