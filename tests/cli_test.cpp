// End-to-end tests of the convene-cli executable on temporary workspaces.
#include "cli_runner.hpp"
#include "store/workspace.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

using convene::test::TempDir;

namespace {

using Result = convene::test::CliResult;
using convene::test::shell_quote;

std::string quote(const std::string& s) {
    return shell_quote(s);
}

Result cli(const TempDir& dir, const std::string& args) {
    return convene::test::run_cli(dir, args);
}

} // namespace

TEST_CASE("convene-cli --db on a text file exits non-zero, names the problem, leaves it alone") {
    TempDir dir;
    auto notes = dir / "notes.txt";
    convene::test::write_file(notes, "Call with licensing, Tuesday.\n");
    auto r = cli(dir, "--db " + quote(notes) + " info");
    CHECK(r.code != 0);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::StartsWith("convene-cli: ") && Catch::Contains("notes.txt") &&
                          Catch::Contains("not an SQLite database"));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(convene::test::read_file(notes) == "Call with licensing, Tuesday.\n");
}

TEST_CASE("convene-cli info creates the workspace and reports it, as text or JSON") {
    TempDir dir;
    auto db = dir / "ws.db";
    auto r = cli(dir, "--db " + quote(db) + " info");
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("Format:") && Catch::Contains(db.string()));
    auto j = cli(dir, "--db " + quote(db) + " --json info");
    REQUIRE(j.code == 0);
    auto parsed = nlohmann::json::parse(j.out);
    CHECK(parsed["format"] == convene::store::latest_schema_version());
    CHECK(parsed["uuid"].get<std::string>().size() == 36);
}

TEST_CASE("convene-cli refuses a workspace from a newer Convene") {
    TempDir dir;
    auto db = dir / "new.db";
    {
        convene::store::Workspace ws(db);
        ws.db().exec("PRAGMA user_version = 999");
    }
    auto before = convene::test::read_file(db);
    auto r = cli(dir, "--db " + quote(db) + " info");
    CHECK(r.code != 0);
    CHECK_THAT(r.err, Catch::Contains("newer version of Convene"));
    CHECK(convene::test::read_file(db) == before);
}

