// Recording what a person changed in a conversation's set-up, and nothing else: each set-up
// field, each flag and each participant (by uuid) is its own part, written in one IMMEDIATE
// transaction, so the app and a script editing one conversation never revert each other.
#pragma once

#include "store/conversations.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace convene::store {

struct ConversationChange {
    std::string conversation_uuid;
    // Set-up fields by column: group_id, mode, org, state, scheduled_at, facilitator,
    // note_taker, profile_slug, status.
    std::map<std::string, std::string> fields;
    std::map<std::string, bool> flags; // condition -> set
    std::vector<Participant> participants_set;
    std::vector<std::string> participants_removed;
    bool empty() const {
        return fields.empty() && flags.empty() && participants_set.empty() &&
               participants_removed.empty();
    }
};

// Writes the change in one transaction. Throws Error for a value that is not allowed, a
// conversation that does not exist, or one in the trash.
void record_conversation_change(Database& db, const ConversationChange& change);

// What turns before into after. Participants without a uuid get one (in after too).
ConversationChange diff_conversations(const Conversation& before, Conversation& after);

// The change split into parts keyed "field/COLUMN", "flag/NAME", "participant/UUID".
std::vector<std::pair<std::string, ConversationChange>>
split_by_part(const ConversationChange& change);

} // namespace convene::store
