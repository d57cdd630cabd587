#include "store/segment_rows.hpp"

#include "store/segment_codes.hpp"

#include <algorithm>
#include <tuple>

namespace convene::store {
namespace {

// segments_for_conversation's ORDER BY (part as text sorts answer, notes, quote: the enum's
// order). Its ties keep the order the rows were read in, as SQLite's sorter keeps them.
bool before(const SegmentRow* a, const SegmentRow* b) {
    return std::tie(a->part, a->quote_uuid, a->start, a->end) <
           std::tie(b->part, b->quote_uuid, b->start, b->end);
}

} // namespace

ConversationSegmentRows::ConversationSegmentRows(Database& db)
    : st_(db, "SELECT s.code_uuid, s.uuid, s.answer_uuid, a.question_id, s.coder_uuid, s.part, "
              "s.quote_uuid, s.start_byte, s.end_byte, s.excerpt, s.memo, s.anchor, s.created_at "
              "FROM segment s JOIN answer a ON a.uuid = s.answer_uuid "
              "WHERE s.deleted_at IS NULL AND a.conversation_uuid = ?1"),
      live_codes_(live_code_uuids(db)) {}

const std::vector<const SegmentRow*>&
ConversationSegmentRows::read(const std::string& conversation_uuid) {
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
        r.uuid.assign(st_.text_view(1));
        r.answer_uuid.assign(st_.text_view(2));
        r.question_id.assign(st_.text_view(3));
        r.coder_uuid.assign(st_.text_view(4));
        r.part = parse_part(st_.text_view(5));
        r.quote_uuid.assign(st_.text_view(6));
        r.start = st_.int64(7);
        r.end = st_.int64(8);
        r.excerpt.assign(st_.text_view(9));
        r.memo.assign(st_.text_view(10));
        r.lost = st_.text_view(11) == "lost";
        r.created_at.assign(st_.text_view(12));
    }
    order_.clear();
    for (std::size_t i = 0; i < used_; ++i)
        order_.push_back(&rows_[i]);
    std::stable_sort(order_.begin(), order_.end(), before);
    return order_;
}

} // namespace convene::store
