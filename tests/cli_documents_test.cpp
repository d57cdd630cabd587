// convene-cli conversation report | protocol end to end on the demo workspace: what is written,
// where (the absolute path printed), readable by its owner only, and what is refused.
#include "cli_runner.hpp"
#include "document_text.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

using convene::test::TempDir;

namespace {

convene::test::CliResult cli(const TempDir& dir, const std::string& args) {
    return convene::test::run_cli(dir, args);
}

unsigned mode_of(const std::filesystem::path& p) {
    struct stat st {};
    ::stat(p.c_str(), &st);
    return st.st_mode & 0777;
}

} // namespace

TEST_CASE("convene-cli conversation report and protocol write documents of a demo conversation") {
    TempDir dir;
    std::string db = "--db " + convene::test::shell_quote((dir / "demo.db").string()) + " ";
    REQUIRE(cli(dir, db + "demo").code == 0);
    std::string uuid;
    for (const auto& r : nlohmann::json::parse(cli(dir, db + "--json conversation list").out))
        if (r["org"] == "Cumberland Plateau Educational Cooperative") uuid = r["uuid"];
    REQUIRE_FALSE(uuid.empty());

    auto html = dir / "for-participants.html";
    auto r = cli(dir, db + "conversation report " + uuid.substr(0, 8) + " --out " +
                          convene::test::shell_quote(html.string()) +
                          " --for-participants --pseudonymize");
    REQUIRE(r.code == 0);
    CHECK(r.out == "Wrote " + html.string() + "\n");
    CHECK(mode_of(html) == 0600);
    auto text = convene::test::visible_html(convene::test::read_file(html));
    CHECK_THAT(text, Catch::Contains("Please check this summary"));
    CHECK_THAT(text, Catch::Contains("Participant 2"));
    CHECK_THAT(text, !Catch::Contains("Shayla") && !Catch::Contains(uuid));

    auto md = dir / "team.md";
    auto team = cli(dir, db + "--json conversation report " + uuid + " --out " +
                             convene::test::shell_quote(md.string()) + " --no-facilitator-notes");
    REQUIRE(team.code == 0);
    CHECK(nlohmann::json::parse(team.out)["written"] == md.string());
    auto team_text = convene::test::visible_markdown(convene::test::read_file(md));
    CHECK_THAT(team_text, Catch::Contains("Shayla Mullins"));
    CHECK_THAT(team_text, !Catch::Contains("Facilitator's notes"));

    auto protocol = dir / "protocol.html";
    REQUIRE(cli(dir, db + "conversation protocol " + uuid + " --place 'Board room' --out " +
                         convene::test::shell_quote(protocol.string()))
                .code == 0);
    auto p = convene::test::visible_html(convene::test::read_file(protocol));
    CHECK_THAT(p, Catch::Contains("Place Board room"));
    CHECK_THAT(p, Catch::Contains("Has Cumberland Plateau Educational Cooperative offered"));

    // A file type we do not write, a missing folder, an unknown conversation: refused, nothing
    // written.
    auto bad = cli(dir, db + "conversation report " + uuid + " --out " +
                            convene::test::shell_quote((dir / "r.docx").string()));
    CHECK(bad.code != 0);
    CHECK_THAT(bad.err, Catch::Contains(".html or .md"));
    auto missing = cli(dir, db + "conversation report " + uuid + " --out " +
                                convene::test::shell_quote((dir / "no" / "r.html").string()));
    CHECK(missing.code != 0);
    CHECK_FALSE(std::filesystem::exists(dir / "no"));
    auto unknown = cli(dir, db + "conversation report ffffffff --out " +
                                convene::test::shell_quote((dir / "x.html").string()));
    CHECK(unknown.code != 0);
    CHECK_THAT(unknown.err, Catch::Contains("no conversation ffffffff"));
    CHECK_FALSE(std::filesystem::exists(dir / "x.html"));
}
