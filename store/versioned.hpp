// Documents kept by content hash, every version kept, one current per id: guides, survey
// instruments and quality criteria sets. A conversation, a respondent or a rating keeps
// pointing at the exact version it used.
#pragma once

#include "store/sqlite.hpp"

#include <string>

namespace convene::store {

// Which table: each has hash, <id column>, version, title, json, bundled, current, added_at,
// deleted_at.
enum class VersionedTable { Guide, Instrument, Criteria };

struct VersionedDocument {
    std::string id, version, title, json; // json: the canonical text the hash is taken of
    bool bundled = false;
};

struct VersionedImport {
    std::string hash;
    bool added = false; // a version not stored before
};

// Stores the document (if its hash is new) and makes it the current version of its id, in one
// transaction. Storing the current version again changes nothing.
VersionedImport import_versioned(Database& db, VersionedTable table, const VersionedDocument& doc);

} // namespace convene::store
