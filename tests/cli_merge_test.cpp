// convene-cli merge / backup / conflict: two workspaces combined from the command line.
#include "cli_runner.hpp"
#include "merge_fixture.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

using convene::test::shell_quote;
using convene::test::TempDir;

namespace {

struct Cli {
    TempDir dir;
    convene::test::CliResult operator()(const std::string& db, const std::string& args) {
        return convene::test::run_cli(dir, "--db " + shell_quote((dir / db).string()) + " " + args);
    }
    std::string ok(const std::string& db, const std::string& args) {
        auto r = (*this)(db, args);
        INFO(args << "\n" << r.err);
        REQUIRE(r.code == 0);
        return r.out;
    }
    std::string path(const std::string& name) { return shell_quote((dir / name).string()); }
};

std::string first_line(const std::string& s) {
    return s.substr(0, s.find('\n'));
}

} // namespace

TEST_CASE("convene-cli merge: a dry run, the merge, the report, and merging twice") {
    Cli cli;
    auto c0 = first_line(cli.ok("base.db", "conversation new --guide air-2019 --group licensing "
                                           "--org Shared --state OH"));
    cli.ok("base.db", "backup " + cli.path("a.db"));
    cli.ok("base.db", "backup " + cli.path("b.db"));
    cli.ok("a.db", "answer set " + c0 + " perceptions.first_thoughts --notes 'from A'");
    cli.ok("b.db", "conversation new --guide air-2019 --group licensing --org B --state OH");
    cli.ok("b.db", "answer set " + c0 + " perceptions.first_thoughts --notes 'from B'");
    cli.ok("b.db", "code add Cost");
    cli.ok("a.db", "code add Cost");

    auto dry = nlohmann::json::parse(cli.ok("a.db", "--json merge --dry-run " + cli.path("b.db")));
    CHECK(dry["dry_run"] == true);
    CHECK(dry["total"]["added"].get<int>() >= 2);
    auto list = nlohmann::json::parse(cli.ok("a.db", "--json conversation list"));
    CHECK(list.size() == 1); // the dry run changed nothing

    auto text = cli.ok("a.db", "merge " + cli.path("b.db"));
    CHECK_THAT(text, Catch::Contains("Merged"));
    CHECK_THAT(text, Catch::Contains("conflict list"));
    CHECK_THAT(text, Catch::Contains("\"Cost\" (2 codes)"));
    list = nlohmann::json::parse(cli.ok("a.db", "--json conversation list"));
    CHECK(list.size() == 2);

    auto again = nlohmann::json::parse(cli.ok("a.db", "--json merge " + cli.path("b.db")));
    CHECK(again["total"]["added"] == 0);
    CHECK(again["total"]["updated"] == 0);
    CHECK(again["total"]["conflicts"] == 0);

    auto conflicts = nlohmann::json::parse(cli.ok("a.db", "--json conflict list"));
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0]["table"] == "answer");
    CHECK(conflicts[0]["kept"]["notes"] == "from B");
    CHECK(conflicts[0]["other"]["notes"] == "from A");
    cli.ok("a.db", "conflict flip " + conflicts[0]["uuid"].get<std::string>().substr(0, 8));
    auto shown = cli.ok("a.db", "--json conversation show " + c0);
    CHECK_THAT(shown, Catch::Contains("from A"));
    CHECK(nlohmann::json::parse(cli.ok("a.db", "--json conflict list")).empty());
}

TEST_CASE("convene-cli merge refuses a garbage file and leaves both files as they were") {
    Cli cli;
    cli.ok("ws.db", "conversation new --guide air-2019 --group licensing --org Mine --state OH");
    convene::test::write_file(cli.dir / "junk.db", std::string(4096, 'x'));
    auto before = convene::test::file_bytes(cli.dir / "ws.db");
    auto r = cli("ws.db", "merge " + cli.path("junk.db"));
    CHECK(r.code != 0);
    CHECK_THAT(r.err, Catch::Contains("not an SQLite database"));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(convene::test::file_bytes(cli.dir / "ws.db") == before);
    CHECK(convene::test::read_file(cli.dir / "junk.db") == std::string(4096, 'x'));
}

TEST_CASE("convene-cli backup writes a private copy that opens, and never overwrites") {
    Cli cli;
    cli.ok("ws.db", "conversation new --guide air-2019 --group licensing --org Mine --state OH");
    auto out = cli.ok("ws.db", "backup " + cli.path("copy.db"));
    CHECK_THAT(out, Catch::Contains("copy.db"));
    struct stat st {};
    REQUIRE(::stat((cli.dir / "copy.db").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    auto list = nlohmann::json::parse(cli.ok("copy.db", "--json conversation list"));
    CHECK(list.size() == 1);
    auto again = cli("ws.db", "backup " + cli.path("copy.db"));
    CHECK(again.code != 0);
    CHECK_THAT(again.err, Catch::Contains("already exists"));
}
