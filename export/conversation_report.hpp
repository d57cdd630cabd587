// The report of one conversation, to file or to send back: its set-up, the participants (or
// their pseudonyms), each question with the notes, quotes with their speakers and structured
// answers, and the conversation's own notes and follow-up questions. A version for the
// participants to check leaves out the facilitator's own notes and opens with a cover note.
#pragma once

#include "export/document.hpp"
#include "guides/guide.hpp"
#include "store/answers.hpp"
#include "store/conversations.hpp"

#include <filesystem>
#include <map>
#include <string>

namespace convene::store {
class Workspace;
}

namespace convene::exporting {

struct ReportInput {
    guides::Guide guide; // the exact guide the conversation ran with
    store::Conversation conversation;
    std::map<std::string, store::Answer> answers; // by question id
    std::string profile_title;                    // the MC profile shown, "" none
};

// Reads what a report needs. Throws std::runtime_error naming the uuid when there is no such
// conversation.
ReportInput load_report_input(store::Workspace& ws, const std::string& uuid);

struct ReportOptions {
    bool pseudonymize = false;     // participants as "Participant 1", in notes and quotes too
    bool for_participants = false; // a cover note; only what was discussed; no facilitator notes
    // The facilitator's own notes: the conversation notes (impressions, actions, parking lot),
    // which probes were covered, and the time per area. Never in the participants' version.
    bool facilitator_notes = true;
};

doc::Document conversation_report(const ReportInput& input, const ReportOptions& options);

// Writes the report as HTML (.html, .htm) or Markdown (.md), atomically and readable by its
// owner only. Throws std::runtime_error for another extension or when it cannot be written.
void write_conversation_report(const ReportInput& input, const ReportOptions& options,
                               const std::filesystem::path& file);

} // namespace convene::exporting
