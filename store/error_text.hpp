// What a person reads when a workspace write fails: the cause in plain words (busy, disk full,
// read-only) and what happened to their data, never the SQL (that is kept for --verbose).
#pragma once

#include "store/sqlite.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace convene::store {

// Other processes that have the workspace file (or its -wal or -shm) open, as "name (pid N)".
std::vector<std::string> workspace_holders(const std::filesystem::path& workspace);

// The message for a failed workspace operation.
std::string user_message(const Error& e, const std::filesystem::path& workspace);

} // namespace convene::store
