// Summaries & export: the summaries across conversations (export/summaries.hpp) and the
// intercoder agreement, filtered, as sortable tables and bar charts whose counts open the
// segments behind them. The pieces are in summary_panels.hpp; this file lays them out.
#include "app/fonts.hpp"
#include "app/ui_probe.hpp"
#include "app/views/export_panel.hpp"
#include "app/views/summary_panels.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

namespace convene::app {
namespace {

// "Perceptions / Positive view, licensing: Segments": the row's first labels and the column.
std::string drilldown_title(const ShownSummary& shown, const CellClick& click) {
    const auto& t = shown.table;
    std::string title;
    int labels = 0;
    for (std::size_t c = 0; c < t.columns.size() && labels < 2; ++c) {
        if (t.columns[c].type != exporting::ColumnType::Text) continue;
        auto text = shown.text[click.row][c];
        if (text.size() > 60) text = text.substr(0, 57) + "...";
        title += (labels++ ? ", " : "") + text;
    }
    return title + ": " + t.columns[static_cast<std::size_t>(click.column)].header;
}

class SummariesView final : public View {
  public:
    void draw(ViewContext& ctx) override {
        widgets::screen_title("Summaries & export");
        if (!ctx.workspace) {
            widgets::empty_state("No workspace is open", "Open a workspace to summarise it.");
            return;
        }
        model_.refresh(ctx, controls_.query());
        const float em = ImGui::GetFontSize();
        ImGui::BeginChild("##controls", ImVec2(em * 14, 0), true);
        // The spreadsheet export (app/views/export_panel.*) takes the place of the table.
        if (ImGui::Button(exporting_ ? "Back to the summaries" : "Export a workbook...",
                          ImVec2(-1, 0)))
            exporting_ = !exporting_;
        probe("summaries.export");
        ImGui::Separator();
        bool changed = !exporting_ && controls_.draw(model_.source());
        if (exporting_) export_.draw_sheets();
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("##summary");
        exporting_ ? export_.draw() : draw_summary();
        ImGui::EndChild();
        export_.act(*ctx.workspace);
        if (changed) {
            drilldown_.close(); // it showed what is behind a figure no longer on screen
            model_.refresh(ctx, controls_.query());
        }
        act();
    }

    // While the model is updating, and for a frame after a new table is shown: tab bars and
    // tables lay themselves out in the frame after they first appear.
    bool busy() const override {
        return export_.busy() ||
               (model_.polled_this_frame() && (model_.updating() || settle_frames_ > 0));
    }
    double next_frame_in() const override { return export_.busy() ? 0.1 : 1e9; }
    void workspace_closing() override {
        model_.workspace_closing();
        drilldown_.close();
        export_.workspace_closing();
    }

  private:
    ExportPanel export_;
    bool exporting_ = false;

    void draw_summary() {
        const auto* shown = model_.shown();
        if (!model_.error().empty()) widgets::wrapped(model_.error().c_str());
        if (!shown) {
            ImGui::TextDisabled("Reading the coded conversations...");
            probe("summaries.loading");
            return;
        }
        ImGui::PushFont(fonts().heading);
        ImGui::TextUnformatted(shown->table.title.c_str());
        ImGui::PopFont();
        probe("summaries.title", shown->table.id);
        if (model_.updating()) {
            ImGui::SameLine();
            ImGui::TextDisabled("(updating...)");
            probe("summaries.updating");
        }
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        widgets::wrapped(shown->table.note.c_str());
        ImGui::PopStyleColor();
        ImVec2 avail = ImGui::GetContentRegionAvail();
        float table_h = drilldown_.is_open() ? avail.y * 0.5f : avail.y;
        draw_table_or_chart(*shown, ImVec2(avail.x, table_h));
        if (drilldown_.is_open()) drilldown_.draw(ImVec2(0, 0));
    }

    void draw_table_or_chart(const ShownSummary& shown, const ImVec2& size) {
        if (shown.serial != charts_serial_) {
            charts_ = charts_for(shown);
            charts_serial_ = shown.serial;
            settle_frames_ = 2;
        } else if (settle_frames_ > 0) {
            --settle_frames_;
        }
        std::optional<CellClick> clicked;
        if (charts_.empty()) {
            clicked = table_.draw(shown, size);
        } else if (ImGui::BeginTabBar("##shape")) {
            float tabs_h = ImGui::GetFrameHeightWithSpacing();
            ImVec2 inner(size.x, size.y - tabs_h);
            if (ImGui::BeginTabItem("Table")) {
                clicked = table_.draw(shown, inner);
                ImGui::EndTabItem();
            }
            probe("summaries.tab.table");
            if (ImGui::BeginTabItem("Chart")) {
                clicked = draw_chart(inner);
                ImGui::EndTabItem();
            }
            probe("summaries.tab.chart");
            ImGui::EndTabBar();
        }
        if (clicked) clicked_ = clicked;
    }

    // One chart, or a choice of what the bars show (share, segments, conversations).
    std::optional<CellClick> draw_chart(const ImVec2& size) {
        float y0 = ImGui::GetCursorPosY();
        if (chart_ >= charts_.size()) chart_ = 0;
        if (charts_.size() > 1) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextDisabled("Bars show");
            for (std::size_t i = 0; i < charts_.size(); ++i) {
                ImGui::SameLine();
                if (ImGui::RadioButton(charts_[i].label.c_str(), chart_ == i)) chart_ = i;
                probe("summaries.chart.choice." + std::to_string(i), charts_[i].label);
            }
        }
        float used = ImGui::GetCursorPosY() - y0;
        return draw_bar_chart(charts_[chart_].chart, ImVec2(size.x, size.y - used));
    }

    // After drawing: a count clicked opens what is behind it, from the snapshot the table was
    // computed from (it may be older than the newest one).
    void act() {
        if (!clicked_) return;
        auto click = *std::exchange(clicked_, std::nullopt);
        const auto* shown = model_.shown();
        if (!shown || click.row >= shown->table.rows.size()) return;
        const auto& cell = shown->table.rows[click.row][static_cast<std::size_t>(click.column)];
        drilldown_.open(make_drilldown(*shown->source, cell, drilldown_title(*shown, click)));
        settle_frames_ = 2; // the table gives half its height to it: lay out again
        table_.reveal(click.row);
    }

    SummaryModel model_;
    SummaryControls controls_;
    SummaryTableView table_;
    std::vector<ChartChoice> charts_;
    std::uint64_t charts_serial_ = 0;
    std::size_t chart_ = 0; // the chart shown, of charts_
    int settle_frames_ = 0; // frames still to draw after a new table arrived
    SegmentDrilldown drilldown_;
    std::optional<CellClick> clicked_; // asked for in this frame; act() opens it
};

} // namespace

std::unique_ptr<View> make_summaries_view() {
    return std::make_unique<SummariesView>();
}

} // namespace convene::app
