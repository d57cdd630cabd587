// Review > Report...: the conversation as a document, for the team or for the participants to
// check, with names or pseudonyms, written where the user chooses.
#include "app/conversation_session.hpp"
#include "app/ui_probe.hpp"
#include "app/views/document_dialogs.hpp"

#include <algorithm>
#include <cctype>

#include <imgui.h>

namespace convene::app {

void ConversationReportDialog::open(const store::Conversation& c) {
    std::string org;
    for (char ch : c.org) {
        auto u = static_cast<unsigned char>(ch);
        if (std::isalnum(u))
            org += static_cast<char>(std::tolower(u));
        else if (!org.empty() && org.back() != '-')
            org += '-';
    }
    while (!org.empty() && org.back() == '-')
        org.pop_back();
    std::string date = c.scheduled_at.substr(0, std::min<std::size_t>(10, c.scheduled_at.size()));
    target_.reset("report" + (org.empty() ? "" : "-" + org) + (date.empty() ? "" : "-" + date) +
                  ".html");
    open_ = true;
}

void ConversationReportDialog::draw() {
    if (open_) {
        ImGui::OpenPopup("Conversation report");
        open_ = false;
    }
    if (!ImGui::BeginPopupModal("Conversation report", nullptr, ImGuiWindowFlags_AlwaysAutoResize))
        return;
    const float em = ImGui::GetFontSize();
    ImGui::PushTextWrapPos(em * 36);
    ImGui::TextUnformatted("The whole conversation as a document: set-up, participants, and "
                           "each question with its notes, quotes and answers.");
    ImGui::PopTextWrapPos();
    if (ImGui::RadioButton("For the team", !options_.for_participants))
        options_.for_participants = false;
    probe("report.for_team");
    ImGui::SameLine();
    if (ImGui::RadioButton("For the participants to check", options_.for_participants))
        options_.for_participants = true;
    probe("report.for_participants");
    ImGui::Checkbox("Pseudonyms instead of participants' names", &options_.pseudonymize);
    probe("report.pseudonymize");
    ImGui::BeginDisabled(options_.for_participants);
    bool facilitator = options_.facilitator_notes && !options_.for_participants;
    if (ImGui::Checkbox("Include the facilitator's own notes (conversation notes, probes "
                        "covered, times)",
                        &facilitator))
        options_.facilitator_notes = facilitator;
    ImGui::EndDisabled();
    probe("report.facilitator_notes");
    if (options_.for_participants)
        ImGui::TextDisabled("The participants' version opens with a note asking them to check "
                            "it and leaves out the facilitator's notes.");
    target_.draw();
    ImGui::EndPopup();
}

void ConversationReportDialog::act(store::Workspace& ws, ConversationSession& session) {
    target_.act([&](const std::filesystem::path& file) {
        if (!session.flush())
            throw std::runtime_error("The last edits are not saved yet (" +
                                     session.save_status().error + "); try again in a moment.");
        auto input = exporting::load_report_input(ws, session.conversation().uuid);
        exporting::write_conversation_report(input, options_, file);
    });
}

} // namespace convene::app
