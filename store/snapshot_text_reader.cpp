// The words of a snapshot's answers (notes, quotes, uuid): held in it, or read by conversation
// and question when a snapshot loaded with Texts::Read is asked for them
// (store/coding_snapshot.hpp).
#include "store/coding_snapshot.hpp"

#include <stdexcept>
#include <unordered_map>

namespace convene::store {

// Prepared once, reused for every answer asked (the export asks tens of thousands of times).
class SnapshotTextReader {
  public:
    explicit SnapshotTextReader(Database& db)
        : by_rowid_(db, "SELECT uuid, notes, conversation_uuid, question_id FROM answer "
                        "WHERE rowid = ?"),
          answer_(db, "SELECT uuid, notes FROM answer WHERE conversation_uuid = ? AND "
                      "question_id = ?"),
          quotes_(db, "SELECT uuid, text, speaker FROM quote WHERE answer_uuid = ? "
                      "ORDER BY position, rowid"),
          quote_(db, "SELECT q.text, q.speaker, a.uuid, a.conversation_uuid, a.question_id "
                     "FROM quote q JOIN answer a ON a.uuid = q.answer_uuid WHERE q.rowid = ?"),
          conversation_(db, "SELECT question_id, uuid, notes FROM answer "
                            "WHERE conversation_uuid = ?"),
          conversation_quotes_(db, "SELECT a.question_id, q.uuid, q.text, q.speaker "
                                   "FROM answer a JOIN quote q ON q.answer_uuid = a.uuid "
                                   "WHERE a.conversation_uuid = ? ORDER BY q.answer_uuid, "
                                   "q.position, q.rowid") {}

    // By its row (one look-up), or when that row no longer holds it, by conversation and
    // question (rows are renumbered only by a VACUUM, which Convene does not run).
    AnswerText answer(std::int64_t rowid, const std::string& conversation,
                      const std::string& question, bool quotes) {
        AnswerText out;
        by_rowid_.reset();
        by_rowid_.bind(1, rowid);
        if (by_rowid_.step() && by_rowid_.text_view(2) == conversation &&
            by_rowid_.text_view(3) == question) {
            out.uuid = by_rowid_.text(0);
            out.notes = by_rowid_.text(1);
        } else {
            answer_.reset();
            answer_.bind(1, conversation).bind(2, question);
            bool found = answer_.step();
            if (found) {
                out.uuid = answer_.text(0);
                out.notes = answer_.text(1);
            }
            answer_.reset();        // no read left open
            if (!found) return out; // deleted since the snapshot was read
        }
        by_rowid_.reset();
        if (!quotes) return out;
        quotes_.reset();
        quotes_.bind(1, out.uuid);
        while (quotes_.step())
            out.quotes.push_back({quotes_.text(0), quotes_.text(1), quotes_.text(2)});
        return out;
    }

    std::optional<CodingSnapshot::QuoteWords>
    quote(std::int64_t rowid, const std::string& conversation, const std::string& question) {
        quote_.reset();
        quote_.bind(1, rowid);
        std::optional<CodingSnapshot::QuoteWords> out;
        if (quote_.step() && quote_.text_view(3) == conversation && quote_.text_view(4) == question)
            out = CodingSnapshot::QuoteWords{quote_.text(0), quote_.text(1), quote_.text(2)};
        quote_.reset();
        return out;
    }

    // question id -> words, for every answer of the conversation.
    std::unordered_map<std::string, AnswerText> conversation(const std::string& uuid, bool quotes) {
        std::unordered_map<std::string, AnswerText> out;
        conversation_.reset();
        conversation_.bind(1, uuid);
        while (conversation_.step())
            out.emplace(conversation_.text(0),
                        AnswerText{conversation_.text(1), conversation_.text(2), {}});
        if (!quotes) return out;
        conversation_quotes_.reset();
        conversation_quotes_.bind(1, uuid);
        while (conversation_quotes_.step())
            if (auto it = out.find(conversation_quotes_.text(0)); it != out.end())
                it->second.quotes.push_back({conversation_quotes_.text(1),
                                             conversation_quotes_.text(2),
                                             conversation_quotes_.text(3)});
        return out;
    }

  private:
    Statement by_rowid_, answer_, quotes_, quote_, conversation_, conversation_quotes_;
};

void CodingSnapshot::read_texts_through(Database& db) {
    reader = std::make_shared<SnapshotTextReader>(db);
}

namespace {

SnapshotTextReader& need_reader(const CodingSnapshot& s) {
    if (!s.reader)
        throw std::logic_error("the snapshot holds no texts and has no connection to read them");
    return *s.reader;
}

} // namespace

AnswerText CodingSnapshot::answer_text(std::size_t i, bool quotes) const {
    if (holds_texts()) {
        const auto& t = answer_texts.at(i);
        return quotes ? t : AnswerText{t.uuid, t.notes, {}};
    }
    const auto& a = answers.at(i);
    const auto& c = conversations.at(static_cast<std::size_t>(a.conversation));
    return need_reader(*this).answer(a.rowid, c.uuid, question_id(a), quotes);
}

std::optional<CodingSnapshot::QuoteWords> CodingSnapshot::quote_words(std::size_t i,
                                                                      std::size_t k) const {
    const auto& a = answers.at(i);
    if (k >= a.quotes) return std::nullopt;
    if (holds_texts()) {
        const auto& t = answer_texts.at(i);
        const auto& q = t.quotes.at(k);
        return QuoteWords{q.text, q.speaker, t.uuid};
    }
    const auto& c = conversations.at(static_cast<std::size_t>(a.conversation));
    return need_reader(*this).quote(quote_rowids.at(a.first_quote + k), c.uuid, question_id(a));
}

std::vector<AnswerText> CodingSnapshot::answer_texts_of(std::size_t begin, std::size_t end,
                                                        bool quotes) const {
    std::vector<AnswerText> out;
    if (begin >= end) return out;
    out.reserve(end - begin);
    if (holds_texts()) {
        for (auto i = begin; i < end; ++i)
            out.push_back(answer_text(i, quotes));
        return out;
    }
    int conversation = answers.at(begin).conversation;
    auto words = need_reader(*this).conversation(
        conversations.at(static_cast<std::size_t>(conversation)).uuid, quotes);
    for (auto i = begin; i < end; ++i) {
        const auto& a = answers.at(i);
        if (a.conversation != conversation) {
            out.push_back(answer_text(i, quotes));
            continue;
        }
        auto it = words.find(question_id(a));
        out.push_back(it == words.end() ? AnswerText{} : std::move(it->second));
    }
    return out;
}

} // namespace convene::store
