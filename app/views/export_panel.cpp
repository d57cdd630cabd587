#include "app/views/export_panel.hpp"

#include "app/document_target.hpp"
#include "app/ui_probe.hpp"
#include "app/widgets.hpp"
#include "store/paths.hpp"

#include <algorithm>
#include <cstdlib>
#include <imgui.h>
#include <imgui_stdlib.h>
#include <utility>

namespace convene::app {
namespace fs = std::filesystem;
namespace {

// The folder typed, "~" meaning the home folder, made absolute (for showing it in full).
fs::path full_folder(const std::string& typed) {
    std::string folder = typed;
    if (folder == "~" || folder.starts_with("~/")) {
        const char* home = std::getenv("HOME");
        folder = std::string(home && *home ? home : ".") + folder.substr(1);
    }
    std::error_code ec;
    auto p = fs::absolute(fs::path(folder), ec);
    return ec ? fs::path(folder) : p.lexically_normal();
}

// The CSV folder: the one typed, else beside the workbook, named after it.
fs::path csv_folder(const std::string& typed, const fs::path& workbook) {
    if (!typed.empty()) return full_folder(typed);
    return workbook.parent_path() / (workbook.stem().string() + "-csv");
}

// The width a labelled box takes with its label, which ImGui draws to its right.
float labelled_width(const char* label, float box) {
    return box + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}

// A filter box after the one before it on the same line when both fit, else on a new line;
// narrowed to the panel when even alone it would not fit, so its label always shows.
void filter_box(const char* label, const char* hint, std::string& value, const char* probe_name,
                float width, bool first) {
    float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (!first && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x +
                          labelled_width(label, width) <=
                      right)
        ImGui::SameLine();
    float room = ImGui::GetContentRegionAvail().x - labelled_width(label, 0);
    ImGui::SetNextItemWidth(std::max(std::min(width, room), ImGui::GetFontSize() * 4));
    ImGui::InputTextWithHint(label, hint, &value);
    probe(probe_name, value);
}

} // namespace

ExportPanel::ExportPanel()
    : folder_(store::documents_dir().string()), plan_(exporting::export_sheet_plan()) {}

ExportPanel::~ExportPanel() = default;

bool ExportPanel::busy() const {
    return job_ && job_->running();
}

void ExportPanel::workspace_closing() {
    job_.reset(); // cancels and waits
}

void ExportPanel::draw() {
    widgets::wrapped("One xlsx workbook with every table of the workspace (and, if asked, the "
                     "same tables as CSV files for R, pandas or SPSS). Leave a filter empty to "
                     "export everything.");
    ImGui::BeginDisabled(busy());
    draw_filters();
    draw_target();
    ImGui::EndDisabled();
    draw_run();
}

std::string ExportPanel::current_sheet() const {
    std::lock_guard lock(stage_->mutex);
    return stage_->sheet;
}

void ExportPanel::draw_sheets() {
    ImGui::TextDisabled("The workbook's %zu sheets", plan_.size());
    probe("export.plan", std::to_string(plan_.size()) + " sheets");
    // While writing: the plan's sheets before the one being written are done. A stage that is
    // not a sheet of its own (the summaries being read) leaves the list as it was.
    std::size_t writing = plan_.size();
    if (busy()) {
        auto sheet = current_sheet();
        for (std::size_t i = 0; i < plan_.size(); ++i)
            if (plan_[i].sheet == sheet) writing = i;
        if (writing == plan_.size() && sheet != exporting::kWritingTheFile)
            writing = last_writing_; // every sheet is written once the file is being assembled
        last_writing_ = writing;
    } else {
        last_writing_ = 0;
        scrolled_to_ = plan_.size();
    }
    for (std::size_t i = 0; i < plan_.size(); ++i) {
        const auto& s = plan_[i];
        bool upcoming = busy() && i > writing;
        ImGui::BeginDisabled(upcoming);
        ImGui::Selectable(s.sheet.c_str(), busy() && i == writing);
        ImGui::EndDisabled();
        if (busy() && i == writing && std::exchange(scrolled_to_, i) != i)
            ImGui::SetScrollHereY(0.5f); // the sheet being written stays in view

        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("%s", s.description.c_str());
        probe("export.sheet." + s.sheet, busy() && i == writing ? "writing"
                                         : upcoming             ? "to come"
                                                                : "");
    }
}

void ExportPanel::draw_filters() {
    const float em = ImGui::GetFontSize();
    ImGui::TextDisabled("Conversations");
    filter_box("Group##export", "any stakeholder group id", filter_.group, "export.group", em * 11,
               true);
    filter_box("State##export", "any", filter_.state, "export.state", em * 6, false);
    filter_box("Status##export", "any", filter_.status, "export.status", em * 7, false);
    filter_box("From##export", "YYYY-MM-DD", filter_.from, "export.from", em * 7, true);
    filter_box("To##export", "YYYY-MM-DD", filter_.to, "export.to", em * 7, false);
    filter_box("Guide##export", "any guide id", filter_.guide, "export.guide", em * 9, false);
    filter_box("Survey instrument##export", "every instrument", filter_.instrument,
               "export.instrument", em * 11, true);
    filter_box("Coder##export", "everyone (name or uuid)", filter_.coder, "export.coder", em * 11,
               false);
}

void ExportPanel::draw_target() {
    const float em = ImGui::GetFontSize();
    // As wide as 30 characters when the panel has room, narrower so the labels still show.
    float box = std::min(em * 30,
                         ImGui::GetContentRegionAvail().x - labelled_width("File name##export", 0));
    folder_input_.draw("Folder##export", folder_,
                       {.filter = {.folders_only = true}, .width = box, .probe = "export.folder"});
    ImGui::SetNextItemWidth(box);
    ImGui::InputText("File name##export", &name_);
    probe("export.name", name_);
    auto target = full_folder(folder_) / name_;
    ImGui::TextDisabled("Writes");
    ImGui::SameLine();
    ImGui::TextUnformatted(target.c_str());
    probe("export.target", target.string());
    ImGui::Checkbox("Pseudonymize: codes (P01, P02, ...) instead of people's names",
                    &pseudonymize_);
    probe("export.pseudonymize");
    ImGui::Checkbox("Also write the tables as CSV files", &csv_);
    probe("export.csv");
    if (csv_) {
        csv_folder_input_.draw("CSV folder##export", csv_folder_,
                               {.hint = "beside the workbook",
                                .filter = {.folders_only = true},
                                .width = em * 30,
                                .probe = "export.csv_folder"});
        ImGui::TextDisabled("CSV files in");
        ImGui::SameLine();
        ImGui::TextUnformatted(csv_folder(csv_folder_, target).c_str());
    }
}

void ExportPanel::draw_run() {
    const float em = ImGui::GetFontSize();
    if (busy()) {
        std::string sheet;
        {
            std::lock_guard lock(stage_->mutex);
            sheet = stage_->sheet;
        }
        ImGui::ProgressBar(job_->progress(), ImVec2(em * 20, 0), sheet.c_str());
        probe("export.progress", sheet);
        ImGui::SameLine();
        if (ImGui::Button("Cancel##export")) cancel_request_ = true;
        probe("export.cancel");
        return;
    }
    if (ImGui::Button("Export")) start_request_ = true;
    probe("export.write");
    if (message_.empty()) return;
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
    if (ok_)
        ImGui::TextUnformatted(message_.c_str());
    else
        ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.15f, 1), "%s", message_.c_str());
    ImGui::PopTextWrapPos();
    probe(ok_ ? "export.written" : "export.refused", message_);
}

