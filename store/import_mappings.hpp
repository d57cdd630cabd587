// The column mapping of each instrument's last import, remembered so that its next export from
// the same survey service imports without asking again.
#pragma once

#include "store/sqlite.hpp"
#include "store/survey_import.hpp"

#include <optional>
#include <string>

namespace convene::store {

// The mapping last remembered for the instrument, nullopt when none is.
std::optional<ColumnMapping> remembered_mapping(Database& db, const std::string& instrument_id);
// Remembers the mapping (columns nothing matched are left out). Run inside the import's
// transaction, so the mapping is remembered exactly when the import commits.
void remember_mapping(Database& db, const std::string& instrument_id, const ColumnMapping& mapping);

} // namespace convene::store
