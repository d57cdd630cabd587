// File > Save a copy...: a consistent copy of the open workspace (SQLite's backup API), safe
// while the app keeps saving; written under a temporary name and renamed, owner-only.
#include "app/ui_probe.hpp"
#include "app/views/workspace_tools.hpp"
#include "app/widgets.hpp"
#include "store/backup.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {

void WorkspaceTools::open_copy(const std::string& suggested_path) {
    copy_open_ = true;
    copy_message_.clear();
    if (copy_path_.empty()) copy_path_ = suggested_path;
}

void WorkspaceTools::draw_copy() {
    if (!copy_open_) return;
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 34, 0), ImGuiCond_Appearing);
    if (!ImGui::Begin("Save a copy", &copy_open_)) return ImGui::End();
    widgets::wrapped("Path of the copy (a new file):");
    copy_input_.draw("##copy_path", copy_path_, {.probe = "copy.path"});
    ImGui::BeginDisabled(copy_job_.running());
    if (ImGui::Button("Save copy")) requests_.copy = true;
    probe("copy.save");
    ImGui::EndDisabled();
    if (copy_job_.running()) {
        ImGui::SameLine();
        ImGui::TextDisabled("Copying...");
    }
    if (!copy_message_.empty()) widgets::wrapped(copy_message_.c_str());
    ImGui::End();
}

} // namespace convene::app
