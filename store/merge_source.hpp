// The other workspace of a merge, as a private temporary copy: checked like any workspace,
// copied with the backup API through a read-only connection (the original is never written),
// brought to this version's format, attached to the workspace's connection as "other" and
// removed afterwards.
#pragma once

#include "store/sqlite.hpp"

#include <filesystem>

namespace convene::store {

class MergeSource {
  public:
    // Throws RefusedError with the reason when the file cannot be merged into this workspace.
    MergeSource(Database& workspace, const std::filesystem::path& other);
    ~MergeSource();
    MergeSource(const MergeSource&) = delete;
    MergeSource& operator=(const MergeSource&) = delete;

  private:
    Database& db_;
    std::filesystem::path copy_;
    bool attached_ = false;
};

} // namespace convene::store
