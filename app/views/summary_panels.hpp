// The pieces of the Summaries screen (views/summaries.cpp), one file each:
//   summary_model.cpp       the coding snapshot loaded on a worker when the workspace changes,
//                           and the chosen summary computed from it on a worker when the
//                           choice or a filter changes; the old table stays until the new one
//                           arrives
//   summary_controls.cpp    the list of summaries and the filters (the screen's left column)
//   summary_table_view.cpp  one table widget for any SummaryTable: sortable, a text filter over
//                           rows, numbers right-aligned, counts that open the segments behind
//   summary_chart.cpp       clustered horizontal bars drawn with ImDrawList, for the summaries
//                           that read better as a chart (code frequencies, agreement per code)
//   segment_drilldown.cpp   the segments (or answers) behind a count, read from the snapshot
#pragma once

#include "app/job.hpp"
#include "app/view_cache.hpp"
#include "app/views/view.hpp"
#include "export/intercoder_agreement.hpp"
#include "export/summaries.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

struct ImVec2;

namespace convene::app {

// The snapshot (the tables' cells keep indexes into it, which the drill-down reads) and the
// choices the filters offer. Made on a worker; shared read-only with the summary worker.
struct SummarySource {
    store::CodingSnapshot snapshot;
    std::vector<std::pair<std::string, std::string>> groups; // id, label: the filter's choices
    std::vector<std::string> states, guides;
};
std::shared_ptr<const SummarySource> make_summary_source(store::Workspace& ws);

// What the list offers: each summary of the registry, then intercoder agreement and the answers
// the coders disagree on (which take the coders and the code as options).
enum class SummaryFamily { Registry, Agreement, Disagreements };
struct SummaryChoice {
    SummaryFamily family = SummaryFamily::Registry;
    std::string name, title;                      // name as the CLI says it ("code-frequencies")
    const exporting::SummaryKind* kind = nullptr; // Registry only
};
const std::vector<SummaryChoice>& summary_choices();

// What a table is computed for.
struct SummaryQuery {
    std::size_t choice = 0; // into summary_choices()
    exporting::Filters filters;
    exporting::AgreementOptions agreement;
    bool operator==(const SummaryQuery&) const = default;
};

// A table computed for a query from one snapshot, with every cell already formatted.
struct ShownSummary {
    SummaryQuery query;
    std::shared_ptr<const SummarySource> source; // the snapshot it was computed from
    std::uint64_t serial = 0;                    // new for every table the model receives
    exporting::SummaryTable table;
    std::vector<std::vector<std::string>> text; // format_cell of each cell
};
ShownSummary compute_summary(std::shared_ptr<const SummarySource> source,
                             const SummaryQuery& query);

class SummaryModel {
  public:
    // Loads the snapshot again when the workspace or its revision changed, and computes the
    // table for query when the query or the snapshot changed, each on a worker. Call in every
    // frame the screen is drawn.
    void refresh(ViewContext& ctx, const SummaryQuery& query);
    const SummarySource* source() const { return source_.get(); }
    const ShownSummary* shown() const { return shown_.get(); }
    // A load or a computation is running, or the table shown is not the one asked for.
    bool updating() const;
    bool polled_this_frame() const;
    const std::string& error() const { return error_; }
    void workspace_closing();

  private:
    void poll_source(ViewContext& ctx);
    void poll_summary(const SummaryQuery& query);

    struct LoadedSource {
        std::uint64_t epoch = 0;
        std::shared_ptr<const SummarySource> source;
    };
    struct ComputedSummary {
        std::uint64_t epoch = 0;
        std::shared_ptr<ShownSummary> summary;
    };
    ViewCache cache_;
    Job<LoadedSource> source_job_;
    Job<ComputedSummary> summary_job_;
    std::shared_ptr<const SummarySource> source_;
    std::shared_ptr<const ShownSummary> shown_;
    bool source_wanted_ = false;  // the workspace changed: a new snapshot waits for the job
    bool source_loading_ = false; // started, and what it made is not yet taken
    std::uint64_t epoch_ = 0;     // raised when the workspace closes: late results are dropped
    std::uint64_t serial_ = 0;
    std::optional<SummaryQuery> asked_;            // the query of the running computation
    std::optional<SummaryQuery> failed_;           // the query whose computation failed, on...
    const SummarySource* failed_source_ = nullptr; // ...this snapshot
    std::string error_;
    int polled_frame_ = -1;
};

// The left column: which summary, and the filters. Returns true when the query changed.
class SummaryControls {
  public:
    bool draw(const SummarySource* source);
    const SummaryQuery& query() const { return query_; }
    const SummaryChoice& choice() const { return summary_choices()[query_.choice]; }

