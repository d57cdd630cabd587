#include "store/conversations.hpp"
#include "store/json_column.hpp"

#include "store/conversation_changes.hpp"
#include "store/uuid.hpp"

#include <nlohmann/json.hpp>

namespace convene::store {
namespace {

void save_participants(Database& db, const std::string& conversation_uuid,
                       const std::vector<Participant>& participants) {
    std::string now = now_utc();
    std::set<std::string> keep;
    int position = 0;
    for (const auto& p : participants) {
        std::string uuid = p.uuid.empty() ? new_uuid() : p.uuid;
        keep.insert(uuid);
        Statement(db, "INSERT INTO participant(uuid, conversation_uuid, name, role, organisation, "
                      "consent, position, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                      "ON CONFLICT(uuid) DO UPDATE SET name = excluded.name, role = excluded.role, "
                      "organisation = excluded.organisation, consent = excluded.consent, "
                      "position = excluded.position, updated_at = excluded.updated_at")
            .bind(1, uuid)
            .bind(2, conversation_uuid)
            .bind(3, p.name)
            .bind(4, p.role)
            .bind(5, p.organisation)
            .bind(6, p.consent ? 1 : 0)
            .bind(7, position++)
            .bind(8, now)
            .run();
    }
    Statement existing(db, "SELECT uuid FROM participant WHERE conversation_uuid = ?1");
    existing.bind(1, conversation_uuid);
    std::vector<std::string> gone;
    while (existing.step())
        if (!keep.contains(existing.text(0))) gone.push_back(existing.text(0));
    for (const auto& uuid : gone)
        Statement(db, "DELETE FROM participant WHERE uuid = ?1").bind(1, uuid).run();
}

void require_changed(Database& db, const std::string& uuid) {
    if (db.changes() == 0) throw Error("no conversation " + uuid);
}

} // namespace

std::string_view status_name(Status status) {
    switch (status) {
    case Status::Planned:
        return "planned";
    case Status::InProgress:
        return "in_progress";
    case Status::Complete:
        return "complete";
    }
    return "planned";
}

std::optional<Status> parse_status(std::string_view name) {
    for (auto s : {Status::Planned, Status::InProgress, Status::Complete})
        if (status_name(s) == name) return s;
    return std::nullopt;
}

std::optional<std::string> check_conversation(const Conversation& c) {
    if (c.mode != "interview" && c.mode != "focus_group")
        return "mode \"" + c.mode + "\" is not one of: interview, focus_group";
    if (c.group.empty()) return "a conversation needs a stakeholder group";
    return std::nullopt;
}

std::string create_conversation(Database& db, Conversation c) {
    if (auto err = check_conversation(c)) throw Error(*err);
    if (c.uuid.empty()) c.uuid = new_uuid();
    std::string now = now_utc();
    Transaction tx(db);
    Statement(db, "INSERT INTO conversation(uuid, guide_hash, group_id, mode, org, state, "
                  "scheduled_at, facilitator, note_taker, profile_slug, flags, status, "
                  "current_question, created_at, updated_at) VALUES "
                  "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)")
        .bind(1, c.uuid)
        .bind(2, c.guide_hash)
        .bind(3, c.group)
        .bind(4, c.mode)
        .bind(5, c.org)
        .bind(6, c.state)
        .bind(7, c.scheduled_at)
        .bind(8, c.facilitator)
        .bind(9, c.note_taker)
        .bind(10, c.profile)
        .bind(11, nlohmann::json(c.flags).dump())
        .bind(12, status_name(c.status))
        .bind(13, c.current_question)
        .bind(14, c.created_at.empty() ? now : c.created_at)
        .run();
    save_participants(db, c.uuid, c.participants);
    for (const auto& [area, seconds] : c.area_seconds)
        add_area_seconds(db, new_uuid(), c.uuid, area, seconds);
    tx.commit();
    return c.uuid;
}

void update_conversation(Database& db, const Conversation& c) {
    if (auto err = check_conversation(c)) throw Error(*err);
    Transaction tx(db);
    auto stored = get_conversation(db, c.uuid);
    if (!stored) throw Error("no conversation " + c.uuid);
    Conversation after = c;
    record_conversation_change(db, diff_conversations(*stored, after));
    tx.commit();
}

std::optional<Conversation> get_conversation(Database& db, const std::string& uuid) {
    return ConversationReader(db).read(uuid);
}

ConversationReader::ConversationReader(Database& db)
    : conversation_(db, "SELECT uuid, guide_hash, group_id, mode, org, state, scheduled_at, "
                        "facilitator, note_taker, profile_slug, flags, status, current_question, "
                        "created_at, updated_at, deleted_at, notes, last_speaker FROM conversation "
                        "WHERE uuid = ?1"),
      participants_(db, "SELECT uuid, name, role, organisation, consent FROM participant "
                        "WHERE conversation_uuid = ?1 ORDER BY position"),
      // An area's time is the sum of its parts (one per session that timed it): see area_time.
      times_(db, "SELECT area_id, sum(seconds) FROM area_time WHERE conversation_uuid = ?1 "
                 "GROUP BY area_id"),
      follow_ups_(db, "SELECT uuid, area_id, text FROM follow_up WHERE conversation_uuid = ?1 "
                      "ORDER BY position, created_at") {}

std::optional<Conversation> ConversationReader::read(const std::string& uuid) {
    auto& st = conversation_;
    st.reset();
    st.bind(1, uuid);
    if (!st.step()) return std::nullopt;
    Conversation c;
    c.uuid = st.text(0);
    c.guide_hash = st.text(1);
    c.group = st.text(2);
    c.mode = st.text(3);
    c.org = st.text(4);
    c.state = st.text(5);
    c.scheduled_at = st.text(6);
    c.facilitator = st.text(7);
    c.note_taker = st.text(8);
    c.profile = st.text(9);
    for (const auto& f : json_column(st.text(10), "conversation", "flags", c.uuid, JsonKind::Array))
        if (f.is_string()) c.flags.insert(f.get<std::string>());
    c.status = parse_status(st.text(11)).value_or(Status::Planned);
    c.current_question = st.text(12);
    c.created_at = st.text(13);
    c.updated_at = st.text(14);
    c.deleted_at = st.optional_text(15);
    c.notes = st.text(16);
    c.last_speaker = st.text(17);
    st.reset(); // ends the read: the statement waits for the next conversation
    participants_.reset();
    participants_.bind(1, uuid);
    while (participants_.step())
        c.participants.push_back({participants_.text(0), participants_.text(1),
                                  participants_.text(2), participants_.text(3),
                                  participants_.int64(4) != 0});
    times_.reset();
    times_.bind(1, uuid);
    while (times_.step())
        c.area_seconds[times_.text(0)] = times_.real(1);
    follow_ups_.reset();
    follow_ups_.bind(1, uuid);
    while (follow_ups_.step())
        c.follow_ups.push_back({follow_ups_.text(0), follow_ups_.text(1), follow_ups_.text(2)});
    return c;
}

std::vector<std::string> conversations_starting_with(Database& db, const std::string& prefix,
                                                     int limit) {
    std::vector<std::string> uuids;
    if (prefix.size() < 4) return uuids;
    Statement st(db, "SELECT uuid FROM conversation WHERE uuid >= ?1 AND uuid < ?1 || 'g' "
                     "ORDER BY uuid LIMIT ?2");
    st.bind(1, prefix).bind(2, limit);
    while (st.step())
        uuids.push_back(st.text(0));
    return uuids;
}

std::string follow_up_question_id(const std::string& follow_up_uuid) {
    return "follow_up." + follow_up_uuid;
}

void set_conversation_notes(Database& db, const std::string& uuid, const std::string& notes) {
    Statement(db, "UPDATE conversation SET notes = ?2, updated_at = ?3 WHERE uuid = ?1")
        .bind(1, uuid)
        .bind(2, notes)
        .bind(3, now_utc())
        .run();
}

void set_last_speaker(Database& db, const std::string& uuid, const std::string& speaker) {
    Statement(db, "UPDATE conversation SET last_speaker = ?2 WHERE uuid = ?1")
        .bind(1, uuid)
        .bind(2, speaker)
        .run();
}

void add_follow_up(Database& db, const std::string& conversation_uuid, const FollowUp& f) {
    Statement(db, "INSERT INTO follow_up(uuid, conversation_uuid, area_id, text, position, "
                  "created_at) VALUES (?1, ?2, ?3, ?4, (SELECT coalesce(max(position), 0) + 1 "
                  "FROM follow_up WHERE conversation_uuid = ?2), ?5)")
        .bind(1, f.uuid.empty() ? new_uuid() : f.uuid)
        .bind(2, conversation_uuid)
        .bind(3, f.area_id)
        .bind(4, f.text)
        .bind(5, now_utc())
        .run();
}

std::optional<std::string> resolve_conversation_uuid(Database& db, const std::string& prefix) {
    auto uuids = conversations_starting_with(db, prefix, 2);
    if (uuids.size() != 1) return std::nullopt; // none, or ambiguous
    return uuids.front();
}

void set_conversation_status(Database& db, const std::string& uuid, Status status) {
    Statement(db, "UPDATE conversation SET status = ?2, updated_at = ?3 WHERE uuid = ?1")
        .bind(1, uuid)
        .bind(2, status_name(status))
        .bind(3, now_utc())
        .run();
    require_changed(db, uuid);
}

void set_current_question(Database& db, const std::string& uuid, const std::string& question_id) {
    Statement(db, "UPDATE conversation SET current_question = ?2 WHERE uuid = ?1")
        .bind(1, uuid)
        .bind(2, question_id)
        .run();
}

void add_area_seconds(Database& db, const std::string& part_uuid, const std::string& uuid,
                      const std::string& area_id, double seconds) {
    Statement(db, "INSERT INTO area_time(uuid, conversation_uuid, area_id, seconds, updated_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(uuid) DO UPDATE SET "
                  "seconds = seconds + excluded.seconds, updated_at = excluded.updated_at")
        .bind(1, part_uuid)
        .bind(2, uuid)
        .bind(3, area_id)
        .bind(4, seconds)
        .bind(5, now_utc())
        .run();
}

namespace {

// Whether the conversation is in the trash; throws when there is no such conversation.
bool in_trash(Database& db, const std::string& uuid) {
    Statement st(db, "SELECT deleted_at IS NOT NULL FROM conversation WHERE uuid = ?1");
    st.bind(1, uuid);
    if (!st.step()) throw Error("no conversation " + uuid);
    return st.integer(0) != 0;
}

} // namespace

void trash_conversation(Database& db, const std::string& uuid) {
    Transaction tx(db);
    if (in_trash(db, uuid))
        throw Error("conversation " + uuid.substr(0, 8) + " is already in the trash");
    // updated_at too: the trash state travels to other workspaces as the later edit.
    Statement(db, "UPDATE conversation SET deleted_at = ?2, updated_at = ?2 WHERE uuid = ?1")
        .bind(1, uuid)
        .bind(2, now_utc())
        .run();
    tx.commit();
}

void restore_conversation(Database& db, const std::string& uuid) {
    Transaction tx(db);
    if (!in_trash(db, uuid))
        throw Error("conversation " + uuid.substr(0, 8) +
                    " is not in the trash: there is nothing to restore");
    Statement(db, "UPDATE conversation SET deleted_at = NULL, updated_at = ?2 WHERE uuid = ?1")
        .bind(1, uuid)
        .bind(2, now_utc())
        .run();
    tx.commit();
}

// The label of each stakeholder group in each guide that conversations use (each guide's JSON
// is read once per query, not once per row).
constexpr const char* kGroupLabels = R"sql(
    WITH labels(hash, id, label) AS (
        SELECT g.hash, json_extract(j.value, '$.id'), json_extract(j.value, '$.label')
          FROM guide g, json_each(g.json, '$.groups') j
         WHERE g.hash IN (SELECT DISTINCT guide_hash FROM conversation)))sql";

