#include "store/conversation_changes.hpp"
#include "store/json_column.hpp"

#include "store/uuid.hpp"

#include <nlohmann/json.hpp>
#include <set>

namespace convene::store {
namespace {

// The set-up columns a change may name, with the member each mirrors.
const std::vector<std::pair<std::string, std::string Conversation::*>>& setup_columns() {
    static const std::vector<std::pair<std::string, std::string Conversation::*>> columns{
        {"group_id", &Conversation::group},
        {"mode", &Conversation::mode},
        {"org", &Conversation::org},
        {"state", &Conversation::state},
        {"scheduled_at", &Conversation::scheduled_at},
        {"facilitator", &Conversation::facilitator},
        {"note_taker", &Conversation::note_taker},
        {"profile_slug", &Conversation::profile},
    };
    return columns;
}

void check_field(const std::string& column, const std::string& value) {
    if (column == "status") {
        if (!parse_status(value))
            throw Error("status \"" + value + "\" is not one of: planned, in_progress, complete");
        return;
    }
    std::string Conversation::*member = nullptr;
    for (const auto& [name, m] : setup_columns())
        if (name == column) member = m;
    if (!member) throw Error("\"" + column + "\" is not a set-up field of a conversation");
    Conversation probe; // check_conversation's rules, one field at a time
    probe.group = "group";
    probe.*member = value;
    if (auto err = check_conversation(probe)) throw Error(*err);
}

void write_flags(Database& db, const std::string& uuid, const std::map<std::string, bool>& flags) {
    Statement read(db, "SELECT flags FROM conversation WHERE uuid = ?1");
    read.bind(1, uuid);
    read.step();
    std::set<std::string> set;
    for (const auto& f : json_column(read.text(0), "conversation", "flags", uuid, JsonKind::Array))
        if (f.is_string()) set.insert(f.get<std::string>());
    for (const auto& [flag, on] : flags)
        on ? (void)set.insert(flag) : (void)set.erase(flag);
    Statement(db, "UPDATE conversation SET flags = ?2 WHERE uuid = ?1")
        .bind(1, uuid)
        .bind(2, nlohmann::json(set).dump())
        .run();
}

void write_participants(Database& db, const ConversationChange& c, const std::string& now) {
    for (const auto& p : c.participants_set)
        Statement(db, "INSERT INTO participant(uuid, conversation_uuid, name, role, organisation, "
                      "consent, position, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                      "(SELECT coalesce(max(position) + 1, 0) FROM participant "
                      "WHERE conversation_uuid = ?2), ?7) ON CONFLICT(uuid) DO UPDATE SET "
                      "name = excluded.name, role = excluded.role, "
                      "organisation = excluded.organisation, consent = excluded.consent, "
                      "updated_at = excluded.updated_at")
            .bind(1, p.uuid.empty() ? new_uuid() : p.uuid)
            .bind(2, c.conversation_uuid)
            .bind(3, p.name)
            .bind(4, p.role)
            .bind(5, p.organisation)
            .bind(6, p.consent ? 1 : 0)
            .bind(7, now)
            .run();
    for (const auto& uuid : c.participants_removed)
        Statement(db, "DELETE FROM participant WHERE uuid = ?1 AND conversation_uuid = ?2")
            .bind(1, uuid)
            .bind(2, c.conversation_uuid)
            .run();
}

} // namespace

void record_conversation_change(Database& db, const ConversationChange& c) {
    for (const auto& [column, value] : c.fields)
        check_field(column, value);
    Transaction tx(db);
    Statement state(db, "SELECT deleted_at IS NOT NULL FROM conversation WHERE uuid = ?1");
    state.bind(1, c.conversation_uuid);
    if (!state.step()) throw Error("there is no conversation " + c.conversation_uuid);
    if (state.integer(0))
        throw Error("conversation " + c.conversation_uuid.substr(0, 8) +
                    " is in the trash: restore it before changing it");
    std::string now = now_utc();
    for (const auto& [column, value] : c.fields) {
        // The column name comes from setup_columns() (checked above), never from input.
        Statement(db, "UPDATE conversation SET " + column + " = ?2 WHERE uuid = ?1")
            .bind(1, c.conversation_uuid)
            .bind(2, value)
            .run();
    }
    if (!c.flags.empty()) write_flags(db, c.conversation_uuid, c.flags);
    write_participants(db, c, now);
    Statement(db, "UPDATE conversation SET updated_at = ?2 WHERE uuid = ?1")
        .bind(1, c.conversation_uuid)
        .bind(2, now)
        .run();
    tx.commit();
}

ConversationChange diff_conversations(const Conversation& before, Conversation& after) {
    ConversationChange c;
    c.conversation_uuid = after.uuid;
    for (const auto& [column, member] : setup_columns())
        if (before.*member != after.*member) c.fields[column] = after.*member;
    if (before.status != after.status) c.fields["status"] = status_name(after.status);
    for (const auto& f : before.flags)
        if (!after.flags.count(f)) c.flags[f] = false;
    for (const auto& f : after.flags)
        if (!before.flags.count(f)) c.flags[f] = true;
    std::map<std::string, const Participant*> old;
    for (const auto& p : before.participants)
        old[p.uuid] = &p;
    for (auto& p : after.participants) {
        if (p.uuid.empty()) p.uuid = new_uuid();
        auto it = old.find(p.uuid);
        if (it == old.end() || !(*it->second == p)) c.participants_set.push_back(p);
        if (it != old.end()) old.erase(it);
    }
    for (const auto& [uuid, p] : old)
        c.participants_removed.push_back(uuid);
    return c;
}

std::vector<std::pair<std::string, ConversationChange>>
split_by_part(const ConversationChange& change) {
    std::vector<std::pair<std::string, ConversationChange>> parts;
    auto part = [&](std::string key) -> ConversationChange& {
        parts.emplace_back(std::move(key), ConversationChange{change.conversation_uuid});
        return parts.back().second;
    };
    for (const auto& [column, value] : change.fields)
        part("field/" + column).fields[column] = value;
    for (const auto& [flag, on] : change.flags)
        part("flag/" + flag).flags[flag] = on;
    for (const auto& p : change.participants_set)
        part("participant/" + p.uuid).participants_set.push_back(p);
    for (const auto& uuid : change.participants_removed)
        part("participant/" + uuid).participants_removed.push_back(uuid);
    return parts;
}

} // namespace convene::store
