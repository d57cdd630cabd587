// Library > Currency: units of professional-learning credit and each state's conversions.
#include "app/views/library_panels.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

namespace convene::app {

void CurrencyTableView::draw(ViewContext& ctx) {
    if (cache_.stale(ctx)) table_ = store::load_currency(*ctx.workspace);
    widgets::wrapped("Summaries convert the hours and credits stakeholders name into clock hours "
                     "with these figures. Check each source against your state's current rules.");
    if (ImGui::BeginTable("##units", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders)) {
        ImGui::TableSetupColumn("Unit");
        ImGui::TableSetupColumn("Clock hours", ImGuiTableColumnFlags_WidthFixed,
                                ImGui::GetFontSize() * 7);
        ImGui::TableHeadersRow();
        for (const auto& u : table_.units) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(u.label.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%g", u.clock_hours);
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    if (ImGui::BeginTable("##conversions", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders)) {
        ImGui::TableSetupColumn("State", ImGuiTableColumnFlags_WidthFixed,
                                ImGui::GetFontSize() * 6);
        ImGui::TableSetupColumn("Unit", ImGuiTableColumnFlags_WidthFixed,
                                ImGui::GetFontSize() * 14);
        ImGui::TableSetupColumn("Clock hours", ImGuiTableColumnFlags_WidthFixed,
                                ImGui::GetFontSize() * 6);
        ImGui::TableSetupColumn("Source");
        ImGui::TableHeadersRow();
        for (const auto& c : table_.conversions) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(c.state.c_str());
            ImGui::TableNextColumn();
            const auto* u = table_.unit(c.unit);
            widgets::wrapped(u ? u->label.c_str() : c.unit.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%g", c.clock_hours);
            ImGui::TableNextColumn();
            widgets::wrapped(c.source.c_str());
        }
        ImGui::EndTable();
    }
}

} // namespace convene::app
