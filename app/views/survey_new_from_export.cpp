#include "app/views/survey_new_from_export.hpp"

#include "app/ui_probe.hpp"
#include "app/widgets.hpp"
#include "guides/guide_json.hpp"
#include "store/survey_import_parts.hpp"
#include "store/surveys.hpp"

#include <algorithm>
#include <filesystem>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {
namespace {

constexpr const char* kTitle = "New instrument from a survey export###new_from_export";

std::string details(const store::InstrumentProposal& p, const store::ColumnProposal& col) {
    if (const auto* item = p.instrument.item(col.target)) {
        if (item->type == guides::ItemType::Likert) return "scale " + item->scale;
        std::string s;
        for (const auto& c : item->choices)
            s += (s.empty() ? "" : " / ") + c;
        return s;
    }
    if (col.target.rfind("attribute:", 0) == 0)
        if (const auto* a = p.instrument.attribute(col.target.substr(10))) {
            std::string s;
            for (const auto& c : a->choices)
                s += (s.empty() ? "" : " / ") + c;
            return s;
        }
    return col.why;
}

} // namespace

void NewFromExportDialog::open() {
    open_request_ = true;
    proposal_.reset();
    report_.reset();
    error_.clear();
}

std::string NewFromExportDialog::act(store::Workspace& ws) {
    // The jobs are done (or were never started): whatever they made is taken below.
    if (!read_job_.running() && !import_job_.running()) awaiting_ = false;
    if (auto r = read_job_.take_result()) {
        if (!r->problems.empty()) {
            error_ = r->problems.front().to_string();
        } else {
            proposal_ = std::move(*r->proposal);
            construct_labels_.assign(proposal_->columns.size(), "");
            for (std::size_t c = 0; c < proposal_->columns.size(); ++c)
                if (const auto* k =
                        proposal_->instrument.construct_of(proposal_->columns[c].target))
                    construct_labels_[c] = k->label;
        }
    }
    if (auto e = read_job_.take_error(); !e.empty()) error_ = e;
    std::string imported;
    if (auto r = import_job_.take_result()) {
        report_ = std::move(r);
        if (report_->imported) imported = proposal_->instrument.id;
    }
    if (auto e = import_job_.take_error(); !e.empty()) error_ = e;
    if (read_request_ && !busy()) {
        read_request_ = false;
        error_.clear();
        proposal_.reset();
        std::string title = title_.empty()
                                ? "Survey from " + std::filesystem::path(file_).filename().string()
                                : title_;
        awaiting_ = true;
        read_job_.start(
            ws.path(), [file = file_, id = id_, title](store::Workspace&, JobProgress&) {
                return store::propose_instrument_from_csv(guides::read_text_file(file), id, title);
            });
    }
    if (save_request_ && proposal_ && !busy()) {
        save_request_ = false;
        error_.clear();
        auto check = guides::parse_instrument(guides::instrument_to_json(proposal_->instrument));
        if (!check.instrument) {
            error_ = guides::describe(check.problems, "the instrument");
        } else if (store::current_instrument(ws, proposal_->instrument.id)) {
            error_ = "An instrument \"" + proposal_->instrument.id +
                     "\" exists already: " + "go back and choose another id.";
        } else {
            store::store_instrument(ws, proposal_->instrument);
            ws.note_external_commit();
            awaiting_ = true;
            import_job_.start(ws.path(), [inst = proposal_->instrument,
                                          mapping = proposal_->mapping(),
                                          file = file_](store::Workspace& own, JobProgress& pr) {
                store::ImportOptions options;
                options.mapping = mapping;
                options.source = std::filesystem::path(file).filename().string();
                options.progress = [&pr](std::size_t d, std::size_t t) { return pr.report(d, t); };
                return store::import_survey_csv(own, inst, guides::read_text_file(file), options);
            });
        }
    }
    return imported;
}

void NewFromExportDialog::draw() {
    if (open_request_) {
        ImGui::OpenPopup(kTitle);
        open_request_ = false;
    }
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(em * 60, em * 36), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(kTitle)) return;
    if (!proposal_)
        draw_file_step();
    else
        draw_review();
    if (busy()) ImGui::ProgressBar(import_job_.running() ? import_job_.progress() : 0.5f);
    if (!error_.empty()) widgets::wrapped(error_.c_str());
    probe("surveys.new.error", error_);
    ImGui::EndPopup();
}

