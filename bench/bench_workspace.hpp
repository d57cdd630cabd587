// Pieces the benches that build a large coded workspace share: random structured answers for a
// guide question, and a codebook grown to n codes (ten per top-level code).
#pragma once

#include "guides/guide.hpp"
#include "store/codebook.hpp"
#include "store/uuid.hpp"

#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

namespace convene::bench {

inline nlohmann::json values_for(const guides::Question& q, std::mt19937& rng) {
    nlohmann::json v = nlohmann::json::object();
    for (const auto& f : q.fields) {
        auto allowed = f.allowed_values();
        switch (f.type) {
        case guides::FieldType::Number:
            v[f.id] = static_cast<int>(rng() % static_cast<unsigned>(f.max.value_or(20)));
            break;
        case guides::FieldType::Scale5:
            v[f.id] = 1 + static_cast<int>(rng() % 5);
            break;
        case guides::FieldType::Multi:
            v[f.id] = nlohmann::json::array({allowed[rng() % allowed.size()]});
            break;
        case guides::FieldType::Text:
            break;
        default:
            v[f.id] = allowed[rng() % allowed.size()];
        }
    }
    return v;
}

inline std::vector<std::string> add_codes(store::Database& db, int n) {
    std::vector<std::string> uuids;
    for (const auto& c : store::list_codes(db))
        uuids.push_back(c.uuid);
    store::Statement st(db, "INSERT INTO code(uuid, slug, parent_uuid, name, position, "
                            "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, '2024-01-01T00:00:00Z')");
    for (int i = static_cast<int>(uuids.size()); i < n; ++i) {
        auto uuid = store::new_uuid();
        st.reset();
        st.bind(1, uuid)
            .bind(2, "bench-" + std::to_string(i))
            .bind(4, "Bench code " + std::to_string(i));
        if (i % 10 == 0)
            st.bind_null(3);
        else
            st.bind(3, uuids[static_cast<std::size_t>(i - i % 10)]);
        st.bind(5, i).run();
        uuids.push_back(uuid);
    }
    return uuids;
}
} // namespace convene::bench
