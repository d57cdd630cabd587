// MC profiles JSON: loading never crashes, and loaded profiles save to JSON that loads back equal.
#include "fuzz_check.hpp"
#include "guides/profiles.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace convene::guides;
    auto load = parse_profiles(std::string_view(reinterpret_cast<const char*>(data), size));
    FUZZ_CHECK(load.library.has_value() == load.problems.empty());
    if (!load.library) return 0;
    auto again = parse_profiles(profiles_to_json(*load.library));
    FUZZ_CHECK(again.library && again.library->profiles == load.library->profiles &&
               again.library->stacks == load.library->stacks);
    return 0;
}
