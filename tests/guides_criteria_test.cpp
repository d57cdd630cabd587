// Quality criteria sets: the bundled draft loads and round-trips, its codes are in the bundled
// codebook, and a malformed set is refused with every problem's JSON path at once.
#include "guides/codebook.hpp"
#include "guides/criteria.hpp"
#include "guides/data_dir.hpp"
#include "guides/guide_json.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace convene::guides;
using nlohmann::json;

namespace {

std::string bundled_text() {
    return read_text_file(data_dir() / "mc-quality.criteria.json");
}

bool has_problem(const Problems& problems, const std::string& path, const std::string& words) {
    for (const auto& p : problems)
        if (p.path == path && p.message.find(words) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_CASE("the bundled criteria set loads, round-trips and names codes of the codebook") {
    auto load = parse_criteria(bundled_text());
    INFO(describe(load.problems, "mc-quality.criteria.json"));
    REQUIRE(load.set);
    const auto& set = *load.set;
    CHECK(set.id == "mc-quality");
    REQUIRE(set.levels.size() == 3);
    CHECK(set.levels[0].label == "Not evident");
    CHECK(set.levels[2].label == "Fully evident");
    CHECK(set.entries().size() == 9);
    CHECK(set.criterion("rubric"));
    CHECK(set.level_named("partly evident") == 1);
    CHECK(set.level_named("3") == 2);
    CHECK_FALSE(set.level_named("4"));

    auto again = parse_criteria(criteria_to_json(set));
    REQUIRE(again.set);
    CHECK(*again.set == set);
    CHECK(criteria_to_json(*again.set) == criteria_to_json(set));
    CHECK(criteria_to_json(set).find("\"score\": 2\n") != std::string::npos);

    auto book = parse_codebook(read_text_file(data_dir() / "codebook.json"));
    REQUIRE(book.codebook);
    for (const auto& e : set.entries())
        for (const auto& code : e.criterion->codes) {
            INFO(e.criterion->id << " names " << code);
            CHECK(book.codebook->code(code));
        }
}

TEST_CASE("a malformed criteria set is refused with every problem's JSON path") {
    json j = json::parse(bundled_text());
    j["levels"][1]["score"] = -1;                               // not increasing
    j["levels"][2]["label"] = "not EVIDENT";                    // duplicate label
    j["categories"][0]["criteria"][1]["id"] = "competency";     // duplicate criterion id
    j["categories"][1]["criteria"][0].erase("guidance");        // missing
    j["categories"][1]["criteria"][1]["codes"][0] = "Rubrics!"; // not a code id
    j["categories"][2]["colour"] = "#fff";                      // unknown key
    j["categories"][2]["id"] = "design";                        // duplicate category id
    auto load = parse_criteria(j.dump());
    CHECK_FALSE(load.set);
    const auto& p = load.problems;
    CHECK(has_problem(p, "levels[1].score", "higher than the level before"));
    CHECK(has_problem(p, "levels[2].label", "duplicate level"));
    CHECK(has_problem(p, "categories[0].criteria[1].id", "duplicate criterion id"));
    CHECK(has_problem(p, "categories[1].criteria[0].guidance", "missing"));
    CHECK(has_problem(p, "categories[1].criteria[1].codes[0]", "not a code id"));
    CHECK(has_problem(p, "categories[2]", "unknown key \"colour\""));
    CHECK(has_problem(p, "categories[2].id", "duplicate category id"));
    CHECK(p.size() == 7);
}

TEST_CASE("a criteria set needs two to nine levels and at least one criterion") {
    json j = json::parse(bundled_text());
    j["levels"] = json::array({{{"label", "Only"}, {"score", 1}}});
    j["categories"][0]["criteria"] = json::array();
    auto load = parse_criteria(j.dump());
    CHECK_FALSE(load.set);
    CHECK(has_problem(load.problems, "levels", "2 to 9"));
    CHECK(has_problem(load.problems, "categories[0].criteria", ""));
    CHECK(parse_criteria("{\"schema\": 1, \"kind\": \"guide\"}").problems.front().path == "kind");
}
