// The code picker's filter (app/code_filter.hpp): words found in a code's name or path, ignoring
// case (accents as typed), best matches first, the codebook's order otherwise.
#include "app/code_filter.hpp"

#include <catch2/catch.hpp>

using convene::app::filter_codes;
using convene::app::fold_case;
using convene::store::CodeRow;

namespace {

CodeRow code(std::string name, std::string parent = {}) {
    CodeRow c;
    c.name = name;
    c.uuid = "u-" + name;
    c.depth = parent.empty() ? 0 : 1;
    c.path = parent.empty() ? name : parent + " / " + name;
    return c;
}

std::vector<std::string> names(const std::vector<CodeRow>& codes, std::string_view typed) {
    std::vector<std::string> out;
    for (auto i : filter_codes(codes, typed))
        out.push_back(codes[i].name);
    return out;
}

} // namespace

TEST_CASE("fold_case lowers capitals of several scripts and keeps accents") {
    CHECK(fold_case("Crédit ÉTAT") == "crédit état");
    CHECK(fold_case("ŁÓDŹ Ÿ") == "łódź ÿ");
    CHECK(fold_case("ΑΒΓ Дом") == "αβγ дом");
    CHECK(fold_case("× stays") == "× stays");
    CHECK(fold_case(std::string("bad \xff byte")) == std::string("bad \xff byte"));
}

TEST_CASE("filter_codes finds words in names and paths and ranks name matches first") {
    std::vector<CodeRow> codes{
        code("Value"),       code("Salary credit", "Value"), code("Recognition", "Value"),
        code("Barriers"),    code("Cost", "Barriers"),       code("Crédit d'impôt", "Barriers"),
        code("Credit hours")};
    SECTION("nothing typed shows every code in order") {
        CHECK(filter_codes(codes, "").size() == codes.size());
        CHECK(filter_codes(codes, "   ").size() == codes.size());
    }
    SECTION("a name starting with the word comes before a name holding it") {
        CHECK(names(codes, "cred") == std::vector<std::string>{"Credit hours", "Salary credit"});
    }
    SECTION("case is ignored, accents are as typed") {
        CHECK(names(codes, "CRÉD") == std::vector<std::string>{"Crédit d'impôt"});
        CHECK(names(codes, "crédit") == std::vector<std::string>{"Crédit d'impôt"});
    }
    SECTION("a parent's name in the path finds its children, after the name matches") {
        CHECK(names(codes, "value") ==
              std::vector<std::string>{"Value", "Salary credit", "Recognition"});
        CHECK(names(codes, "barr cost") == std::vector<std::string>{"Cost"});
    }
    SECTION("every word must be found") {
        CHECK(names(codes, "salary cost").empty());
        CHECK(names(codes, "zzz").empty());
    }
    SECTION("codes in the trash are left out") {
        codes[6].deleted_at = "2024-01-01";
        CHECK(names(codes, "cred") == std::vector<std::string>{"Salary credit"});
    }
}
