// The shell around the screens: menu bar, navigation, status bar and the app's dialogs.
#include "app/app.hpp"

#include "app/fonts.hpp"
#include "app/ui_probe.hpp"
#include "app/views/workspace_tools.hpp"
#include "app/widgets.hpp"
#include "store/workspace.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {

void App::draw_shell() {
    View& view = *views_[static_cast<std::size_t>(screen_)];
    if (view.captures_screen()) {
        ViewContext ctx = view_context();
        view.draw(ctx);
        if (ctx.settings_changed) save_settings_now();
        return;
    }
    draw_menu_bar();

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::Begin("##shell", nullptr, flags);
    ImGui::PopStyleVar();

    if (workspace_ && workspace_->read_only()) draw_read_only_banner();
    float status_height = ImGui::GetFrameHeightWithSpacing();
    if (settings_.navigation_shown) {
        float nav_width = ImGui::GetFontSize() * 11.0f;
        ImGui::BeginChild("##nav", ImVec2(nav_width, -status_height), true);
        draw_navigation();
        ImGui::EndChild();
        ImGui::SameLine();
    }
    ImGui::BeginChild("##screen", ImVec2(0, -status_height), true);
    ViewContext ctx = view_context();
    views_[static_cast<std::size_t>(screen_)]->draw(ctx);
    if (ctx.settings_changed) save_settings_now();
    ImGui::EndChild();
    draw_status_bar();
    ImGui::End();

    draw_workspace_dialog();
    draw_shortcuts_window();
    draw_about_window();
    ViewContext tools = view_context();
    tools_->draw(tools);
    tools_->act(tools);
}

ViewContext App::view_context() {
    ViewContext ctx;
    ctx.workspace = workspace_.get();
    ctx.revision = workspace_ ? workspace_->revision() : 0;
    ctx.settings = &settings_;
    return ctx;
}

void App::draw_menu_bar() {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("New workspace...", shortcut_label(Command::NewWorkspace)))
            run(Command::NewWorkspace);
        if (ImGui::MenuItem("Open workspace...", shortcut_label(Command::OpenWorkspace)))
            run(Command::OpenWorkspace);
        ImGui::Separator();
        ImGui::Separator();
        bool writable = workspace_ && !workspace_->read_only();
        if (ImGui::MenuItem("Merge workspace...", nullptr, false, writable))
            run(Command::MergeWorkspace);
        if (ImGui::MenuItem("Merge conflicts", nullptr, false, workspace_ != nullptr))
            run(Command::ReviewConflicts);
        if (ImGui::MenuItem("Save a copy...", nullptr, false, workspace_ != nullptr))
            run(Command::SaveCopy);
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", shortcut_label(Command::Quit))) run(Command::Quit);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        if (ImGui::MenuItem("Panels", shortcut_label(Command::TogglePanels),
                            settings_.navigation_shown))
            toggle_panels();
        ImGui::Separator();
        for (const auto& s : screen_list())
            if (ImGui::MenuItem(s.title, shortcut_label(s.go), screen_ == s.screen)) show(s.screen);
        ImGui::Separator();
        if (ImGui::BeginMenu("Text size")) {
            if (ImGui::MenuItem("Larger", shortcut_label(Command::TextLarger)))
                run(Command::TextLarger);
            if (ImGui::MenuItem("Smaller", shortcut_label(Command::TextSmaller)))
                run(Command::TextSmaller);
            if (ImGui::MenuItem("Default", shortcut_label(Command::TextReset)))
                run(Command::TextReset);
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem("Light theme", nullptr, !settings_.dark)) {
            settings_.dark = false;
            apply_theme();
            save_settings_now();
        }
        if (ImGui::MenuItem("Dark theme", nullptr, settings_.dark)) {
            settings_.dark = true;
            apply_theme();
            save_settings_now();
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("Keyboard shortcuts", shortcut_label(Command::ShowShortcuts)))
            run(Command::ShowShortcuts);
        if (ImGui::MenuItem("About Convene")) show_about_ = true;
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

void App::draw_navigation() {
    ImGui::TextDisabled("CONVENE");
    ImGui::SameLine(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 0.6f);
    if (ImGui::SmallButton("«")) toggle_panels();
    probe("nav.fold");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Fold the panels away (%s)", shortcut_label(Command::TogglePanels));
    ImGui::Spacing();
    for (const auto& s : screen_list()) {
        bool selected = screen_ == s.screen;
        ImGui::PushID(s.id);
        if (ImGui::Selectable(s.title, selected, 0, ImVec2(0, ImGui::GetFrameHeight())))
            show(s.screen);
        probe(std::string("nav.") + s.id);
        ImGui::PopID();
    }
}

