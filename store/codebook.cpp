#include "store/codebook.hpp"

#include "store/uuid.hpp"

#include <map>
#include <nlohmann/json.hpp>

namespace convene::store {
void save_codebook(Workspace& ws, const guides::Codebook& book) {
    Transaction tx(ws.db());
    std::map<std::string, std::string> uuid_of;
    Statement existing(ws.db(), "SELECT slug, uuid FROM code");
    while (existing.step())
        uuid_of[existing.text(0)] = existing.text(1);
    int position = 0;
    for (const auto& c : book.codes) {
        // Bundled codes are the same code in every workspace: their uuid comes from the slug.
        auto it = uuid_of.try_emplace(c.id, name_uuid("code", c.id)).first;
        Statement st(ws.db(),
                     "INSERT INTO code(uuid, slug, parent_uuid, name, description, "
                     "colour, position, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                     "ON CONFLICT(slug) DO UPDATE SET parent_uuid = excluded.parent_uuid, "
                     "name = excluded.name, description = excluded.description, "
                     "colour = excluded.colour, position = excluded.position, "
                     "updated_at = excluded.updated_at");
        st.bind(1, it->second).bind(2, c.id);
        if (c.parent.empty())
            st.bind_null(3);
        else
            st.bind(3, uuid_of.at(c.parent));
        st.bind(4, c.name).bind(5, c.description).bind(6, c.colour).bind(7, position++);
        st.bind(8, now_utc()).run();
    }
    tx.commit();
}

std::vector<CodeRow> list_codes(Database& db) {
    std::vector<CodeRow> rows;
    Statement st(db, R"sql(
        WITH RECURSIVE tree(uuid, depth, sort, path) AS (
            SELECT uuid, 0, printf('%06d', position), name FROM code
             WHERE parent_uuid IS NULL AND deleted_at IS NULL
            UNION ALL
            SELECT c.uuid, t.depth + 1, t.sort || '/' || printf('%06d', c.position),
                   t.path || ' / ' || c.name
              FROM code c JOIN tree t ON c.parent_uuid = t.uuid WHERE c.deleted_at IS NULL)
        SELECT c.uuid, c.slug, coalesce(p.slug, ''), c.name, c.description, c.colour, t.depth,
               coalesce(c.parent_uuid, ''), t.path
          FROM tree t JOIN code c ON c.uuid = t.uuid LEFT JOIN code p ON p.uuid = c.parent_uuid
         ORDER BY t.sort, c.name)sql");
    while (st.step())
        rows.push_back({st.text(0),
                        st.text(1),
                        st.text(2),
                        st.text(3),
                        st.text(4),
                        st.text(5),
                        st.integer(6),
                        st.text(7),
                        st.text(8),
                        {}});
    return rows;
}

std::map<std::string, int> segment_counts(Database& db) {
    std::map<std::string, int> counts;
    Statement st(db, "SELECT s.code_uuid, count(*) FROM segment s JOIN answer a ON "
                     "a.uuid = s.answer_uuid JOIN conversation c ON c.uuid = "
                     "a.conversation_uuid WHERE s.deleted_at IS NULL AND c.deleted_at "
                     "IS NULL GROUP BY s.code_uuid");
    while (st.step())
        counts[st.text(0)] = st.integer(1);
    return counts;
}

} // namespace convene::store
