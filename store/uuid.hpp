// Random (version 4) UUIDs for rows that can be merged between workspaces.
#pragma once

#include <string>

namespace convene::store {

std::string new_uuid();
// Current UTC time as "YYYY-MM-DDTHH:MM:SS.mmmZ".
std::string now_utc();

} // namespace convene::store
