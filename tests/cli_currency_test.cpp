// convene-cli currency: the currency table listed and edited from the command line.
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
    nlohmann::json conversion(const std::string& state, const std::string& unit) {
        auto r = (*this)("--json currency list --state " + state);
        REQUIRE(r.code == 0);
        auto table = nlohmann::json::parse(r.out);
        for (const auto& c : table["conversions"])
            if (c["unit"] == unit) return c;
        return nullptr;
    }
};

} // namespace

TEST_CASE("convene-cli currency set-conversion changes only the parts given") {
    Cli cli;
    auto before = cli.conversion("KY", "ceu");
    REQUIRE(before["clock_hours"] == 10.0);
    CHECK(cli("currency set-conversion ky ceu --hours 12.5").code == 0);
    auto after = cli.conversion("KY", "ceu");
    CHECK(after["clock_hours"] == 12.5);
    CHECK(after["source"] == before["source"]);
    CHECK(after["state_name"] == "Kentucky");
    CHECK(cli("currency set-conversion KY ceu --hours 12.5").out == "Nothing to change.\n");

    auto bad = cli("currency set-conversion KY ceu --hours 0");
    CHECK(bad.code != 0);
    CHECK_THAT(bad.err, Catch::Contains("above 0"));
    CHECK(cli.conversion("KY", "ceu")["clock_hours"] == 12.5);
}

TEST_CASE("convene-cli currency adds a unit and a state, and removes them in order") {
    Cli cli;
    auto added = cli("currency add-unit 'Wisconsin PD hour' --hours 1");
    REQUIRE(added.code == 0);
    CHECK(added.out == "wisconsin_pd_hour\n");
    CHECK(cli("currency set-conversion WI wisconsin_pd_hour --hours 1 --state-name Wisconsin "
              "--source 'DPI, to verify'")
              .code == 0);
    auto wi = cli.conversion("WI", "wisconsin_pd_hour");
    CHECK(wi["state_name"] == "Wisconsin");
    CHECK(wi["source"] == "DPI, to verify");
    auto refused = cli("currency remove-unit wisconsin_pd_hour");
    CHECK(refused.code != 0);
    CHECK_THAT(refused.err, Catch::Contains("still converted in WI"));
    CHECK(cli("currency remove-conversion WI wisconsin_pd_hour").code == 0);
    CHECK(cli.conversion("WI", "wisconsin_pd_hour").is_null());
    CHECK(cli("currency remove-unit wisconsin_pd_hour").code == 0);
    auto table = nlohmann::json::parse(cli("--json currency list").out);
    for (const auto& u : table["units"])
        CHECK(u["slug"] != "wisconsin_pd_hour");
}
