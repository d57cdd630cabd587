// Conversations > review: the whole conversation on one page, editable, with time per area;
// mark it complete here. Answers are coded here too (views/coding_panel.hpp).
#include "app/field_widgets.hpp"
#include "app/fonts.hpp"
#include "app/ui_probe.hpp"
#include "app/views/conversation_panels.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

namespace convene::app {

ConversationRequest Review::draw(ViewContext& ctx, ConversationSession& session) {
    ConversationRequest request;
    auto& c = session.conversation();
    const auto* grp = session.guide().group(c.group);
    widgets::screen_title("Review");
    std::string heading =
        c.org + " · " + (grp ? grp->label : c.group) + " · " + c.state + " · " + c.scheduled_at;
    widgets::wrapped(heading.c_str());
    ImGui::TextDisabled("Facilitator %s, note taker %s, %zu participants, status: %s",
                        c.facilitator.c_str(), c.note_taker.c_str(), c.participants.size(),
                        std::string(store::status_name(c.status)).c_str());
    if (c.status != store::Status::Complete) {
        if (ImGui::Button("Mark complete")) session.set_status(store::Status::Complete);
    } else if (ImGui::Button("Reopen")) {
        session.set_status(store::Status::InProgress);
    }
    probe("review.complete");
    ImGui::SameLine();
    if (ImGui::Button("Back to the walkthrough"))
        request.kind = ConversationRequest::Kind::Walkthrough;
    ImGui::SameLine();
    if (ImGui::Button("Close")) request.kind = ConversationRequest::Kind::Close;
    probe("review.close");
    ImGui::SameLine();
    if (ImGui::Button("Report...")) report_.open(c);
    probe("review.report");
    report_.draw();
    coding_.draw_toolbar(ctx, session);
    ImGui::Separator();
    coding_.draw_attention(session);

    ImGui::BeginChild("##review_body");
    draw_conversation_notes(session, conversation_notes_state_, ImGui::GetTextLineHeight() * 4.5f);
    const auto& items = session.items();
    const guides::Area* area = nullptr;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& item = items[i];
        if (item.area != area) {
            area = item.area;
            ImGui::Spacing();
            ImGui::PushFont(fonts().heading);
            ImGui::TextUnformatted(area->title.c_str());
            ImGui::PopFont();
            double s = session.area_seconds(area->id);
            ImGui::SameLine();
            ImGui::TextDisabled("%d:%02d used of %g min", int(s) / 60, int(s) % 60, area->minutes);
        }
        const auto& q = *item.question;
        ImGui::PushID(q.id.c_str());
        const auto* existing = session.find_answer(q.id);
        bool skipped = existing && existing->asked == store::Asked::Skipped;
        ImGui::Text("%zu.", i + 1);
        ImGui::SameLine();
        widgets::wrapped((item.text + (skipped ? "  [skipped]" : "")).c_str());
        probe("review.question." + q.id);
        ImGui::Indent();
        auto& a = session.answer(q.id);
        bool changed = coding_.draw_answer(q.id, a, notes_state_[q.id], [&] {
            bool quotes = draw_quotes(a, session, &coding_);
            return fields_input(q, a.values) || quotes;
        });
        if (changed) {
            if (a.asked == store::Asked::NotYet) a.asked = store::Asked::Asked;
            session.answer_changed(q.id);
        }
        ImGui::Unindent();
        ImGui::Spacing();
        ImGui::PopID();
    }
    ImGui::EndChild();
    coding_.draw_popups();
    return request;
}

} // namespace convene::app
