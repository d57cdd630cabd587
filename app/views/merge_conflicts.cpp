// File > Merge conflicts: the rows a merge found edited in both workspaces. Each shows the
// fields where the kept version and the other differ; the user keeps the merge's choice or
// flips the row to the other version.
#include "store/merge_conflicts.hpp"
#include "app/ui_probe.hpp"
#include "app/views/workspace_tools.hpp"
#include "app/widgets.hpp"

#include <imgui.h>
#include <nlohmann/json.hpp>

namespace convene::app {
namespace {

std::string shown(const nlohmann::json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_null()) return "(empty)";
    return v.dump();
}

std::vector<ConflictField> differing(const std::string& kept, const std::string& other) {
    auto a = nlohmann::json::parse(kept, nullptr, false);
    auto b = nlohmann::json::parse(other, nullptr, false);
    std::vector<ConflictField> out;
    if (!a.is_object() || !b.is_object()) return out;
    for (const auto& [column, value] : a.items()) {
        if (column == "updated_at" || !b.contains(column) || b[column] == value) continue;
        out.push_back({column, shown(value), shown(b[column])});
    }
    return out;
}

} // namespace

void WorkspaceTools::open_conflicts() {
    conflicts_open_ = true;
    conflicts_cache_.invalidate();
}

void WorkspaceTools::rebuild_conflicts(store::Workspace& ws) {
    conflicts_.clear();
    for (const auto& c : store::list_conflicts(ws.db()))
        conflicts_.push_back(
            {c.uuid, c.table, c.row_key, c.source, c.recorded_at, differing(c.kept, c.other)});
}

void WorkspaceTools::draw_conflicts() {
    if (!conflicts_open_) return;
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 44, ImGui::GetFontSize() * 26),
                             ImGuiCond_Appearing);
    if (!ImGui::Begin("Merge conflicts", &conflicts_open_)) return ImGui::End();
    if (conflicts_.empty())
        widgets::wrapped("No conflicts to review: every merged row was edited on one side only.");
    for (const auto& c : conflicts_) {
        ImGui::PushID(c.uuid.c_str());
        ImGui::Separator();
        ImGui::Text("%s %s", c.table.c_str(), c.row_key.c_str());
        ImGui::TextDisabled("merged from %s at %s", c.source.c_str(), c.recorded_at.c_str());
        for (const auto& f : c.fields) {
            ImGui::BulletText("%s", f.column.c_str());
            ImGui::Indent();
            ImGui::TextWrapped("kept:  %s", f.kept.c_str());
            ImGui::TextWrapped("other: %s", f.other.c_str());
            ImGui::Unindent();
        }
        if (ImGui::Button("Use the other version")) requests_.flip = c.uuid;
        probe("conflict.flip." + c.uuid);
        ImGui::SameLine();
        if (ImGui::Button("Keep")) requests_.keep = c.uuid;
        probe("conflict.keep." + c.uuid);
        ImGui::PopID();
    }
    ImGui::End();
}

} // namespace convene::app
