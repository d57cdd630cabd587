// convene-cli's messages name the real problem, and its exit code tells whether anything was
// saved.
#include "cli_runner.hpp"
#include "store/conversations.hpp"
#include "store/guides.hpp"
#include "store/seed.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <unistd.h>

using namespace convene;
using convene::test::shell_quote;
using convene::test::TempDir;

namespace {

std::string make_conversation(store::Workspace& ws, const std::string& uuid) {
    store::Conversation c;
    c.uuid = uuid;
    c.guide_hash = *store::current_guide_hash(ws, "air-2019");
    c.group = "licensing";
    c.org = "Kentucky EPSB";
    return store::create_conversation(ws.db(), c);
}

struct Fixture {
    TempDir dir;
    std::string db = "--db " + shell_quote((dir / "ws.db").string()) + " ";
    test::CliResult cli(const std::string& args) { return test::run_cli(dir, db + args); }
};

} // namespace

TEST_CASE("an ambiguous uuid prefix says so and lists the matches") {
    Fixture f;
    {
        auto ws = store::open_workspace(f.dir / "ws.db");
        make_conversation(*ws, "abcd1111-0000-4000-8000-000000000001");
        make_conversation(*ws, "abcd2222-0000-4000-8000-000000000002");
    }
    auto r = f.cli("conversation show abcd");
    CHECK(r.code == 1);
    CHECK_THAT(r.err, Catch::Contains("ambiguous") && Catch::Contains("abcd1111") &&
                          Catch::Contains("abcd2222"));
    CHECK(f.cli("conversation show abcd1").code == 0);
    CHECK_THAT(f.cli("conversation show abc").err, Catch::Contains("at least the first four"));
}

TEST_CASE("restoring a conversation that is not in the trash says so, and writes to one in the "
          "trash are refused without SQL in the message") {
    Fixture f;
    std::string uuid;
    {
        auto ws = store::open_workspace(f.dir / "ws.db");
        uuid = make_conversation(*ws, "");
    }
    auto r = f.cli("conversation restore " + uuid);
    CHECK(r.code == 1);
    CHECK_THAT(r.err, Catch::Contains("is not in the trash"));
    REQUIRE(f.cli("conversation delete " + uuid).code == 0);
    CHECK_THAT(f.cli("conversation delete " + uuid).err, Catch::Contains("already in the trash"));
    r = f.cli("answer set " + uuid + " perceptions.first_thoughts --notes late");
    CHECK(r.code == 1);
    CHECK_THAT(r.err, Catch::Contains("in the trash") && !Catch::Contains("SELECT") &&
                          !Catch::Contains("UPDATE"));
}

TEST_CASE("impossible dates and folders given as files are refused with the reason") {
    Fixture f;
    auto r = f.cli("conversation new --group licensing --org X --state KY --date 2026-02-31");
    CHECK(r.code == 1);
    CHECK_THAT(r.err, Catch::Contains("2026-02-31") && Catch::Contains("not a date"));
    CHECK(f.cli("conversation new --group licensing --org X --state KY --date 2028-02-29").code ==
          0);
    r = f.cli("guide import " + shell_quote(f.dir.path().string()));
    CHECK(r.code == 1);
    CHECK_THAT(r.err, Catch::Contains("is a folder"));
    r = f.cli("survey import pl-standards " + shell_quote(f.dir.path().string()));
    CHECK(r.code == 1);
    CHECK_THAT(r.err, Catch::Contains("is a folder"));
}

TEST_CASE("an import whose mapping file cannot be written fails before it imports anything") {
    Fixture f;
    std::string csv = shell_quote(CONVENE_SOURCE_DATA_DIR "/demo-pl-standards.csv");
    auto r = f.cli("survey import pl-standards " + csv + " --save-map " +
                   shell_quote((f.dir / "missing" / "map.json").string()));
    CHECK(r.code == 1);
    CHECK_THAT(r.err, Catch::Contains("does not exist"));
    CHECK_THAT(f.cli("survey list").out,
               Catch::Contains("pl-standards") && Catch::Contains("0 respondents"));
    r = f.cli("survey import pl-standards " + csv + " --save-map " +
              shell_quote((f.dir / "map.json").string()));
    CHECK(r.code == 0);
    CHECK(std::filesystem::exists(f.dir / "map.json"));
}

TEST_CASE("a workspace held busy past the wait names the process that holds it") {
    Fixture f;
    std::string uuid;
    {
        auto ws = store::open_workspace(f.dir / "ws.db");
        uuid = make_conversation(*ws, "");
    }
    store::Database holder((f.dir / "ws.db").string(), store::OpenMode::ReadWrite);
    holder.exec("BEGIN IMMEDIATE");
    auto r = f.cli("answer set " + uuid + " perceptions.first_thoughts --notes blocked");
    holder.exec("ROLLBACK");
    CHECK(r.code == 1);
    CHECK_THAT(r.err, Catch::Contains("busy") &&
                          Catch::Contains("pid " + std::to_string(::getpid())) &&
                          Catch::Contains("nothing was changed"));
}
