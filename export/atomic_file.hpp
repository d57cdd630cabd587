// Writes a file so that readers see either the old file or the whole new one, never a half:
// the content goes to a temporary file in the same folder, is flushed to disk, then renamed.
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

namespace convene::exporting {

// Calls write(temp_path) to produce the content at a temporary path, fsyncs it and renames it
// over target. On any failure (write throws or returns false, disk full) the temporary file is
// removed, target is untouched, and std::runtime_error names the target and the reason.
void write_atomically(const std::filesystem::path& target,
                      const std::function<bool(const std::filesystem::path& temp)>& write);

// Throws std::runtime_error with the reason when target cannot be written: it is a folder, or
// its folder is missing or not writable. Commands check their outputs with it before they
// change anything, so a bad output path never fails a command halfway.
void check_writable_target(const std::filesystem::path& target);

// A file being written under a temporary name beside its target (".NAME.tmp-PID"): commit()
// makes it owner-only, fsyncs it and renames it over the target; destroying it uncommitted
// removes the temporary file, so the target is either the old file or the whole new one. Several
// pending files (an export's workbook and CSVs) are committed together once all are written.
class PendingFile {
  public:
    explicit PendingFile(std::filesystem::path target);
    ~PendingFile();
    PendingFile(const PendingFile&) = delete;
    PendingFile& operator=(const PendingFile&) = delete;
    const std::filesystem::path& temp() const { return temp_; }
    const std::filesystem::path& target() const { return target_; }
    // Throws std::runtime_error naming the target when the temporary file is missing or cannot
    // be synced or renamed; the temporary file is then removed.
    void commit();

  private:
    std::filesystem::path target_, temp_;
    bool committed_ = false;
};

// Convenience: writes bytes atomically.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

} // namespace convene::exporting
