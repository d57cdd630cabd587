// Surveys: instruments, their responses (imported or collected in the kiosk), results and
// group comparisons.
#include "app/job.hpp"
#include "app/ui_probe.hpp"
#include "app/view_cache.hpp"
#include "app/views/instrument_editor.hpp"
#include "app/views/survey_kiosk.hpp"
#include "app/views/survey_new_from_export.hpp"
#include "app/views/survey_panels.hpp"
#include "app/widgets.hpp"
#include "store/respondent_changes.hpp"

#include <imgui.h>

namespace convene::app {
namespace {

// A survey model made on a worker, with the workspace it was asked for (see SurveysView::epoch_).
struct LoadedModel {
    std::uint64_t epoch = 0;
    std::unique_ptr<SurveyModel> model;
};

class SurveysView final : public View {
  public:
    void draw(ViewContext& ctx) override {
        if (kiosk_.active()) {
            kiosk_.draw(ctx);
            kiosk_.act();
            return;
        }
        if (settle_frames_ > 0) --settle_frames_;
        widgets::screen_title("Surveys");
        if (!ctx.workspace) {
            widgets::empty_state("No workspace is open", "Open a workspace to see its surveys.");
            return;
        }
        refresh(ctx);
        if (rows_.empty()) {
            widgets::empty_state("No survey instruments", "This workspace has no instruments.");
            draw_new_from_export();
            act(ctx);
            return;
        }
        ImGui::BeginChild("##instruments", ImVec2(ImGui::GetFontSize() * 15, 0), true);
        draw_new_from_export();
        ImGui::Separator();
        for (const auto& r : rows_) {
            ImGui::PushID(r.instrument_id.c_str()); // titles may repeat; ids do not
            bool clicked = ImGui::Selectable(r.title.c_str(), r.instrument_id == selected_);
            ImGui::PopID();
            if (clicked) {
                selected_ = r.instrument_id;
                cache_.invalidate();
            }
            probe("surveys.instrument." + r.instrument_id);
            const auto counts = widgets::count(r.items, "item") + ", " +
                                widgets::count(r.respondents, "respondent");
            ImGui::TextDisabled("%s", counts.c_str());
            probe("surveys.counts." + r.instrument_id, counts);
            ImGui::Spacing();
        }
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("##survey");
        if (editor_.active()) {
            editor_.draw(rows_);
        } else if (!model_) {
            widgets::wrapped(load_error_.empty() ? "Loading the survey..." : load_error_.c_str());
            probe("surveys.loading", load_error_);
        } else {
            if (!load_error_.empty()) widgets::wrapped(load_error_.c_str());
            const auto& inst = model_->data.instrument;
            // A model for another instrument stays on screen until the one asked for arrives.
            probe("surveys.shown", model_->instrument_id);
            if (ImGui::Button("Import responses...")) import_.open(inst.id);
            probe("surveys.import");
            ImGui::SameLine();
            if (ImGui::Button("Start kiosk")) kiosk_.start(*ctx.workspace, inst);
            probe("surveys.kiosk");
            ImGui::SameLine();
            if (ImGui::Button(editable_in_place(inst.id) ? "Edit..." : "Edit a copy...")) {
                editor_.begin(inst, rows_);
                settle_frames_ = kSettleFrames;
            }
            probe("surveys.edit");
            ImGui::SameLine();
            ImGui::TextDisabled("Ctrl+Alt+K leaves the kiosk");
            import_.draw(inst);
            if (ImGui::BeginTabBar("##survey_tabs")) {
                if (ImGui::BeginTabItem("Results")) {
                    draw_survey_results(*model_, results_filter_);
                    ImGui::EndTabItem();
                }
                probe("surveys.tab.results");
                if (ImGui::BeginTabItem("Compare groups")) {
                    compare_.draw(model_);
                    ImGui::EndTabItem();
                }
                probe("surveys.tab.compare");
                if (ImGui::BeginTabItem("Respondents")) {
                    draw_respondents(model_->data);
                    ImGui::EndTabItem();
                }
                probe("surveys.tab.respondents");
                if (ImGui::BeginTabItem("Instrument")) {
                    draw_instrument(inst);
                    ImGui::EndTabItem();
                }
                probe("surveys.tab.instrument");
                ImGui::EndTabBar();
            }
        }
        ImGui::EndChild();
        act(ctx);
    }

