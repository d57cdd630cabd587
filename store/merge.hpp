// Merging another workspace into this one. The other file is never written: it is checked like
// any workspace (a newer, foreign, garbage or locked file is refused with the reason), copied
// with SQLite's backup API into a private temporary file, brought to this version's format there
// and attached. Rows are matched by identity (uuid, a content hash, or a natural key for rows two
// workspaces create apart), in one transaction: a failure or a cancel leaves this workspace as it
// was. Merging the same file twice changes nothing the second time.
#pragma once

#include "store/workspace.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace convene::store {

struct MergeCounts {
    int added = 0;     // rows that were not here
    int updated = 0;   // rows that took the other workspace's later edit
    int unchanged = 0; // rows already the same here (or an older version of ours)
    int conflicts = 0; // rows edited on both sides: the later edit kept, the other recorded
    int removed = 0;   // rows deleted on the other side (a removed quote or participant)
    MergeCounts& operator+=(const MergeCounts& o);
};

struct TableMerge {
    std::string table;
    MergeCounts counts;
};

// Live codes with the same path ("Parent / Child") but different uuids: made apart in two
// workspaces. The merge keeps both and reports them so the user can unify them (code merge).
struct DuplicateCode {
    std::string path;
    std::vector<std::string> uuids;
};

struct MergeReport {
    std::string other;
    bool dry_run = false;
    std::vector<TableMerge> tables; // every merged table, in merge order
    MergeCounts total;
    // Rows here that were made apart from the same row there (an answer to the same question,
    // a respondent imported from the same file) and took its smaller uuid.
    int unified = 0;
    std::vector<DuplicateCode> duplicate_codes;
};

// Called between steps with how far the merge is; return false to cancel it.
using MergeProgress = std::function<bool(std::size_t done, std::size_t total)>;

struct MergeOptions {
    bool dry_run = false; // do everything, report, and roll back
    MergeProgress progress;
};

class MergeCancelled : public Error {
  public:
    using Error::Error;
};

// Throws RefusedError (the other file cannot be merged, with the reason), MergeCancelled, or
// Error; in each case this workspace is unchanged.
MergeReport merge_workspace(Workspace& ws, const std::filesystem::path& other,
                            const MergeOptions& options = {});

} // namespace convene::store
