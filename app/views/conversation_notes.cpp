// The conversation-level notes box: overall impressions, follow-up actions, a parking lot. One per
// conversation, at hand in the walkthrough and shown in the review.
#include "app/ui_probe.hpp"
#include "app/views/conversation_panels.hpp"

#include <imgui.h>

namespace convene::app {

bool draw_conversation_notes(ConversationSession& session, WrappedInputState& state, float height) {
    ImGui::TextUnformatted("Conversation notes");
    ImGui::SameLine();
    ImGui::TextDisabled("(impressions, actions, parking lot)");
    ImGui::PushID("conversation_notes");
    bool changed = wrapped_input("##notes", session.conversation().notes, height, state);
    ImGui::PopID();
    probe("conversation_notes");
    if (changed) session.notes_changed();
    return changed;
}

} // namespace convene::app
