#include "store/people.hpp"

#include "guides/text.hpp"
#include "store/uuid.hpp"

namespace convene::store {

std::string add_person(Database& db, const std::string& raw_name) {
    std::string name = guides::trim(raw_name);
    if (name.empty()) throw Error("a person needs a name");
    Transaction tx(db);
    Statement same(db, "SELECT uuid FROM person WHERE deleted_at IS NULL AND "
                       "lower(name) = lower(?1)");
    same.bind(1, name);
    if (same.step()) throw Error("there is already a person called \"" + name + "\"");
    std::string uuid = new_uuid();
    Statement(db, "INSERT INTO person(uuid, name, created_at) VALUES (?1, ?2, ?3)")
        .bind(1, uuid)
        .bind(2, name)
        .bind(3, now_utc())
        .run();
    tx.commit();
    return uuid;
}

std::vector<Person> list_people(Database& db) {
    std::vector<Person> people;
    Statement st(db, "SELECT uuid, name FROM person WHERE deleted_at IS NULL "
                     "ORDER BY lower(name), uuid");
    while (st.step())
        people.push_back({st.text(0), st.text(1)});
    return people;
}

namespace {

std::vector<Person> people_where(Database& db, const char* condition, const std::string& key) {
    Statement st(db, std::string("SELECT uuid, name FROM person WHERE deleted_at IS NULL AND ") +
                         condition + " ORDER BY uuid");
    st.bind(1, key);
    std::vector<Person> found;
    while (st.step())
        found.push_back({st.text(0), st.text(1)});
    return found;
}

} // namespace

std::optional<Person> find_person(Database& db, const std::string& raw) {
    std::string key = guides::trim(raw);
    if (key.empty()) return std::nullopt;
    auto found = people_where(db, "lower(name) = lower(?1)", key);
    if (found.empty() && key.size() >= 4) found = people_where(db, "uuid LIKE ?1 || '%'", key);
    if (found.empty()) return std::nullopt;
    if (found.size() > 1)
        throw Error("\"" + key + "\" could be " + found[0].name + " (" +
                    found[0].uuid.substr(0, 8) + ") or " + found[1].name + " (" +
                    found[1].uuid.substr(0, 8) + "): give more of the uuid");
    return found[0];
}

} // namespace convene::store
