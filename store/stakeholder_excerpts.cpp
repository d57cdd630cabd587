#include "store/stakeholder_excerpts.hpp"

namespace convene::store {

std::vector<StakeholderExcerpt> excerpts_under_codes(Database& db,
                                                     const std::vector<std::string>& code_slugs) {
    std::vector<StakeholderExcerpt> out;
    Statement st(db, R"sql(
        WITH RECURSIVE under(uuid) AS (
            SELECT uuid FROM code WHERE slug = ?1 AND deleted_at IS NULL
            UNION
            SELECT c.uuid FROM code c JOIN under u ON c.parent_uuid = u.uuid
             WHERE c.deleted_at IS NULL)
        SELECT DISTINCT c.name, s.excerpt, conv.org, conv.group_id, conv.uuid, a.question_id,
               s.part = 'quote', s.start_byte
          FROM segment s
          JOIN under ON under.uuid = s.code_uuid
          JOIN code c ON c.uuid = s.code_uuid
          JOIN answer a ON a.uuid = s.answer_uuid
          JOIN conversation conv ON conv.uuid = a.conversation_uuid
         WHERE s.deleted_at IS NULL AND conv.deleted_at IS NULL
         ORDER BY lower(conv.org), conv.uuid, a.question_id, s.start_byte)sql");
    for (const auto& slug : code_slugs) {
        st.bind(1, slug);
        std::string last_key;
        while (st.step()) {
            StakeholderExcerpt e{slug,       st.text(0), st.text(1), st.text(2),
                                 st.text(3), st.text(4), st.text(5), st.int64(6) != 0};
            // Two codes beneath the slug on the same words: the words once.
            std::string key = e.conversation_uuid + "\n" + e.question_id + "\n" + e.excerpt;
            if (key == last_key) continue;
            last_key = key;
            out.push_back(std::move(e));
        }
        st.reset();
    }
    return out;
}

} // namespace convene::store
