// Small widgets shared by several views.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace convene::app::widgets {

// A count with the word in the right number: "1 respondent", "2 respondents", "0 respondents".
// `many` defaults to `one` + "s".
std::string count(std::size_t n, std::string_view one, std::string_view many = {});

// A centred heading and explanation for a screen that has nothing to show yet.
void empty_state(const char* heading, const char* body);
// A screen's title in the larger size.
void screen_title(const char* title);
// Text that wraps to the available width.
void wrapped(const char* text);

// An editor's Close button that asks before unsaved work is dropped: with no unsaved changes
// it closes at once; else a modal offers "Close without saving" and "Keep editing". Returns
// true when the editor should close. probe_prefix names the button and the modal's buttons
// ("<prefix>.close", "<prefix>.close.discard", "<prefix>.close.keep").
bool close_button(const char* probe_prefix, bool unsaved);

} // namespace convene::app::widgets
