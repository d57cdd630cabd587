// Editing the workspace's codebook: add, rename, describe, colour, move, merge, delete to the
// trash and restore. A code's uuid never changes: every edit keeps it, so segments, other
// workspaces and exports keep pointing at the same code. Each function is one transaction and
// throws Error with a sentence a person can act on.
#pragma once

#include "store/codebook.hpp"

#include <optional>
#include <string>
#include <vector>

namespace convene::store {

struct NewCode {
    std::string name;
    std::string parent_uuid; // empty: a top-level code
    std::string description, colour;
};

// Returns the new code's uuid. Refuses an empty name, a name a sibling already has (ignoring
// case), a colour that is not #RRGGBB and a parent that does not exist or is in the trash.
std::string add_code(Database& db, const NewCode& code);
void rename_code(Database& db, const std::string& uuid, const std::string& name);
void describe_code(Database& db, const std::string& uuid, const std::string& description);
void set_code_colour(Database& db, const std::string& uuid, const std::string& colour);
// Moves a code (with its sub-codes) under parent_uuid, or to the top level when it is empty.
// Refuses a move under itself or one of its own sub-codes.
void move_code(Database& db, const std::string& uuid, const std::string& parent_uuid);

struct MergeResult {
    int segments_moved = 0;
    int duplicates_removed = 0; // the same coder had applied both codes to the same text
    int children_moved = 0;
};
// Merges code `from` into `into`: from's segments and sub-codes move to into, and from goes to
// the trash. A segment that would duplicate one into already has is removed (reversibly).
MergeResult merge_codes(Database& db, const std::string& from, const std::string& into);

// Puts the code and its sub-codes in the trash; their segments stay, hidden until restored.
// Returns how many codes went.
int delete_code(Database& db, const std::string& uuid);
// Restores a code from the trash with the sub-codes that went with it, and its parents if they
// are in the trash too. Returns how many codes came back.
int restore_code(Database& db, const std::string& uuid);

// "#1f77b4" or empty: what a code's colour may be.
bool valid_colour(const std::string& colour);

// A code by uuid prefix (4+ characters), slug, name or path ("Parent/Child"), ignoring case;
// in_trash looks among codes in the trash instead. nullopt when nothing matches; Error naming
// the candidates when several do.
std::optional<CodeRow> find_code(Database& db, const std::string& text, bool in_trash = false);
// Codes in the trash, most recently deleted first.
std::vector<CodeRow> list_trashed_codes(Database& db);

} // namespace convene::store
