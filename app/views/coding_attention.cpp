// The review's codings one by one: what hovering says about a coding, its menu (memo, remove,
// re-anchor) and the list of codings whose words are gone ("Needs your attention").
#include "app/views/coding_panel.hpp"

#include "app/ui_probe.hpp"
#include "app/widgets.hpp"

#include <algorithm>
#include <imgui.h>
#include <imgui_internal.h> // GetItemID
#include <imgui_stdlib.h>

namespace convene::app {
namespace {

std::string short_excerpt(const std::string& text, std::size_t max = 160) {
    if (text.size() <= max) return text;
    while (max > 0 && (static_cast<unsigned char>(text[max]) & 0xC0) == 0x80)
        --max; // not inside a character
    return text.substr(0, max) + "…";
}

} // namespace

const store::Segment* CodingPanel::find_segment(const std::string& uuid) const {
    for (const auto& [answer, segments] : model_.by_answer)
        for (const auto& s : segments)
            if (s.uuid == uuid) return &s;
    return nullptr;
}

bool CodingPanel::fits_selection(const store::Segment& s) const {
    auto q = model_.question_of.find(s.answer_uuid);
    return q != model_.question_of.end() && selection_.question_id == q->second &&
           selection_.part == s.part && selection_.quote_uuid == s.quote_uuid &&
           selection_.begin < selection_.end;
}

void CodingPanel::segment_lines(const store::Segment& s) const {
    ImVec4 c = colour_of(s.code_uuid);
    ImGui::ColorButton("##colour", c, ImGuiColorEditFlags_NoTooltip,
                       ImVec2(ImGui::GetFontSize() * 0.8f, ImGui::GetFontSize() * 0.8f));
    ImGui::SameLine();
    ImGui::TextUnformatted(code_name(s.code_uuid, true).c_str());
    ImGui::TextDisabled("Coded by %s on %s", person_name(s.coder_uuid).c_str(),
                        s.created_at.substr(0, 10).c_str());
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    if (s.part == store::SegmentPart::Answer)
        ImGui::TextUnformatted("The whole answer");
    else
        ImGui::TextWrapped("“%s”", short_excerpt(s.excerpt).c_str());
    if (s.lost)
        ImGui::TextWrapped("These words are no longer in the text: see Needs your attention.");
    if (s.memo.empty())
        ImGui::TextDisabled("No memo");
    else
        ImGui::TextWrapped("Memo: %s", s.memo.c_str());
    ImGui::PopTextWrapPos();
}

// What hovering says about codings (of the same words): the words once, then one line per
// coding with its code path, coder and memo.
void CodingPanel::segments_tooltip(const std::vector<const store::Segment*>& list,
                                   bool clickable) const {
    float em = ImGui::GetFontSize();
    const auto& first = *list.front();
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(em * 26);
    if (first.part == store::SegmentPart::Answer)
        ImGui::TextDisabled("The whole answer");
    else
        ImGui::TextWrapped("“%s”", short_excerpt(first.excerpt).c_str());
    std::vector<std::string> codes; // each code once, with everyone who applied it here
    for (const auto* s : list)
        if (std::find(codes.begin(), codes.end(), s->code_uuid) == codes.end())
            codes.push_back(s->code_uuid);
    for (const auto& code : codes) {
        std::vector<const store::Segment*> by;
        for (const auto* s : list)
            if (s->code_uuid == code) by.push_back(s);
        ImGui::ColorButton("##colour", colour_of(code), ImGuiColorEditFlags_NoTooltip,
                           ImVec2(em * 0.8f, em * 0.8f));
        ImGui::SameLine();
        ImGui::TextUnformatted(code_name(code, true).c_str());
        ImGui::Indent(em * 1.3f);
        std::string who;
        for (const auto* s : by)
            who += (who.empty() ? "" : ", ") + person_name(s->coder_uuid);
        if (by.size() == 1) who += ", " + by[0]->created_at.substr(0, 10);
        ImGui::TextDisabled("%s", who.c_str());
        for (const auto* s : by)
            if (!s->memo.empty())
                ImGui::TextWrapped("Memo%s: %s",
                                   by.size() > 1 ? (" (" + person_name(s->coder_uuid) + ")").c_str()
                                                 : "",
                                   s->memo.c_str());
        ImGui::Unindent(em * 1.3f);
    }
    if (first.lost)
        ImGui::TextWrapped("These words are no longer in the text: see Needs your attention.");
    if (clickable) ImGui::TextDisabled("Click for the memo and Remove");
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void CodingPanel::draw_segment_menu() {
    if (open_menu_) {
        ImGui::OpenPopup("##coding_menu");
        open_menu_ = false;
    }
    if (!ImGui::BeginPopup("##coding_menu")) return;
    const store::Segment* s = find_segment(menu_uuid_);
    if (!s) { // removed meanwhile
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    segment_lines(*s);
    ImGui::Separator();
    ImGui::TextUnformatted("Memo");
    ImGui::InputTextMultiline("##memo", &memo_,
                              ImVec2(ImGui::GetFontSize() * 24, ImGui::GetTextLineHeight() * 4));
    probe("coding.memo");
    ImGui::BeginDisabled(memo_ == s->memo);
    if (ImGui::Button("Save memo")) {
        requests_.push_back({CodingRequest::Kind::Memo, {}, s->uuid, memo_});
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    probe("coding.memo.save");
    ImGui::SameLine();
    if (ImGui::Button("Remove coding")) {
        requests_.push_back({CodingRequest::Kind::Remove, {}, s->uuid, s->code_uuid});
        ImGui::CloseCurrentPopup();
    }
    probe("coding.remove");
    if (s->lost) {
        ImGui::SameLine();
        ImGui::BeginDisabled(!fits_selection(*s));
        if (ImGui::Button("Re-anchor to the selected words")) {
            requests_.push_back({CodingRequest::Kind::Reanchor, selection_, s->uuid, {}});
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndDisabled();
        keep_selection(ImGui::GetItemID());
    }
    ImGui::EndPopup();
}

void CodingPanel::draw_attention(ConversationSession& session) {
    if (model_.lost.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Header, ImVec4(0.93f, 0.62f, 0.22f, 0.55f));
    std::string title = "Needs your attention: " +
                        widgets::count(model_.lost.size(), "coding whose words are gone",
                                       "codings whose words are gone") +
                        "###attention";
    bool open = ImGui::CollapsingHeader(title.c_str(), ImGuiTreeNodeFlags_DefaultOpen);
    ImGui::PopStyleColor();
    probe("coding.attention", std::to_string(model_.lost.size()));
    if (!open) return;
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("Their words were edited away. Select the words each belongs to now and "
                        "re-anchor it, or remove it.");
    ImGui::PopTextWrapPos();
    float row = ImGui::GetTextLineHeightWithSpacing(); // small buttons: no frame padding
    float height = std::min(row * static_cast<float>(model_.lost.size()), row * 3.5f);
    ImGui::BeginChild("##lost", ImVec2(0, height));
    for (const auto& s : model_.lost)
        draw_lost_row(s, session);
    ImGui::EndChild();
    ImGui::Separator();
}

// One line: the actions first (always in view), then the code, the question and the words.
void CodingPanel::draw_lost_row(const store::Segment& s, ConversationSession& session) {
    ImGui::PushID(s.uuid.c_str());
    auto q = model_.question_of.find(s.answer_uuid);
    std::string question = q == model_.question_of.end() ? std::string() : q->second;
    std::size_t number = 0;
    for (std::size_t i = 0; i < session.items().size(); ++i)
        if (session.items()[i].question->id == question) number = i + 1;
    if (ImGui::SmallButton("Go to")) scroll_to_ = question;
    ImGui::SameLine();
    bool fits = fits_selection(s);
    ImGui::BeginDisabled(!fits);
    if (ImGui::SmallButton("Re-anchor"))
        requests_.push_back({CodingRequest::Kind::Reanchor, selection_, s.uuid, {}});
    ImGui::EndDisabled();
    keep_selection(ImGui::GetItemID());
    probe("coding.reanchor." + s.uuid);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip(fits ? "Code the selected words instead"
                               : "Select the words in question %zu's %s first",
                          number, s.part == store::SegmentPart::Quote ? "quote" : "notes");
    ImGui::SameLine();
    if (ImGui::SmallButton("Remove"))
        requests_.push_back({CodingRequest::Kind::Remove, {}, s.uuid, s.code_uuid});
    probe("coding.lost.remove." + s.uuid);
    ImGui::SameLine();
    ImGui::ColorButton("##colour", colour_of(s.code_uuid), ImGuiColorEditFlags_NoTooltip,
                       ImVec2(ImGui::GetFontSize() * 0.8f, ImGui::GetFontSize() * 0.8f));
    ImGui::SameLine();
    std::string who = s.coder_uuid == model_.coder ? "" : " (" + person_name(s.coder_uuid) + ")";
    ImGui::Text("%s, question %zu%s: “%s”", code_name(s.code_uuid, true).c_str(), number,
                who.c_str(), short_excerpt(s.excerpt, 90).c_str());
    probe("coding.lost." + s.uuid, s.excerpt);
    ImGui::PopID();
}

} // namespace convene::app
