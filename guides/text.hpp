// Small text helpers shared by the loaders, the command line and the summaries.
#pragma once

#include <string>
#include <string_view>

namespace convene::guides {

// "a, b, c": what get(element) returns for each element of range, joined by sep. Used for the
// "groups are licensing, association" part of error messages.
template <typename Range, typename Get>
std::string join_by(const Range& range, Get get, std::string_view sep = ", ") {
    std::string out;
    for (const auto& element : range) {
        if (!out.empty()) out += sep;
        out += get(element);
    }
    return out;
}

} // namespace convene::guides
