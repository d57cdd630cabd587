// Random (version 4) UUIDs for rows that can be merged between workspaces.
#pragma once

#include <string>

namespace convene::store {

std::string new_uuid();
// Current UTC time as "YYYY-MM-DDTHH:MM:SS.mmmZ".
std::string now_utc();
// Current local time in a strftime format ("%H:%M:%S" for a status bar, "%Y-%m-%d" for today).
std::string now_local(const char* format);

} // namespace convene::store
