// Repository of the person table: the people who code answers (and review MCs). A person is a
// UUID with a name; two people may share a name, and rows that name a person hold the UUID.
#pragma once

#include "store/sqlite.hpp"

#include <optional>
#include <string>
#include <vector>

namespace convene::store {

struct Person {
    std::string uuid, name;
    bool operator==(const Person&) const = default;
};

// Adds a person; refuses an empty name or one already used (ignoring case) by someone in the
// workspace, so a name typed on the command line always means one person. Returns the uuid.
std::string add_person(Database& db, const std::string& name);
// Everyone not deleted, by name.
std::vector<Person> list_people(Database& db);
// The person with this name (ignoring case) or uuid prefix (4+ characters); nullopt if none.
// Throws Error when several match.
std::optional<Person> find_person(Database& db, const std::string& name_or_uuid);

} // namespace convene::store