void ExportPanel::act(store::Workspace& ws) {
    if (job_ && !job_->running()) {
        if (auto result = job_->take_result()) {
            ok_ = true;
            message_ = "Wrote " + result->xlsx.string() + " (" +
                       widgets::count(result->sheets.size() + 1, "sheet", "sheets") + ")";
            if (!result->csv_files.empty())
                message_ += " and " + widgets::count(result->csv_files.size(), "CSV file") +
                            " in " + result->csv_files.front().parent_path().string();
            message_ += ".";
        } else if (auto error = job_->take_error(); !error.empty()) {
            ok_ = false;
            message_ = "Nothing was written: " + error;
        }
    }
    if (std::exchange(cancel_request_, false) && busy()) job_->cancel();
    if (!std::exchange(start_request_, false) || busy()) return;
    exporting::ExportOptions options;
    try {
        options.xlsx = document_path(full_folder(folder_).string(), name_);
        if (csv_) options.csv_dir = csv_folder(csv_folder_, options.xlsx);
    } catch (const std::exception& e) {
        ok_ = false;
        message_ = e.what();
        return;
    }
    options.pseudonymize = pseudonymize_;
    options.filter = filter_;
    message_.clear();
    if (!job_) job_ = std::make_unique<Job<exporting::ExportResult>>();
    auto stage = stage_;
    job_->start(ws.path(), [options, stage](store::Workspace& w, JobProgress& p) {
        return exporting::export_workspace(
            w, options, [&](std::size_t done, std::size_t total, const std::string& sheet) {
                {
                    std::lock_guard lock(stage->mutex);
                    stage->sheet = sheet;
                }
                return p.report(done, total);
            });
    });
}

} // namespace convene::app
