// convene-cli's survey commands for instruments of one's own: grouped import problems,
// new-from-csv, validate / add / export, summary.
#include "cli_runner.hpp"
#include "temp_dir.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using convene::test::run_cli;
using convene::test::shell_quote;
using convene::test::TempDir;

namespace {

std::string db_of(const TempDir& dir) {
    return "--db " + shell_quote(dir / "ws.db") + " ";
}

std::size_t lines(const std::string& s) {
    return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

} // namespace

TEST_CASE("convene-cli survey import groups its problems, --all-problems lists them") {
    TempDir dir;
    std::string csv = "Response ID,lc.regular_time,lc.shared_goals\n";
    for (int i = 0; i < 40; ++i)
        csv += "R" + std::to_string(i) + ",Agre,Stongly agree\n";
    convene::test::write_file(dir / "bad.csv", csv);
    auto grouped =
        run_cli(dir, db_of(dir) + "survey import pl-standards " + shell_quote(dir / "bad.csv"));
    CHECK(grouped.code != 0);
    CHECK(lines(grouped.err) == 3); // two kinds, and the one-line reason
    CHECK_THAT(grouped.err, Catch::Contains("\"Agre\" is not a scale value: 40 cells in 1 column, "
                                            "first at row 2 column 2 (\"lc.regular_time\")"));
    auto all = run_cli(dir, db_of(dir) + "survey import pl-standards " +
                                shell_quote(dir / "bad.csv") + " --all-problems");
    CHECK(lines(all.err) == 81);
}

namespace {

std::string exports(const std::string& name) {
    return shell_quote(std::string(CONVENE_TEST_DATA_DIR "/exports/") + name);
}

} // namespace

TEST_CASE("convene-cli survey new-from-csv proposes, adds, imports and remembers the mapping") {
    TempDir dir;
    auto db = db_of(dir);
    auto dry = run_cli(dir, db + "--json survey new-from-csv " + exports("surveymonkey.csv") +
                                " --id coaching --dry-run");
    REQUIRE(dry.code == 0);
    auto j = nlohmann::json::parse(dry.out);
    CHECK(j["service"] == "SurveyMonkey");
    CHECK(j["instrument"]["id"] == "coaching");
    CHECK(j["columns"][0]["target"] == "respondent_id");
    CHECK(run_cli(dir, db + "survey show coaching").code != 0); // the dry run added nothing

    auto made = run_cli(dir, db + "survey new-from-csv " + exports("surveymonkey.csv") +
                                 " --id coaching --title \"Coaching cycle\"");
    REQUIRE(made.code == 0);
    CHECK_THAT(made.out, Catch::Contains("read as Windows-1252") &&
                             Catch::Contains("imported 6 respondents"));
    auto again =
        run_cli(dir, db + "survey new-from-csv " + exports("surveymonkey.csv") + " --id coaching");
    CHECK_THAT(again.err, Catch::Contains("already exists"));

    // The next export of the same survey imports with the remembered mapping (its one column per
    // choice needs it): the same respondent ids, so every respondent is overwritten.
    auto dry_import =
        run_cli(dir, db + "survey import coaching " + exports("surveymonkey.csv") + " --dry-run");
    REQUIRE(dry_import.code == 0);
    CHECK_THAT(dry_import.out, Catch::Contains("0 new respondents, 6 would be overwritten"));
    auto list = nlohmann::json::parse(run_cli(dir, db + "--json survey list").out);
    CHECK(list.size() == 3);
}

TEST_CASE("convene-cli survey new-from-csv reads every service's sample") {
    TempDir dir;
    for (const char* name :
         {"google-forms.csv", "qualtrics.csv", "qualtrics-legacy.csv", "surveymonkey.csv",
          "limesurvey.csv", "limesurvey-full-text.csv", "kobo.csv"}) {
        auto r = run_cli(dir, db_of(dir) + "survey new-from-csv " + exports(name) + " --id " +
                                  shell_quote(std::string("s.") + std::string(name).substr(0, 6)) +
                                  " --dry-run");
        INFO(name << ": " << r.err);
        CHECK(r.code == 0);
    }
}

TEST_CASE("convene-cli survey validate, add and export instrument files") {
    TempDir dir;
    auto db = db_of(dir);
    auto file = dir / "pl.json";
    REQUIRE(run_cli(dir, db + "survey export pl-standards " + shell_quote(file)).code == 0);
    auto ok = run_cli(dir, db + "survey validate " + shell_quote(file));
    CHECK(ok.code == 0);
    CHECK_THAT(ok.out, Catch::Contains("ok (instrument pl-standards"));
    CHECK_THAT(run_cli(dir, db + "survey add " + shell_quote(file)).out,
               Catch::Contains("Already present: pl-standards"));

    std::string text = convene::test::read_file(file);
    text.replace(text.find("\"id\": \"pl-standards\""), 20, "\"id\": \"my-own\"");
    text.replace(text.find("\"type\": \"likert\""), 16, "\"type\": \"slider\"");
    auto bad = dir / "bad.json";
    convene::test::write_file(bad, text);
    auto refused = run_cli(dir, db + "survey validate " + shell_quote(bad));
    CHECK(refused.code != 0);
    CHECK_THAT(refused.err, Catch::Contains("items[0].type"));
    CHECK(run_cli(dir, db + "survey add " + shell_quote(bad)).code != 0);

    text.replace(text.find("\"type\": \"slider\""), 16, "\"type\": \"likert\"");
    convene::test::write_file(bad, text);
    auto added = run_cli(dir, db + "--json survey add " + shell_quote(bad));
    REQUIRE(added.code == 0);
    CHECK(nlohmann::json::parse(added.out)["added"] == true);
    CHECK(run_cli(dir, db + "survey show my-own").code == 0);
}

TEST_CASE("convene-cli survey summary: items with counts by label, constructs with alpha") {
    TempDir dir;
    auto db = db_of(dir);
    REQUIRE(
        run_cli(dir, db + "survey new-from-csv " + exports("google-forms.csv") + " --id c").code ==
        0);
    auto r = run_cli(dir, db + "--json survey summary c");
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["respondents"] == 8);
    const auto& useful = j["items"][2];
    CHECK(useful["id"] == "the_sessions_were_useful_to");
    CHECK(useful["n"] == 8);
    CHECK(useful["mean"] == Approx(29.0 / 8));
    CHECK(useful["median"] == 4.0);
    CHECK(useful["counts"][2] ==
          nlohmann::json{{"label", "Neither agree nor disagree"}, {"count", 1}});
    CHECK(j["items"][1]["counts"][0] == nlohmann::json{{"label", "Coach"}, {"count", 4}});
    REQUIRE(j["constructs"].size() == 1);
    CHECK(j["constructs"][0]["n"] == 7);
    CHECK(j["constructs"][0]["alpha"].is_number());
    auto text = run_cli(dir, db + "survey summary c");
    CHECK_THAT(text.out, Catch::Contains("Strongly disagree: 1 | Disagree: 1 | Neither agree nor "
                                         "disagree: 1 | Agree: 2 | Strongly agree: 3"));
}

