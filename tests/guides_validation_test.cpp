#include "guides/numbers.hpp"
// Malformed guides: every problem is reported with its JSON path and what was expected, all at
// once, and `guide validate` exits non-zero without importing anything.
#include "guides/data_dir.hpp"
#include "guides/guide_json.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

using namespace convene::guides;
using convene::test::TempDir;
using nlohmann::json;

namespace {

json bundled_json() {
    static json j = json::parse(read_text_file(data_dir() / "air-2019.guide.json"));
    return j;
}

struct BadGuide {
    std::string name;
    std::string text;
    std::vector<std::string> expected; // each must appear in some problem, path included
};

std::vector<BadGuide> bad_guides() {
    std::vector<BadGuide> cases;
    auto mutate = [&](std::string name, auto change, std::vector<std::string> expected) {
        json j = bundled_json();
        change(j);
        cases.push_back({std::move(name), j.dump(2), std::move(expected)});
    };
    cases.push_back(
        {"bad-json", "{\n  \"schema\": 1,\n  \"id\": \"x\",,\n}", {"not valid JSON at line 3"}});
    cases.push_back({"not-an-object", "[1, 2, 3]", {"expected a JSON object at the top"}});
    mutate("unknown-group",
           [](json& j) { j["areas"][3]["questions"][2]["groups"][0] = "licencing"; },
           {"areas[3].questions[2].groups[0]: unknown group \"licencing\"; groups are licensing, "
            "association"});
    mutate(
        "duplicate-question-id",
        [](json& j) { j["areas"][1]["questions"][1]["id"] = j["areas"][1]["questions"][0]["id"]; },
        {"areas[1].questions[1].id: duplicate question id \"experience.knowledge\""});
    mutate("duplicate-area-id", [](json& j) { j["areas"][2]["id"] = "perceptions"; },
           {"areas[2].id: duplicate area id \"perceptions\""});
    mutate("missing-text", [](json& j) { j["areas"][0]["questions"][0].erase("text"); },
           {"areas[0].questions[0].text: missing"});
    mutate("empty-text", [](json& j) { j["areas"][1]["questions"][0]["text"] = "  "; },
           {"areas[1].questions[0].text: is empty"});
    mutate("bad-field-type",
           [](json& j) { j["areas"][0]["questions"][0]["fields"][0]["type"] = "dropdown"; },
           {"areas[0].questions[0].fields[0].type: unknown field type \"dropdown\""});
    mutate("wrong-schema", [](json& j) { j["schema"] = 2; },
           {"schema: this version of Convene reads guide schema 1"});
    mutate("unknown-condition",
           [](json& j) { j["areas"][4]["questions"][3]["condition"] = "profile_shown"; },
           {"areas[4].questions[3].condition: unknown condition \"profile_shown\""});
    mutate("choice-without-choices",
           [](json& j) { j["areas"][0]["questions"][0]["fields"][0].erase("choices"); },
           {"areas[0].questions[0].fields[0].choices: missing"});
    mutate("min-above-max",
           [](json& j) {
               for (auto& f : j["areas"][4]["questions"][1]["fields"])
                   if (f["type"] == "number") {
                       f["min"] = 10;
                       f["max"] = 1;
                   }
           },
           {"areas[4].questions[1].fields[0]: min (10.0) is greater than max (1.0)"});
    mutate("typo-key",
           [](json& j) {
               auto& q = j["areas"][0]["questions"][0];
               q["prbes"] = q["probes"];
               q.erase("probes");
           },
           {"areas[0].questions[0]: unknown key \"prbes\""});
    mutate("bad-id", [](json& j) { j["id"] = "AIR 2019"; }, {"id: \"AIR 2019\" is not a valid id"});
    mutate("wording-for-other-group",
           [](json& j) {
               auto& q = j["areas"][2]["questions"][1]; // licensing only
               q["text"] = json{{"licensing", "Who checks the evidence?"}, {"association", "Who?"}};
           },
           {"areas[2].questions[1].text.association: wording for \"association\", which is not one "
            "of this question's groups"});
    mutate("many-problems",
           [](json& j) {
               j["areas"][0]["questions"][0]["groups"][0] = "licencing";
               j["areas"][6]["minutes"] = "ten";
               j["groups"][1].erase("label");
           },
           {"areas[0].questions[0].groups[0]: unknown group", "areas[6].minutes: expected a number",
            "groups[1].label: missing"});
    return cases;
}

bool has_problem(const Problems& problems, const std::string& expected) {
    for (const auto& p : problems)
        if (p.to_string().find(expected) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_CASE("malformed guides report every problem with its path") {
    for (const auto& c : bad_guides()) {
        DYNAMIC_SECTION(c.name) {
            auto load = parse_guide(c.text);
            CHECK_FALSE(load.guide.has_value());
            INFO(describe(load.problems, c.name));
            for (const auto& e : c.expected)
                CHECK(has_problem(load.problems, e));
        }
    }
}

TEST_CASE("the bundled data files all load without problems") {
    auto guide = load_guide_file(data_dir() / "air-2019.guide.json");
    CHECK(guide.problems.empty());
}

TEST_CASE("convene-cli guide validate names every problem, exits non-zero, imports nothing") {
    TempDir dir;
    auto db = dir / "ws.db";
    int checked = 0;
    for (const auto& c : bad_guides()) {
        auto file = dir / (c.name + ".json");
        convene::test::write_file(file, c.text);
        for (const char* verb : {"validate", "import"}) {
            std::string cmd = std::string(CONVENE_CLI) + " --db '" + db.string() + "' guide " +
                              verb + " '" + file.string() + "' >'" + (dir / "out").string() +
                              "' 2>'" + (dir / "err").string() + "'";
            int status = std::system(cmd.c_str());
            INFO(c.name << " " << verb);
            CHECK(WIFEXITED(status));
            CHECK(WEXITSTATUS(status) != 0);
            auto err = convene::test::read_file(dir / "err");
            if (std::string(verb) == "validate")
                for (const auto& e : c.expected)
                    CHECK_THAT(err, Catch::Contains(e));
            CHECK_THAT(err, Catch::Contains(c.name + ".json"));
        }
        ++checked;
    }
    CHECK(checked >= 12);
    // Neither validate nor a refused import created or changed the workspace.
    CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE("one number reader for field values, imports and the kiosk") {
    using convene::guides::parse_number;
    CHECK(parse_number("12.5") == 12.5);
    CHECK(parse_number(" 12.5\t") == 12.5);
    CHECK(parse_number("1e3") == 1000.0);
    CHECK_FALSE(parse_number(""));
    CHECK_FALSE(parse_number("   "));
    CHECK_FALSE(parse_number("12 hours"));
    CHECK_FALSE(parse_number("inf"));
    CHECK_FALSE(parse_number("nan"));
    CHECK_FALSE(parse_number("1e400"));
}
