// Surveys > import: a CSV from the survey service, checked (problems one line per kind, with
// their first row and column), its columns' matching shown and changeable (the mapping step),
// and imported on a worker thread with a progress bar and a Cancel button.
#include "app/ui_probe.hpp"
#include "app/views/survey_panels.hpp"
#include "app/widgets.hpp"
#include "guides/guide_json.hpp"
#include "store/import_mappings.hpp"
#include "store/survey_import_parts.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>
#include <vector>

namespace convene::app {

void SurveyImportDialog::open(const std::string&) {
    open_request_ = true;
    report_.reset();
    error_.clear();
    shown_mapping_.clear();
    changed_.clear();
}

namespace {

// How a mapping target reads in the mapping step.
std::string target_label(const guides::Instrument& inst, const std::string& t) {
    if (t.empty()) return "(nothing matched)";
    if (t == "ignore") return "ignore";
    if (t == "respondent_id") return "respondent id";
    if (t.rfind("attribute:", 0) == 0) {
        const auto* a = inst.attribute(t.substr(10));
        return "attribute: " + (a ? a->label : t.substr(10));
    }
    if (t.rfind("option:", 0) == 0) return "choice: " + t.substr(7);
    const auto* item = inst.item(t);
    return item ? "item " + item->id + ": " + item->text : t;
}

} // namespace

// Every column of the checked file with what it was matched to, and a drop-down to change it:
// ignore, respondent id, an attribute or an item. The change is used by the next Check/Import.
void SurveyImportDialog::draw_mapping(const guides::Instrument& inst) {
    if (shown_mapping_.empty()) return;
    bool open = ImGui::CollapsingHeader("Columns and what they are matched to",
                                        ImGuiTreeNodeFlags_DefaultOpen);
    probe("surveys.import.mapping");
    if (!open) return;
    std::vector<std::string> targets = {"ignore", "respondent_id"};
    for (const auto& a : inst.attributes)
        targets.push_back("attribute:" + a.id);
    for (const auto& item : inst.items)
        targets.push_back(item.id);
    if (!ImGui::BeginTable("##mapping", 2,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                               ImGuiTableFlags_ScrollY,
                           ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 10)))
        return;
    int row = 0;
    for (const auto& [column, matched] : shown_mapping_) {
        ImGui::PushID(row);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(column.c_str());
        ImGui::TableNextColumn();
        auto it = changed_.find(column);
        const std::string& current = it == changed_.end() ? matched : it->second;
        ImGui::SetNextItemWidth(-1);
        const std::string key = "surveys.import.mapping." + std::to_string(row);
        if (ImGui::BeginCombo("##target", target_label(inst, current).c_str())) {
            for (std::size_t t = 0; t < targets.size(); ++t) {
                if (ImGui::Selectable(target_label(inst, targets[t]).c_str(),
                                      targets[t] == current))
                    changed_[column] = targets[t];
                probe(key + "." + std::to_string(t));
            }
            ImGui::EndCombo();
        }
        probe(key, current);
        ImGui::PopID();
        ++row;
    }
    ImGui::EndTable();
}

bool SurveyImportDialog::act(store::Workspace& ws) {
    bool committed = false;
    if (auto r = job_.take_result()) {
        report_ = std::move(r);
        committed = report_->imported;
        shown_mapping_ = report_->mapping;
        if (committed) changed_.clear(); // remembered with the import from now on
    }
    if (auto e = job_.take_error(); !e.empty()) error_ = e;
    if (!launch_ || job_.running()) return committed;
    auto launch = std::move(*launch_);
    launch_.reset();
    error_.clear();
    report_.reset();
    last_was_dry_ = launch.dry;
    std::optional<store::ColumnMapping> mapping;
    try {
        if (!map_file_.empty()) mapping = store::load_mapping(map_file_);
        if (!changed_.empty()) {
            if (!mapping) mapping.emplace();
            for (const auto& [column, target] : changed_)
                (*mapping)[column] = target;
        }
        auto remembered = store::remembered_mapping(ws.db(), launch.instrument.id);
        job_.start(ws.path(), [inst = std::move(launch.instrument), file = file_, dry = launch.dry,
                               mapping, remembered](store::Workspace& own, JobProgress& progress) {
            store::ImportOptions options;
            options.dry_run = dry;
            options.mapping = mapping;
            options.remembered = remembered;
            options.source = std::filesystem::path(file).filename().string();
            options.progress = [&progress](std::size_t d, std::size_t t) {
                return progress.report(d, t);
            };
            return store::import_survey_csv(own, inst, guides::read_text_file(file), options);
        });
    } catch (const std::exception& e) {
        error_ = e.what();
    }
    return committed;
}

