#include "app/soft_wrap.hpp"

#include <algorithm>

namespace convene::app::softwrap {
namespace {

// Length of the UTF-8 sequence starting with byte c.
std::size_t utf8_len(unsigned char c) {
    if (c < 0x80) return 1;
    if ((c >> 5) == 0x6) return 2;
    if ((c >> 4) == 0xE) return 3;
    if ((c >> 3) == 0x1E) return 4;
    return 1;
}

} // namespace

Layout wrap(std::string_view text, float width, const BreakFn& line_break) {
    Layout out;
    out.display.reserve(text.size() + text.size() / 40);
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t nl = text.find('\n', start);
        std::string_view line =
            text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        while (!line.empty()) {
            std::size_t pos = width > 0 ? line_break(line, width) : line.size();
            if (pos >= line.size()) break;
            if (pos == 0)
                pos = std::min(line.size(), utf8_len(static_cast<unsigned char>(line[0])));
            // Spaces at the break stay at the end of the line they follow.
            while (pos < line.size() && line[pos] == ' ')
                ++pos;
            if (pos >= line.size()) break;
            out.display.append(line.substr(0, pos));
            out.soft.push_back(out.display.size());
            out.display.push_back('\n');
            line.remove_prefix(pos);
        }
        out.display.append(line);
        if (nl == std::string_view::npos) break;
        out.display.push_back('\n');
        start = nl + 1;
    }
    return out;
}

std::string unwrap(std::string_view display, const std::vector<std::size_t>& soft) {
    std::string text;
    text.reserve(display.size());
    std::size_t k = 0;
    for (std::size_t i = 0; i < display.size(); ++i) {
        if (k < soft.size() && soft[k] == i) {
            ++k;
            continue;
        }
        text.push_back(display[i]);
    }
    return text;
}

std::size_t to_text_pos(std::size_t display_pos, const std::vector<std::size_t>& soft) {
    auto before = std::lower_bound(soft.begin(), soft.end(), display_pos) - soft.begin();
    return display_pos - static_cast<std::size_t>(before);
}

std::size_t to_display_pos(std::size_t text_pos, const std::vector<std::size_t>& soft) {
    std::size_t pos = text_pos;
    for (std::size_t s : soft) {
        if (s > pos) break;
        ++pos; // a soft break before (or at) this place pushes it one further
    }
    return pos;
}

std::vector<std::size_t> carry(std::string_view old_display, const std::vector<std::size_t>& soft,
                               std::string_view new_display) {
    std::size_t prefix = 0;
    std::size_t max_prefix = std::min(old_display.size(), new_display.size());
    while (prefix < max_prefix && old_display[prefix] == new_display[prefix])
        ++prefix;
    std::size_t suffix = 0;
    std::size_t max_suffix = std::min(old_display.size(), new_display.size()) - prefix;
    while (suffix < max_suffix && old_display[old_display.size() - 1 - suffix] ==
                                      new_display[new_display.size() - 1 - suffix])
        ++suffix;
    std::size_t old_edit_end = old_display.size() - suffix; // [prefix, old_edit_end) was replaced
    long delta = static_cast<long>(new_display.size()) - static_cast<long>(old_display.size());
    std::vector<std::size_t> out;
    for (std::size_t s : soft) {
        if (s < prefix)
            out.push_back(s);
        else if (s >= old_edit_end)
            out.push_back(static_cast<std::size_t>(static_cast<long>(s) + delta));
    }
    return out;
}

} // namespace convene::app::softwrap
