#include "guides/numbers.hpp"

#include <charconv>
#include <cmath>

namespace convene::guides {

std::optional<double> parse_number(std::string_view text) {
    auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return std::nullopt;
    auto last = text.find_last_not_of(" \t");
    text = text.substr(first, last - first + 1);
    double d = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(d))
        return std::nullopt;
    return d;
}

} // namespace convene::guides
