// What a merge knows about each table that travels between workspaces: one entry per table, in
// the order rows must arrive (parents before children). Adding a table to merging is adding an
// entry here (and, for a table with updated_at, its row_version trigger in the schema).
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace convene::store {

enum class MergeRule {
    // Rows with updated_at: the later edit wins. A row edited on both sides (neither version
    // is an older version of the other, by row_version) also records the version not kept.
    LaterEdit,
    // Rows that carry no updated_at: new rows come in; a different version of a row we have
    // keeps ours and records theirs as a conflict.
    KeepOurs,
    // Documents stored by content hash (guides, instruments): the same key is the same content,
    // so only new rows come in.
    AddOnly,
};

struct ColumnOverride {
    std::string_view column;
    std::string_view expression; // SQL over the incoming row `o` (and main.*)
};

struct ChildColumn {
    std::string_view table, column; // a column holding this table's uuid
};

struct MergeTable {
    std::string_view name;
    std::vector<std::string_view> key; // the columns that identify a row in every workspace
    // The row's identity as one text, for row_version, tombstone and merge_conflict: SQL with
    // {} for the table alias.
    std::string_view row_key;
    std::string_view updated_at; // empty when the rows carry none
    MergeRule rule;
    // This workspace's own state (a cursor, which version is current): never compared or
    // updated, copied only when a row comes in.
    std::vector<std::string_view> local_columns;
    std::vector<std::string_view> not_copied; // an INTEGER PRIMARY KEY rowid alias
    std::vector<ColumnOverride> on_insert;
    // A second identity two workspaces can create apart (one answer per conversation and
    // question): rows equal on it are one row, both given the smaller uuid, with children.
    std::vector<std::string_view> natural_key;
    std::string_view natural_where; // which rows have a natural key ("" = all)
    std::vector<ChildColumn> children;
};

std::span<const MergeTable> merge_tables();

} // namespace convene::store
