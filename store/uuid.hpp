// UUIDs for rows that can be merged between workspaces: random (version 4) for rows made here,
// name-based (version 5, SHA-1) for rows every workspace seeds from the bundled data, so two
// workspaces created apart agree on what "the same code" is.
#pragma once

#include <string>
#include <string_view>

namespace convene::store {

std::string new_uuid();
// The version 5 UUID of kind:name in Convene's namespace, e.g. name_uuid("code", "barriers.cost").
// The same in every workspace and every version of Convene: never change the namespace.
std::string name_uuid(std::string_view kind, std::string_view name);
// Current UTC time as "YYYY-MM-DDTHH:MM:SS.mmmZ".
std::string now_utc();
// Current local time in a strftime format ("%H:%M:%S" for a status bar, "%Y-%m-%d" for today).
std::string now_local(const char* format);

} // namespace convene::store
