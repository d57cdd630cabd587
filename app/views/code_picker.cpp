#include "app/views/code_picker.hpp"

#include "app/views/code_colours.hpp"

#include "app/code_filter.hpp"
#include "app/ui_probe.hpp"
#include "app/widgets.hpp"

#include <cstdlib>
#include <imgui_internal.h> // GetActiveID, ImTextCharToUtf8
#include <imgui_stdlib.h>
#include <map>

namespace convene::app {
namespace {
constexpr const char* kPopup = "Apply a code##code_picker";
} // namespace

ImVec4 parse_code_colour(const std::string& hex) {
    return parse_colour(hex).value_or(ImVec4(0.6f, 0.6f, 0.6f, 1));
}

std::vector<ImVec4> code_colours(const std::vector<store::CodeRow>& codes) {
    return shown_colours(codes);
}

void CodePicker::open(std::string what) {
    what_ = std::move(what);
    typed_.clear();
    filtered_codes_ = nullptr; // filter again, whatever the list is now
    highlight_ = 0;
    open_ = true;
}

// Until the filter has the keyboard (ImGui gives it a frame after asking), what is typed goes
// into it all the same: Ctrl+K followed at once by the code's name loses no letter.
void CodePicker::take_early_typing() {
    if (ImGui::GetActiveID() == ImGui::GetID("##filter")) return;
    auto& queue = ImGui::GetIO().InputQueueCharacters;
    for (ImWchar c : queue) {
        if (c < 0x20 || c == 0x7F) continue;
        char utf8[5];
        typed_ += ImTextCharToUtf8(utf8, c);
    }
    queue.resize(0);
}

void CodePicker::refilter(const std::vector<store::CodeRow>& codes) {
    if (filtered_codes_ == codes.data() && filtered_size_ == codes.size() &&
        filtered_for_ == typed_)
        return;
    if (filtered_codes_ != codes.data() || filtered_size_ != codes.size())
        colours_ = code_colours(codes);
    matches_ = filter_codes(codes, typed_);
    filtered_codes_ = codes.data();
    filtered_size_ = codes.size();
    filtered_for_ = typed_;
    highlight_ = 0;
    scroll_ = true;
}

std::optional<std::string> CodePicker::draw(const std::vector<store::CodeRow>& codes) {
    std::optional<std::string> chosen;
    if (open_) {
        ImGui::OpenPopup(kPopup);
        open_ = false;
        focus_ = true;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(
        ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.3f),
        ImGuiCond_Appearing, ImVec2(0.5f, 0.3f));
    ImGui::SetNextWindowSize(ImVec2(std::min(em * 30, vp->WorkSize.x * 0.9f), 0));
    shown_ = ImGui::BeginPopupModal(
        kPopup, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    if (!shown_) return chosen;
    if (!what_.empty()) ImGui::TextDisabled("On %s", what_.c_str());
    take_early_typing();
    if (focus_) ImGui::SetKeyboardFocusHere();
    focus_ = false;
    ImGui::SetNextItemWidth(-1);
    // Taking the keyboard, the box puts its cursor after what was typed so far.
    auto to_end = [](ImGuiInputTextCallbackData* data) {
        auto* pending = static_cast<bool*>(data->UserData);
        if (*pending)
            data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
        *pending = false;
        return 0;
    };
    if (ImGui::GetActiveID() != ImGui::GetID("##filter")) cursor_to_end_ = true;
    bool enter = ImGui::InputTextWithHint("##filter", "Type to find a code", &typed_,
                                          ImGuiInputTextFlags_EnterReturnsTrue |
                                              ImGuiInputTextFlags_CallbackAlways,
                                          to_end, &cursor_to_end_);
    probe("code_picker.filter");
    refilter(codes);
    if (!matches_.empty()) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)) &&
            highlight_ + 1 < matches_.size()) {
            ++highlight_;
            scroll_ = true;
        }
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)) && highlight_ > 0) {
            --highlight_;
            scroll_ = true;
        }
        if (enter) chosen = codes[matches_[highlight_]].uuid;
    }
    if (enter && matches_.empty()) focus_ = true; // keep typing
    draw_rows(codes, chosen);
    ImGui::TextDisabled("%s · Up/Down, Enter to apply, Esc to close",
                        widgets::count(matches_.size(), "code").c_str());
    probe("code_picker.count", std::to_string(matches_.size()));
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    probe("code_picker.cancel");
    if (chosen) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    if (chosen) shown_ = false;
    return chosen;
}

void CodePicker::draw_rows(const std::vector<store::CodeRow>& codes,
                           std::optional<std::string>& chosen) {
    float row = ImGui::GetTextLineHeightWithSpacing();
    float em = ImGui::GetFontSize();
    ImGui::BeginChild("##codes", ImVec2(0, row * 12.5f), true);
    if (scroll_) { // keep the highlighted row in view (the clipper only draws what is shown)
        float top = row * static_cast<float>(highlight_);
        float view = ImGui::GetWindowHeight() - ImGui::GetStyle().WindowPadding.y * 2;
        if (top < ImGui::GetScrollY()) ImGui::SetScrollY(top);
        if (top + row > ImGui::GetScrollY() + view) ImGui::SetScrollY(top + row - view);
        scroll_ = false;
    }
    if (matches_.empty())
        ImGui::TextDisabled("No code has these words in its name or its parents' names.");
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(matches_.size()), row);
    while (clipper.Step()) {
        for (int n = clipper.DisplayStart; n < clipper.DisplayEnd; ++n) {
            const auto& code = codes[matches_[static_cast<std::size_t>(n)]];
            ImGui::PushID(n);
            ImVec2 at = ImGui::GetCursorScreenPos();
            bool pick = ImGui::Selectable("##row", static_cast<std::size_t>(n) == highlight_);
            probe("code_picker.row." + std::to_string(n), code.path);
            if (pick) chosen = code.uuid;
            float indent = em * (0.3f + 0.9f * static_cast<float>(code.depth));
            ImVec2 box(at.x + indent, at.y + (row - em * 0.7f) * 0.5f - 1);
            ImGui::GetWindowDrawList()->AddRectFilled(
                box, ImVec2(box.x + em * 0.7f, box.y + em * 0.7f),
                ImGui::GetColorU32(colours_[matches_[static_cast<std::size_t>(n)]]), 2);
            ImGui::SameLine(box.x - ImGui::GetWindowPos().x + em * 1.1f);
            ImGui::TextUnformatted(code.name.c_str());
            if (code.depth > 0 && !typed_.empty() && code.path.size() > code.name.size() + 3) {
                ImGui::SameLine(); // filtered, the tree is gone: say whose child it is
                ImGui::TextDisabled(
                    "in %s", code.path.substr(0, code.path.size() - code.name.size() - 3).c_str());
            }
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

} // namespace convene::app
