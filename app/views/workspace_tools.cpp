// The workspace tools' frame: draw the open windows, then carry out what they asked for.
#include "app/views/workspace_tools.hpp"

#include "store/backup.hpp"
#include "store/merge_conflicts.hpp"

namespace convene::app {

void WorkspaceTools::draw(ViewContext&) {
    draw_merge();
    draw_copy();
    draw_conflicts();
}

void WorkspaceTools::collect_jobs() {
    if (auto r = merge_job_.take_result()) {
        report_ = std::move(*r);
        if (!report_->dry_run) conflicts_cache_.invalidate();
    }
    if (auto e = merge_job_.take_error(); !e.empty()) message_ = e;
    if (auto r = copy_job_.take_result()) copy_message_ = "Saved a copy to " + *r + ".";
    if (auto e = copy_job_.take_error(); !e.empty()) copy_message_ = e;
}

void WorkspaceTools::act(ViewContext& ctx) {
    auto req = std::exchange(requests_, {});
    collect_jobs();
    store::Workspace* ws = ctx.workspace;
    if (!ws) return;
    if (req.cancel) merge_job_.cancel();
    if ((req.preview || req.merge) && !merge_job_.running()) start_merge(*ws, req.preview);
    if (req.copy && !copy_job_.running()) {
        copy_message_.clear();
        std::filesystem::path dest = copy_path_;
        copy_job_.start(ws->path(), [dest](store::Workspace& w, JobProgress&) {
            store::save_copy(w.db(), dest);
            return dest.string();
        });
    }
    if (!req.flip.empty()) store::flip_conflict(ws->db(), req.flip);
    if (!req.keep.empty()) store::keep_conflict(ws->db(), req.keep);
    if (conflicts_open_ && conflicts_cache_.stale(ctx)) rebuild_conflicts(*ws);
}

void WorkspaceTools::workspace_closing() {
    merge_job_.cancel();
    report_.reset();
    message_.clear();
    conflicts_.clear();
    conflicts_cache_.invalidate();
}

} // namespace convene::app
