// convene-cli code / coder: the codebook edited and answers coded from the command line.
#include "cli_runner.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using convene::test::shell_quote;
using convene::test::TempDir;

namespace {

struct Cli {
    TempDir dir;
    std::string db = "--db " + shell_quote((dir / "ws.db").string()) + " ";
    convene::test::CliResult operator()(const std::string& args) {
        return convene::test::run_cli(dir, db + args);
    }
    std::string first_line(const std::string& args) {
        auto r = (*this)(args);
        INFO(r.err);
        REQUIRE(r.code == 0);
        return r.out.substr(0, r.out.find('\n'));
    }
};

} // namespace

TEST_CASE("convene-cli code add, rename, move, merge, delete and restore keep uuids") {
    Cli cli;
    auto uuid = cli.first_line("code add 'Hours named' --parent Perceptions --colour '#aa00cc' "
                               "--description 'When hours come up'");
    CHECK(uuid.size() == 36);
    CHECK(cli("code rename 'Perceptions/Hours named' 'Clock hours'").code == 0);
    CHECK(cli("code move 'Clock hours'").code == 0);
    auto list = nlohmann::json::parse(cli("--json code list").out);
    bool found = false;
    for (const auto& c : list)
        if (c["uuid"] == uuid) {
            found = true;
            CHECK(c["name"] == "Clock hours");
            CHECK(c["depth"] == 0);
            CHECK(c["colour"] == "#aa00cc");
        }
    CHECK(found);

    auto bad = cli("code add X --colour red");
    CHECK(bad.code != 0);
    CHECK_THAT(bad.err, Catch::Contains("#RRGGBB"));
    auto none = cli("code rename 'No such code' Y");
    CHECK_THAT(none.err, Catch::Contains("no code \"No such code\""));

    auto merged = cli("code merge 'Clock hours' 'Positive view'");
    CHECK(merged.code == 0);
    CHECK_THAT(merged.out, Catch::Contains("is in the trash"));
    CHECK_THAT(cli("code list --trash").out, Catch::Contains("Clock hours"));
    CHECK(cli("code restore 'Clock hours'").code == 0);
    CHECK_THAT(cli("code list").out, Catch::Contains("Clock hours"));
}

TEST_CASE("convene-cli code apply codes words or a whole answer and names the coder") {
    Cli cli;
    auto conv = cli.first_line(
        "conversation new --guide air-2019 --group licensing --org ODE --state Ohio");
    REQUIRE(cli("answer set " + conv + " recognition.grain_size --notes " +
                shell_quote("José said “half a day” is the grain size") +
                " --quote 'About a Saturday' --speaker Mia")
                .code == 0);
    auto no_coder = cli("code apply " + conv + " recognition.grain_size 'Positive view'");
    CHECK_THAT(no_coder.err, Catch::Contains("coder add"));
    cli.first_line("coder add Ana");
    cli.first_line("coder add Ben");
    auto which = cli("code apply " + conv + " recognition.grain_size 'Positive view'");
    CHECK_THAT(which.err, Catch::Contains("--coder") && Catch::Contains("Ana, Ben"));

    cli.first_line("code apply " + conv.substr(0, 8) +
                   " recognition.grain_size 'Positive view' --coder Ana --excerpt " +
                   shell_quote("“half a day”"));
    cli.first_line("code apply " + conv +
                   " recognition.grain_size 'Perceptions/Mixed or ambivalent' --coder ana "
                   "--excerpt Saturday");
    cli.first_line("code apply " + conv + " recognition.grain_size 'Positive view' --coder Ben");
    auto segs = nlohmann::json::parse(cli("--json code segments " + conv).out);
    REQUIRE(segs.size() == 3);
    std::map<std::string, nlohmann::json> by_part;
    for (const auto& s : segs)
        by_part[s["part"].get<std::string>()] = s;
    CHECK(by_part["notes"]["excerpt"] == "“half a day”");
    CHECK(by_part["notes"]["start"] == 11); // "José said " is 11 bytes (é is 2)
    CHECK(by_part["notes"]["coder"] == "Ana");
    CHECK(by_part["quote"]["excerpt"] == "Saturday");
    CHECK(by_part["answer"]["coder"] == "Ben");

    auto missing = cli("code apply " + conv +
                       " recognition.grain_size 'Positive view' "
                       "--coder Ana --excerpt 'not there'");
    CHECK_THAT(missing.err, Catch::Contains("not in the notes or quotes"));
    CHECK(
        cli("code unapply " + conv + " recognition.grain_size 'Positive view' --coder Ben").code ==
        0);
    CHECK(nlohmann::json::parse(cli("--json code segments " + conv).out).size() == 2);
}

TEST_CASE("convene-cli agreement reports kappa and alpha per code and the disagreements") {
    Cli cli;
    REQUIRE(cli("demo").code == 0);
    auto r = cli("--json agreement --coders 'Priya Raman,Tom Becker' --code "
                 "'Currency types/PD clock hours'");
    INFO(r.err);
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["rows"].size() == 1);
    const auto& row = j["rows"][0];
    CHECK(row["code"] == "Currency types / PD clock hours");
    CHECK(row["answers_compared"].get<int>() > 50);
    CHECK(row["cohen_kappa"].get<double>() > 0.5);
    CHECK(row["cohen_kappa"].get<double>() < 1.0);
    CHECK(row["disagreements"] == j["disagreements"]["rows"].size());
    for (const auto& d : j["disagreements"]["rows"])
        CHECK(d["code"] == "Currency types / PD clock hours");

    auto one = cli("agreement --coders 'Priya Raman'");
    CHECK(one.code != 0);
    CHECK_THAT(one.err, Catch::Contains("two or more coders"));
    auto unknown = cli("agreement --coders 'Priya Raman,Nobody'");
    CHECK_THAT(unknown.err, Catch::Contains("no coder \"Nobody\""));
    auto text = cli("agreement");
    CHECK_THAT(text.out, Catch::Contains("Krippendorff's alpha") &&
                             Catch::Contains("Answers the coders disagree on"));
}
