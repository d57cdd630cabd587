// Quotes with their speakers, shared by the walkthrough and the review: who may be named as a
// speaker, and the editable list of an answer's quotes.
#include "app/ui_probe.hpp"
#include "app/views/conversation_panels.hpp"

#include <algorithm>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {

std::vector<std::string> speaker_choices(const store::Conversation& c) {
    std::vector<std::string> out;
    for (const auto& p : c.participants)
        if (!p.name.empty()) out.push_back(p.name);
    out.push_back(c.facilitator.empty() ? std::string(kFacilitator)
                                        : c.facilitator + " (facilitator)");
    out.push_back(kSeveralSpeakers);
    out.push_back(kUnknownSpeaker);
    return out;
}

std::string default_speaker(const store::Conversation& c) {
    auto choices = speaker_choices(c);
    if (std::find(choices.begin(), choices.end(), c.last_speaker) != choices.end())
        return c.last_speaker;
    return c.participants.empty() || c.participants[0].name.empty() ? std::string(kUnknownSpeaker)
                                                                    : c.participants[0].name;
}

bool speaker_combo(const char* id, std::string& speaker, ConversationSession& session) {
    bool chosen = false;
    if (ImGui::BeginCombo(id, speaker.empty() ? "(speaker)" : speaker.c_str())) {
        int n = 0;
        for (const auto& name : speaker_choices(session.conversation())) {
            if (ImGui::Selectable(name.c_str(), name == speaker)) {
                speaker = name;
                chosen = true;
            }
            probe(std::string(id) + "." + std::to_string(n++));
        }
        ImGui::EndCombo();
    }
    if (chosen) session.set_last_speaker(speaker); // the next quote's default
    return chosen;
}

bool draw_quotes(store::Answer& answer, ConversationSession& session, QuoteBox* box) {
    bool changed = false;
    int remove = -1;
    for (std::size_t i = 0; i < answer.quotes.size(); ++i) {
        auto& q = answer.quotes[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::TextUnformatted("“");
        ImGui::SameLine(0, 0);
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 14);
        changed |= box ? box->draw_quote(i, q) : ImGui::InputText("##quote", &q.text);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
        changed |= speaker_combo("##speaker", q.speaker, session);
        ImGui::SameLine();
        if (ImGui::SmallButton("x")) remove = static_cast<int>(i);
        ImGui::PopID();
    }
    if (remove >= 0) {
        answer.quotes.erase(answer.quotes.begin() + remove);
        changed = true;
    }
    return changed;
}

} // namespace convene::app
