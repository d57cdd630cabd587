// Who codes on this machine is kept in the settings, per workspace file, by the person's uuid;
// the blind switch is kept too.
#include "app/settings.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fstream>

using namespace convene;

TEST_CASE("the coder of each workspace and the blind switch survive a restart") {
    test::TempDir dir;
    auto file = dir / "settings.json";
    app::Settings s;
    s.coders["/home/ana/convene.db"] = "0b9e2c1a-5d7f-4e2b-9c1d-2f3a4b5c6d7e";
    s.coders["/media/usb/Kentucky workgroup.db"] = "7c6b5a4f-3e2d-4c1b-8a9f-0e1d2c3b4a59";
    s.coding_blind = true;
    REQUIRE(app::save_settings(s, file));
    auto back = app::load_settings(file);
    CHECK(back.coders == s.coders);
    CHECK(back.coding_blind);

    // A hand-edited file with the wrong types keeps the defaults for those keys.
    std::ofstream(file) << R"({"coders": {"a.db": 7, "b.db": "uuid-b"}, "coding_blind": "yes"})";
    back = app::load_settings(file);
    CHECK(back.coders == std::map<std::string, std::string>{{"b.db", "uuid-b"}});
    CHECK_FALSE(back.coding_blind);
}
