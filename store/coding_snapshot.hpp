// Everything the cross-conversation summaries read, loaded from the workspace in one go (one
// read transaction, a handful of queries) into plain vectors that refer to each other by index.
// The summaries (export/summaries.hpp) are pure functions over it; the Summaries screen loads it
// on a Job when the store revision changes and recomputes only when its filters change.
//
// What is in it: live conversations (not in the trash) with their participants and their
// guide; all their answers with notes, quotes and structured values; the question areas of
// every guide used (merged by area id, in guide order); live codes in tree order; coders; live
// segments (not in the trash, code not in the trash) including those flagged lost; the
// currency table.
#pragma once

#include "guides/currency.hpp"
#include "guides/guide.hpp"
#include "store/answers.hpp"
#include "store/codebook.hpp"
#include "store/conversations.hpp"
#include "store/people.hpp"
#include "store/segments.hpp"
#include "store/workspace.hpp"

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace convene::store {

inline constexpr int kNoIndex = -1;

struct SnapshotConversation {
    std::string uuid, guide_hash, group, mode, org, state;
    std::string scheduled_at; // "YYYY-MM-DDTHH:MM" (may be empty)
    std::string facilitator, note_taker;
    Status status = Status::Planned;
    int guide = kNoIndex; // index into CodingSnapshot::guides
    std::vector<Participant> participants;
    std::string date() const { return scheduled_at.substr(0, 10); } // "YYYY-MM-DD"
};

struct SnapshotAnswer {
    std::int64_t rowid = 0;     // where its words are read from (checked against the two below)
    int conversation = 0;       // index into CodingSnapshot::conversations
    std::uint32_t question = 0; // index into CodingSnapshot::question_ids
    int area = kNoIndex; // index into CodingSnapshot::areas (kNoIndex: question not in guide)
    Asked asked = Asked::NotYet;
    std::uint32_t quotes = 0;      // how many (their text: AnswerText)
    std::uint32_t first_quote = 0; // the first's row in CodingSnapshot::quote_rowids
    // Its structured values: CodingSnapshot::values(answer) (text kept at values_at; size 0: none).
    std::uint32_t values_at = 0, values_size = 0;
};

// An answer's words: held per answer (CodingSnapshot::answer_texts) or read when asked.
struct AnswerText {
    std::string uuid, notes;
    std::vector<Quote> quotes;
};

// 16 bytes: a large workspace has hundreds of thousands.
struct SnapshotSegment {
    int answer = 0; // index into CodingSnapshot::answers
    int code = 0;   // index into CodingSnapshot::codes
    int coder = 0;  // index into CodingSnapshot::coders (kNoIndex: a deleted person)
    // When part is Quote: index among its answer's quotes (at most kMaxQuoteIndex).
    std::int16_t quote = kNoIndex;
    SegmentPart part = SegmentPart::Answer;
    bool lost = false;
};
inline constexpr int kMaxQuoteIndex = 32767;

struct SegmentText {
    std::string uuid, excerpt;
};

struct SnapshotArea {
    std::string id, title;
};

class SnapshotTextReader;

struct CodingSnapshot {
    std::vector<guides::Guide> guides;               // each guide version used by a conversation
    std::vector<SnapshotArea> areas;                 // question areas of those guides, merged by id
    std::vector<SnapshotConversation> conversations; // by date, then uuid
    std::vector<SnapshotAnswer> answers;             // by conversation, then guide order
    std::vector<std::string> question_ids;           // each question id answered, once
    // The answers' structured values as compact JSON, one after another (see values): a parsed
    // object per answer took about 190 bytes, and a large workspace has tens of thousands.
    std::string values_text;
    // Answer a's structured values (field id -> value), parsed; null when none is set.
    nlohmann::json values(const SnapshotAnswer& a) const;
    const std::string& question_id(const SnapshotAnswer& a) const {
        return question_ids[a.question];
    }
    // The index of a question id in question_ids, added when new (a snapshot made by hand).
    std::uint32_t question_index(std::string_view id);
    std::vector<CodeRow> codes; // live codes, tree order
    std::vector<Person> coders;
    std::vector<SnapshotSegment> segments; // by answer
    guides::CurrencyTable currency;
    std::size_t longest_quote = 0;          // bytes of the longest quote's text, held or not
    std::vector<std::int64_t> quote_rowids; // each answer's quotes' rows, from its first_quote
    // Per answer and per segment, their words; both empty when loaded with Texts::Read.
    std::vector<AnswerText> answer_texts;
    std::vector<SegmentText> segment_texts;

    // The words of answer i (with its quotes when `quotes`), held or read through the
    // connection given to read_texts_through (an answer deleted since reads as empty).
    AnswerText answer_text(std::size_t i, bool quotes = true) const;
    // Quote k of answer i with its answer's uuid: held, or read by the quote's row; nullopt
    // when it was deleted (or moved to another answer) since the snapshot was loaded.
    struct QuoteWords {
        std::string text, speaker, answer_uuid;
    };
    std::optional<QuoteWords> quote_words(std::size_t i, std::size_t k) const;
    // Those of answers [begin, end) of one conversation, read in one go when not held.
    std::vector<AnswerText> answer_texts_of(std::size_t begin, std::size_t end,
                                            bool quotes = true) const;
    // A snapshot loaded with Texts::Read reads its answers' words through db (a connection of
    // the thread that asks for them), so a large workspace's notes are never all in memory.
    // Such a snapshot is then read by that one thread only (its reads share statements).
    void read_texts_through(Database& db);
    bool holds_texts() const { return answer_texts.size() == answers.size(); }

    // The question's wording for the answer's conversation's group, {state} and {org} filled
    // in; "" for a question the guide does not have (a follow-up: see follow_up_texts).
    std::string question_text(const SnapshotAnswer& answer) const;
    // The guide's label of a stakeholder group (the id itself when no guide names it).
    std::string group_label(const std::string& group_id) const;
    std::vector<std::pair<std::string, std::string>> follow_up_texts; // question id, text

    std::shared_ptr<SnapshotTextReader> reader; // set by read_texts_through
};

// Held: every answer's notes, quotes and uuid and every segment's excerpt and uuid are loaded
// (the Summaries screen shows them). Read: they are left out and read when a row needs them
// (the export, whose memory must not grow with the workspace's words).
enum class Texts { Held, Read };

CodingSnapshot load_coding_snapshot(Workspace& ws);
// The same through any connection to the workspace (the export's own, on a thread of its own).
CodingSnapshot load_coding_snapshot(Database& db, Texts texts = Texts::Held);

} // namespace convene::store
