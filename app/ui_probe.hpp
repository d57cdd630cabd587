// Lets tests find widgets: views call probe("nav.library") right after drawing an item, and the
// headless harness reads back where it was drawn. Costs nothing unless a test switched it on.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace convene::app {

struct ProbeRect {
    float x0, y0, x1, y1;
};

void probe_enable(bool on);
// Records the rectangle of the last item ImGui drew under name.
void probe(std::string_view name);
std::optional<ProbeRect> probe_find(std::string_view name);
void probe_clear();

} // namespace convene::app
