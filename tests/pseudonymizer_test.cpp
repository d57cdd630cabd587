#include "export/csv_writer.hpp"
#include "export/pseudonymizer.hpp"

#include <catch2/catch.hpp>

using convene::exporting::Pseudonymizer;

TEST_CASE("names get stable codes in the order they were added", "[export]") {
    Pseudonymizer p(true);
    p.add("Maria Lopez");
    p.add(" Dev Patel ");
    p.add("Maria Lopez");
    CHECK(p.name("Maria Lopez") == "P01");
    CHECK(p.name("Dev Patel") == "P02");
    CHECK(p.name("Someone New") == "P03");
    CHECK(p.name("") == "");
    CHECK(Pseudonymizer(false).name("Maria Lopez") == "Maria Lopez");
}

TEST_CASE("names inside text are replaced as whole words, full names and their parts", "[export]") {
    Pseudonymizer p(true);
    p.add("Maria Lopez");
    p.add("Dev Patel");
    p.add("Maria Chen"); // shares a first name with Maria Lopez
    CHECK(p.text("Maria Lopez said Dev\u2019s plan works; ask Patel.") ==
          "P01 said P02\u2019s plan works; ask P02.");
    CHECK(p.text("Maria agreed, Lopez too. Chen: no.") == "[name] agreed, P01 too. P03: no.");
    // Not inside other words, and not lower-case words that happen to match.
    CHECK(p.text("Developers at Patelco, devoted") == "Developers at Patelco, devoted");
    CHECK(p.text("\u00C9lodie M\u00FCller") == "\u00C9lodie M\u00FCller");
}

TEST_CASE("CSV cells that a spreadsheet would run as a formula get a quote in front", "[export]") {
    using convene::exporting::csv_neutralise;
    CHECK(csv_neutralise("=SUM(A1)") == "'=SUM(A1)");
    CHECK(csv_neutralise("+1") == "'+1");
    CHECK(csv_neutralise("-x") == "'-x");
    CHECK(csv_neutralise("@cmd") == "'@cmd");
    CHECK(csv_neutralise("\tx") == "'\tx");
    CHECK(csv_neutralise("\rx") == "'\rx");
    CHECK(csv_neutralise("plain = text") == "plain = text");
    CHECK(csv_neutralise("") == "");
}