TEST_CASE("KVEC's second question: a number item compared by group from a three-column CSV") {
    // tests/data/kvec/make_fixture.py made the file and computed the reference with SciPy:
    // Student's t(98) = 3.527442, p = 0.00064030; Welch's t = 3.513639, p = 0.00071989.
    TempDir dir;
    auto db = db_of(dir);
    auto made =
        run_cli(dir, db + "survey new-from-csv " +
                         shell_quote(CONVENE_TEST_DATA_DIR "/kvec/map-scores.csv") + " --id kvec");
    REQUIRE(made.code == 0);
    CHECK_THAT(made.out, Catch::Contains("teacher_id  ->  respondent_id") &&
                             Catch::Contains("format  ->  attribute:format") &&
                             Catch::Contains("score  ->  score  (number)"));
    auto r = run_cli(dir, db + "--json survey compare kvec --by format --item score");
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["groups"][0]["value"] == "micro-credential");
    CHECK(j["groups"][0]["n"] == 40);
    CHECK(j["student"]["df"] == 98);
    CHECK(j["student"]["t"] == Approx(3.527442).margin(5e-7));
    CHECK(j["student"]["p"] == Approx(0.00064030).margin(5e-9));
    CHECK(j["welch"]["t"] == Approx(3.513639).margin(5e-7));
    CHECK(j["welch"]["p"] == Approx(0.00071989).margin(5e-9));
}

