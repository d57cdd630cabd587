// Guide JSON: loading never crashes, and a guide that loads saves to JSON that loads back equal.
#include "fuzz_check.hpp"
#include "guides/guide_json.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace convene::guides;
    auto load = parse_guide(std::string_view(reinterpret_cast<const char*>(data), size));
    FUZZ_CHECK(load.guide.has_value() == load.problems.empty());
    if (!load.guide) return 0;
    auto again = parse_guide(guide_to_json(*load.guide));
    FUZZ_CHECK(again.guide && *again.guide == *load.guide);
    return 0;
}
