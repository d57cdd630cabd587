// A multi-line text box whose lines wrap to its width as you type (see soft_wrap.hpp), and which
// reports the selected text so the walkthrough can turn it into a quote.
#pragma once

#include "app/soft_wrap.hpp"

#include <imgui.h>
#include <string>
#include <vector>

namespace convene::app {

struct WrappedInputState {
    std::string text;        // the real text as last seen by the box
    softwrap::Layout layout; // what the box shows
    float width = -1;
    std::size_t sel_begin = 0, sel_end = 0; // selection in text offsets (begin <= end)
    bool changed = false;
    bool reload = false; // the text changed from outside while the box was being edited
    // Set to take the keyboard in the next wrapped_input() call (the same frame), with the cursor
    // after the last character, so typing straight on lands at the end of the notes.
    bool focus_at_end = false;
    // Characters typed in a frame in which this box could not take them (the frame it took the
    // keyboard in: ImGui 1.86 ignores typing there); given to it in the next frame.
    std::vector<ImWchar> carried;
    // Text to type in at the cursor as soon as the box has the keyboard (Ctrl+T's [12:34]).
    std::string insert;
    std::string selected() const { return text.substr(sel_begin, sel_end - sel_begin); }
};

// Edits text in a box of the given height (width: all available). Returns true when the text
// changed this frame. With state.focus_at_end set, the box becomes the active one in this very
// frame: characters queued this frame already land at its end.
bool wrapped_input(const char* id, std::string& text, float height, WrappedInputState& state);

} // namespace convene::app
