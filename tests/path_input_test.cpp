// The completion of a typed path (app/path_input.hpp): a pure function over one folder's listing,
// and the listing of a real folder.
#include "app/path_input.hpp"
#include "temp_dir.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>

using namespace convene::app;
using convene::test::TempDir;

namespace {

const std::vector<DirEntry> kListing = {
    {"exports", true},
    {"example.csv", false},
    {"examples", true},
    {"Expenses.xlsx", false},
    {"notes.txt", false},
    {".hidden", true},
    {"responses-2024.csv", false},
    {"responses-2025.CSV", false},
};

std::vector<std::string> names(const Completion& c) {
    std::vector<std::string> out;
    for (const auto& m : c.matches)
        out.push_back(m.name);
    return out;
}

} // namespace

TEST_CASE("a typed path splits into the folder to list and the start of a name") {
    CHECK(split_typed("/data/exp").folder == "/data/");
    CHECK(split_typed("/data/exp").prefix == "exp");
    CHECK(split_typed("/data/").prefix.empty());
    CHECK(split_typed("exp").folder.empty());
    CHECK(split_typed("exp").prefix == "exp");
    CHECK(split_typed("~").folder == "~/");
    CHECK(folder_to_list("").string() == ".");
    if (const char* home = std::getenv("HOME"); home && *home)
        CHECK(folder_to_list("~/data/") == std::filesystem::path(home) / "data/");
}

TEST_CASE("Tab completes a name as far as the entries that fit agree") {
    PathFilter any;
    // One folder fits: completed with its '/', ready for the next name.
    auto one = complete_path("/d/expo", kListing, any);
    CHECK(names(one) == std::vector<std::string>{"exports"});
    CHECK(one.completed == "/d/exports/");
    // Several fit: folders first, then files, each by name; completed as far as they agree.
    auto several = complete_path("/d/ex", kListing, any);
    CHECK(names(several) ==
          std::vector<std::string>{"examples", "exports", "Expenses.xlsx", "example.csv"});
    CHECK(several.completed == "/d/ex"); // "Expenses" differs in case: nothing more agrees
    auto exam = complete_path("/d/exam", kListing, any);
    CHECK(names(exam) == std::vector<std::string>{"examples", "example.csv"});
    CHECK(exam.completed == "/d/example");
    // A single file completes to its name; case is ignored when matching.
    CHECK(complete_path("/d/NOT", kListing, any).completed == "/d/notes.txt");
    // Nothing fits: the text stays as typed.
    auto none = complete_path("/d/zzz", kListing, any);
    CHECK(none.matches.empty());
    CHECK(none.completed == "/d/zzz");
}

TEST_CASE("completion lists only what the dialog can use") {
    // A CSV file: files with other extensions are left out (case ignored); folders stay.
    PathFilter csv{.extensions = {".csv"}};
    CHECK(names(complete_path("/d/", kListing, csv)) ==
          std::vector<std::string>{"examples", "exports", "example.csv", "responses-2024.csv",
                                   "responses-2025.CSV"});
    CHECK(complete_path("/d/resp", kListing, csv).completed == "/d/responses-202");
    // A folder: no files at all.
    PathFilter folders{.folders_only = true};
    CHECK(names(complete_path("/d/", kListing, folders)) ==
          std::vector<std::string>{"examples", "exports"});
    // Hidden entries only when the name typed starts with '.'.
    CHECK(names(complete_path("/d/.h", kListing, PathFilter{})) ==
          std::vector<std::string>{".hidden"});
    // A name typed with no folder completes in the current folder.
    CHECK(complete_path("note", kListing, PathFilter{}).completed == "notes.txt");
}

TEST_CASE("a folder's listing says which entries are folders") {
    TempDir dir;
    std::filesystem::create_directories(dir / "sub");
    convene::test::write_file(dir / "a.csv", "x\n");
    auto listing = list_folder(dir.path());
    std::sort(listing.begin(), listing.end(),
              [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
    CHECK(listing == std::vector<DirEntry>{{"a.csv", false}, {"sub", true}});
    CHECK(list_folder(dir / "missing").empty());
    CHECK(list_folder(dir.path(), 1).size() == 1);
    auto done = complete_path((dir.path() / "s").string(), listing, PathFilter{});
    CHECK(done.completed == (dir.path() / "sub").string() + "/");
}
