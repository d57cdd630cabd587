// ViewCache: when a screen's cached model must be rebuilt; and the survey model's generation,
// which the comparison panel keys its results on.
#include "app/view_cache.hpp"
#include "app/views/survey_panels.hpp"
#include "store/seed.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace convene;
using convene::test::TempDir;

TEST_CASE("a view cache is stale once per workspace, revision and invalidate()") {
    TempDir dir;
    auto a = store::open_workspace(dir / "a.db");
    auto b = store::open_workspace(dir / "b.db");
    app::ViewContext ctx;
    ctx.workspace = a.get();
    ctx.revision = 3;
    app::ViewCache cache;

    CHECK(cache.stale(ctx)); // never built
    CHECK_FALSE(cache.stale(ctx));
    CHECK_FALSE(cache.stale(ctx)); // nothing new: no rebuild, frame after frame

    ctx.revision = 4; // a write committed
    CHECK(cache.stale(ctx));
    CHECK_FALSE(cache.stale(ctx));

    cache.invalidate(); // a filter changed
    CHECK(cache.stale(ctx));
    CHECK_FALSE(cache.stale(ctx));

    ctx.workspace = b.get(); // another workspace, even at the same revision
    CHECK(cache.stale(ctx));
    CHECK_FALSE(cache.stale(ctx));

    ctx.workspace = nullptr; // closed
    CHECK(cache.stale(ctx));
    CHECK_FALSE(cache.stale(ctx));
}

TEST_CASE("every survey model made has a generation of its own, raised each time") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    auto first = app::make_survey_model(*ws, "pl-standards");
    auto second = app::make_survey_model(*ws, "pl-standards");
    REQUIRE(first);
    REQUIRE(second);
    CHECK(first->generation > 0);
    CHECK(second->generation > first->generation);
    first.reset();
    // A model made where a freed one lived is still a new one to the comparison panel.
    auto third = app::make_survey_model(*ws, "pl-standards");
    CHECK(third->generation > second->generation);
}
