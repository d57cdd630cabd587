// The dialogs that write documents: the printable protocol (from the Library's guide browser or
// a conversation's set-up) and a conversation's report (from the review). Each is a modal with a
// DocumentTarget; draw() only records what was pressed, act() writes after drawing.
#pragma once

#include "app/document_target.hpp"
#include "export/conversation_report.hpp"
#include "export/protocol_document.hpp"
#include "guides/guide.hpp"

#include <optional>
#include <string>

namespace convene::store {
class Workspace;
}

namespace convene::app {

class ConversationSession;

class ProtocolPrintDialog {
  public:
    explicit ProtocolPrintDialog(std::string probe_prefix)
        : prefix_(probe_prefix), target_(std::move(probe_prefix)) {}
    // Opens the dialog for this guide; options say whose protocol and what is filled in.
    // ask_org: offer a box for the organisation (the guide browser has none of its own).
    void open(const guides::Guide& guide, exporting::ProtocolOptions options, bool ask_org);
    void draw();
    void act();

  private:
    std::string prefix_;
    DocumentTarget target_;
    std::optional<guides::Guide> guide_;
    exporting::ProtocolOptions options_;
    bool ask_org_ = false;
    bool open_ = false;
};

class ConversationReportDialog {
  public:
    void open(const store::Conversation& c);
    void draw();
    // Writes the report of the session's conversation from the workspace, once the session's
    // pending edits are saved (so it holds what the screen shows).
    void act(store::Workspace& ws, ConversationSession& session);

  private:
    DocumentTarget target_{"report"};
    exporting::ReportOptions options_;
    bool open_ = false;
};

} // namespace convene::app
