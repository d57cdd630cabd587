// The coded segments of one conversation after another, as the export's Coded segments sheet
// lists them: what segments_for_conversation returns (the same segments, in the same order) plus
// each segment's question id, without the columns the sheet does not show. One prepared
// statement serves every conversation, and the rows' strings keep their buffers from one
// conversation to the next, so a workspace of many conversations costs no more per segment than
// one of a few.
#pragma once

#include "store/segments.hpp"
#include "store/sqlite.hpp"

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

namespace convene::store {

struct SegmentRow {
    std::string uuid, answer_uuid, question_id, code_uuid, coder_uuid;
    SegmentPart part = SegmentPart::Answer;
    std::string quote_uuid;          // when part is Quote
    std::int64_t start = 0, end = 0; // bytes in the notes or quote
    std::string excerpt, memo;
    bool lost = false;
    std::string created_at;
};

class ConversationSegmentRows {
  public:
    explicit ConversationSegmentRows(Database& db);
    // The conversation's live segments (not in the trash, their code not in the trash) in the
    // order of segments_for_conversation. Valid until the next read.
    const std::vector<const SegmentRow*>& read(const std::string& conversation_uuid);

  private:
    Statement st_;
    std::unordered_set<std::string> live_codes_;
    std::vector<SegmentRow> rows_; // the first used_ are this conversation's
    std::size_t used_ = 0;
    std::vector<const SegmentRow*> order_;
};

} // namespace convene::store
