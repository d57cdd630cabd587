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
#include <nlohmann/json.hpp>
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
    std::string uuid;
    int conversation = 0; // index into CodingSnapshot::conversations
    std::string question_id;
    int area = kNoIndex; // index into CodingSnapshot::areas (kNoIndex: question not in guide)
    std::string notes;
    Asked asked = Asked::NotYet;
    nlohmann::json values = nlohmann::json::object(); // field id -> value
    std::vector<Quote> quotes;
};

struct SnapshotSegment {
    std::string uuid;
    int answer = 0; // index into CodingSnapshot::answers
    int code = 0;   // index into CodingSnapshot::codes
    int coder = 0;  // index into CodingSnapshot::coders (kNoIndex: a deleted person)
    SegmentPart part = SegmentPart::Answer;
    std::string quote_uuid; // when part is Quote
    std::string excerpt;
    bool lost = false;
};

struct SnapshotArea {
    std::string id, title;
};

struct CodingSnapshot {
    std::vector<guides::Guide> guides;               // each guide version used by a conversation
    std::vector<SnapshotArea> areas;                 // question areas of those guides, merged by id
    std::vector<SnapshotConversation> conversations; // by date, then uuid
    std::vector<SnapshotAnswer> answers;             // by conversation, then guide order
    std::vector<CodeRow> codes;                      // live codes, tree order
    std::vector<Person> coders;
    std::vector<SnapshotSegment> segments; // by answer
    guides::CurrencyTable currency;

    // The question's wording for the answer's conversation's group, {state} and {org} filled
    // in; "" for a question the guide does not have (a follow-up: see follow_up_texts).
    std::string question_text(const SnapshotAnswer& answer) const;
    // The guide's label of a stakeholder group (the id itself when no guide names it).
    std::string group_label(const std::string& group_id) const;
    std::vector<std::pair<std::string, std::string>> follow_up_texts; // question id, text
};

CodingSnapshot load_coding_snapshot(Workspace& ws);
// The same through any connection to the workspace (the export's own, on a thread of its own).
CodingSnapshot load_coding_snapshot(Database& db);

} // namespace convene::store
