// Library > Codebook: the shared codes, their hierarchy and when to apply each.
#include "app/views/library_panels.hpp"
#include "app/widgets.hpp"

#include <cstdlib>
#include <imgui.h>

namespace convene::app {
namespace {

ImVec4 parse_colour(const std::string& hex) {
    if (hex.size() != 7) return ImVec4(0.6f, 0.6f, 0.6f, 1);
    auto v = std::strtoul(hex.c_str() + 1, nullptr, 16);
    return ImVec4(float((v >> 16) & 255) / 255.f, float((v >> 8) & 255) / 255.f,
                  float(v & 255) / 255.f, 1);
}

} // namespace

void CodebookBrowser::draw(ViewContext& ctx) {
    if (cache_.stale(ctx)) codes_ = store::list_codes(*ctx.workspace);
    if (codes_.empty()) {
        widgets::empty_state("The codebook is empty", "Codes arrive with the coding screen.");
        return;
    }
    widgets::wrapped("Codes the workgroup applies to answers. Children refine their parent; the "
                     "description says when a code applies.");
    if (!ImGui::BeginTable("##codes", 2,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                               ImGuiTableFlags_ScrollY))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Code", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 18);
    ImGui::TableSetupColumn("Apply when");
    ImGui::TableHeadersRow();
    ImVec4 colour(0.6f, 0.6f, 0.6f, 1);
    for (const auto& c : codes_) {
        if (c.depth == 0) colour = parse_colour(c.colour);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Indent(static_cast<float>(c.depth) * ImGui::GetFontSize());
        ImGui::ColorButton(("##" + c.slug).c_str(),
                           c.colour.empty() ? colour : parse_colour(c.colour),
                           ImGuiColorEditFlags_NoTooltip,
                           ImVec2(ImGui::GetFontSize() * .8f, ImGui::GetFontSize() * .8f));
        ImGui::SameLine();
        ImGui::TextUnformatted(c.name.c_str());
        ImGui::Unindent(static_cast<float>(c.depth) * ImGui::GetFontSize());
        ImGui::TableNextColumn();
        widgets::wrapped(c.description.c_str());
    }
    ImGui::EndTable();
}

} // namespace convene::app