void SurveyImportDialog::draw(const guides::Instrument& inst) {
    if (open_request_) {
        ImGui::OpenPopup("Import responses");
        open_request_ = false;
    }
    // Large enough for the problems and the mapping step under them.
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 50, ImGui::GetFontSize() * 38),
                             ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal("Import responses", nullptr)) return;
    ImGui::Text("Into: %s", inst.title.c_str());
    widgets::wrapped("CSV file as your survey service exported it (UTF-8 or Windows-1252, comma "
                     "or semicolon). Columns are matched to items by id or by question text; "
                     "after a Check, change what any column is matched to below, and the "
                     "mapping is remembered for this instrument's next import.");
    file_input_.draw("##file", file_,
                     {.hint = "/path/to/responses.csv (Tab completes)",
                      .filter = {.extensions = {".csv", ".txt", ".tsv"}},
                      .probe = "surveys.import.file"});
    map_input_.draw("##map", map_file_,
                    {.hint = "optional: column mapping file (JSON)",
                     .filter = {.extensions = {".json"}},
                     .probe = "surveys.import.map"});
    bool busy = job_.running();
    ImGui::BeginDisabled(busy || file_.empty());
    auto launch = [&](bool dry) { launch_ = Launch{dry, inst}; }; // act() starts it
    if (ImGui::Button("Check")) launch(true);
    probe("surveys.import.check");
    ImGui::SameLine();
    if (ImGui::Button("Import")) launch(false);
    probe("surveys.import.run");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (busy) {
        if (ImGui::Button("Cancel")) job_.cancel();
    } else if (ImGui::Button("Close")) {
        ImGui::CloseCurrentPopup();
    }
    probe("surveys.import.close");
    if (busy) ImGui::ProgressBar(job_.progress(), ImVec2(-1, 0));
    if (!error_.empty()) widgets::wrapped(error_.c_str());
    if (report_) {
        if (report_->problems.empty()) {
            std::string msg = report_->imported
                                  ? "Imported " + widgets::count(report_->rows, "response") + " (" +
                                        std::to_string(report_->added) + " new, " +
                                        std::to_string(report_->updated) + " updated)."
                                  : widgets::count(report_->rows, "response") +
                                        " checked: no problems. Import adds " +
                                        widgets::count(report_->added, "new respondent") +
                                        " and overwrites " + std::to_string(report_->updated) + ".";
            widgets::wrapped(msg.c_str());
        } else {
            ImGui::Text("%s; nothing was imported:",
                        widgets::count(report_->problems.size(), "problem").c_str());
            ImGui::BeginChild("##problems", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 8),
                              true);
            // One line per kind of problem: a file with a misspelt label in 10,000 rows gives
            // one line, not 10,000.
            for (const auto& line : store::group_problems(report_->problems))
                widgets::wrapped(line.c_str());
            ImGui::EndChild();
        }
        probe("surveys.import.report");
        for (const auto& n : report_->notes)
            ImGui::TextDisabled("Note: %s", n.c_str());
    }
    draw_mapping(inst);
    ImGui::EndPopup();
}

} // namespace convene::app