    bool handle(Command command) override { return kiosk_.handle(command); }
    bool captures_screen() const override { return kiosk_.active(); }
    bool open_part(store::Workspace& ws, std::string_view part) override {
        if (part != "kiosk") return false;
        auto rows = store::list_instruments(ws);
        if (rows.empty()) return false;
        kiosk_.start(ws, *store::current_instrument(ws, rows.front().instrument_id));
        return true;
    }
    // The import, or the survey being loaded and analysed while the screen shows it: frames
    // keep coming until it is shown (not while another screen or the kiosk is drawn instead).
    bool busy() const override {
        bool polled = polled_frame_ == ImGui::GetFrameCount();
        return import_.busy() || new_.busy() || (polled && (model_loading_ || model_wanted_)) ||
               compare_.busy();
    }
    double next_frame_in() const override {
        if (settle_frames_ > 0) return 0; // a tab bar that just appeared is drawn a frame later
        double t = kiosk_.seconds_until_idle_reset(); // the kiosk's return to its welcome
        return t < 0 ? 1e9 : std::max(t, 0.05);
    }
    void workspace_closing() override {
        if (kiosk_.active()) kiosk_.handle(Command::LeaveKiosk); // saves, then stops
        model_.reset();
        rows_.clear();
        cache_.invalidate();
        model_wanted_ = false;
        model_loading_ = false;
        ++epoch_; // a model still loading from the old workspace is dropped when it arrives
    }

  private:
    // One's own instrument with no responses yet: the editor changes it, not a copy.
    bool editable_in_place(const std::string& id) const {
        for (const auto& r : rows_)
            if (r.instrument_id == id) return !r.bundled && r.respondents == 0;
        return false;
    }

    void draw_new_from_export() {
        if (ImGui::Button("New from a survey export...")) new_.open();
        probe("surveys.new");
        new_.draw();
    }

    void refresh(ViewContext& ctx) {
        polled_frame_ = ImGui::GetFrameCount();
        if (cache_.stale(ctx)) {
            rows_ = store::list_instruments(*ctx.workspace); // a few rows: read in the frame
            select_instrument();
            model_wanted_ = true;
        }
        poll_model(ctx);
    }

    void select_instrument() {
        bool found = false;
        for (const auto& r : rows_)
            found |= r.instrument_id == selected_;
        if (!found) {
            selected_.clear();
            // Start on the instrument that has responses, if any.
            for (const auto& r : rows_)
                if (selected_.empty() || r.respondents > 0) selected_ = r.instrument_id;
        }
    }

    // Loading and analysing a survey takes half a second with 10,000 respondents, so it runs on
    // a worker: the newest request waits for the running one, and the old model stays on screen
    // until the new one arrives.
    void poll_model(ViewContext& ctx) {
        if (model_job_.running()) return;
        if (auto r = model_job_.take_result();
            r && r->epoch == epoch_ && r->model && r->model->instrument_id == selected_) {
            model_ = std::move(r->model);
            settle_frames_ = kSettleFrames;
            // The open respondent may have gone to the trash (here or elsewhere).
            if (!open_uuid_.empty() && !find_respondent(open_uuid_)) close_respondent();
        }
        if (auto e = model_job_.take_error(); !e.empty())
            load_error_ = "Could not load this survey: " + e;
        model_loading_ = false; // whatever it made is shown or dropped by now
        if (!model_wanted_) return;
        model_wanted_ = false;
        load_error_.clear();
        if (selected_.empty()) {
            model_.reset();
            return;
        }
        model_loading_ = true;
        model_job_.start(ctx.workspace->path(),
                         [id = selected_, epoch = epoch_](store::Workspace& ws, JobProgress&) {
                             return LoadedModel{epoch, make_survey_model(ws, id)};
                         });
    }

    const store::Respondent* find_respondent(const std::string& uuid) const {
        if (!model_) return nullptr;
        for (const auto& r : model_->data.respondents)
            if (r.uuid == uuid) return &r;
        return nullptr;
    }

    void close_respondent() {
        open_uuid_.clear();
        confirm_trash_ = false;
    }

