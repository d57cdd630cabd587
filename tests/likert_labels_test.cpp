// Reading Likert labels as services export them, and inferring a scale from a column's answers.
#include "guides/encoding.hpp"
#include "guides/likert_labels.hpp"

#include <catch2/catch.hpp>

using namespace convene::guides;

namespace {

RatingScale agree5() {
    return {"agree5", {"Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"}};
}

} // namespace

TEST_CASE("scale numbers are taken off labels in the ways services write them", "[likert]") {
    CHECK(strip_scale_number("5 - Strongly agree").label == "Strongly agree");
    CHECK(strip_scale_number("5 - Strongly agree").number == 5);
    CHECK(strip_scale_number("1. Never").label == "Never");
    CHECK(strip_scale_number("(3) Neutral").label == "Neutral");
    CHECK(strip_scale_number("Agree (4)").label == "Agree");
    CHECK(strip_scale_number("Strongly agree - 5").label == "Strongly agree");
    CHECK_FALSE(strip_scale_number("5").number);
    CHECK_FALSE(strip_scale_number("K-12 teacher").number);
    CHECK(strip_scale_number("K-12 teacher").label == "K-12 teacher");
}

TEST_CASE("not-applicable answers and blanks are missing, real labels are not", "[likert]") {
    for (const char* na : {"", "  ", "N/A", "n/a", "NA", "Not applicable", "not  APPLICABLE.",
                           "Unfamiliar (N/A)", "Does not apply"})
        CHECK(is_not_applicable(na));
    for (const char* answer : {"Neutral", "None", "Not sure", "Nearly always", "No"})
        CHECK_FALSE(is_not_applicable(answer));
}

TEST_CASE("a scale reads its labels, numbered labels and its family's words", "[likert]") {
    ScaleReader reader(agree5());
    CHECK(reader.value("Neither agree nor disagree") == 3);
    CHECK(reader.value("neither AGREE or disagree") == 3);
    CHECK(reader.value("Strongly Agree") == 5);
    CHECK(reader.value("  strongly   agree ") == 5);
    CHECK(reader.value("5 - Strongly agree") == 5);
    CHECK(reader.value("Somewhat disagree") == 2);
    CHECK_FALSE(reader.value("Strongly agre"));
    CHECK_FALSE(reader.value("Very likely"));
    CHECK_FALSE(reader.value("5"));

    // A scale that is no family's reads only its own labels.
    ScaleReader own({"own", {"Cold", "Warm", "Hot"}});
    CHECK(own.value("HOT") == 3);
    CHECK(own.value("2 - Warm") == 2);
    CHECK_FALSE(own.value("Neutral"));
}

TEST_CASE("the bundled scales belong to their families", "[likert]") {
    CHECK(family_of(agree5())->id == "agree5");
    CHECK(
        family_of({"l", {"Very unlikely", "Unlikely", "Not sure", "Likely", "Very likely"}})->id ==
        "likelihood5");
    CHECK(family_of({"x", {"Cold", "Warm"}}) == nullptr);
}

TEST_CASE("a column's answers give the family with the fewest points that fits", "[likert]") {
    auto four = infer_scale({"Agree", "Strongly disagree", "Disagree", "Strongly agree", "N/A"});
    REQUIRE(four);
    CHECK(four->id == "agree4");
    CHECK(four->labels ==
          std::vector<std::string>{"Strongly disagree", "Disagree", "Agree", "Strongly agree"});

    auto five = infer_scale({"Agree", "Neither agree nor disagree", "Strongly agree"});
    REQUIRE(five);
    CHECK(five->id == "agree5");
    CHECK(five->labels[2] == "Neither agree nor disagree");
    CHECK(five->labels[0] == "Strongly disagree"); // not in the column: the family's word

    // "Agree" and "Somewhat agree" side by side only fit seven points.
    auto seven = infer_scale({"Agree", "Somewhat agree", "Strongly agree", "Disagree"});
    REQUIRE(seven);
    CHECK(seven->id == "agree7");

    auto numbered = infer_scale({"1 - Never", "3 - Sometimes", "5 - Always", "2 - Rarely"});
    REQUIRE(numbered);
    CHECK(numbered->id == "frequency5");
    CHECK(numbered->labels[1] == "Rarely");

    CHECK(infer_scale({"Very satisfied", "Satisfied", "Dissatisfied"})->id == "satisfaction4");
    CHECK(infer_scale({"Extremely important", "Slightly important"})->id == "importance5");
    CHECK(infer_scale({"Very favourable", "Somewhat unfavourable"})->id == "favorability4");

    CHECK_FALSE(infer_scale({"Red", "Green", "Blue"}));
    CHECK_FALSE(infer_scale({"Agree"}));
    CHECK_FALSE(infer_scale({"1", "2", "3"}));
}

TEST_CASE("Windows-1252 bytes become UTF-8", "[likert]") {
    CHECK(windows1252_to_utf8("caf\xE9 \x93quoted\x94 \x80") ==
          "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC");
    CHECK(find_bad_byte("caf\xE9")->offset == 3);
    CHECK_FALSE(find_bad_byte("caf\xC3\xA9"));
}
