// Repository of coded segments: one code applied by one coder to an answer's notes, to one of
// its quotes (a byte range in that UTF-8 text, with a copy of the excerpt), or to the whole
// answer. Applying is idempotent; removing goes to the trash. When notes or a quote change, the
// answer's segments are re-anchored to their excerpts in the same transaction; a segment whose
// text is gone keeps its last range and excerpt and is flagged `lost` for its coder.
#pragma once

#include "store/sqlite.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace convene::store {

enum class SegmentPart : std::uint8_t { Answer, Notes, Quote };
const char* part_name(SegmentPart part);       // "answer", "notes", "quote"
SegmentPart parse_part(std::string_view name); // part_name's inverse; anything else: Answer

struct Segment {
    std::string uuid, answer_uuid, code_uuid, coder_uuid;
    SegmentPart part = SegmentPart::Answer;
    std::string quote_uuid;          // when part is Quote
    std::int64_t start = 0, end = 0; // bytes in the notes or quote; the whole text for Answer
    std::string excerpt, memo;
    bool lost = false;
    std::string created_at, updated_at;
    bool operator==(const Segment&) const = default;
};

struct NewSegment {
    std::string answer_uuid, code_uuid, coder_uuid;
    SegmentPart part = SegmentPart::Answer;
    std::string quote_uuid;
    std::int64_t start = 0, end = 0; // ignored for Answer
    std::string memo;
};

// Applies a code. Refuses a range outside the text, empty, or cutting a UTF-8 character, a code
// or coder in the trash, and an answer of a conversation in the trash. The same code applied by
// the same coder to the same text again returns the existing segment. Returns its uuid.
std::string apply_code(Database& db, const NewSegment& segment);
// Applies a code to whole answers in one transaction (coding search hits). Returns how many
// segments were added (answers already coded so count as none).
int apply_code_to_answers(Database& db, const std::vector<std::string>& answer_uuids,
                          const std::string& code_uuid, const std::string& coder_uuid);
void remove_segment(Database& db, const std::string& uuid);  // to the trash
void restore_segment(Database& db, const std::string& uuid); // from the trash
void set_segment_memo(Database& db, const std::string& uuid, const std::string& memo);
// Moves a segment to the text where its excerpt is now (after its coder checked a lost one).
void set_segment_range(Database& db, const std::string& uuid, std::int64_t start, std::int64_t end);

// Live segments (not in the trash, code not in the trash) of one answer / one conversation.
std::vector<Segment> segments_for_answer(Database& db, const std::string& answer_uuid);
std::vector<Segment> segments_for_conversation(Database& db, const std::string& conversation_uuid);

// Re-anchors the answer's segments to the current notes and quotes. Called by every write of
// notes or quotes, inside its transaction.
void reanchor_segments(Database& db, const std::string& answer_uuid);

// Where an excerpt is in text now: the exact old range if it still holds the excerpt, else the
// occurrence nearest the old start; lost when it is nowhere.
struct Anchor {
    std::int64_t start = 0, end = 0;
    bool lost = false;
    bool operator==(const Anchor&) const = default;
};
Anchor reanchor(std::string_view text, std::string_view excerpt, std::int64_t old_start,
                std::int64_t old_end);
// True when [start, end) is a non-empty range of text that does not cut a UTF-8 character.
bool valid_utf8_range(std::string_view text, std::int64_t start, std::int64_t end);

} // namespace convene::store
