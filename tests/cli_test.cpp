// End-to-end tests of the convene-cli executable on temporary workspaces.
#include "store/workspace.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

using convene::test::TempDir;

namespace {

struct Result {
    int code;
    std::string out;
    std::string err;
};

std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s)
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

Result cli(const TempDir& dir, const std::string& args) {
    auto out = dir / "stdout.txt", err = dir / "stderr.txt";
    std::string cmd = quote(CONVENE_CLI) + " " + args + " >" + quote(out) + " 2>" + quote(err);
    int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, convene::test::read_file(out),
            convene::test::read_file(err)};
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
