#include "app/views/code_colours.hpp"

#include "store/code_edits.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace convene::app {

std::optional<ImVec4> parse_colour(const std::string& hex) {
    if (hex.empty() || !store::valid_colour(hex)) return std::nullopt;
    auto v = std::strtoul(hex.c_str() + 1, nullptr, 16);
    return ImVec4(float((v >> 16) & 255) / 255.f, float((v >> 8) & 255) / 255.f,
                  float(v & 255) / 255.f, 1);
}

std::string colour_hex(const float rgb[3]) {
    auto byte = [](float f) {
        return static_cast<unsigned>(std::lround(std::fmin(1.f, std::fmax(0.f, f)) * 255.f));
    };
    char out[8];
    std::snprintf(out, sizeof out, "#%02x%02x%02x", byte(rgb[0]), byte(rgb[1]), byte(rgb[2]));
    return out;
}

std::vector<ImVec4> shown_colours(const std::vector<store::CodeRow>& codes) {
    const ImVec4 grey(0.6f, 0.6f, 0.6f, 1);
    std::vector<ImVec4> out, by_depth; // by_depth[d]: the colour of the open ancestor at depth d
    for (const auto& c : codes) {
        auto depth = static_cast<std::size_t>(c.depth);
        by_depth.resize(depth + 1, grey);
        ImVec4 inherited = depth > 0 ? by_depth[depth - 1] : grey;
        by_depth[depth] = parse_colour(c.colour).value_or(inherited);
        out.push_back(by_depth[depth]);
    }
    return out;
}

void draw_swatch(ImVec2 pos, const ImVec4& colour) {
    float size = ImGui::GetFontSize() * 0.8f;
    float pad = (ImGui::GetTextLineHeight() - size) / 2;
    ImVec2 a(pos.x, pos.y + pad), b(pos.x + size, pos.y + pad + size);
    auto* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(a, b, ImGui::GetColorU32(colour), size * 0.2f);
    draw->AddRect(a, b, ImGui::GetColorU32(ImGuiCol_Border), size * 0.2f);
}

} // namespace convene::app
