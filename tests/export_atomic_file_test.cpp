#include "export/atomic_file.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace convene;
using convene::test::TempDir;

TEST_CASE("an atomic write replaces the file whole, leaving no temporary behind") {
    TempDir dir;
    auto target = dir / "out.csv";
    convene::test::write_file(target, "old");
    exporting::write_file_atomically(target, "new,content\n");
    CHECK(convene::test::read_file(target) == "new,content\n");
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 1);
}

TEST_CASE("written files are readable by their owner only, whoever wrote the temporary file") {
    TempDir dir;
    exporting::write_file_atomically(dir / "a.csv", "x\n");
    exporting::write_atomically(dir / "b.xlsx", [](const std::filesystem::path& temp) {
        convene::test::write_file(temp, "made by another library");
        std::filesystem::permissions(temp, std::filesystem::perms::all);
        return true;
    });
    using std::filesystem::perms;
    for (const char* name : {"a.csv", "b.xlsx"})
        CHECK(std::filesystem::status(dir / name).permissions() ==
              (perms::owner_read | perms::owner_write));
}

TEST_CASE("a failed write keeps the old file and removes the temporary one") {
    TempDir dir;
    auto target = dir / "out.xlsx";
    convene::test::write_file(target, "previous export");
    CHECK_THROWS_WITH(exporting::write_atomically(target,
                                                  [](const std::filesystem::path& temp) {
                                                      convene::test::write_file(temp, "half");
                                                      throw std::runtime_error("disk full");
                                                      return true;
                                                  }),
                      Catch::Contains("out.xlsx") && Catch::Contains("disk full"));
    CHECK(convene::test::read_file(target) == "previous export");
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 1);
    CHECK_THROWS_WITH(exporting::write_atomically(target, [](auto&) { return false; }),
                      Catch::Contains("reported a failure"));
    CHECK(convene::test::read_file(target) == "previous export");
}

TEST_CASE("writing into a missing folder names the target") {
    TempDir dir;
    CHECK_THROWS_WITH(exporting::write_file_atomically(dir / "no/such/dir.csv", "x"),
                      Catch::Contains("no/such/dir.csv"));
}
