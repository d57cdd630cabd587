// File > Merge workspace...: the other file's path, a preview (a dry run) of what will come
// in, the merge with a progress bar and cancel, and its report.
#include "app/ui_probe.hpp"
#include "app/views/workspace_tools.hpp"
#include "app/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {

void WorkspaceTools::open_merge(const std::string& suggested_path) {
    merge_open_ = true;
    if (merge_path_.empty()) merge_path_ = suggested_path;
}

void WorkspaceTools::draw_report(const store::MergeReport& r) {
    widgets::wrapped(r.dry_run ? "What merging would do (nothing has changed yet):"
                               : "Merged. What changed:");
    if (ImGui::BeginTable("##report", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
        for (const char* h : {"Rows", "Added", "Updated", "Unchanged", "Conflicts", "Removed"})
            ImGui::TableSetupColumn(h);
        ImGui::TableHeadersRow();
        auto line = [](const std::string& name, const store::MergeCounts& c) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(name.c_str());
            for (int v : {c.added, c.updated, c.unchanged, c.conflicts, c.removed}) {
                ImGui::TableNextColumn();
                ImGui::Text("%d", v);
            }
        };
        for (const auto& t : r.tables)
            if (t.counts.added || t.counts.updated || t.counts.conflicts || t.counts.removed)
                line(t.table, t.counts);
        line("All", r.total);
        ImGui::EndTable();
    }
    if (r.total.conflicts)
        widgets::wrapped((std::to_string(r.total.conflicts) +
                          " rows were edited in both workspaces: the later edit is kept and the "
                          "other can be reviewed in File > Merge conflicts.")
                             .c_str());
    for (const auto& d : r.duplicate_codes)
        widgets::wrapped(("Two codes called \"" + d.path +
                          "\" were made apart: merge them (convene-cli code merge) if they mean "
                          "the same.")
                             .c_str());
}

void WorkspaceTools::draw_merge() {
    if (!merge_open_) return;
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 38, 0), ImGuiCond_Appearing);
    if (!ImGui::Begin("Merge workspace", &merge_open_)) return ImGui::End();
    widgets::wrapped("Path of the workspace to merge into this one (it is only read):");
    bool running = merge_job_.running();
    ImGui::BeginDisabled(running);
    if (merge_input_.draw("##merge_path", merge_path_,
                          {.hint = "/path/to/other.db (Tab completes)", .probe = "merge.path"}))
        report_.reset();
    if (ImGui::Button("Preview")) requests_.preview = true;
    probe("merge.preview");
    ImGui::SameLine();
    bool previewed = report_ && report_->dry_run && report_->other == merge_path_;
    ImGui::BeginDisabled(!previewed);
    if (ImGui::Button("Merge")) requests_.merge = true;
    probe("merge.run");
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    if (running) {
        ImGui::ProgressBar(merge_job_.progress(), ImVec2(-ImGui::GetFontSize() * 6, 0),
                           job_is_preview_ ? "Previewing..." : "Merging...");
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) requests_.cancel = true;
        probe("merge.cancel");
    }
    if (!message_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8f, 0.1f, 0.1f, 1.0f));
        widgets::wrapped(message_.c_str());
        ImGui::PopStyleColor();
    }
    if (report_ && !running) draw_report(*report_);
    ImGui::End();
}

void WorkspaceTools::start_merge(store::Workspace& ws, bool dry_run) {
    message_.clear();
    job_is_preview_ = dry_run;
    std::filesystem::path other = merge_path_;
    merge_job_.start(ws.path(), [other, dry_run](store::Workspace& w, JobProgress& p) {
        store::MergeOptions o;
        o.dry_run = dry_run;
        o.progress = [&p](std::size_t done, std::size_t total) { return p.report(done, total); };
        return store::merge_workspace(w, other, o);
    });
}

} // namespace convene::app
