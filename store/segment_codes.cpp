#include "store/segment_codes.hpp"

namespace convene::store {

std::unordered_set<std::string> live_code_uuids(Database& db) {
    std::unordered_set<std::string> out;
    Statement st(db, "SELECT uuid FROM code WHERE deleted_at IS NULL");
    while (st.step())
        out.insert(st.text(0));
    return out;
}

ConversationSegmentCodes::ConversationSegmentCodes(Database& db)
    : st_(db, "SELECT s.code_uuid, s.answer_uuid, s.coder_uuid FROM segment s "
              "JOIN answer a ON a.uuid = s.answer_uuid "
              "WHERE s.deleted_at IS NULL AND a.conversation_uuid = ?1"),
      live_codes_(live_code_uuids(db)) {}

std::span<const SegmentCode> ConversationSegmentCodes::read(const std::string& conversation_uuid) {
    st_.reset();
    st_.bind(1, conversation_uuid);
    used_ = 0;
    std::string code;
    while (st_.step()) {
        code.assign(st_.text_view(0));
        if (!live_codes_.count(code)) continue;
        if (used_ == rows_.size()) rows_.emplace_back();
        auto& r = rows_[used_++];
        r.code_uuid.swap(code);
        r.answer_uuid.assign(st_.text_view(1));
        r.coder_uuid.assign(st_.text_view(2));
    }
    return {rows_.data(), used_};
}

} // namespace convene::store
