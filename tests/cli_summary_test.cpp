// convene-cli summary NAME [filters]: the summaries of tests/summaries_test.cpp, end to end on
// the same hand-built workspace (summaries_fixture.hpp), as text and as JSON.
#include "cli_runner.hpp"
#include "store/seed.hpp"
#include "summaries_fixture.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

using convene::test::shell_quote;
using convene::test::TempDir;
using nlohmann::json;

namespace {

struct Cli {
    TempDir dir;
    convene::test::SummariesFixture f = [this] {
        auto ws = convene::store::open_workspace(dir / "ws.db");
        return convene::test::build_summaries_fixture(*ws);
    }();
    std::string db = "--db " + shell_quote((dir / "ws.db").string()) + " ";
    convene::test::CliResult operator()(const std::string& args) {
        return convene::test::run_cli(dir, db + args);
    }
    json json_of(const std::string& args) {
        auto r = (*this)("--json " + args);
        INFO(r.err);
        REQUIRE(r.code == 0);
        return json::parse(r.out);
    }
};

const json& row_where(const json& rows, const std::string& key, const std::string& value,
                      const std::string& key2 = "", const std::string& value2 = "") {
    for (const auto& r : rows)
        if (r[key] == value && (key2.empty() || r[key2] == value2)) return r;
    FAIL("no row with " + key + " = " + value);
    return rows;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

} // namespace

TEST_CASE("convene-cli summary code-frequencies as JSON, with a group and a coder") {
    Cli cli;
    // As worked out in summaries_test.cpp: Price in licensing has S1, S2, S4, S6 in C1 and C2,
    // two of the group's three conversations.
    auto j = cli.json_of("summary code-frequencies --group licensing");
    CHECK(j["summary"] == "code-frequencies");
    CHECK(j["filters"]["group"] == "licensing");
    CHECK(j["columns"][5]["type"] == "percent");
    const auto& price = row_where(j["rows"], "code", "Price");
    // The filter takes the group's id; the rows show the guide's label for it.
    CHECK(price["group"] == "State licensing department");
    CHECK(price["segments"] == 4);
    CHECK(price["conversations"] == 2);
    CHECK(price["group_share"].get<double>() == Approx(2.0 / 3));
    for (const auto& r : j["rows"])
        CHECK(r["group"] == "State licensing department");
    // Bo's only segment in licensing is S4; the coder's name is echoed as the filter.
    auto bo = cli.json_of("summary code-frequencies --coder bo");
    CHECK(bo["filters"]["coder"] == "Bo");
    CHECK(row_where(bo["rows"], "code", "Price", "group",
                    "State licensing department")["segments"] == 1);
}

TEST_CASE("convene-cli summary prints an aligned table and cuts long cells only in text") {
    Cli cli;
    auto r = cli("summary quotes-by-code");
    INFO(r.err);
    REQUIRE(r.code == 0);
    auto text = lines(r.out);
    // Title, header, Q1 under Price and Keen, Q3 under Rigor.
    REQUIRE(text.size() == 5);
    CHECK(text[0] == "Quotes by code");
    CHECK(text[1].rfind("Code ", 0) == 0);
    auto speaker = text[1].find("Speaker");
    REQUIRE(speaker != std::string::npos);
    CHECK(text[2].substr(speaker, 4) == "Dana");
    CHECK(text[4].substr(speaker, 3) == "Fay");

    // C1's first impressions are longer than a text cell (40 characters with the "…"): cut, on one
    // line; the JSON holds them whole.
    auto matrix = cli("summary framework-matrix");
    REQUIRE(matrix.code == 0);
    CHECK_THAT(matrix.out, Catch::Contains("Likes the idea but worries about cost. \u2026"));
    CHECK_THAT(matrix.out, !Catch::Contains("barrier"));
    auto j = cli.json_of("summary framework-matrix");
    CHECK(j["rows"][0]["perceptions"].get<std::string>().find("Codes: Price; Keen") !=
          std::string::npos);
}

TEST_CASE("convene-cli summary filters by date, state, status and guide") {
    Cli cli;
    // April 1 to May 31: C2 (April 10) and C3 (May 20).
    auto j = cli.json_of("summary framework-matrix --from 2024-04-01 --to 2024-05-31");
    REQUIRE(j["rows"].size() == 2);
    CHECK(j["rows"][0]["conversation"] == cli.f.c2);
    CHECK(cli.json_of("summary framework-matrix --state MI")["rows"].size() == 2);
    CHECK(cli.json_of("summary framework-matrix --status complete")["rows"].size() == 2);
    CHECK(cli.json_of("summary framework-matrix --guide air-2019")["rows"].size() == 4);
    // Structured answers for association: C3 alone, whose 2 graduate credits in MI are 50
    // clock hours.
    auto s = cli.json_of("summary structured-answers --group association");
    const auto& hours = row_where(s["rows"], "field", "grad_credits", "answer", "in clock hours");
    CHECK(hours["median"].get<double>() == Approx(50));
    CHECK(cli.json_of("summary co-occurrence")["rows"].size() == 2);
    CHECK(cli.json_of("summary code-by-area")["rows"].size() > 3);
}

TEST_CASE("convene-cli summary refuses unknown names, dates, coders and groups") {
    Cli cli;
    auto name = cli("summary code-counts");
    CHECK(name.code != 0);
    CHECK_THAT(name.err, Catch::Contains("code-frequencies, code-by-area"));
    CHECK_THAT(cli("summary co-occurrence --from 2024-02-30").err,
               Catch::Contains("is not a date"));
    CHECK_THAT(cli("summary co-occurrence --coder Zed").err, Catch::Contains("no coder \"Zed\""));
    CHECK_THAT(cli("summary co-occurrence --group licencing").err,
               Catch::Contains("no stakeholder group \"licencing\""));
    CHECK_THAT(cli("summary co-occurrence --status done").err, Catch::Contains("not one of"));
}
