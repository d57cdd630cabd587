#include "app/widgets.hpp"

#include "app/ui_probe.hpp"
#include <string>

#include "app/fonts.hpp"

#include <imgui.h>

namespace convene::app::widgets {

std::string count(std::size_t n, std::string_view one, std::string_view many) {
    std::string word(n == 1 ? one : many.empty() ? std::string(one) + "s" : std::string(many));
    return std::to_string(n) + " " + word;
}

void screen_title(const char* title) {
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
    ImGui::Separator();
    ImGui::Spacing();
}

void wrapped(const char* text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
}

void empty_state(const char* heading, const char* body) {
    ImGui::Spacing();
    ImGui::Spacing();
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(heading);
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    float width = ImGui::GetContentRegionAvail().x;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + (width < 640.0f ? width : 640.0f));
    ImGui::TextUnformatted(body);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

bool close_button(const char* probe_prefix, bool unsaved) {
    std::string prefix = probe_prefix;
    bool close = false;
    ImGui::PushID(probe_prefix);
    if (ImGui::Button("Close")) {
        if (unsaved)
            ImGui::OpenPopup("Unsaved changes");
        else
            close = true;
    }
    probe(prefix + ".close");
    if (ImGui::BeginPopupModal("Unsaved changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted("Your changes are not saved yet.");
        if (ImGui::Button("Close without saving")) {
            close = true;
            ImGui::CloseCurrentPopup();
        }
        probe(prefix + ".close.discard");
        ImGui::SameLine();
        if (ImGui::Button("Keep editing")) ImGui::CloseCurrentPopup();
        probe(prefix + ".close.keep");
        ImGui::EndPopup();
    }
    ImGui::PopID();
    return close;
}

} // namespace convene::app::widgets