TEST_CASE("convene-cli usage errors are one line with a non-zero exit") {
    TempDir dir;
    auto r = cli(dir, "no-such-command");
    CHECK(r.code != 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    auto v = cli(dir, "--version");
    CHECK(v.code == 0);
    CHECK_THAT(v.out, Catch::Contains(CONVENE_VERSION));
}

TEST_CASE("convene-cli guide list, show --json, export, import and print") {
    TempDir dir;
    std::string db = "--db " + quote(dir / "ws.db") + " ";
    auto list = cli(dir, db + "--json guide list");
    REQUIRE(list.code == 0);
    auto guides = nlohmann::json::parse(list.out);
    REQUIRE(guides.size() == 1);
    CHECK(guides[0]["id"] == "air-2019");

    auto show = cli(dir, db + "guide show air-2019 --group licensing --state Ohio --json");
    REQUIRE(show.code == 0);
    auto j = nlohmann::json::parse(show.out);
    CHECK(j["id"] == "air-2019");
    CHECK(j["group"] == "licensing");
    CHECK(j["areas"].size() == 7);
    auto& q0 = j["areas"][0]["questions"][0];
    CHECK(q0["id"] == "perceptions.first_thoughts");
    CHECK(q0["probes"].is_array());
    CHECK(q0["condition"].is_null());
    CHECK(q0["fields"][0]["id"] == "sentiment");
    CHECK(show.out.find("{state}") == std::string::npos);
    CHECK(show.out.find("Ohio") != std::string::npos);

    auto bad_group = cli(dir, db + "guide show air-2019 --group licencing");
    CHECK(bad_group.code != 0);
    CHECK_THAT(bad_group.err, Catch::Contains("no group \"licencing\""));
    auto missing = cli(dir, db + "guide show nope");
    CHECK(missing.code != 0);
    CHECK_THAT(missing.err, Catch::Contains("no guide \"nope\"") && Catch::Contains("air-2019"));

    // Export, edit the copy into a protocol of one's own, validate and import it.
    auto file = dir / "mine.json";
    REQUIRE(cli(dir, db + "guide export air-2019 " + quote(file)).code == 0);
    auto doc = nlohmann::json::parse(convene::test::read_file(file));
    doc["id"] = "ohio-licensing-2026";
    doc["derived_from"] = "air-2019";
    doc["areas"].erase(doc["areas"].begin() + 5);
    convene::test::write_file(file, doc.dump(2));
    auto validate = cli(dir, db + "guide validate " + quote(file));
    CHECK(validate.code == 0);
    CHECK_THAT(validate.out, Catch::Contains("ok") && Catch::Contains("6 areas"));
    REQUIRE(cli(dir, db + "guide import " + quote(file)).code == 0);
    auto again = cli(dir, db + "guide import " + quote(file));
    CHECK_THAT(again.out, Catch::Contains("Already present"));
    auto list2 = nlohmann::json::parse(cli(dir, db + "--json guide list").out);
    CHECK(list2.size() == 2);

    auto html = dir / "protocol.html";
    REQUIRE(cli(dir, db + "guide print ohio-licensing-2026 --group licensing --state Ohio --out " +
                         quote(html))
                .code == 0);
    CHECK_THAT(convene::test::read_file(html), Catch::Contains("<h2>"));
    auto txt =
        cli(dir, db + "guide print air-2019 --group licensing --out " + quote(dir / "p.txt"));
    CHECK(txt.code != 0);
    CHECK_THAT(txt.err, Catch::Contains(".html or .md"));
}

TEST_CASE("convene-cli conversation new, answer set, show, list, search, delete and restore") {
    TempDir dir;
    std::string db = "--db " + quote(dir / "ws.db") + " ";
    auto created =
        cli(dir, db + "conversation new --guide air-2019 --group licensing "
                      "--org 'Ohio Educator Credentialing Office' --state Ohio "
                      "--mode focus_group --facilitator 'Dana W' --flag mc_profile_shown");
    REQUIRE(created.code == 0);
    std::string uuid = created.out.substr(0, created.out.find('\n'));
    CHECK(uuid.size() == 36);

    auto set = cli(dir, db + "answer set " + uuid + " recognition.grain_size --notes " +
                            quote("José — “grain size” is a half day") +
                            " --quote 'About a Saturday' --speaker 'Mia Chen'"
                            " --value clock_hours=8 --value grad_credits=0.5");
    CHECK(set.code == 0);
    auto multi = cli(
        dir, db + "answer set " + uuid.substr(0, 8) +
                 " recognition.currency_kinds --value 'currencies=PD clock hours,graduate credit'");
    CHECK(multi.code == 0);

    // Refusals name the reason and change nothing.
    auto bad_q = cli(dir, db + "answer set " + uuid + " no.such.question --notes x");
    CHECK(bad_q.code != 0);
    CHECK_THAT(bad_q.err, Catch::Contains("no question \"no.such.question\""));
    auto wrong_group = cli(dir, db + "answer set " + uuid + " wrap_up.system_benefits --notes x");
    CHECK_THAT(wrong_group.err, Catch::Contains("not asked of group licensing"));
    auto bad_value =
        cli(dir, db + "answer set " + uuid + " recognition.grain_size --value clock_hours=900");
    CHECK(bad_value.code != 0);
    CHECK_THAT(bad_value.err, Catch::Contains("clock_hours: must be at most 200"));
    auto bad_choice = cli(dir, db + "answer set " + uuid +
                                   " recognition.pd_credit --value earns_pd_credit=maybe");
    CHECK_THAT(bad_choice.err, Catch::Contains("\"maybe\" is not one of: yes, partly, no, unsure"));
    auto bad_field =
        cli(dir, db + "answer set " + uuid + " recognition.grain_size --value hours=3");
    CHECK_THAT(bad_field.err,
               Catch::Contains("no field \"hours\"") && Catch::Contains("clock_hours"));
    auto bad_mode =
        cli(dir, db + "conversation new --group licensing --org X --state Ohio --mode panel");
    CHECK_THAT(bad_mode.err, Catch::Contains("mode \"panel\""));

    auto show = cli(dir, db + "--json conversation show " + uuid);
    REQUIRE(show.code == 0);
    auto j = nlohmann::json::parse(show.out);
    CHECK(j["status"] == "in_progress");
    CHECK(j["mode"] == "focus_group");
    REQUIRE(j["answers"].size() == 2);
    auto& grain =
        j["answers"][0]["question"] == "recognition.grain_size" ? j["answers"][0] : j["answers"][1];
    CHECK(grain["notes"] == "José — “grain size” is a half day");
    CHECK(grain["quotes"][0]["speaker"] == "Mia Chen");
    CHECK(grain["values"]["clock_hours"] == 8);
    CHECK(grain["values"]["grad_credits"] == 0.5);

    auto found = cli(dir, db + "--json search saturday");
    REQUIRE(found.code == 0);
    auto hits = nlohmann::json::parse(found.out);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0]["conversation"] == uuid);

    CHECK(cli(dir, db + "conversation delete " + uuid).code == 0);
    CHECK(nlohmann::json::parse(cli(dir, db + "--json conversation list").out).empty());
    CHECK(nlohmann::json::parse(cli(dir, db + "--json conversation list --trash").out).size() == 1);
    CHECK(cli(dir, db + "conversation restore " + uuid).code == 0);
    CHECK(
        nlohmann::json::parse(cli(dir, db + "--json conversation list --state Ohio").out).size() ==
        1);
    auto missing = cli(dir, db + "conversation show 0000ffff");
    CHECK_THAT(missing.err, Catch::Contains("no conversation 0000ffff"));
}