ConversationFacets conversation_facets(Database& db) {
    ConversationFacets f;
    Statement g(db, std::string(kGroupLabels) + R"sql(
        SELECT DISTINCT c.group_id, coalesce(l.label, c.group_id)
          FROM conversation c
          LEFT JOIN labels l ON l.hash = c.guide_hash AND l.id = c.group_id
         WHERE c.deleted_at IS NULL GROUP BY c.group_id ORDER BY 2)sql");
    while (g.step()) {
        f.groups.push_back(g.text(0));
        f.group_labels.push_back(g.text(1));
    }
    Statement s(db,
                "SELECT DISTINCT state FROM conversation WHERE deleted_at IS NULL AND state != '' "
                "ORDER BY 1");
    while (s.step())
        f.states.push_back(s.text(0));
    return f;
}

std::vector<ConversationRow> list_conversations(Database& db, const ConversationFilter& f) {
    // The counts read only the (conversation, question) index: an answer row exists once
    // something was recorded for the question.
    std::string sql = std::string(kGroupLabels) + R"sql(
        SELECT c.uuid, c.group_id, c.mode, c.org, c.state, c.scheduled_at, c.facilitator,
               c.status, g.title, coalesce(l.label, c.group_id),
               (SELECT count(*) FROM answer a WHERE a.conversation_uuid = c.uuid),
               (SELECT count(*) FROM participant p WHERE p.conversation_uuid = c.uuid),
               coalesce(c.deleted_at, '')
          FROM conversation c JOIN guide g ON g.hash = c.guide_hash
          LEFT JOIN labels l ON l.hash = c.guide_hash AND l.id = c.group_id
         WHERE (c.deleted_at IS NOT NULL) = ?1
           AND (?2 = '' OR c.group_id = ?2)
           AND (?3 = '' OR c.state = ?3)
           AND (?4 = '' OR c.status = ?4)
           AND (?5 = '' OR substr(c.scheduled_at, 1, 10) >= ?5)
           AND (?6 = '' OR substr(c.scheduled_at, 1, 10) <= ?6)
         ORDER BY c.scheduled_at DESC, c.created_at DESC)sql";
    Statement st(db, sql);
    st.bind(1, f.trash ? 1 : 0).bind(2, f.group).bind(3, f.state).bind(4, f.status);
    st.bind(5, f.from).bind(6, f.to);
    std::vector<ConversationRow> rows;
    while (st.step()) {
        ConversationRow r{st.text(0), st.text(1), st.text(2), st.text(3),
                          st.text(4), st.text(5), st.text(6), st.text(8)};
        r.status = parse_status(st.text(7)).value_or(Status::Planned);
        r.group_label = st.text(9);
        r.answered = st.integer(10);
        r.participants = st.integer(11);
        r.deleted_at = st.text(12);
        rows.push_back(std::move(r));
    }
    return rows;
}

} // namespace convene::store
