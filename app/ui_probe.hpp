// Lets tests find widgets: views call probe("nav.library") right after drawing an item, and the
// headless harness reads back where it was drawn. Costs nothing unless a test switched it on.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace convene::app {

struct ProbeRect {
    float x0, y0, x1, y1;
    std::string text; // what the item said, when the view recorded it (probe with text)
};

void probe_enable(bool on);
// Records the rectangle of the last item ImGui drew under name.
void probe(std::string_view name);
// The same, keeping the words the item showed, so a test can read them back.
void probe(std::string_view name, std::string_view text);
std::optional<ProbeRect> probe_find(std::string_view name);
void probe_clear();

} // namespace convene::app
