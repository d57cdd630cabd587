// Soft wrapping for multi-line text boxes. ImGui 1.86's multi-line input does not wrap, so the
// box edits a "display" copy of the text with line breaks inserted where a line would overflow;
// those soft breaks are tracked by position and never reach the saved text.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace convene::app::softwrap {

struct Layout {
    std::string display;           // the text with soft breaks inserted
    std::vector<std::size_t> soft; // offsets in display of the inserted '\n', ascending
};

// Where a line that is too wide should break: the offset at which the next visual line starts,
// or line.size() when it fits.
using BreakFn = std::function<std::size_t(std::string_view line, float width)>;

Layout wrap(std::string_view text, float width, const BreakFn& line_break);
// The text without the soft breaks.
std::string unwrap(std::string_view display, const std::vector<std::size_t>& soft);
std::size_t to_text_pos(std::size_t display_pos, const std::vector<std::size_t>& soft);
std::size_t to_display_pos(std::size_t text_pos, const std::vector<std::size_t>& soft);
// After an edit turned old_display into new_display, the soft breaks that are still there
// (shifted by the edit); a soft break inside the edited span is gone.
std::vector<std::size_t> carry(std::string_view old_display, const std::vector<std::size_t>& soft,
                               std::string_view new_display);

} // namespace convene::app::softwrap
