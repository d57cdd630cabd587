// Codebook JSON: loading never crashes, and every loaded code's parent is a code loaded before it.
#include "fuzz_check.hpp"
#include "guides/codebook.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace convene::guides;
    auto load = parse_codebook(std::string_view(reinterpret_cast<const char*>(data), size));
    FUZZ_CHECK(load.codebook.has_value() == load.problems.empty());
    if (!load.codebook) return 0;
    for (const auto& code : load.codebook->codes)
        FUZZ_CHECK(code.parent.empty() || load.codebook->code(code.parent) != nullptr);
    return 0;
}
