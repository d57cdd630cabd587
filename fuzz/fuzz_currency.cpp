// Currency table JSON: loading never crashes, and every conversion of a loaded table is to a known
// unit with a positive number of clock hours.
#include "fuzz_check.hpp"
#include "guides/currency.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace convene::guides;
    auto load = parse_currency(std::string_view(reinterpret_cast<const char*>(data), size));
    FUZZ_CHECK(load.table.has_value() == load.problems.empty());
    if (!load.table) return 0;
    for (const auto& c : load.table->conversions) {
        auto hours = load.table->clock_hours(c.unit, c.state);
        FUZZ_CHECK(load.table->unit(c.unit) && hours && *hours > 0);
    }
    return 0;
}