void NewFromExportDialog::draw_file_step() {
    widgets::wrapped("A CSV file as Google Forms, Qualtrics, SurveyMonkey, LimeSurvey or "
                     "KoboToolbox exported it (any other CSV with one column per question works "
                     "too). Convene suggests an instrument from its columns and answers; you "
                     "review it before anything is saved.");
    file_input_.draw("##file", file_,
                     {.hint = "/path/to/export.csv (Tab completes)",
                      .filter = {.extensions = {".csv", ".txt", ".tsv"}},
                      .probe = "surveys.new.file"});
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
    ImGui::InputTextWithHint("Id", "lower-case, e.g. coaching-2024", &id_);
    probe("surveys.new.id");
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 4);
    ImGui::InputTextWithHint("Title", "optional", &title_);
    ImGui::BeginDisabled(busy() || file_.empty() || id_.empty());
    if (ImGui::Button("Read the file")) read_request_ = true;
    probe("surveys.new.read");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
}

void NewFromExportDialog::draw_review() {
    auto& p = *proposal_;
    const auto& inst = p.instrument;
    if (report_ && report_->imported) {
        std::string done = "Saved " + inst.id + " and imported " +
                           widgets::count(report_->added, "respondent") + ".";
        widgets::wrapped(done.c_str());
        probe("surveys.new.done", done);
        if (ImGui::Button("Close")) {
            proposal_.reset();
            ImGui::CloseCurrentPopup();
        }
        probe("surveys.new.close");
        return;
    }
    ImGui::Text("A %s export: %s, %s, %s", std::string(guides::service_name(p.service)).c_str(),
                widgets::count(inst.items.size(), "item").c_str(),
                widgets::count(inst.constructs.size(), "construct").c_str(),
                widgets::count(inst.attributes.size(), "attribute").c_str());
    ImGui::TextDisabled("Check what each column is taken as; change it where it is wrong.");
    const float footer = ImGui::GetFrameHeightWithSpacing() * 2.5f;
    if (ImGui::BeginTable("##columns", 4,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                              ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable,
                          ImVec2(0, -footer))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Column");
        ImGui::TableSetupColumn("Taken as", ImGuiTableColumnFlags_WidthFixed,
                                ImGui::GetFontSize() * 9);
        ImGui::TableSetupColumn("Reverse / construct");
        ImGui::TableSetupColumn("Answers");
        ImGui::TableHeadersRow();
        for (std::size_t c = 0; c < p.columns.size(); ++c)
            draw_column(c);
        ImGui::EndTable();
    }
    if (report_ && !report_->problems.empty()) {
        std::string first = store::group_problems(report_->problems, 3).front();
        widgets::wrapped(first.c_str());
    }
    ImGui::BeginDisabled(busy());
    if (ImGui::Button("Save and import")) save_request_ = true;
    probe("surveys.new.save");
    ImGui::SameLine();
    if (ImGui::Button("Back")) proposal_.reset();
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) {
        proposal_.reset();
        ImGui::CloseCurrentPopup();
    }
}

void NewFromExportDialog::draw_column(std::size_t c) {
    auto& p = *proposal_;
    auto& col = p.columns[c];
    ImGui::PushID(static_cast<int>(c));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(col.header.c_str());
    if (col.question != col.header) ImGui::TextDisabled("%s", col.question.c_str());
    ImGui::TableNextColumn();
    const std::string key = "surveys.new.role." + std::to_string(c);
    auto role = store::column_role(p, c);
    if (!role) {
        ImGui::TextUnformatted("a choice");
    } else {
        ImGui::SetNextItemWidth(-1);
        if (ImGui::BeginCombo("##role", store::kColumnRoleNames[static_cast<int>(*role)])) {
            for (int r = 0; r < 8; ++r) {
                if (ImGui::Selectable(store::kColumnRoleNames[r], r == static_cast<int>(*role))) {
                    error_ = store::retarget_column(p, c, static_cast<store::ColumnRole>(r));
                    role = store::column_role(p, c);
                }
                probe(key + "." + std::to_string(r));
            }
            ImGui::EndCombo();
        }
        probe(key, store::kColumnRoleNames[static_cast<int>(*role)]);
    }
    ImGui::TableNextColumn();
    auto it = std::find_if(p.instrument.items.begin(), p.instrument.items.end(),
                           [&](const guides::Item& i) { return i.id == col.target; });
    if (auto* item = it == p.instrument.items.end() ? nullptr : &*it;
        item && item->type == guides::ItemType::Likert) {
        ImGui::Checkbox("reverse", &item->reverse);
        probe("surveys.new.reverse." + std::to_string(c));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-1);
        if (ImGui::InputTextWithHint("##construct", "construct", &construct_labels_[c],
                                     ImGuiInputTextFlags_EnterReturnsTrue) ||
            ImGui::IsItemDeactivatedAfterEdit())
            error_ = store::set_construct(p.instrument, item->id, construct_labels_[c]);
        probe("surveys.new.construct." + std::to_string(c));
    }
    ImGui::TableNextColumn();
    std::string d = details(p, col);
    ImGui::TextDisabled("%s", d.c_str());
    ImGui::PopID();
}

} // namespace convene::app