TEST_CASE("convene-cli demo fills a new workspace and refuses one with conversations") {
    TempDir dir;
    std::string db = "--db " + quote(dir / "demo.db") + " ";
    auto r = cli(dir, db + "demo");
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("12 conversations"));
    auto again = cli(dir, db + "demo");
    CHECK(again.code != 0);
    CHECK_THAT(again.err, Catch::Contains("already has conversations"));
    CHECK(nlohmann::json::parse(cli(dir, db + "--json conversation list").out).size() == 12);
}

TEST_CASE("convene-cli survey list, show, import, compare and crosstab") {
    TempDir dir;
    std::string db = "--db " + quote(dir / "ws.db") + " ";
    auto list = nlohmann::json::parse(cli(dir, db + "--json survey list").out);
    REQUIRE(list.size() == 2);
    auto show = nlohmann::json::parse(cli(dir, db + "--json survey show pl-standards").out);
    CHECK(show["constructs"].size() == 7);
    CHECK(show["attributes"].size() == 3);

    auto csv = dir / "export.csv";
    convene::test::write_file(
        csv, "Response ID,Professional-learning format,lc.regular_time,lc.shared_goals\n"
             "R1,micro-credential,5,4\nR2,micro-credential,Agree,5\nR3,micro-credential,4,4\n"
             "R4,other,2,3\nR5,other,Disagree,2\nR6,other,3,3\n");
    auto dry = cli(dir, db + "survey import pl-standards " + quote(csv) + " --dry-run");
    CHECK(dry.code == 0);
    CHECK_THAT(dry.out, Catch::Contains("6 responses checked"));
    CHECK(nlohmann::json::parse(cli(dir, db + "--json survey list").out)[1]["respondents"] == 0);
    auto imported = cli(dir, db + "survey import pl-standards " + quote(csv) + " --save-map " +
                                 quote(dir / "map.json"));
    CHECK(imported.code == 0);
    CHECK_THAT(imported.out, Catch::Contains("6 new respondents"));
    CHECK_THAT(convene::test::read_file(dir / "map.json"),
               Catch::Contains("\"Response ID\": \"respondent_id\""));

    auto cmp =
        cli(dir, db + "--json survey compare pl-standards --by pl_format --item lc.regular_time");
    REQUIRE(cmp.code == 0);
    auto j = nlohmann::json::parse(cmp.out);
    CHECK(j["student"]["df"] == 4);
    CHECK(j["groups"][0]["n"] == 3);
    CHECK(j["groups"][0]["mean"] == Approx(13.0 / 3));
    auto text = cli(dir, db + "survey compare pl-standards --by pl_format --unit item");
    CHECK_THAT(text.out, Catch::Contains("Student's t(10)") && Catch::Contains("Mann-Whitney U"));

    auto bad = dir / "bad.csv";
    convene::test::write_file(bad, "Response ID,lc.regular_time\nR9,9\n");
    auto refused = cli(dir, db + "survey import pl-standards " + quote(bad));
    CHECK(refused.code != 0);
    CHECK_THAT(refused.err, Catch::Contains("row 2, column 2") && Catch::Contains("out of range") &&
                                Catch::Contains("nothing was imported"));
    auto twice = cli(dir, db + "survey compare pl-standards --by school_level --groups high high");
    CHECK_THAT(twice.err, Catch::Contains("picked twice"));
    auto tab = cli(dir, db + "--json survey crosstab pl-standards --by pl_format");
    CHECK(tab.code == 0);
    CHECK(nlohmann::json::parse(tab.out).size() == 2);
}

