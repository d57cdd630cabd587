// Quality review > Overview: every profile rated against the set, one row each, one cell per
// criterion coloured by its consensus level; a row opens that profile's compiled review.
#include "app/ui_probe.hpp"
#include "app/views/quality_panels.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

namespace convene::app {

void QualityOverviewPanel::draw(const QualityModel& m, std::vector<QualityRequest>& requests) {
    if (!m.set) return;
    const auto& o = m.overview;
    if (o.rows.empty()) {
        widgets::empty_state("No profile rated yet",
                             "Once reviewers have rated profiles against this set, each profile "
                             "gets a row here with the consensus on every criterion.");
        return;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    widgets::wrapped((std::string("The consensus level per criterion. ") +
                      exporting::kConsensusRule + " Pick a profile to see its compiled review.")
                         .c_str());
    ImGui::PopStyleColor();
    for (std::size_t k = 0; k < m.set->levels.size(); ++k) {
        if (k) ImGui::SameLine();
        ImGui::ColorButton(("##legend" + std::to_string(k)).c_str(),
                           level_colour(static_cast<int>(k), m.set->levels.size()),
                           ImGuiColorEditFlags_NoTooltip);
        ImGui::SameLine();
        ImGui::Text("%zu %s", k + 1, m.set->levels[k].label.c_str());
    }
    auto entries = m.set->entries();
    const auto flags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("##overview", static_cast<int>(entries.size() + 1), flags)) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("Profile", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 12);
    for (const auto& e : entries)
        ImGui::TableSetupColumn(e.criterion->id.c_str(), ImGuiTableColumnFlags_WidthFixed,
                                ImGui::GetFontSize() * 4.8f);
    ImGui::TableHeadersRow();
    for (const auto& row : o.rows) {
        ImGui::PushID(row.profile_slug.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        std::string title = m.profile_title(row.profile_slug);
        if (ImGui::Selectable(title.c_str(), row.profile_slug == m.profile_slug))
            requests.push_back({QualityRequest::Kind::ShowCompiled, row.profile_slug});
        probe("quality.overview." + row.profile_slug);
        for (std::size_t i = 0; i < row.consensus.size(); ++i) {
            ImGui::TableNextColumn();
            const auto& level = row.consensus[i];
            if (!level) {
                ImGui::TextDisabled("-");
                continue;
            }
            ImVec4 c = level_colour(*level, m.set->levels.size());
            ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(c));
            ImGui::TextColored(ImVec4(1, 1, 1, 1), "%d", *level + 1);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s\n%s (%zu ratings)", entries[i].criterion->text.c_str(),
                                  m.set->levels[static_cast<std::size_t>(*level)].label.c_str(),
                                  row.rated[i]);
            probe("quality.overview." + row.profile_slug + "." + entries[i].criterion->id,
                  std::to_string(*level + 1));
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

} // namespace convene::app