    // The writes the screen asked for in this frame, after drawing it.
    void act(ViewContext& ctx) {
        if (!ctx.workspace) return;
        compare_.act();
        if (auto saved = editor_.act(ctx); !saved.empty()) {
            selected_ = saved;
            cache_.invalidate();
        }
        if (import_.act(*ctx.workspace)) ctx.workspace->note_external_commit();
        if (auto made = new_.act(*ctx.workspace); !made.empty()) {
            selected_ = made;
            ctx.workspace->note_external_commit();
            cache_.invalidate();
        }
        if (trash_uuid_.empty()) return;
        const auto* r = find_respondent(trash_uuid_);
        trash_uuid_.clear();
        if (!r) return;
        // A change of its own: the row stays as it is, only moved to the trash.
        store::RespondentChange change{r->uuid, model_->instrument_id, r->source};
        change.trash = true;
        store::record_respondent_change(ctx.workspace->db(), change);
        close_respondent();
    }

    void draw_respondents(const store::SurveyData& data) {
        const auto& attrs = data.instrument.attributes;
        const auto count = widgets::count(data.respondents.size(), "respondent");
        ImGui::TextUnformatted(count.c_str());
        probe("surveys.respondents.count", count);
        ImGui::SameLine();
        ImGui::TextDisabled("(click one to see its answers)");
        draw_open_respondent(data);
        int columns = static_cast<int>(attrs.size()) + 3;
        if (!ImGui::BeginTable("##respondents", columns,
                               ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                   ImGuiTableFlags_ScrollY))
            return;
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Respondent id");
        for (const auto& a : attrs)
            ImGui::TableSetupColumn(a.label.c_str());
        ImGui::TableSetupColumn("Answers");
        ImGui::TableSetupColumn("Source");
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(data.respondents.size()));
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const auto& r = data.respondents[static_cast<std::size_t>(i)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(r.uuid.c_str());
                if (ImGui::Selectable(respondent_name(r).c_str(), r.uuid == open_uuid_,
                                      ImGuiSelectableFlags_SpanAllColumns)) {
                    open_uuid_ = r.uuid;
                    confirm_trash_ = false;
                    open_popup_ = true;
                }
                ImGui::PopID();
                probe("surveys.respondent." + std::to_string(i));
                for (const auto& a : attrs) {
                    ImGui::TableNextColumn();
                    auto it = r.attributes.find(a.id);
                    ImGui::TextUnformatted(it == r.attributes.end() ? "" : it->second.c_str());
                }
                ImGui::TableNextColumn();
                ImGui::Text("%zu", r.responses.size());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(r.source.c_str());
            }
        ImGui::EndTable();
    }

    // The respondent opened from the list: attributes and answers, read-only, and a way to
    // move a test response to the trash (after a confirmation).
    void draw_open_respondent(const store::SurveyData& data) {
        if (open_popup_) {
            ImGui::OpenPopup("Respondent###respondent");
            open_popup_ = false;
        }
        const float em = ImGui::GetFontSize();
        ImGui::SetNextWindowSize(ImVec2(em * 40, em * 30), ImGuiCond_Appearing);
        if (!ImGui::BeginPopupModal("Respondent###respondent")) return;
        const auto* r = find_respondent(open_uuid_);
        if (!r) {
            ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
            return;
        }
        const auto& inst = data.instrument;
        ImGui::Text("Respondent %s", respondent_name(*r).c_str());
        probe("surveys.respondent.title", respondent_name(*r));
        ImGui::TextDisabled("%s%s, %s", r->source.empty() ? "imported" : r->source.c_str(),
                            r->partial ? ", left unfinished" : "",
                            widgets::count(r->responses.size(), "answer").c_str());
        ImGui::BeginChild("##answers", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 2.5f));
        for (const auto& a : inst.attributes) {
            auto it = r->attributes.find(a.id);
            ImGui::TextDisabled("%s", a.label.c_str());
            ImGui::Indent();
            widgets::wrapped(it == r->attributes.end() ? "(no answer)" : it->second.c_str());
            ImGui::Unindent();
        }
        ImGui::Separator();
        for (const auto& item : inst.items) {
            auto it = r->responses.find(item.id);
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextDisabled("%s", item.text.c_str());
            ImGui::PopTextWrapPos();
            ImGui::Indent();
            std::string answer =
                it == r->responses.end() ? "(no answer)" : answer_text(inst, item, it->second);
            widgets::wrapped(answer.c_str());
            probe("surveys.respondent.answer." + item.id, answer);
            ImGui::Unindent();
        }
        ImGui::EndChild();
        ImGui::Separator();
        if (!confirm_trash_) {
            if (ImGui::Button("Move to trash...")) confirm_trash_ = true;
            probe("surveys.respondent.trash");
            ImGui::SameLine();
            if (ImGui::Button("Close")) {
                close_respondent();
                ImGui::CloseCurrentPopup();
            }
            probe("surveys.respondent.close");
        } else {
            widgets::wrapped("Move this respondent to the trash? Their answers leave every "
                             "result and comparison.");
            if (ImGui::Button("Yes, move to trash")) {
                trash_uuid_ = r->uuid; // written by act() after the frame is drawn
                ImGui::CloseCurrentPopup();
            }
            probe("surveys.respondent.trash.yes");
            ImGui::SameLine();
            if (ImGui::Button("No, keep it")) confirm_trash_ = false;
            probe("surveys.respondent.trash.no");
        }
        ImGui::EndPopup();
    }

