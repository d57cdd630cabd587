#include "app/views/coder_dialog.hpp"

#include "app/ui_probe.hpp"
#include "store/workspace.hpp"

#include <algorithm>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {

std::string current_coder(const Settings& settings, const store::Workspace& ws,
                          const std::vector<store::Person>& people) {
    auto it = settings.coders.find(ws.path().string());
    if (it == settings.coders.end()) return {};
    bool known = std::any_of(people.begin(), people.end(),
                             [&](const store::Person& p) { return p.uuid == it->second; });
    return known ? it->second : std::string();
}

void remember_coder(Settings& settings, const store::Workspace& ws, const std::string& uuid) {
    settings.coders[ws.path().string()] = uuid;
}

std::optional<CoderDialog::Choice> CoderDialog::draw(const std::vector<store::Person>& people,
                                                     const std::string& current) {
    constexpr const char* kPopup = "Who is coding?##coder_dialog";
    if (open_) {
        ImGui::OpenPopup(kPopup);
        open_ = false;
        name_.clear();
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(
        ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.3f),
        ImGuiCond_Appearing, ImVec2(0.5f, 0.3f));
    shown_ = ImGui::BeginPopupModal(
        kPopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
    if (!shown_) return std::nullopt;
    std::optional<Choice> choice;
    float em = ImGui::GetFontSize();
    ImGui::PushTextWrapPos(em * 26);
    ImGui::TextUnformatted("Codings carry the name of the person who made them, so two coders' "
                           "work can be compared. This is asked once on this computer.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (!people.empty()) {
        ImGui::TextDisabled("I am");
        int n = 0;
        for (const auto& p : people) {
            if (ImGui::Selectable(p.name.c_str(), p.uuid == current, 0, ImVec2(em * 26, 0)))
                choice = Choice{p.uuid, {}};
            probe("coder_dialog.person." + std::to_string(n++), p.name);
        }
        ImGui::Spacing();
    }
    ImGui::TextDisabled(people.empty() ? "Your name" : "Or someone new");
    ImGui::SetNextItemWidth(em * 18);
    bool enter =
        ImGui::InputTextWithHint("##name", "Name", &name_, ImGuiInputTextFlags_EnterReturnsTrue);
    probe("coder_dialog.name");
    ImGui::SameLine();
    bool blank = name_.find_first_not_of(" \t") == std::string::npos;
    ImGui::BeginDisabled(blank);
    if ((ImGui::Button("Add") || enter) && !blank) choice = Choice{{}, name_};
    ImGui::EndDisabled();
    probe("coder_dialog.add");
    ImGui::Spacing();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    probe("coder_dialog.cancel");
    if (choice) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    if (choice) shown_ = false;
    return choice;
}

} // namespace convene::app