TEST_CASE("survey compare tests three school levels and survey crosstab tests the association") {
    // Values from tests/data/survey_stats/reference.py on the demo survey (SciPy, statsmodels).
    TempDir dir;
    auto db = db_of(dir);
    REQUIRE(run_cli(dir, db + "demo").code == 0);
    auto j = nlohmann::json::parse(
        run_cli(dir,
                db + "--json survey compare pl-standards --by school_level --scale communities")
            .out);
    CHECK(j["groups"].size() == 3);
    CHECK(j["groups"][1]["left_out"] == 3);
    CHECK(j["anova"]["f"] == Approx(0.07817325264366011).epsilon(1e-6));
    CHECK(j["welch_anova"]["p"] == Approx(0.9217432857404081).epsilon(1e-6));
    CHECK(j["kruskal_wallis"]["h"] == Approx(0.24760730528057817).epsilon(1e-6));
    REQUIRE(j["pairwise"].size() == 3);
    CHECK(j["pairwise"][0]["a"] == "elementary");
    CHECK(j["pairwise"][0]["b"] == "middle");
    CHECK(j["pairwise"][0]["p_holm"] == Approx(1.0));
    CHECK_THAT(j["reading"].get<std::string>(), Catch::Contains("No pair of groups differs"));
    CHECK_FALSE(j.contains("student"));

    auto text = run_cli(dir, db + "survey compare pl-standards --by school_level --scale "
                                  "communities");
    CHECK_THAT(text.out, Catch::Contains("One-way ANOVA: F(2, 89) = 0.078173") &&
                             Catch::Contains("Welch's ANOVA: F(2, 58.981)") &&
                             Catch::Contains("Kruskal-Wallis H(2) = 0.24761") &&
                             Catch::Contains("elementary - middle: difference") &&
                             Catch::Contains("8 of 100 respondents"));

    auto pooled = run_cli(dir, db + "survey compare pl-standards --by pl_format --unit item");
    CHECK_THAT(pooled.out, Catch::Contains("Cluster-robust (respondents as clusters)") &&
                               Catch::Contains("t(99) = 2.072, p = 0.0409") &&
                               Catch::Contains("overstates significance"));
    auto pj = nlohmann::json::parse(
        run_cli(dir, db + "--json survey compare pl-standards --by pl_format --unit item").out);
    CHECK(pj["cluster_robust"]["se"] == Approx(0.09133361119669466).epsilon(1e-6));
    CHECK(pj["cluster_robust"]["df"] == 99);
    // Three school levels pooled (tests/data/survey_stats/cluster_k_groups.py, "demo all").
    auto kj = nlohmann::json::parse(
        run_cli(dir, db + "--json survey compare pl-standards --by school_level --unit item").out);
    const auto& cr = kj["cluster_robust_groups"];
    CHECK(cr["reference"] == "elementary");
    CHECK(cr["f"] == Approx(0.35681341118848436).epsilon(1e-6));
    CHECK(cr["df"] == nlohmann::json::array({2, 99}));
    CHECK(cr["contrasts"][0]["group"] == "middle");
    CHECK(cr["contrasts"][0]["se"] == Approx(0.11598624565073098).epsilon(1e-6));
    auto kt = run_cli(dir, db + "survey compare pl-standards --by school_level --unit item");
    CHECK_THAT(kt.out, Catch::Contains("Wald F(2, 99) = 0.35681, p = 0.701") &&
                           Catch::Contains("middle - elementary: difference -0.09545"));

    auto tab = run_cli(dir, db + "survey crosstab pl-standards --by pl_format");
    CHECK_THAT(tab.out, Catch::Contains("26 (52%)") && Catch::Contains("Chi-square(1) = 3.3048") &&
                            Catch::Contains("Fisher's exact test: p = 0.106"));
    auto tj = nlohmann::json::parse(
        run_cli(dir, db + "--json survey crosstab pl-standards --by pl_format").out);
    CHECK(tj[0]["row_totals"] == nlohmann::json::array({43, 57}));
    CHECK(tj[0]["fisher_exact"]["p"] == Approx(0.10562426671247177).epsilon(1e-6));
    CHECK(tj[1]["chi_square"]["df"] == 2);
}
