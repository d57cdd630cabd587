// Walkthrough > area bar: one button per question area with answers given and time used against
// its budget. Titles are never cut mid-word: a button too narrow for its title shortens it at a
// word with "…" and shows it in full on hover; when the buttons do not fit, the bar scrolls.
#include "app/ui_probe.hpp"
#include "app/views/conversation_panels.hpp"

#include <algorithm>
#include <cstdio>
#include <imgui.h>
#include <vector>

namespace convene::app {
namespace {

std::string minutes_text(double seconds) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d:%02d", static_cast<int>(seconds) / 60,
                  static_cast<int>(seconds) % 60);
    return buf;
}

// The longest start of text, ending at a whole word, that fits width with "…"; at least the
// first word.
std::string fit_words(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    std::string best;
    for (std::size_t space = text.find(' '); space != std::string::npos;
         space = text.find(' ', space + 1)) {
        std::string candidate = text.substr(0, space) + "…";
        if (ImGui::CalcTextSize(candidate.c_str()).x > width && !best.empty()) break;
        best = candidate;
    }
    return best.empty() ? text : best;
}

} // namespace

void Walkthrough::draw_area_stepper(ConversationSession& session, bool compact) {
    const auto& items = session.items();
    auto starts = session.area_starts();
    if (starts.empty()) return;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float em = ImGui::GetFontSize();
    const float button_h =
        ImGui::GetTextLineHeight() * (compact ? 1.0f : 2.0f) + style.FramePadding.y * 2;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float n = float(starts.size());
    // Each button as wide as its title (7 to 18 em); spare width is shared out; when they do not
    // fit, the bar scrolls.
    std::vector<float> widths;
    float total = style.ItemSpacing.x * (n - 1);
    for (std::size_t start : starts) {
        float title = ImGui::CalcTextSize(items[start].area->title.c_str()).x;
        widths.push_back(std::clamp(title + style.FramePadding.x * 2 + em, em * 7, em * 18));
        total += widths.back();
    }
    if (total < avail)
        for (auto& w : widths)
            w += (avail - total) / n;
    const bool scrolls = total > avail + 0.5f;
    // A thin scrollbar: a small window needs the height for the question.
    const float bar = compact ? std::max(6.0f, em * 0.4f) : style.ScrollbarSize;
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, bar);
    ImGui::BeginChild("##areas", ImVec2(0, button_h + (scrolls ? bar + 2 : 0)), false,
                      ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    for (std::size_t k = 0; k < starts.size(); ++k) {
        std::size_t begin = starts[k], end = k + 1 < starts.size() ? starts[k + 1] : items.size();
        const auto* area = items[begin].area;
        int done = 0;
        for (std::size_t i = begin; i < end; ++i)
            done += session.answered(items[i].question->id) ? 1 : 0;
        bool here = session.current() >= begin && session.current() < end;
        double used = session.area_seconds(area->id);
        bool over = area->minutes > 0 && used > area->minutes * 60;
        char counts[96];
        std::snprintf(counts, sizeof counts, "%d/%zu  %s / %g min", done, end - begin,
                      minutes_text(used).c_str(), area->minutes);
        const float w = widths[k];
        std::string title = fit_words(area->title, w - style.FramePadding.x * 2);
        std::string label = compact ? title : title + "\n" + counts;
        label += "###area" + std::to_string(k);
        if (k > 0) ImGui::SameLine();
        if (here) ImGui::PushStyleColor(ImGuiCol_Button, style.Colors[ImGuiCol_ButtonActive]);
        if (over) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.2f, 0.1f, 1));
        if (ImGui::Button(label.c_str(), ImVec2(w, button_h))) session.go_to(begin);
        if (over) ImGui::PopStyleColor();
        if (here) ImGui::PopStyleColor();
        probe("walkthrough.area." + area->id);
        if (ImGui::IsItemHovered()) // the whole title, and the counts a compact bar leaves out
            ImGui::SetTooltip("%s\n%s", area->title.c_str(), counts);
        if (here && scrolled_to_area_ != k) { // keep the current area in view
            ImGui::SetScrollHereX(0.5f);
            scrolled_to_area_ = k;
        }
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

} // namespace convene::app
