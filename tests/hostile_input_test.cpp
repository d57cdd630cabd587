// Bounds on hostile input: every JSON loader range-checks its integers, numbers become ints only
// after the range check, and files, texts, nesting and CSV cells over their limits are refused
// with a message naming the file, JSON path or row and column, and the limit.
#include "app/settings.hpp"
#include "guides/codebook.hpp"
#include "guides/csv_reader.hpp"
#include "guides/currency.hpp"
#include "guides/data_dir.hpp"
#include "guides/field_values.hpp"
#include "guides/guide_json.hpp"
#include "guides/instrument.hpp"
#include "guides/limits.hpp"
#include "guides/profiles.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <functional>
#include <nlohmann/json.hpp>

using namespace convene::guides;
using convene::test::TempDir;
using nlohmann::json;

namespace {

json bundled(const std::string& name) {
    return json::parse(read_text_file(data_dir() / name));
}

// The bundled file with its "schema" replaced by the text of a number too large for an int.
std::string with_schema(const std::string& name, const std::string& schema) {
    std::string text = bundled(name).dump(2);
    auto at = text.find("\"schema\": 1");
    REQUIRE(at != std::string::npos);
    return text.replace(at, 11, "\"schema\": " + schema);
}

bool has_problem(const Problems& problems, const std::string& path, const std::string& words) {
    for (const auto& p : problems)
        if (p.path == path && p.message.find(words) != std::string::npos) return true;
    return false;
}

Field scale_field() {
    Field f;
    f.id = "confidence";
    f.type = FieldType::Scale5;
    return f;
}

} // namespace

TEST_CASE("a schema of 4294967297 is refused with its JSON path by every loader, not read as 1") {
    struct Loader {
        std::string file;
        std::function<Problems(std::string_view)> parse;
    };
    std::vector<Loader> loaders{
        {"air-2019.guide.json", [](auto t) { return parse_guide(t).problems; }},
        {"pl-standards.instrument.json", [](auto t) { return parse_instrument(t).problems; }},
        {"profiles.json", [](auto t) { return parse_profiles(t).problems; }},
        {"codebook.json", [](auto t) { return parse_codebook(t).problems; }},
        {"currency.json", [](auto t) { return parse_currency(t).problems; }},
    };
    for (const auto& l : loaders) {
        DYNAMIC_SECTION(l.file) {
            CHECK(l.parse(with_schema(l.file, "1")).empty());
            auto problems = l.parse(with_schema(l.file, "4294967297"));
            CHECK(has_problem(problems, "schema",
                              "4294967297 is out of range; expected a whole number from 1 to"));
            CHECK(has_problem(l.parse(with_schema(l.file, "18446744073709551617")), "schema",
                              "expected a whole number"));
            CHECK(
                has_problem(l.parse(with_schema(l.file, "-4294967295")), "schema", "out of range"));
        }
    }
}

TEST_CASE("a scale value that overflows an int is refused, never converted") {
    Field f = scale_field();
    for (const char* text : {"1e300", "-1e300", "4294967297", "2147483648"}) {
        INFO(text);
        auto parsed = parse_value(f, text);
        CHECK(parsed.value.is_null());
        CHECK_THAT(parsed.error, Catch::Contains("expected a whole number from 1 to 5"));
    }
    for (const char* text : {"inf", "nan"}) { // not numbers a person means
        auto parsed = parse_value(f, text);
        CHECK(parsed.value.is_null());
        CHECK_THAT(parsed.error, Catch::Contains("is not a number"));
    }
    CHECK(parse_value(f, "4").value == 4);
    CHECK(parse_value(f, " 5 ").value == 5);
    // The same number as stored JSON (a 64-bit integer) must not wrap around to 1.
    CHECK(check_value(f, json(4294967297LL)).value_or("") == "expected a whole number from 1 to 5");
    CHECK(check_value(f, json(18446744073709551615ULL)).has_value());
    CHECK_FALSE(check_value(f, json(3)).has_value());
}

TEST_CASE("2.5 on a scale field is not a whole scale point") {
    auto parsed = parse_value(scale_field(), "2.5");
    CHECK(parsed.value.is_null());
    CHECK_THAT(parsed.error, Catch::Contains("not a whole scale point"));
}

