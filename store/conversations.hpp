// Repository of conversations (interviews and focus groups), their participants and per-area
// timings. Functions take the Database so the autosaver's own connection can use them too.
#pragma once

#include "store/sqlite.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace convene::store {

// Where a conversation stands; kept in the workspace by name (status_name).
enum class Status { Planned, InProgress, Complete };
std::string_view status_name(Status status); // "planned" | "in_progress" | "complete"
std::optional<Status> parse_status(std::string_view name);

struct Participant {
    std::string uuid; // empty: new
    std::string name, role, organisation;
    bool consent = false;
    bool operator==(const Participant&) const = default;
};

// A question added on the spot during a conversation; kept with that conversation only. Its
// answer is an ordinary answer under the question id follow_up_question_id(uuid).
struct FollowUp {
    std::string uuid;
    std::string area_id; // shown at the end of this area
    std::string text;
    bool operator==(const FollowUp&) const = default;
};
std::string follow_up_question_id(const std::string& follow_up_uuid);

struct Conversation {
    std::string uuid; // empty: new
    std::string guide_hash;
    std::string group;
    std::string mode = "interview"; // interview | focus_group
    std::string org, state;
    std::string scheduled_at; // "YYYY-MM-DDTHH:MM", local time
    std::string facilitator, note_taker;
    std::string profile; // MC profile slug shown, "" none
    std::set<std::string> flags;
    Status status = Status::Planned;
    std::string current_question;
    std::vector<Participant> participants;
    std::map<std::string, double> area_seconds;
    std::string notes;        // the conversation as a whole: impressions, actions, parking lot
    std::string last_speaker; // the speaker last chosen for a quote (the next quote's default)
    std::vector<FollowUp> follow_ups;
    std::string created_at, updated_at;
    std::optional<std::string> deleted_at;
};

// Checks mode and status values; returns the reason when one is not allowed.
std::optional<std::string> check_conversation(const Conversation& c);

// Inserts a new conversation (uuid assigned if empty) with its participants; returns the uuid.
std::string create_conversation(Database& db, Conversation c);
// Makes the stored set-up and participants equal to c, writing only what differs
// (participants missing from c are removed). Edits go through record_conversation_change.
void update_conversation(Database& db, const Conversation& c);
std::optional<Conversation> get_conversation(Database& db, const std::string& uuid);
// The same for one conversation after another, its four statements prepared once (the export).
class ConversationReader {
  public:
    explicit ConversationReader(Database& db);
    std::optional<Conversation> read(const std::string& uuid);

  private:
    Statement conversation_, participants_, times_, follow_ups_;
};
// The conversations whose uuid starts with prefix (at least 4 characters), at most limit.
std::vector<std::string> conversations_starting_with(Database& db, const std::string& prefix,
                                                     int limit);
// Finds a conversation by a unique prefix of its uuid (at least 4 characters).
std::optional<std::string> resolve_conversation_uuid(Database& db, const std::string& prefix);

void set_conversation_status(Database& db, const std::string& uuid, Status status);
void set_current_question(Database& db, const std::string& uuid, const std::string& question_id);
void set_conversation_notes(Database& db, const std::string& uuid, const std::string& notes);
void set_last_speaker(Database& db, const std::string& uuid, const std::string& speaker);
// Adds a follow-up question (uuid assigned if empty) after the conversation's others.
void add_follow_up(Database& db, const std::string& conversation_uuid, const FollowUp& f);
// Adds seconds to one part of an area's time: the part (part_uuid) belongs to one session, so
// parts from several workspaces add up when merged, and merging twice never counts one twice.
void add_area_seconds(Database& db, const std::string& part_uuid, const std::string& uuid,
                      const std::string& area_id, double seconds);

// Deleting moves a conversation to the trash; restoring brings it back. Each says so when the
// conversation is already where it would move it.
void trash_conversation(Database& db, const std::string& uuid);
void restore_conversation(Database& db, const std::string& uuid);

struct ConversationFilter {
    std::string group, state, status;
    std::string from, to; // inclusive dates "YYYY-MM-DD"
    bool trash = false;   // list the trash instead
};

struct ConversationRow {
    std::string uuid, group, mode, org, state, scheduled_at, facilitator, guide_title;
    std::string group_label; // the guide's label for the group ("State licensing department")
    Status status = Status::Planned;
    int answered = 0; // answers with notes, quotes, values or marked asked
    int participants = 0;
    std::string deleted_at;
};

std::vector<ConversationRow> list_conversations(Database& db,
                                                const ConversationFilter& filter = {});

// The groups and states that occur, for the list's filter menus.
struct ConversationFacets {
    std::vector<std::string> groups, states;
    std::vector<std::string> group_labels; // beside groups: each one's label in its guide
};
ConversationFacets conversation_facets(Database& db);

} // namespace convene::store
