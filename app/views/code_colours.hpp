// A code's colour on screen: "#RRGGBB" read and written, a sub-code without a colour of its own
// drawn in its parent's, and the small square shown beside a code's name.
#pragma once

#include "store/codebook.hpp"

#include <imgui.h>
#include <optional>
#include <string>
#include <vector>

namespace convene::app {

std::optional<ImVec4> parse_colour(const std::string& hex); // nullopt unless #RRGGBB
std::string colour_hex(const float rgb[3]);                 // "#1f77b4"
// The colour each code is drawn in (codes in tree order, as list_codes gives them): its own,
// else its nearest ancestor's, else grey.
std::vector<ImVec4> shown_colours(const std::vector<store::CodeRow>& codes);
// A square of the font's height, drawn at pos (no item: the caller lays out around it).
void draw_swatch(ImVec2 pos, const ImVec4& colour);

} // namespace convene::app
