// A multi-line text box whose lines wrap to its width as you type (see soft_wrap.hpp), and which
// reports the selected text so the walkthrough can turn it into a quote.
#pragma once

#include "app/soft_wrap.hpp"

#include <string>

namespace convene::app {

struct WrappedInputState {
    std::string text;        // the real text as last seen by the box
    softwrap::Layout layout; // what the box shows
    float width = -1;
    std::size_t sel_begin = 0, sel_end = 0; // selection in text offsets (begin <= end)
    bool changed = false;
    bool reload = false; // the text changed from outside while the box was being edited
    std::string selected() const { return text.substr(sel_begin, sel_end - sel_begin); }
};

// Edits text in a box of the given height (width: all available). Returns true when the text
// changed this frame.
bool wrapped_input(const char* id, std::string& text, float height, WrappedInputState& state);

} // namespace convene::app
