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
