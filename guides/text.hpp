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

// s without the spaces, tabs and line ends around it.
inline std::string trim(std::string_view s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

// s with ASCII letters in lower case (other bytes, UTF-8 included, unchanged).
inline std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace convene::guides
