// The workspace schema as a list of migrations. Never edit a released step: add a new one.
#include "store/workspace.hpp"

#include <array>

namespace convene::store {
namespace {

constexpr std::array kMigrations{
    Migration{1, R"sql(
        CREATE TABLE meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT;
        INSERT INTO meta(key, value) VALUES
            ('workspace_uuid', lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
                substr(lower(hex(randomblob(2))), 2) || '-' ||
                substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) ||
                '-' || lower(hex(randomblob(6)))),
            ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
    )sql"},
};

} // namespace

std::span<const Migration> schema_migrations() {
    return kMigrations;
}
int latest_schema_version() {
    return kMigrations.back().version;
}

} // namespace convene::store
