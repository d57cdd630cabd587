#include "store/json_column.hpp"

namespace convene::store {

nlohmann::json json_column(const std::string& text, std::string_view table, std::string_view column,
                           std::string_view row, JsonKind kind) {
    auto where = [&] {
        return "the " + std::string(table) + " " + std::string(row) + " has a damaged " +
               std::string(column) + " column: ";
    };
    // Most answers have no values and no probes: no parser needed for those.
    if (kind != JsonKind::Array && text == "{}") return nlohmann::json::object();
    if (kind != JsonKind::Object && text == "[]") return nlohmann::json::array();
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw Error(where() + e.what());
    }
    if (kind == JsonKind::Object && !j.is_object())
        throw Error(where() + "expected a JSON object, found " + j.type_name());
    if (kind == JsonKind::Array && !j.is_array())
        throw Error(where() + "expected a JSON array, found " + j.type_name());
    return j;
}

} // namespace convene::store
