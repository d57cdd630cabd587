#include "store/versioned.hpp"

#include "guides/guide_json.hpp"
#include "store/uuid.hpp"

namespace convene::store {
namespace {

struct Names {
    const char* table;
    const char* id_column;
};

Names names(VersionedTable t) {
    switch (t) {
    case VersionedTable::Guide:
        return {"guide", "guide_id"};
    case VersionedTable::Instrument:
        return {"instrument", "instrument_id"};
    case VersionedTable::Criteria:
        break;
    }
    return {"criteria_set", "criteria_id"};
}

} // namespace

VersionedImport import_versioned(Database& db, VersionedTable table, const VersionedDocument& doc) {
    // Table and column names come from names() above, never from input.
    const auto [t, id] = names(table);
    VersionedImport result{guides::sha256_hex(doc.json)};
    Transaction tx(db);
    Statement exists(db, std::string("SELECT current FROM ") + t + " WHERE hash = ?1");
    exists.bind(1, result.hash);
    bool present = exists.step();
    bool current = present && exists.int64(0) == 1;
    exists.reset();
    if (current) return result; // nothing changes: the empty transaction rolls back
    Statement(db,
              std::string("UPDATE ") + t + " SET current = 0 WHERE " + id + " = ?1 AND current = 1")
        .bind(1, doc.id)
        .run();
    if (present) {
        Statement(db, std::string("UPDATE ") + t +
                          " SET current = 1, deleted_at = NULL WHERE hash = ?1")
            .bind(1, result.hash)
            .run();
    } else {
        Statement(db, std::string("INSERT INTO ") + t + "(hash, " + id +
                          ", version, title, json, bundled, current, added_at) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7)")
            .bind(1, result.hash)
            .bind(2, doc.id)
            .bind(3, doc.version)
            .bind(4, doc.title)
            .bind(5, doc.json)
            .bind(6, doc.bundled ? 1 : 0)
            .bind(7, now_utc())
            .run();
        result.added = true;
    }
    tx.commit();
    return result;
}

} // namespace convene::store