    static void draw_instrument(const guides::Instrument& inst) {
        widgets::wrapped(inst.description.c_str());
        for (const auto& scale : inst.scales) {
            std::string points;
            for (int v = 1; v <= scale.points(); ++v)
                points += (v > 1 ? ",  " : "") + std::to_string(v) + " " + scale.label_of(v);
            std::string line = "Response scale: " + points;
            widgets::wrapped(line.c_str());
            probe("surveys.instrument.scale." + scale.id, line);
        }
        for (const auto& c : inst.constructs) {
            if (!ImGui::CollapsingHeader(c.label.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) continue;
            for (const auto& id : c.items) {
                const auto* item = inst.item(id);
                ImGui::BulletText("%s%s", item->reverse ? "(R) " : "", item->text.c_str());
            }
        }
        if (ImGui::CollapsingHeader("Other items")) {
            for (const auto& item : inst.items)
                if (!inst.construct_of(item.id)) ImGui::BulletText("%s", item.text.c_str());
        }
        if (ImGui::CollapsingHeader("Respondent attributes", ImGuiTreeNodeFlags_DefaultOpen)) {
            for (const auto& a : inst.attributes) {
                std::string choices;
                for (const auto& c : a.choices)
                    choices += (choices.empty() ? "" : " / ") + c;
                ImGui::BulletText("%s: %s", a.label.c_str(), choices.c_str());
            }
        }
    }

    // ImGui lays a new tab bar out in the frame after it first appears: the frames drawn after a
    // new model or the editor is shown, so that the app does not go idle with its tabs unseen.
    static constexpr int kSettleFrames = 3;
    int settle_frames_ = 0;
    ViewCache cache_; // invalidated when another instrument is chosen
    std::vector<store::InstrumentRow> rows_;
    std::string selected_;
    // May be another instrument's while model_job_ runs; shared with a comparison computing.
    std::shared_ptr<SurveyModel> model_;
    Job<LoadedModel> model_job_;
    bool model_wanted_ = false;  // the rows changed: a new model waits for the running job
    bool model_loading_ = false; // started, and what it made is not yet taken
    std::uint64_t epoch_ = 0;    // raised when the workspace closes
    std::string load_error_;     // why the last model could not be made
    int polled_frame_ = -1;      // the frame that last looked for it
    std::string open_uuid_;      // the respondent shown in the Respondent window
    bool open_popup_ = false;    // open that window in this frame
    bool confirm_trash_ = false;
    std::string trash_uuid_; // asked for in this frame; act() writes it
    int results_filter_ = 0; // all, complete or partial responses on the Results tab
    SurveyComparePanel compare_;
    SurveyImportDialog import_;
    NewFromExportDialog new_;
    SurveyKiosk kiosk_;
    InstrumentEditor editor_;
};

} // namespace

std::unique_ptr<View> make_surveys_view() {
    return std::make_unique<SurveysView>();
}

} // namespace convene::app
