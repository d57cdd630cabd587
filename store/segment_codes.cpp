#include "store/segment_codes.hpp"

namespace convene::store {

std::unordered_set<std::string> live_code_uuids(Database& db) {
    std::unordered_set<std::string> out;
    Statement st(db, "SELECT uuid FROM code WHERE deleted_at IS NULL");
    while (st.step())
        out.insert(st.text(0));
    return out;
}

std::vector<SegmentCode> segment_codes_for_conversation(Database& db,
                                                        const std::string& conversation_uuid) {
    Statement st(db, "SELECT s.answer_uuid, s.code_uuid, s.coder_uuid FROM segment s "
                     "JOIN code k ON k.uuid = s.code_uuid "
                     "JOIN answer a ON a.uuid = s.answer_uuid "
                     "WHERE s.deleted_at IS NULL AND k.deleted_at IS NULL "
                     "AND a.conversation_uuid = ?1");
    st.bind(1, conversation_uuid);
    std::vector<SegmentCode> out;
    while (st.step())
        out.push_back({st.text(0), st.text(1), st.text(2)});
    return out;
}

} // namespace convene::store
