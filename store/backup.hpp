// Consistent copies of a workspace with SQLite's online backup API: safe while the app (or any
// other connection) keeps writing, since the copy is read in one read transaction and a WAL
// writer never waits for it.
#pragma once

#include "store/sqlite.hpp"

#include <filesystem>

namespace convene::store {

// Copies the main database of src page by page into dest, which must exist and be empty (made
// 0600 by the caller). Throws Error naming what failed.
void copy_database(Database& src, const std::filesystem::path& dest);

// A copy of the workspace open in src at dest, written under a temporary name beside it and
// renamed into place (readable by its owner only). Refuses an existing dest and the
// workspace's own file.
void save_copy(Database& src, const std::filesystem::path& dest);

} // namespace convene::store
