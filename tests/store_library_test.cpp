#include "guides/data_dir.hpp"
#include "guides/guide_json.hpp"
#include "store/codebook.hpp"
#include "store/currency.hpp"
#include "store/guides.hpp"
#include "store/mc_profiles.hpp"
#include "store/seed.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace convene;
using convene::test::TempDir;

TEST_CASE("a new workspace starts with the bundled guide, profiles, codebook and currency") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    auto guides = store::list_guides(*ws);
    REQUIRE(guides.size() == 1);
    CHECK(guides[0].guide_id == "air-2019");
    CHECK(guides[0].bundled);
    CHECK(guides[0].areas == 7);

    auto profiles = store::load_profiles(*ws);
    CHECK(profiles.profiles.size() >= 10);
    REQUIRE(profiles.stacks.size() == 1);
    CHECK(profiles.stacks[0].title == "Teaching Rural Students From Poverty");
    CHECK(profiles.stacks[0].profiles.size() == 5);
    for (const auto& p : profiles.profiles)
        CHECK(p.sample);

    auto codes = store::list_codes(*ws);
    CHECK(codes.size() > 20);
    CHECK(codes[0].depth == 0);
    CHECK(codes[1].depth == 1);
    CHECK(codes[1].parent_slug == codes[0].slug);

    auto currency = store::load_currency(*ws);
    CHECK(currency.clock_hours("ceu", "") == Approx(10));
    CHECK(currency.clock_hours("semester_credit_hour", "MI") == Approx(25));
    CHECK(currency.clock_hours("semester_credit_hour", "KY") == Approx(15));
}

TEST_CASE("seeding happens once: a reopened workspace is not seeded again") {
    TempDir dir;
    {
        auto ws = store::open_workspace(dir / "ws.db");
        ws->db().exec("UPDATE guide SET deleted_at = '2026-01-01' WHERE guide_id = 'air-2019'");
    }
    auto ws = store::open_workspace(dir / "ws.db");
    CHECK(store::list_guides(*ws).empty());
}

TEST_CASE("importing a changed guide keeps the old version by hash for past conversations") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    auto original = *store::current_guide(*ws, "air-2019");
    auto old_hash = *store::current_guide_hash(*ws, "air-2019");
    CHECK(old_hash == guides::content_hash(original));

    auto edited = original;
    edited.version = "1.1";
    edited.areas[0].questions[0].text[""] = "What comes to mind first when you hear MC?";
    auto r = store::import_guide(*ws, edited);
    CHECK(r.added);
    CHECK(*store::current_guide_hash(*ws, "air-2019") == r.hash);
    CHECK(store::current_guide(*ws, "air-2019")->version == "1.1");
    // The snapshot a conversation points at is unchanged.
    CHECK(*store::guide_by_hash(*ws, old_hash) == original);
    CHECK(store::list_guides(*ws, true).size() == 2);
    CHECK(store::list_guides(*ws).size() == 1);

    // Importing the same content again adds nothing; re-importing the old makes it current.
    CHECK_FALSE(store::import_guide(*ws, edited).added);
    CHECK_FALSE(store::import_guide(*ws, original).added);
    CHECK(*store::current_guide_hash(*ws, "air-2019") == old_hash);
}

TEST_CASE("an edited MC profile is saved and read back") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    auto lib = store::load_profiles(*ws);
    auto p = *lib.profile("assessment-literacy");
    p.estimated_hours = 12.5;
    p.currency_granted = "15 PD hours in Ohio (example)";
    auto rev = ws->revision();
    store::save_profile(*ws, p);
    CHECK(ws->revision() > rev);
    CHECK(*store::load_profiles(*ws).profile("assessment-literacy") == p);
}
