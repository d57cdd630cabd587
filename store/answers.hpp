// Repository of answers: per conversation and question, the notes, verbatim quotes with their
// speaker, whether it was asked or skipped, probes ticked and structured values; and full-text
// search over notes and quotes (SQLite FTS5).
#pragma once

#include "store/sqlite.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace convene::store {

enum class Asked { NotYet = 0, Asked = 1, Skipped = 2 };

struct Quote {
    std::string uuid; // empty: new
    std::string text, speaker;
    bool operator==(const Quote&) const = default;
};

struct Answer {
    std::string uuid; // empty: new (or found by conversation + question)
    std::string conversation_uuid, question_id;
    std::string notes;
    Asked asked = Asked::NotYet;
    std::vector<int> probes;                          // indexes of the probes ticked
    nlohmann::json values = nlohmann::json::object(); // field id -> value
    std::vector<Quote> quotes;
    std::string updated_at;
    bool operator==(const Answer&) const = default;
    bool empty() const {
        return notes.empty() && asked == Asked::NotYet && probes.empty() && values.empty() &&
               quotes.empty();
    }
};

// Makes the stored answer of (conversation, question) equal to a, writing only the parts that
// differ (see answer_changes.hpp); quotes not in a are removed. For whole answers (the demo);
// edits go through record_answer_change. Returns the answer's uuid.
std::string save_answer(Database& db, const Answer& a);
// The conversation's answers by question id.
std::map<std::string, Answer> answers_for(Database& db, const std::string& conversation_uuid);
// The same for one conversation after another, its two statements prepared once (the export).
class ConversationAnswers {
  public:
    explicit ConversationAnswers(Database& db);
    std::map<std::string, Answer> read(const std::string& conversation_uuid);

  private:
    Statement answers_, quotes_;
};

struct SearchHit {
    std::string answer_uuid, conversation_uuid, question_id;
    std::string snippet; // with the matches between [ and ]
    std::string org, state, group, scheduled_at;
};

// Words are matched as prefixes ("cred" finds "credit"), all of them, ignoring case and accents.
// Conversations in the trash are left out.
std::vector<SearchHit> search_answers(Database& db, const std::string& text, int limit = 200);
// A search uses at most this many different words (each cut to kMaxSearchWordBytes): FTS5's
// work grows with every prefix term, so a pasted paragraph must not stall the app.
inline constexpr std::size_t kMaxSearchWords = 12;
inline constexpr std::size_t kMaxSearchWordBytes = 64;
// The words a search uses: whitespace-separated, repeats (ignoring case) dropped, capped.
std::vector<std::string> search_words(const std::string& text);
// The FTS5 query for what a user typed: every word quoted, as a prefix.
std::string fts_query(const std::string& text);

} // namespace convene::store
