// store/uuid_index.hpp: keys in Convene's uuid form packed, any other text kept as it is.
#include "store/uuid_index.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>

using convene::store::packed_uuid;
using convene::store::UuidIndex;

TEST_CASE("a uuid index finds every key exactly as written and keeps a key's first value") {
    const std::string a = "0f8e2b9c-1d2a-4c3b-9e8f-a1b2c3d4e5f6";
    const std::string b = "0f8e2b9c-1d2a-4c3b-9e8f-a1b2c3d4e5f7"; // differs in the last digit
    UuidIndex index;
    index.add(a, 1);
    index.add(b, 2);
    index.add("0F8E2B9C-1D2A-4C3B-9E8F-A1B2C3D4E5F6", 3); // uppercase: another text
    index.add("legacy-7", 4);
    index.add(a, 5); // again: the first value stays
    CHECK_THROWS_AS(index.find(a), std::logic_error);
    index.seal();
    CHECK(index.find(a) == 1);
    CHECK(index.find(b) == 2);
    CHECK(index.find("0F8E2B9C-1D2A-4C3B-9E8F-A1B2C3D4E5F6") == 3);
    CHECK(index.find("legacy-7") == 4);
    CHECK_FALSE(index.find("0f8e2b9c-1d2a-4c3b-9e8f-a1b2c3d4e5f8"));
    CHECK_FALSE(index.find(""));
    CHECK(index.size() == 4);
    CHECK_THROWS_AS(index.add("late", 6), std::logic_error);
}

TEST_CASE("only Convene's own uuid form is packed") {
    CHECK(packed_uuid("00000000-0000-0000-0000-000000000001") ==
          std::array<std::uint64_t, 2>{0, 1});
    CHECK(packed_uuid("ffffffff-ffff-ffff-ffff-ffffffffffff") ==
          std::array<std::uint64_t, 2>{~0ULL, ~0ULL});
    CHECK_FALSE(packed_uuid("0f8e2b9c1d2a-4c3b-9e8f-a1b2c3d4e5f6a")); // a dash out of place
    CHECK_FALSE(packed_uuid("0f8e2b9c-1d2a-4c3b-9e8f-a1b2c3d4e5f"));  // 35 characters
    CHECK_FALSE(packed_uuid("0f8e2b9c-1d2a-4c3b-9e8f-a1b2c3d4e5fg")); // not hex
    CHECK_FALSE(packed_uuid("0F8E2B9C-1D2A-4C3B-9E8F-A1B2C3D4E5F6")); // uppercase
}