TEST_CASE("convene-cli refuses bad dates, statuses, profiles and a speaker without a quote") {
    TempDir dir;
    std::string db = "--db " + quote(dir / "ws.db") + " ";
    std::string base = db + "conversation new --group licensing --org X --state Ohio ";
    CHECK_THAT(cli(dir, base + "--date garbage").err, Catch::Contains("is not a date"));
    CHECK_THAT(cli(dir, base + "--profile nosuch").err,
               Catch::Contains("no MC profile \"nosuch\""));
    CHECK_THAT(cli(dir, db + "conversation list --status bogus").err,
               Catch::Contains("status \"bogus\""));
    CHECK_THAT(cli(dir, db + "conversation list --to 2026-02-30x").err,
               Catch::Contains("is not a date"));
    CHECK(nlohmann::json::parse(cli(dir, db + "--json conversation list").out).empty());
    auto made = cli(dir, base + "--date 2026-11-23T14:30 --profile assessment-literacy");
    REQUIRE(made.code == 0);
    std::string uuid = made.out.substr(0, 36);
    auto speaker =
        cli(dir, db + "answer set " + uuid + " perceptions.first_thoughts --speaker Bob");
    CHECK(speaker.code != 0);
    CHECK_THAT(speaker.err, Catch::Contains("--speaker"));
    auto big = dir / "big.json";
    convene::test::write_file(big, "{\"schema\": 1e999}");
    auto v = cli(dir, db + "guide validate " + quote(big));
    CHECK(v.code != 0);
    CHECK_THAT(v.err, Catch::Contains("not usable JSON"));
}

TEST_CASE("convene-cli shows control characters in a table cell escaped, never raw") {
    TempDir dir;
    std::string db = "--db " + quote(dir / "ws.db") + " ";
    std::string org = "\x1b[31mRed Office\x1b[0m\x07\x7f";
    auto created =
        cli(dir, db + "conversation new --group licensing --org " + quote(org) + " --state Ohio");
    REQUIRE(created.code == 0);
    auto list = cli(dir, db + "conversation list");
    REQUIRE(list.code == 0);
    CHECK(list.out.find('\x1b') == std::string::npos);
    CHECK(list.out.find('\x07') == std::string::npos);
    CHECK_THAT(list.out, Catch::Contains("\\u001b[31mRed Office\\u001b[0m\\u0007\\u007f"));
    // JSON output stays valid and carries the name unchanged.
    auto json = cli(dir, db + "--json conversation list");
    CHECK(json.out.find('\x1b') == std::string::npos);
    CHECK(nlohmann::json::parse(json.out).at(0).at("org") == org);
}
