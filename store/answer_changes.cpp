#include "store/answer_changes.hpp"
#include "store/json_column.hpp"
#include "store/segments.hpp"

#include "store/uuid.hpp"

#include <algorithm>
#include <set>

namespace convene::store {
namespace {

void require_open_conversation(Database& db, const std::string& uuid) {
    Statement st(db, "SELECT deleted_at IS NOT NULL FROM conversation WHERE uuid = ?1");
    st.bind(1, uuid);
    if (!st.step()) throw Error("there is no conversation " + uuid);
    if (st.integer(0))
        throw Error("conversation " + uuid.substr(0, 8) +
                    " is in the trash: restore it before changing its answers");
}

// The answer's uuid, the row made first when there is none yet.
std::string answer_row(Database& db, const AnswerChange& c, const std::string& now) {
    Statement st(db, "INSERT INTO answer(uuid, conversation_uuid, question_id, updated_at) "
                     "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(conversation_uuid, question_id) "
                     "DO UPDATE SET updated_at = excluded.updated_at RETURNING uuid");
    st.bind(1, new_uuid()).bind(2, c.conversation_uuid).bind(3, c.question_id).bind(4, now);
    st.step();
    std::string uuid = st.text(0);
    st.reset();
    return uuid;
}

void write_probes(Database& db, const std::string& answer, const std::map<int, bool>& probes) {
    Statement read(db, "SELECT probes FROM answer WHERE uuid = ?1");
    read.bind(1, answer);
    read.step();
    std::set<int> ticked;
    for (const auto& p : json_column(read.text(0), "answer", "probes", answer, JsonKind::Array))
        if (p.is_number_integer()) ticked.insert(p.get<int>());
    for (auto [index, on] : probes)
        on ? (void)ticked.insert(index) : (void)ticked.erase(index);
    Statement(db, "UPDATE answer SET probes = ?2 WHERE uuid = ?1")
        .bind(1, answer)
        .bind(2, nlohmann::json(std::vector<int>(ticked.begin(), ticked.end())).dump())
        .run();
}

void write_values(Database& db, const std::string& answer,
                  const std::map<std::string, nlohmann::json>& values) {
    Statement read(db, "SELECT value_json FROM answer WHERE uuid = ?1");
    read.bind(1, answer);
    read.step();
    auto current = json_column(read.text(0), "answer", "value_json", answer, JsonKind::Object);
    for (const auto& [field, value] : values)
        value.is_null() ? (void)current.erase(field) : (void)(current[field] = value);
    Statement(db, "UPDATE answer SET value_json = ?2 WHERE uuid = ?1")
        .bind(1, answer)
        .bind(2, current.dump())
        .run();
}

void write_quotes(Database& db, const std::string& answer, const AnswerChange& c,
                  const std::string& now) {
    for (const auto& q : c.quotes_set) {
        // A new quote goes after the others; an edited one keeps its place.
        Statement(db, "INSERT INTO quote(uuid, answer_uuid, text, speaker, position, updated_at) "
                      "VALUES (?1, ?2, ?3, ?4, (SELECT coalesce(max(position) + 1, 0) FROM quote "
                      "WHERE answer_uuid = ?2), ?5) ON CONFLICT(uuid) DO UPDATE SET "
                      "text = excluded.text, speaker = excluded.speaker, "
                      "updated_at = excluded.updated_at")
            .bind(1, q.uuid.empty() ? new_uuid() : q.uuid)
            .bind(2, answer)
            .bind(3, q.text)
            .bind(4, q.speaker)
            .bind(5, now)
            .run();
    }
    for (const auto& uuid : c.quotes_removed)
        Statement(db, "DELETE FROM quote WHERE uuid = ?1 AND answer_uuid = ?2")
            .bind(1, uuid)
            .bind(2, answer)
            .run();
}

} // namespace

std::string record_answer_change(Database& db, const AnswerChange& c) {
    Transaction tx(db);
    require_open_conversation(db, c.conversation_uuid);
    std::string now = now_utc();
    std::string answer = answer_row(db, c, now);
    if (c.notes)
        Statement(db, "UPDATE answer SET notes = ?2 WHERE uuid = ?1")
            .bind(1, answer)
            .bind(2, *c.notes)
            .run();
    if (c.asked)
        Statement(db, "UPDATE answer SET asked = ?2 WHERE uuid = ?1")
            .bind(1, answer)
            .bind(2, static_cast<int>(*c.asked))
            .run();
    if (!c.probes.empty()) write_probes(db, answer, c.probes);
    if (!c.values.empty()) write_values(db, answer, c.values);
    write_quotes(db, answer, c, now);
    if (c.notes || !c.quotes_set.empty() || !c.quotes_removed.empty())
        reanchor_segments(db, answer);
    // The first answer starts the conversation, in the same transaction.
    Statement(db, "UPDATE conversation SET status = 'in_progress', updated_at = ?2 "
                  "WHERE uuid = ?1 AND status = 'planned'")
        .bind(1, c.conversation_uuid)
        .bind(2, now)
        .run();
    tx.commit();
    return answer;
}

AnswerChange diff_answers(const Answer& before, Answer& after) {
    AnswerChange c;
    c.conversation_uuid = after.conversation_uuid;
    c.question_id = after.question_id;
    if (after.notes != before.notes) c.notes = after.notes;
    if (after.asked != before.asked) c.asked = after.asked;
    for (int p : before.probes)
        if (std::find(after.probes.begin(), after.probes.end(), p) == after.probes.end())
            c.probes[p] = false;
    for (int p : after.probes)
        if (std::find(before.probes.begin(), before.probes.end(), p) == before.probes.end())
            c.probes[p] = true;
    const auto& old_values = before.values.is_object() ? before.values : nlohmann::json::object();
    if (after.values.is_object()) {
        for (const auto& [field, value] : after.values.items())
            if (!old_values.contains(field) || old_values[field] != value) c.values[field] = value;
        for (const auto& [field, value] : old_values.items())
            if (!after.values.contains(field)) c.values[field] = nullptr;
    }
    std::map<std::string, const Quote*> old_quotes;
    for (const auto& q : before.quotes)
        old_quotes[q.uuid] = &q;
    for (auto& q : after.quotes) {
        if (q.uuid.empty()) q.uuid = new_uuid();
        auto it = old_quotes.find(q.uuid);
        if (it == old_quotes.end() || !(*it->second == q)) c.quotes_set.push_back(q);
        if (it != old_quotes.end()) old_quotes.erase(it);
    }
    for (const auto& [uuid, q] : old_quotes)
        c.quotes_removed.push_back(uuid);
    return c;
}

std::vector<std::pair<std::string, AnswerChange>> split_by_part(const AnswerChange& change) {
    std::vector<std::pair<std::string, AnswerChange>> parts;
    auto part = [&](std::string key) -> AnswerChange& {
        AnswerChange one;
        one.conversation_uuid = change.conversation_uuid;
        one.question_id = change.question_id;
        parts.emplace_back(std::move(key), std::move(one));
        return parts.back().second;
    };
    if (change.notes) part("notes").notes = change.notes;
    if (change.asked) part("asked").asked = change.asked;
    for (auto [index, on] : change.probes)
        part("probe/" + std::to_string(index)).probes[index] = on;
    for (const auto& [field, value] : change.values)
        part("value/" + field).values[field] = value;
    for (const auto& q : change.quotes_set)
        part("quote/" + q.uuid).quotes_set.push_back(q);
    for (const auto& uuid : change.quotes_removed)
        part("quote/" + uuid).quotes_removed.push_back(uuid);
    return parts;
}

} // namespace convene::store
