// Which codes were applied to which answers of a conversation, by whom: the three ids of each
// coded segment, without its excerpt, memo or anchor. For tables that count codes per answer
// (the export's Answers sheet) and need no more of the segment. One prepared statement serves
// conversation after conversation, and the rows keep their strings' buffers between them.
#pragma once

#include "store/sqlite.hpp"

#include <span>
#include <string>
#include <unordered_set>
#include <vector>

namespace convene::store {

struct SegmentCode {
    std::string answer_uuid, code_uuid, coder_uuid;
    bool operator==(const SegmentCode&) const = default;
};

// The uuids of the codes not in the trash. A segment's code checked against these, read once,
// costs less than joining the code table for every conversation.
std::unordered_set<std::string> live_code_uuids(Database& db);

class ConversationSegmentCodes {
  public:
    explicit ConversationSegmentCodes(Database& db);
    // The conversation's segments that segments_for_conversation returns (not in the trash,
    // their code not in the trash), in no particular order. Valid until the next read.
    std::span<const SegmentCode> read(const std::string& conversation_uuid);

  private:
    Statement st_;
    std::unordered_set<std::string> live_codes_;
    std::vector<SegmentCode> rows_; // the first used_ are this conversation's
    std::size_t used_ = 0;
};

} // namespace convene::store
