#include "app/ui_probe.hpp"

#include <imgui.h>
#include <map>

namespace convene::app {
namespace {
bool g_enabled = false;
std::map<std::string, ProbeRect, std::less<>> g_rects;
} // namespace

void probe_enable(bool on) {
    g_enabled = on;
}

void probe(std::string_view name) {
    probe(name, {});
}

void probe(std::string_view name, std::string_view text) {
    if (!g_enabled) return;
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    g_rects[std::string(name)] = ProbeRect{a.x, a.y, b.x, b.y, std::string(text)};
}

std::optional<ProbeRect> probe_find(std::string_view name) {
    auto it = g_rects.find(name);
    if (it == g_rects.end()) return std::nullopt;
    return it->second;
}

void probe_clear() {
    g_rects.clear();
}

} // namespace convene::app
