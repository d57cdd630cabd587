// convene-cli profile, criteria, reviewer and review: a quality review from the command line.
#include "cli_runner.hpp"
#include "guides/data_dir.hpp"
#include "guides/guide_json.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

using convene::test::shell_quote;
using convene::test::TempDir;
using nlohmann::json;

namespace {

struct Cli {
    TempDir dir;
    std::string db = "--db " + shell_quote((dir / "ws.db").string()) + " ";
    convene::test::CliResult operator()(const std::string& args) {
        return convene::test::run_cli(dir, db + args);
    }
    json ok_json(const std::string& args) {
        auto r = (*this)("--json " + args);
        INFO(args << ": " << r.err);
        REQUIRE(r.code == 0);
        return json::parse(r.out);
    }
};

} // namespace

TEST_CASE("convene-cli lists and shows profiles and criteria sets") {
    Cli cli;
    auto profiles = cli.ok_json("profile list");
    REQUIRE(profiles.size() >= 2);
    CHECK(profiles[0].contains("issuer"));
    CHECK(cli.ok_json("profile show assessment-literacy")["title"] == "Assessment Literacy");
    CHECK(cli("profile show nope").err.find("no MC profile \"nope\"") != std::string::npos);
    auto sets = cli.ok_json("criteria list");
    REQUIRE(sets.size() == 1);
    CHECK(sets[0]["id"] == "mc-quality");
    CHECK(sets[0]["criteria"] == 9);
    auto shown = cli.ok_json("criteria show mc-quality");
    CHECK(shown["levels"].size() == 3);
    CHECK(shown["hash"] == sets[0]["hash"]);
    auto text = cli("criteria show mc-quality");
    CHECK(text.out.find("rubric: The scoring rubric is public") != std::string::npos);
}

TEST_CASE("convene-cli review rate, compile and overview with two reviewers") {
    Cli cli;
    REQUIRE(cli("reviewer add Ann").code == 0);
    REQUIRE(cli("reviewer add Ben").code == 0);
    auto rate = [&](const std::string& reviewer, const std::string& criterion,
                    const std::string& level, const std::string& extra = "") {
        auto r = cli("review rate assessment-literacy mc-quality " + criterion + " " +
                     shell_quote(level) + " --reviewer " + reviewer + " " + extra);
        INFO(r.err);
        CHECK(r.code == 0);
    };
    rate("Ann", "rubric", "Fully evident", "--note 'On the issuer site'");
    rate("Ben", "rubric", "1");
    rate("Ann", "equity", "2");
    rate("Ben", "equity", "partly evident");
    auto c = cli.ok_json("review compile assessment-literacy mc-quality");
    CHECK(c["reviewers"] == json::array({"Ann", "Ben"}));
    CHECK(c["ratings"] == 4);
    CHECK(c["criteria"][0]["id"] == "rubric"); // the most disagreement first
    CHECK(c["criteria"][0]["distribution"] == json::array({1, 0, 1}));
    CHECK(c["criteria"][0]["consensus_label"] == "Not evident"); // lower of the two middles
    CHECK(c["criteria"][0]["ratings"][0]["note"] == "On the issuer site");
    CHECK(c["criteria"][1]["id"] == "equity");
    CHECK(c["criteria"][1]["consensus"] == 2);
    CHECK(c["agreement"]["percent_agreement"] == 0.5); // agree on equity, not on rubric
    CHECK(c["agreement"]["fleiss_kappa"].is_null());   // seven criteria without ratings
    CHECK(c["consensus_rule"].get<std::string>().find("lower") != std::string::npos);
    auto o = cli.ok_json("review overview mc-quality");
    REQUIRE(o["profiles"].size() == 1);
    CHECK(o["profiles"][0]["consensus"]["rubric"] == 1);
    CHECK(o["profiles"][0]["consensus"]["equity"] == 2);
    CHECK(o["profiles"][0]["consensus"]["pathway"].is_null());

    auto bad = cli("review rate assessment-literacy mc-quality rubric 4 --reviewer Ann");
    CHECK(bad.code != 0);
    CHECK(bad.err.find("\"4\" is not a level") != std::string::npos);
    CHECK(cli("review rate assessment-literacy mc-quality rubric 1 --reviewer Zed")
              .err.find("reviewer add") != std::string::npos);
}

TEST_CASE("convene-cli criteria import refuses a malformed file with every JSON path") {
    Cli cli;
    auto j = json::parse(
        convene::guides::read_text_file(convene::guides::data_dir() / "mc-quality.criteria.json"));
    j["id"] = "other-set";
    j["levels"][0]["label"] = "";
    j["categories"][1]["criteria"][2]["codes"] = "evidence.assessors";
    std::ofstream(cli.dir / "bad.json") << j.dump(2);
    for (const char* command : {"criteria validate ", "criteria import "}) {
        auto r = cli(command + shell_quote((cli.dir / "bad.json").string()));
        CHECK(r.code != 0);
        CHECK(r.err.find("levels[0].label: is empty") != std::string::npos);
        CHECK(r.err.find("categories[1].criteria[2].codes: expected an array") !=
              std::string::npos);
        CHECK(r.err.find("(2 problems)") != std::string::npos);
    }
    CHECK(cli.ok_json("criteria list").size() == 1); // nothing imported

    j["levels"][0]["label"] = "Absent";
    j["categories"][1]["criteria"][2]["codes"] = json::array({"evidence.assessors"});
    std::ofstream(cli.dir / "good.json") << j.dump(2);
    auto imported = cli.ok_json("criteria import " + shell_quote((cli.dir / "good.json").string()));
    CHECK(imported["added"] == true);
    CHECK(cli.ok_json("criteria list").size() == 2);
}
