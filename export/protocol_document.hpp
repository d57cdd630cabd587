// A printable interview or focus-group protocol to take into the room: a header for date, place,
// people and the MC profile shown (filled from a conversation's set-up, or lines to write on), an
// opening script and a consent check, the time plan, and one group's questions area by area with
// probes, tick boxes for answer choices and space for notes. Questions asked only in some
// conversations are grouped under one direction ("Ask these only if ..."). HTML or Markdown.
#pragma once

#include "export/document.hpp"
#include "guides/guide.hpp"
#include "store/conversations.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace convene::store {
class Workspace;
}

namespace convene::exporting {

struct ProtocolOptions {
    std::string group;
    std::string state;
    std::string org;
    // Filled in when printed from a conversation's set-up; printed as lines to write on if empty.
    std::string date; // "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"
    std::string place;
    std::string mode; // "interview" | "focus_group" | ""
    std::string facilitator, note_taker;
    std::vector<std::string> participants;      // "Name, role" each
    std::string profile_title;                  // the MC profile to be shown
    std::optional<std::set<std::string>> flags; // the conversation's conditions, when known
};

// The options for printing the protocol of a conversation, from its set-up; the MC profile's
// title read from the workspace, or given.
ProtocolOptions protocol_options_for(store::Workspace& ws, const store::Conversation& c);
ProtocolOptions protocol_options_for(const store::Conversation& c, std::string profile_title);

doc::Document protocol_document(const guides::Guide& guide, const ProtocolOptions& options);
std::string protocol_html(const guides::Guide& guide, const ProtocolOptions& options);
std::string protocol_markdown(const guides::Guide& guide, const ProtocolOptions& options);

// The direction printed above questions asked only sometimes, for a person: "Ask only if an MC
// profile is shown", "Skip if the organisation has never issued an MC".
std::string ask_if_text(const guides::Guide& guide, const std::string& condition);

// "Tuesday, August 18, 2026, 10:00" from "2026-08-18T10:00"; other text as it is.
std::string long_date(const std::string& iso);

} // namespace convene::exporting