TEST_CASE("a guide or instrument file over the size limit is refused naming the file and limit") {
    TempDir dir;
    // A valid guide padded with spaces past 4 MiB: still JSON, refused for its size alone.
    std::string text = bundled("air-2019.guide.json").dump(2);
    text += std::string(kMaxDataFileBytes, ' ');
    convene::test::write_file(dir / "big.guide.json", text);
    convene::test::write_file(dir / "big.instrument.json", text);
    auto guide = load_guide_file(dir / "big.guide.json");
    REQUIRE_FALSE(guide.guide);
    CHECK_THAT(guide.problems.at(0).message,
               Catch::Contains("big.guide.json is " + std::to_string(text.size()) + " bytes") &&
                   Catch::Contains("4 MiB"));
    auto instrument = load_instrument_file(dir / "big.instrument.json");
    CHECK_THAT(instrument.problems.at(0).message,
               Catch::Contains("big.instrument.json") && Catch::Contains("4 MiB"));
    // The same text handed over directly (not from a file) is refused by the parser.
    auto parsed = parse_guide(text);
    CHECK_THAT(parsed.problems.at(0).message, Catch::Contains("at most 4 MiB"));
    CHECK_THROWS_WITH(read_text_file(dir / "big.guide.json", 1000),
                      Catch::Contains("big.guide.json") && Catch::Contains("1000 bytes"));
}

TEST_CASE("a text over 64 KiB in a data file is refused with its JSON path") {
    json j = bundled("air-2019.guide.json");
    j["areas"][1]["questions"][0]["cue"] = std::string(kMaxTextBytes + 1, 'x');
    j["groups"][0]["purposes"][0] = std::string(kMaxTextBytes + 1, 'y');
    auto load = parse_guide(j.dump());
    CHECK_FALSE(load.guide);
    CHECK(has_problem(load.problems, "areas[1].questions[0].cue", "at most 64 KiB"));
    CHECK(has_problem(load.problems, "groups[0].purposes[0]", "at most 64 KiB"));

    Field f;
    f.type = FieldType::Text;
    CHECK_THAT(parse_value(f, std::string(kMaxTextBytes + 1, 'z')).error,
               Catch::Contains("at most 64 KiB"));
    CHECK(parse_value(f, std::string(kMaxTextBytes, 'z')).error.empty());
}

TEST_CASE("JSON nested deeper than the limit is refused with its line and column") {
    std::string deep =
        "{\"schema\": 1,\n \"x\": " + std::string(100, '[') + std::string(100, ']') + "}";
    auto load = parse_guide(deep);
    REQUIRE(load.problems.size() == 1);
    CHECK_THAT(load.problems[0].message,
               Catch::Contains("more than 64 levels deep at line 2, column"));
    // Brackets inside strings are text, not nesting.
    json j = bundled("codebook.json");
    j["title"] = std::string(100, '[') + "\\\"";
    CHECK(parse_codebook(j.dump()).problems.empty());
}

TEST_CASE("a CSV cell over 64 KiB is refused with its line, column and the limit") {
    std::string big(kMaxCsvCellBytes + 1, 'a');
    auto r = parse_csv("id,notes\n1,short\n2,\"" + big + "\"\n3," + big + "\n");
    REQUIRE_FALSE(r.table);
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].to_string() ==
          "line 3, column 2: this cell is 65537 bytes long; a cell may hold at most 64 KiB");
    CHECK(r.problems[1].line == 4);
    CHECK(parse_csv("id,notes\n1," + std::string(kMaxCsvCellBytes, 'a') + "\n").table);
}

TEST_CASE("a text size of 1e300 in the settings file is clamped, not converted to float first") {
    TempDir dir;
    convene::test::write_file(dir / "settings.json", R"({"text_scale": 1e300, "dark": true})");
    auto s = convene::app::load_settings(dir / "settings.json");
    CHECK(s.text_scale == convene::app::Settings::kMaxScale);
    CHECK(s.dark);
    convene::test::write_file(dir / "settings.json", R"({"text_scale": -1e300})");
    CHECK(convene::app::load_settings(dir / "settings.json").text_scale ==
          convene::app::Settings::kMinScale);
}