void App::draw_read_only_banner() {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.45f, 0.0f, 1));
    ImGui::TextWrapped("Read-only: %s. You can read and export this workspace; changes cannot be "
                       "saved.",
                       workspace_->read_only_reason().c_str());
    ImGui::PopStyleColor();
    probe("banner.read_only");
}

void App::draw_status_bar() {
    std::string status = views_[static_cast<std::size_t>(screen_)]->status_text();
    if (!status.empty()) {
        bool problem = status.rfind("Not saved", 0) == 0;
        if (problem) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8f, 0.1f, 0.1f, 1));
        ImGui::TextUnformatted(status.c_str());
        if (problem) ImGui::PopStyleColor();
        probe("status.saved");
        ImGui::SameLine();
        ImGui::TextDisabled(" | ");
        ImGui::SameLine();
    }
    if (workspace_)
        ImGui::TextDisabled("Workspace: %s", workspace_->path().c_str());
    else
        ImGui::TextDisabled("No workspace open");
    if (fonts().fallback) {
        ImGui::SameLine();
        ImGui::TextDisabled("  (DejaVu Sans not found: using the built-in font)");
    }
}

void App::draw_workspace_dialog() {
    const char* title = workspace_dialog_creates_ ? "New workspace" : "Open workspace";
    if (open_workspace_dialog_) {
        ImGui::OpenPopup(title);
        open_workspace_dialog_ = false;
    }
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 36, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    widgets::wrapped(workspace_dialog_creates_
                         ? "Path of the new workspace file (it must not exist yet):"
                         : "Path of the workspace file to open:");
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    workspace_path_input_.draw("##path", workspace_dialog_path_,
                               {.hint = "Tab completes a folder or file name",
                                .width = ImGui::GetFontSize() * 34,
                                .probe = "workspace_dialog.path"});
    bool enter = workspace_path_input_.entered();
    if (!workspace_dialog_error_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8f, 0.1f, 0.1f, 1.0f));
        widgets::wrapped(workspace_dialog_error_.c_str());
        ImGui::PopStyleColor();
    }
    bool ok = ImGui::Button(workspace_dialog_creates_ ? "Create" : "Open") || enter;
    probe("workspace_dialog.ok");
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        ImGui::CloseCurrentPopup();
        ok = false;
    }
    if (ok) {
        std::filesystem::path path(workspace_dialog_path_);
        std::error_code ec;
        if (path.empty()) {
            workspace_dialog_error_ = "Type the path of a workspace file.";
        } else if (workspace_dialog_creates_ && std::filesystem::exists(path, ec)) {
            workspace_dialog_error_ =
                path.string() + " already exists: choose File > Open workspace to open it.";
        } else if (auto err = open_workspace(path, workspace_dialog_creates_)) {
            workspace_dialog_error_ = *err;
        } else {
            ImGui::CloseCurrentPopup();
        }
    }
    ImGui::EndPopup();
}

void App::draw_shortcuts_window() {
    if (!show_shortcuts_) return;
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 26, 0), ImGuiCond_Appearing);
    if (ImGui::Begin("Keyboard shortcuts", &show_shortcuts_)) {
        if (ImGui::BeginTable("##shortcuts", 2,
                              ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
            ImGui::TableSetupColumn("Keys", ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableSetupColumn("Action");
            ImGui::TableHeadersRow();
            for (const auto& s : shortcuts()) {
                if (!s.action) continue; // one row stands for a run of keys ("1 ... 9")
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(s.keys);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(s.action);
            }
            ImGui::EndTable();
        }
    }
    ImGui::End();
}

void App::draw_about_window() {
    if (!show_about_) return;
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30, 0), ImGuiCond_Appearing);
    if (ImGui::Begin("About Convene", &show_about_)) {
        ImGui::Text("Convene %s", CONVENE_VERSION);
        widgets::wrapped("Conversations, coding, surveys and spreadsheets for education agency "
                         "staff exploring educator micro-credentials with their stakeholders.");
        ImGui::TextDisabled("Workspace format %d", store::latest_schema_version());
    }
    ImGui::End();
}

void App::draw_error_dialog() {
    if (open_error_popup_) {
        ImGui::OpenPopup("Problem");
        open_error_popup_ = false;
    }
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 32, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal("Problem", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    widgets::wrapped(error_message_.c_str());
    ImGui::Spacing();
    if (ImGui::Button("OK")) {
        error_message_.clear();
        ImGui::CloseCurrentPopup();
    }
    probe("error_dialog.ok");
    ImGui::EndPopup();
}

} // namespace convene::app
