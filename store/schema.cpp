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
    // 3: conversations, their participants, answers with quotes, per-area timings, and a
    // full-text index over notes and quotes kept up to date by triggers.
    Migration{3, R"sql(
        CREATE TABLE conversation (
            uuid             TEXT PRIMARY KEY,
            guide_hash       TEXT NOT NULL REFERENCES guide(hash),
            group_id         TEXT NOT NULL,
            mode             TEXT NOT NULL DEFAULT 'interview'
                             CHECK (mode IN ('interview', 'focus_group')),
            org              TEXT NOT NULL DEFAULT '',
            state            TEXT NOT NULL DEFAULT '',
            scheduled_at     TEXT NOT NULL DEFAULT '',
            facilitator      TEXT NOT NULL DEFAULT '',
            note_taker       TEXT NOT NULL DEFAULT '',
            profile_slug     TEXT NOT NULL DEFAULT '',
            flags            TEXT NOT NULL DEFAULT '[]',
            status           TEXT NOT NULL DEFAULT 'planned'
                             CHECK (status IN ('planned', 'in_progress', 'complete')),
            current_question TEXT NOT NULL DEFAULT '',
            created_at       TEXT NOT NULL,
            updated_at       TEXT NOT NULL,
            deleted_at       TEXT
        ) STRICT;
        CREATE INDEX conversation_listing ON conversation(deleted_at, scheduled_at);

        CREATE TABLE participant (
            uuid              TEXT PRIMARY KEY,
            conversation_uuid TEXT NOT NULL REFERENCES conversation(uuid) ON DELETE CASCADE,
            name              TEXT NOT NULL DEFAULT '',
            role              TEXT NOT NULL DEFAULT '',
            organisation      TEXT NOT NULL DEFAULT '',
            consent           INTEGER NOT NULL DEFAULT 0,
            position          INTEGER NOT NULL DEFAULT 0,
            updated_at        TEXT NOT NULL
        ) STRICT;
        CREATE INDEX participant_conversation ON participant(conversation_uuid);

        CREATE TABLE area_timing (
            conversation_uuid TEXT NOT NULL REFERENCES conversation(uuid) ON DELETE CASCADE,
            area_id           TEXT NOT NULL,
            seconds           REAL NOT NULL DEFAULT 0,
            PRIMARY KEY (conversation_uuid, area_id)
        ) STRICT;

        CREATE TABLE answer (
            uuid              TEXT PRIMARY KEY,
            conversation_uuid TEXT NOT NULL REFERENCES conversation(uuid) ON DELETE CASCADE,
            question_id       TEXT NOT NULL,
            notes             TEXT NOT NULL DEFAULT '',
            asked             INTEGER NOT NULL DEFAULT 0, -- 0 not yet, 1 asked, 2 skipped
            probes            TEXT NOT NULL DEFAULT '[]', -- indexes of the probes ticked
            value_json        TEXT NOT NULL DEFAULT '{}', -- field id -> value
            updated_at        TEXT NOT NULL,
            UNIQUE (conversation_uuid, question_id)
        ) STRICT;

        CREATE TABLE quote (
            uuid        TEXT PRIMARY KEY,
            answer_uuid TEXT NOT NULL REFERENCES answer(uuid) ON DELETE CASCADE,
            text        TEXT NOT NULL,
            speaker     TEXT NOT NULL DEFAULT '',
            position    INTEGER NOT NULL DEFAULT 0,
            updated_at  TEXT NOT NULL
        ) STRICT;
        CREATE INDEX quote_answer ON quote(answer_uuid);

        CREATE VIRTUAL TABLE answer_fts USING fts5(
            notes, quotes, tokenize = 'unicode61 remove_diacritics 2');
        CREATE TRIGGER answer_fts_insert AFTER INSERT ON answer BEGIN
            INSERT INTO answer_fts(rowid, notes, quotes) VALUES (new.rowid, new.notes, '');
        END;
        CREATE TRIGGER answer_fts_update AFTER UPDATE OF notes ON answer BEGIN
            UPDATE answer_fts SET notes = new.notes WHERE rowid = new.rowid;
        END;
        CREATE TRIGGER answer_fts_delete AFTER DELETE ON answer BEGIN
            DELETE FROM answer_fts WHERE rowid = old.rowid;
        END;
        CREATE TRIGGER quote_fts_insert AFTER INSERT ON quote BEGIN
            UPDATE answer_fts SET quotes = (
                SELECT group_concat(text || ' (' || speaker || ')', char(10)) FROM quote
                 WHERE answer_uuid = new.answer_uuid)
             WHERE rowid = (SELECT rowid FROM answer WHERE uuid = new.answer_uuid);
        END;
        CREATE TRIGGER quote_fts_update AFTER UPDATE ON quote BEGIN
            UPDATE answer_fts SET quotes = (
                SELECT group_concat(text || ' (' || speaker || ')', char(10)) FROM quote
                 WHERE answer_uuid = new.answer_uuid)
             WHERE rowid = (SELECT rowid FROM answer WHERE uuid = new.answer_uuid);
        END;
        CREATE TRIGGER quote_fts_delete AFTER DELETE ON quote BEGIN
            UPDATE answer_fts SET quotes = coalesce((
                SELECT group_concat(text || ' (' || speaker || ')', char(10)) FROM quote
                 WHERE answer_uuid = old.answer_uuid), '')
             WHERE rowid = (SELECT rowid FROM answer WHERE uuid = old.answer_uuid);
        END;
    )sql"},
    // 4: participant surveys: instruments (every version kept by content hash), respondents
    // with their attributes and answers.
    Migration{4, R"sql(
        CREATE TABLE instrument (
            hash          TEXT PRIMARY KEY,
            instrument_id TEXT NOT NULL,
            version       TEXT NOT NULL,
            title         TEXT NOT NULL,
            json          TEXT NOT NULL,
            bundled       INTEGER NOT NULL DEFAULT 0,
            current       INTEGER NOT NULL DEFAULT 1,
            added_at      TEXT NOT NULL,
            deleted_at    TEXT
        ) STRICT;
        CREATE UNIQUE INDEX instrument_current_id ON instrument(instrument_id) WHERE current = 1;

        CREATE TABLE respondent (
            id            INTEGER PRIMARY KEY,
            uuid          TEXT NOT NULL UNIQUE,
            instrument_id TEXT NOT NULL,
            external_id   TEXT NOT NULL DEFAULT '', -- the survey service's response id
            attributes    TEXT NOT NULL DEFAULT '{}',
            source        TEXT NOT NULL DEFAULT '',  -- 'kiosk', or the imported file's name
            -- The answers as one JSON object, item id -> number | "text" | ["choice", ...].
            -- One row per respondent rather than per answer: a 10,000 x 60 import writes 10,000
            -- rows, and every analysis reads whole respondents anyway.
            answers       TEXT NOT NULL DEFAULT '{}',
            created_at    TEXT NOT NULL,
            updated_at    TEXT NOT NULL,
            deleted_at    TEXT
        ) STRICT;
        CREATE UNIQUE INDEX respondent_external ON respondent(instrument_id, external_id)
            WHERE external_id != '';
        CREATE INDEX respondent_instrument ON respondent(instrument_id);

    )sql"},
    // 5: the live interview: conversation-level notes, the speaker last quoted, follow-up
    // questions added on the spot (kept with their conversation only); survey responses left
    // unfinished (a kiosk respondent who walked away).
    Migration{5, R"sql(
        ALTER TABLE conversation ADD COLUMN notes TEXT NOT NULL DEFAULT '';
        ALTER TABLE conversation ADD COLUMN last_speaker TEXT NOT NULL DEFAULT '';
        CREATE TABLE follow_up (
            uuid              TEXT PRIMARY KEY,
            conversation_uuid TEXT NOT NULL REFERENCES conversation(uuid) ON DELETE CASCADE,
            area_id           TEXT NOT NULL,
            text              TEXT NOT NULL,
            position          INTEGER NOT NULL DEFAULT 0,
            created_at        TEXT NOT NULL
        ) STRICT;
        CREATE INDEX follow_up_conversation ON follow_up(conversation_uuid);
        ALTER TABLE respondent ADD COLUMN partial INTEGER NOT NULL DEFAULT 0;
    )sql"},
    // 6: coding. People who code (and later review) are rows with a UUID, never matched by
    // name. A segment is one code applied by one coder to an answer: to its notes or to one quote
    // (a byte range in that UTF-8 text plus a copy of the excerpt) or to the whole answer. When
    // the text is edited the segment is re-anchored to its excerpt; one whose text is gone keeps
    // its last range and is flagged (anchor = 'lost'), never dropped. Removing is reversible.
    Migration{6, R"sql(
        CREATE TABLE person (
            uuid       TEXT PRIMARY KEY,
            name       TEXT NOT NULL,
            created_at TEXT NOT NULL,
            deleted_at TEXT
        ) STRICT;

        CREATE TABLE segment (
            uuid        TEXT PRIMARY KEY,
            answer_uuid TEXT NOT NULL REFERENCES answer(uuid) ON DELETE CASCADE,
            code_uuid   TEXT NOT NULL REFERENCES code(uuid),
            coder_uuid  TEXT NOT NULL REFERENCES person(uuid),
            part        TEXT NOT NULL CHECK (part IN ('answer', 'notes', 'quote')),
            quote_uuid  TEXT NOT NULL DEFAULT '', -- the quote, when part = 'quote'
            start_byte  INTEGER NOT NULL DEFAULT 0,
            end_byte    INTEGER NOT NULL DEFAULT 0,
            excerpt     TEXT NOT NULL DEFAULT '',
            memo        TEXT NOT NULL DEFAULT '',
            anchor      TEXT NOT NULL DEFAULT 'ok' CHECK (anchor IN ('ok', 'lost')),
            created_at  TEXT NOT NULL,
            updated_at  TEXT NOT NULL,
            deleted_at  TEXT,
            CHECK (start_byte >= 0 AND end_byte >= start_byte)
        ) STRICT;
        CREATE INDEX segment_answer ON segment(answer_uuid);
        CREATE INDEX segment_code ON segment(code_uuid);
    )sql"},
    // 7: the column mapping of an instrument's last import, used again for its next one
    // (guides/FORMAT.md, "Column mapping").
    Migration{7, R"sql(
        CREATE TABLE import_mapping (
            instrument_id TEXT PRIMARY KEY,
            mapping       TEXT NOT NULL,
            updated_at    TEXT NOT NULL
        ) STRICT;
    )sql"},
    // 8: quality review. Criteria sets are kept by content hash like guides (a rating points at
    // the exact version it was made with). A rating is one reviewer's level and evidence note for
    // one criterion of one MC profile: the profile is named by its slug, which is the same in
    // every workspace (uuids of profiles are made per workspace), so merged workspaces agree.
    // level is the position of the set's rating level (0 = lowest), NULL while only a note is
    // written. One row per profile, set, criterion and reviewer; level and note are written
    // separately, so two reviewers (or a reviewer's two edits) never overwrite each other.
    Migration{8, R"sql(
        CREATE TABLE criteria_set (
            hash        TEXT PRIMARY KEY,
            criteria_id TEXT NOT NULL,
            version     TEXT NOT NULL,
            title       TEXT NOT NULL,
            json        TEXT NOT NULL,
            bundled     INTEGER NOT NULL DEFAULT 0,
            current     INTEGER NOT NULL DEFAULT 1,
            added_at    TEXT NOT NULL,
            deleted_at  TEXT
        ) STRICT;
        CREATE UNIQUE INDEX criteria_set_current_id ON criteria_set(criteria_id)
            WHERE current = 1;

        CREATE TABLE rating (
            uuid          TEXT PRIMARY KEY,
            profile_slug  TEXT NOT NULL,
            criteria_hash TEXT NOT NULL REFERENCES criteria_set(hash),
            criterion_id  TEXT NOT NULL,
            reviewer_uuid TEXT NOT NULL REFERENCES person(uuid),
            level         INTEGER CHECK (level IS NULL OR level >= 0),
            note          TEXT NOT NULL DEFAULT '',
            updated_at    TEXT NOT NULL,
            deleted_at    TEXT,
            UNIQUE (profile_slug, criteria_hash, criterion_id, reviewer_uuid)
        ) STRICT;
        CREATE INDEX rating_set ON rating(criteria_hash, profile_slug);
    )sql"},
    // 9: merging workspaces. Rows every workspace seeds from the bundled data get the same
    // identity everywhere (a name-based uuid from the slug): bundled codes are re-keyed, with
    // their segments and sub-codes. Area timings become parts (one row per session that timed
    // an area, summed when read) so merging adds parts and never doubles a sum. Every version
    // a row had is remembered (row_version) so a merge can tell an older copy of a row from an
    // edit made on the other side; hard deletes leave a tombstone so a merge does not bring the
    // row back; merge_conflict keeps the version a merge did not keep, for the user to review.
    Migration{9, R"sql(
        PRAGMA defer_foreign_keys = ON;
        CREATE TEMP TABLE code_rekey AS
            SELECT uuid AS old, name_uuid('code', slug) AS new FROM code
             WHERE slug NOT LIKE 'custom.%' AND uuid != name_uuid('code', slug);
        UPDATE segment SET code_uuid = (SELECT new FROM code_rekey WHERE old = code_uuid)
         WHERE code_uuid IN (SELECT old FROM code_rekey);
        UPDATE code SET parent_uuid = (SELECT new FROM code_rekey WHERE old = parent_uuid)
         WHERE parent_uuid IN (SELECT old FROM code_rekey);
        UPDATE code SET uuid = (SELECT new FROM code_rekey WHERE old = uuid)
         WHERE uuid IN (SELECT old FROM code_rekey);
        DROP TABLE code_rekey;
        UPDATE mc_profile SET uuid = name_uuid('mc_profile', slug);
        UPDATE mc_stack SET uuid = name_uuid('mc_stack', slug);

        CREATE TABLE area_time (
            uuid              TEXT PRIMARY KEY,
            conversation_uuid TEXT NOT NULL REFERENCES conversation(uuid) ON DELETE CASCADE,
            area_id           TEXT NOT NULL,
            seconds           REAL NOT NULL DEFAULT 0,
            updated_at        TEXT NOT NULL
        ) STRICT;
        CREATE INDEX area_time_conversation ON area_time(conversation_uuid);
        -- The sums so far become one part each, with the same uuid in every copy of this file.
        INSERT INTO area_time(uuid, conversation_uuid, area_id, seconds, updated_at)
            SELECT name_uuid('area_time', conversation_uuid || '/' || area_id),
                   conversation_uuid, area_id, seconds, '1970-01-01T00:00:00.000Z'
              FROM area_timing;
        DROP TABLE area_timing;

        CREATE TABLE row_version (
            table_name TEXT NOT NULL,
            row_key    TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (table_name, row_key, updated_at)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE tombstone (
            table_name TEXT NOT NULL,
            row_key    TEXT NOT NULL,
            deleted_at TEXT NOT NULL,
            PRIMARY KEY (table_name, row_key)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE merge_conflict (
            uuid        TEXT PRIMARY KEY,
            table_name  TEXT NOT NULL,
            row_key     TEXT NOT NULL,
            kept        TEXT NOT NULL, -- the row as the merge left it (JSON)
            other       TEXT NOT NULL, -- the version it did not keep (JSON)
            source      TEXT NOT NULL, -- the file merged in
            recorded_at TEXT NOT NULL,
            resolved_at TEXT,          -- the user looked: kept it, or flipped to the other
            UNIQUE (table_name, row_key, other)
        ) STRICT;
        CREATE TRIGGER conversation_version AFTER UPDATE OF updated_at ON conversation
            WHEN old.updated_at IS NOT new.updated_at BEGIN
            INSERT OR IGNORE INTO row_version VALUES ('conversation', old.uuid, old.updated_at);
        END;
        CREATE TRIGGER participant_version AFTER UPDATE OF updated_at ON participant
            WHEN old.updated_at IS NOT new.updated_at BEGIN
            INSERT OR IGNORE INTO row_version VALUES ('participant', old.uuid, old.updated_at);
        END;
        CREATE TRIGGER answer_version AFTER UPDATE OF updated_at ON answer
            WHEN old.updated_at IS NOT new.updated_at BEGIN
            INSERT OR IGNORE INTO row_version VALUES ('answer', old.conversation_uuid || '/' || old.question_id, old.updated_at);
        END;
        CREATE TRIGGER quote_version AFTER UPDATE OF updated_at ON quote
            WHEN old.updated_at IS NOT new.updated_at BEGIN
            INSERT OR IGNORE INTO row_version VALUES ('quote', old.uuid, old.updated_at);
        END;
        CREATE TRIGGER code_version AFTER UPDATE OF updated_at ON code
            WHEN old.updated_at IS NOT new.updated_at BEGIN
            INSERT OR IGNORE INTO row_version VALUES ('code', old.uuid, old.updated_at);
        END;
        CREATE TRIGGER mc_profile_version AFTER UPDATE OF updated_at ON mc_profile
            WHEN old.updated_at IS NOT new.updated_at BEGIN
            INSERT OR IGNORE INTO row_version VALUES ('mc_profile', old.uuid, old.updated_at);
        END;
        CREATE TRIGGER mc_stack_version AFTER UPDATE OF updated_at ON mc_stack
            WHEN old.updated_at IS NOT new.updated_at BEGIN
            INSERT OR IGNORE INTO row_version VALUES ('mc_stack', old.uuid, old.updated_at);
        END;
        CREATE TRIGGER segment_version AFTER UPDATE OF updated_at ON segment
            WHEN old.updated_at IS NOT new.updated_at BEGIN
            INSERT OR IGNORE INTO row_version VALUES ('segment', old.uuid, old.updated_at);
        END;
        CREATE TRIGGER respondent_version AFTER UPDATE OF updated_at ON respondent
            WHEN old.updated_at IS NOT new.updated_at BEGIN
            INSERT OR IGNORE INTO row_version VALUES ('respondent', old.uuid, old.updated_at);
        END;
        CREATE TRIGGER area_time_version AFTER UPDATE OF updated_at ON area_time
            WHEN old.updated_at IS NOT new.updated_at BEGIN
            INSERT OR IGNORE INTO row_version VALUES ('area_time', old.uuid, old.updated_at);
        END;
        CREATE TRIGGER rating_version AFTER UPDATE OF updated_at ON rating
            WHEN old.updated_at IS NOT new.updated_at BEGIN
            INSERT OR IGNORE INTO row_version VALUES ('rating', old.profile_slug || '/' ||
                old.criteria_hash || '/' || old.criterion_id || '/' || old.reviewer_uuid,
                old.updated_at);
        END;
        CREATE TRIGGER participant_tombstone AFTER DELETE ON participant BEGIN
            INSERT OR IGNORE INTO tombstone VALUES ('participant', old.uuid, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
        END;
        CREATE TRIGGER quote_tombstone AFTER DELETE ON quote BEGIN
            INSERT OR IGNORE INTO tombstone VALUES ('quote', old.uuid, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
        END;
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
