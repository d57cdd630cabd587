// File > Merge workspace..., File > Save a copy... and the merge conflicts review: windows over
// the open workspace. Draw functions read their cached state and record requests; act() after
// drawing carries them out (merges and copies run as Jobs with progress and cancel).
#pragma once

#include "app/job.hpp"
#include "app/path_input.hpp"
#include "app/view_cache.hpp"
#include "app/views/view.hpp"
#include "store/merge.hpp"

#include <optional>
#include <string>
#include <vector>

namespace convene::app {

struct ConflictField {
    std::string column, kept, other;
};

struct ConflictRow {
    std::string uuid, table, row_key, source, recorded_at;
    std::vector<ConflictField> fields; // only the columns where the versions differ
};

class WorkspaceTools {
  public:
    void open_merge(const std::string& suggested_path = {});
    void open_copy(const std::string& suggested_path = {});
    void open_conflicts();

    void draw(ViewContext& ctx);
    void act(ViewContext& ctx);
    bool busy() const { return merge_job_.running() || copy_job_.running(); }
    void workspace_closing();

    // For tests and the shell: the last report (preview or merge) and the conflicts shown.
    const std::optional<store::MergeReport>& report() const { return report_; }
    const std::vector<ConflictRow>& conflicts() const { return conflicts_; }
    const std::string& message() const { return message_; }

  private:
    void draw_merge();
    void draw_report(const store::MergeReport& r);
    void draw_copy();
    void draw_conflicts();
    void start_merge(store::Workspace& ws, bool dry_run);
    void collect_jobs();
    void rebuild_conflicts(store::Workspace& ws);

    // Merge window
    bool merge_open_ = false;
    std::string merge_path_;
    PathInput merge_input_;
    Job<store::MergeReport> merge_job_;
    bool job_is_preview_ = false;
    std::optional<store::MergeReport> report_; // the preview, then the merge's report
    std::string message_;                      // a refusal or failure, in words

    // Save a copy window
    bool copy_open_ = false;
    std::string copy_path_, copy_message_;
    PathInput copy_input_;
    Job<std::string> copy_job_;

    // Conflicts window
    bool conflicts_open_ = false;
    ViewCache conflicts_cache_;
    std::vector<ConflictRow> conflicts_;

    struct Requests {
        bool preview = false, merge = false, cancel = false, copy = false;
        std::string flip, keep; // conflict uuids
    } requests_;
};

} // namespace convene::app
