// Editing the currency table: units and per-state conversions, written only where they changed.
#include "store/currency.hpp"
#include "store/currency_edits.hpp"
#include "store/seed.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace convene;
using convene::test::TempDir;

namespace {

struct Fixture {
    TempDir dir;
    std::unique_ptr<store::Workspace> ws = store::open_workspace(dir / "ws.db");
    store::Database& db = ws->db();

    const guides::Conversion* conversion(const std::string& state, const std::string& unit) {
        table = store::load_currency(*ws);
        for (const auto& c : table.conversions)
            if (c.state == state && c.unit == unit) return &c;
        return nullptr;
    }
    guides::CurrencyTable table;
};

} // namespace

TEST_CASE("a state's conversion changed in the store is what the currency table converts with") {
    Fixture f;
    REQUIRE(f.conversion("KY", "ceu"));
    CHECK(f.table.clock_hours("ceu", "KY") == 10);
    auto source = f.conversion("KY", "ceu")->source;
    CHECK(store::set_conversion(f.db, {"ky", "ceu", {}, 12.5, {}}));
    CHECK(f.conversion("KY", "ceu")->clock_hours == 12.5);
    CHECK(f.conversion("KY", "ceu")->source == source); // not given: unchanged
    CHECK(f.table.clock_hours("ceu", "KY") == 12.5);
    CHECK(f.table.clock_hours("ceu", "IL") == 10); // another state keeps its figure
}

TEST_CASE("a conversion edit that changes nothing writes nothing") {
    Fixture f;
    auto before = *f.conversion("KY", "ceu");
    auto revision = f.ws->revision();
    CHECK_FALSE(store::set_conversion(f.db, {"KY", "ceu", {}, before.clock_hours, before.source}));
    CHECK(f.ws->revision() == revision);
    CHECK(store::set_conversion(f.db, {"KY", "ceu", {}, {}, "EPSB letter of 2024"}));
    CHECK(f.ws->revision() > revision);
    CHECK(f.conversion("KY", "ceu")->source == "EPSB letter of 2024");
    CHECK(f.conversion("KY", "ceu")->clock_hours == before.clock_hours);
}

TEST_CASE("a new conversion takes the state's name from its other rows") {
    Fixture f;
    CHECK_FALSE(f.conversion("KY", "quarter_credit_hour"));
    CHECK(store::set_conversion(f.db, {"KY", "quarter_credit_hour", {}, 10.0, "Two thirds of 15"}));
    auto got = f.conversion("KY", "quarter_credit_hour");
    REQUIRE(got);
    CHECK(got->clock_hours == 10);
    auto name = std::find_if(f.table.states.begin(), f.table.states.end(),
                             [](const auto& s) { return s.first == "KY"; });
    REQUIRE(name != f.table.states.end());
    CHECK(name->second == "Kentucky");
    // A state of its own, named.
    CHECK(store::set_conversion(f.db, {"WI", "ceu", "Wisconsin", 10.0, ""}));
    CHECK(f.conversion("WI", "ceu"));
    CHECK(f.table.clock_hours("ceu", "WI") == 10);
}

TEST_CASE("conversion edits that make no sense are refused and change nothing") {
    Fixture f;
    CHECK_THROWS_WITH(store::set_conversion(f.db, {"KY", "ceu", {}, 0.0, {}}),
                      Catch::Contains("above 0"));
    CHECK_THROWS_WITH(store::set_conversion(f.db, {"KY", "ceu", {}, -3.0, {}}),
                      Catch::Contains("above 0"));
    CHECK_THROWS_WITH(store::set_conversion(f.db, {"Kentucky", "ceu", {}, 5.0, {}}),
                      Catch::Contains("two-letter code"));
    CHECK_THROWS_WITH(store::set_conversion(f.db, {"KY", "furlongs", {}, 5.0, {}}),
                      Catch::Contains("no currency unit"));
    CHECK_THROWS_WITH(store::set_conversion(f.db, {"KY", "quarter_credit_hour", {}, {}, "x"}),
                      Catch::Contains("needs its clock hours"));
    CHECK(f.conversion("KY", "ceu")->clock_hours == 10);
    CHECK_FALSE(f.conversion("KY", "quarter_credit_hour"));
}

TEST_CASE("a removed conversion can be put back as it was") {
    Fixture f;
    auto before = *f.conversion("IL", "ceu");
    auto removed = store::remove_conversion(f.db, "IL", "ceu");
    CHECK_FALSE(f.conversion("IL", "ceu"));
    CHECK(f.table.clock_hours("ceu", "IL") == 10); // the unit's default now
    CHECK(removed.state_name == "Illinois");
    CHECK_THROWS_WITH(store::remove_conversion(f.db, "IL", "ceu"),
                      Catch::Contains("no conversion"));
    store::set_conversion(f.db, removed.restore());
    REQUIRE(f.conversion("IL", "ceu"));
    CHECK(*f.conversion("IL", "ceu") == before);
}

TEST_CASE("units are added, renamed, revalued and removed when no state converts them") {
    Fixture f;
    auto slug = store::add_unit(f.db, "Wisconsin PD hour", 1);
    CHECK(slug == "wisconsin_pd_hour");
    CHECK(store::add_unit(f.db, "Wisconsin PD hour!", 1) == "wisconsin_pd_hour_2");
    CHECK_THROWS_WITH(store::add_unit(f.db, " wisconsin pd HOUR ", 2),
                      Catch::Contains("already a currency unit"));
    CHECK_THROWS_WITH(store::add_unit(f.db, "Nothing", 0), Catch::Contains("above 0"));
    CHECK_THROWS_WITH(store::add_unit(f.db, " ", 1), Catch::Contains("needs a name"));

    CHECK(store::set_unit(f.db, {slug, "WI PD hour", {}}));
    CHECK(store::set_unit(f.db, {slug, {}, 1.5}));
    CHECK_FALSE(store::set_unit(f.db, {slug, "WI PD hour", 1.5}));
    CHECK_THROWS_WITH(store::set_unit(f.db, {slug, "Clock hour", {}}),
                      Catch::Contains("already a currency unit"));
    auto t = store::load_currency(*f.ws);
    REQUIRE(t.unit(slug));
    CHECK(t.unit(slug)->label == "WI PD hour");
    CHECK(t.unit(slug)->clock_hours == 1.5);

    store::set_conversion(f.db, {"WI", slug, "Wisconsin", 1.0, ""});
    CHECK_THROWS_WITH(store::remove_unit(f.db, slug), Catch::Contains("still converted in WI"));
    store::remove_conversion(f.db, "WI", slug);
    auto removed = store::remove_unit(f.db, slug);
    CHECK(removed.label == "WI PD hour");
    CHECK_FALSE(store::load_currency(*f.ws).unit(slug));
}

TEST_CASE("opening the workspace again keeps the edited currency table") {
    TempDir dir;
    {
        auto ws = store::open_workspace(dir / "ws.db");
        store::set_conversion(ws->db(), {"KY", "ceu", {}, 8.0, "Our reading"});
    }
    auto ws = store::open_workspace(dir / "ws.db");
    CHECK(store::load_currency(*ws).clock_hours("ceu", "KY") == 8);
}
