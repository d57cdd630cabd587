// Survey instrument JSON: loading never crashes, a loaded instrument saves to JSON that loads back
// equal, and its scales give every label a value that maps back to the label.
#include "fuzz_check.hpp"
#include "guides/instrument.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace convene::guides;
    auto load = parse_instrument(std::string_view(reinterpret_cast<const char*>(data), size));
    FUZZ_CHECK(load.instrument.has_value() == load.problems.empty());
    if (!load.instrument) return 0;
    auto again = parse_instrument(instrument_to_json(*load.instrument));
    FUZZ_CHECK(again.instrument && *again.instrument == *load.instrument);
    for (const auto& scale : load.instrument->scales)
        for (const auto& label : scale.labels) {
            auto value = scale.value_of(label);
            FUZZ_CHECK(value && scale.label_of(*value) == label);
        }
    return 0;
}
