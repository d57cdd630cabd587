#include "store/answers.hpp"
#include "store/json_column.hpp"

#include "store/answer_changes.hpp"
#include "store/uuid.hpp"

#include <set>
#include <unordered_map>

namespace convene::store {

std::string save_answer(Database& db, const Answer& a) {
    Transaction tx(db);
    auto stored = answers_for(db, a.conversation_uuid);
    Answer before;
    if (auto it = stored.find(a.question_id); it != stored.end()) before = it->second;
    Answer after = a;
    auto uuid = record_answer_change(db, diff_answers(before, after));
    tx.commit();
    return uuid;
}

ConversationAnswers::ConversationAnswers(Database& db)
    : answers_(db, "SELECT uuid, question_id, notes, asked, probes, value_json, updated_at "
                   "FROM answer WHERE conversation_uuid = ?1"),
      quotes_(db, "SELECT q.uuid, q.answer_uuid, q.text, q.speaker FROM quote q "
                  "JOIN answer a ON a.uuid = q.answer_uuid WHERE a.conversation_uuid = ?1 "
                  "ORDER BY q.answer_uuid, q.position") {}

std::map<std::string, Answer> ConversationAnswers::read(const std::string& conversation_uuid) {
    std::map<std::string, Answer> out;
    answers_.reset();
    answers_.bind(1, conversation_uuid);
    std::unordered_map<std::string, Answer*> by_uuid;
    while (answers_.step()) {
        auto& a = out[answers_.text(1)];
        a.uuid = answers_.text(0);
        a.conversation_uuid = conversation_uuid;
        a.question_id = answers_.text(1);
        a.notes = answers_.text(2);
        a.asked = static_cast<Asked>(answers_.integer(3));
        for (const auto& p :
             json_column(answers_.text(4), "answer", "probes", a.uuid, JsonKind::Array))
            if (p.is_number_integer()) a.probes.push_back(p.get<int>());
        a.values = json_column(answers_.text(5), "answer", "value_json", a.uuid, JsonKind::Object);
        a.updated_at = answers_.text(6);
        by_uuid.emplace(a.uuid, &a);
    }
    quotes_.reset();
    quotes_.bind(1, conversation_uuid);
    Answer* answer = nullptr; // the quotes come answer by answer
    while (quotes_.step()) {
        auto answer_uuid = quotes_.text_view(1);
        if (!answer || answer->uuid != answer_uuid) {
            auto it = by_uuid.find(std::string(answer_uuid));
            if (it == by_uuid.end()) continue; // an answer saved since the answers were read
            answer = it->second;
        }
        answer->quotes.push_back({quotes_.text(0), quotes_.text(2), quotes_.text(3)});
    }
    return out;
}

std::map<std::string, Answer> answers_for(Database& db, const std::string& conversation_uuid) {
    return ConversationAnswers(db).read(conversation_uuid);
}

std::vector<std::string> search_words(const std::string& text) {
    std::vector<std::string> words;
    std::set<std::string> seen; // a word given twice adds nothing but work
    std::size_t i = 0;
    while (i < text.size() && words.size() < kMaxSearchWords) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
            ++i;
        std::size_t start = i;
        while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])))
            ++i;
        if (i == start) break;
        std::size_t length = std::min(i - start, kMaxSearchWordBytes);
        while (length > 0 && length < i - start &&
               (static_cast<unsigned char>(text[start + length]) & 0xC0) == 0x80)
            --length; // never cut a character in two
        std::string word = text.substr(start, length);
        std::string key;
        for (char c : word)
            key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (seen.insert(key).second) words.push_back(std::move(word));
    }
    return words;
}

std::string fts_query(const std::string& text) {
    std::string query;
    for (const auto& w : search_words(text)) {
        std::string word;
        for (char c : w) {
            if (c == '"') word += '"'; // doubled inside an FTS5 string
            word += c;
        }
        query += (query.empty() ? "" : " ") + ("\"" + word + "\"*");
    }
    return query;
}

std::vector<SearchHit> search_answers(Database& db, const std::string& text, int limit) {
    std::vector<SearchHit> hits;
    std::string query = fts_query(text);
    if (query.empty()) return hits;
    Statement st(db, R"sql(
        SELECT a.uuid, a.conversation_uuid, a.question_id,
               snippet(answer_fts, -1, '[', ']', '…', 16), c.org, c.state, c.group_id,
               c.scheduled_at
          FROM answer_fts
          JOIN answer a ON a.rowid = answer_fts.rowid
          JOIN conversation c ON c.uuid = a.conversation_uuid
         WHERE answer_fts MATCH ?1 AND c.deleted_at IS NULL
         ORDER BY rank LIMIT ?2)sql");
    st.bind(1, query).bind(2, limit);
    while (st.step())
        hits.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5),
                        st.text(6), st.text(7)});
    return hits;
}

} // namespace convene::store