  private:
    bool draw_choices();
    bool draw_filters(const SummarySource& source);
    bool draw_agreement_options(const SummarySource& source);
    bool draw_date(const char* id, const char* label, std::string& text, std::string& error,
                   std::string& iso);

    SummaryQuery query_;
    std::string from_text_, to_text_, from_error_, to_error_;
};

// A count the user clicked: a cell of the shown table.
struct CellClick {
    std::size_t row = 0; // index into table.rows
    int column = 0;
};

// One table widget for any SummaryTable.
class SummaryTableView {
  public:
    std::optional<CellClick> draw(const ShownSummary& shown, const ImVec2& size);
    // Scrolls the table so this row (an index into table.rows) is in view, in the next frame.
    void reveal(std::size_t row) { reveal_ = row; }

  private:
    void rebuild(const ShownSummary& shown);
    void sort_rows(const ShownSummary& shown);
    std::optional<CellClick> draw_rows(const ShownSummary& shown);

    std::uint64_t serial_ = 0; // of the table rows_ was made for
    std::string filter_, filtered_for_;
    std::vector<std::size_t> rows_;    // shown rows: filtered, sorted
    std::vector<float> widths_;        // width of each column shown whole (figures, short text)
    std::vector<float> weights_;       // share of the width of each long text column (else 0)
    std::vector<std::string> headers_; // a figure's header on two lines when wider than it
    std::vector<char> coded_;          // the row has a figure with segments or answers behind it
    bool offer_hide_ = false;          // some rows have, some have not
    bool hide_uncoded_ = true;
    std::optional<std::size_t> reveal_;
    int sort_column_ = -1;
    bool sort_ascending_ = true;
};

// Clustered horizontal bars: one block per category (a code), one bar per series (a group, or
// kappa and alpha), each bar keeping the table cell behind it.
struct BarChart {
    exporting::Column value; // how the values are formatted, and what they are
    std::vector<std::string> series;
    struct Category {
        std::string label;
        std::vector<std::optional<double>> values; // one per series; nullopt: undefined
        std::vector<CellClick> cells;              // one per series
    };
    std::vector<Category> categories;
    double lo = 0, hi = 1; // the axis
};
// The charts the screen offers for a table (none for most): a chart per value column.
struct ChartChoice {
    std::string label;
    BarChart chart;
};
std::vector<ChartChoice> charts_for(const ShownSummary& shown);
// Draws the chart filling size; returns the bar clicked.
std::optional<CellClick> draw_bar_chart(const BarChart& chart, const ImVec2& size);

// The segments (or, for answers without segments, the answers' notes) behind a count.
struct DrilldownItem {
    std::string code, coder, organisation, group, question;
    std::string text;    // the excerpt, or the answer's notes
    bool answer = false; // text is an answer's notes (with its codings in code)
    bool lost = false;   // the segment's text is gone from the notes
};
struct Drilldown {
    std::string title;
    std::size_t total = 0; // segments or answers behind the count (items may stop earlier)
    bool answers = false;
    std::vector<DrilldownItem> items;
};
Drilldown make_drilldown(const SummarySource& source, const exporting::Cell& cell,
                         std::string title);

class SegmentDrilldown {
  public:
    void open(Drilldown d) { shown_ = std::move(d); }
    void close() { shown_.reset(); }
    bool is_open() const { return shown_.has_value(); }
    void draw(const ImVec2& size);

  private:
    std::optional<Drilldown> shown_;
};

} // namespace convene::app
