// Small widgets shared by several views.
#pragma once

namespace convene::app::widgets {

// A centred heading and explanation for a screen that has nothing to show yet.
void empty_state(const char* heading, const char* body);
// A screen's title in the larger size.
void screen_title(const char* title);
// Text that wraps to the available width.
void wrapped(const char* text);

} // namespace convene::app::widgets
