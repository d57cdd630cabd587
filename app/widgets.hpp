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

} // namespace convene::app::widgets
