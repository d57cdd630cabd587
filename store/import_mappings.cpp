#include "store/import_mappings.hpp"

#include "store/json_column.hpp"
#include "store/uuid.hpp"

#include <nlohmann/json.hpp>

namespace convene::store {

std::optional<ColumnMapping> remembered_mapping(Database& db, const std::string& instrument_id) {
    Statement st(db, "SELECT mapping FROM import_mapping WHERE instrument_id = ?1");
    st.bind(1, instrument_id);
    if (!st.step()) return std::nullopt;
    const auto doc =
        json_column(st.text(0), "import_mapping", "mapping", instrument_id, JsonKind::Object);
    ColumnMapping m;
    if (doc.contains("columns") && doc["columns"].is_object())
        for (const auto& [column, target] : doc["columns"].items())
            if (target.is_string()) m[column] = target.get<std::string>();
    return m;
}

void remember_mapping(Database& db, const std::string& instrument_id,
                      const ColumnMapping& mapping) {
    nlohmann::ordered_json j;
    j["columns"] = nlohmann::ordered_json::object();
    for (const auto& [column, target] : mapping)
        if (!target.empty()) j["columns"][column] = target;
    Statement(db, "INSERT INTO import_mapping(instrument_id, mapping, updated_at) VALUES (?1, ?2, "
                  "?3) ON CONFLICT(instrument_id) DO UPDATE SET mapping = excluded.mapping, "
                  "updated_at = excluded.updated_at")
        .bind(1, instrument_id)
        .bind(2, j.dump())
        .bind(3, now_utc())
        .run();
}

} // namespace convene::store
