#include "app/widgets.hpp"

#include "app/fonts.hpp"

#include <imgui.h>

namespace convene::app::widgets {

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

} // namespace convene::app::widgets
