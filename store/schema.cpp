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
    // 2: the library: guides (every version kept by content hash), MC profiles and stacks, the
    // codebook, currency units and per-state conversions.
    Migration{2, R"sql(
        CREATE TABLE guide (
            hash       TEXT PRIMARY KEY,           -- SHA-256 of the canonical JSON
            guide_id   TEXT NOT NULL,
            version    TEXT NOT NULL,
            title      TEXT NOT NULL,
            json       TEXT NOT NULL,
            bundled    INTEGER NOT NULL DEFAULT 0,
            current    INTEGER NOT NULL DEFAULT 1, -- the version offered for new conversations
            added_at   TEXT NOT NULL,
            deleted_at TEXT
        ) STRICT;
        CREATE UNIQUE INDEX guide_current_id ON guide(guide_id) WHERE current = 1;

        CREATE TABLE mc_stack (
            uuid        TEXT PRIMARY KEY,
            slug        TEXT NOT NULL UNIQUE,
            title       TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            profiles    TEXT NOT NULL DEFAULT '[]', -- JSON array of profile slugs, in order
            updated_at  TEXT NOT NULL,
            deleted_at  TEXT
        ) STRICT;

        CREATE TABLE mc_profile (
            uuid       TEXT PRIMARY KEY,
            slug       TEXT NOT NULL UNIQUE,
            title      TEXT NOT NULL,
            body       TEXT NOT NULL,              -- the profile as JSON (guides/FORMAT.md)
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        ) STRICT;

        CREATE TABLE code (
            uuid        TEXT PRIMARY KEY,
            slug        TEXT NOT NULL UNIQUE,
            parent_uuid TEXT REFERENCES code(uuid),
            name        TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            colour      TEXT NOT NULL DEFAULT '',
            position    INTEGER NOT NULL DEFAULT 0,
            updated_at  TEXT NOT NULL,
            deleted_at  TEXT
        ) STRICT;

        CREATE TABLE currency_unit (
            slug        TEXT PRIMARY KEY,
            label       TEXT NOT NULL,
            clock_hours REAL NOT NULL CHECK (clock_hours > 0)
        ) STRICT;

        CREATE TABLE currency_conversion (
            state       TEXT NOT NULL,
            state_name  TEXT NOT NULL DEFAULT '',
            unit        TEXT NOT NULL REFERENCES currency_unit(slug),
            clock_hours REAL NOT NULL CHECK (clock_hours > 0),
            source      TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (state, unit)
        ) STRICT;
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
