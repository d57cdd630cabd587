// Summaries > model: the coding snapshot and the chosen summary, each made on a worker.
#include "app/views/summary_panels.hpp"

#include <algorithm>
#include <imgui.h>
#include <set>

namespace convene::app {

std::shared_ptr<const SummarySource> make_summary_source(store::Workspace& ws) {
    auto src = std::make_shared<SummarySource>();
    src->snapshot = store::load_coding_snapshot(ws);
    const auto& s = src->snapshot;
    // Groups in the order the guides list them, then any others; states and guides sorted.
    std::set<std::string> groups, states, guides;
    for (const auto& c : s.conversations) {
        groups.insert(c.group);
        if (!c.state.empty()) states.insert(c.state);
    }
    for (const auto& g : s.guides) {
        guides.insert(g.id);
        for (const auto& group : g.groups)
            if (groups.erase(group.id)) src->groups.emplace_back(group.id, group.label);
    }
    for (const auto& id : groups)
        src->groups.emplace_back(id, id);
    src->states.assign(states.begin(), states.end());
    src->guides.assign(guides.begin(), guides.end());
    return src;
}

const std::vector<SummaryChoice>& summary_choices() {
    static const std::vector<SummaryChoice> choices = [] {
        std::vector<SummaryChoice> out;
        for (const auto& k : exporting::summary_kinds()) {
            // The list is narrow: the table's own title says the rest.
            std::string title(k.name == "code-frequencies" ? "Code frequencies" : k.title);
            out.push_back({SummaryFamily::Registry, std::string(k.name), title, &k});
        }
        out.push_back({SummaryFamily::Agreement, "agreement", "Intercoder agreement", nullptr});
        out.push_back(
            {SummaryFamily::Disagreements, "disagreements", "Answers coders disagree on", nullptr});
        return out;
    }();
    return choices;
}

ShownSummary compute_summary(std::shared_ptr<const SummarySource> source,
                             const SummaryQuery& query) {
    ShownSummary out;
    out.query = query;
    out.source = source;
    const auto& s = source->snapshot;
    const auto& choice = summary_choices().at(query.choice);
    switch (choice.family) {
    case SummaryFamily::Registry:
        out.table = choice.kind->compute(s, query.filters);
        break;
    case SummaryFamily::Agreement:
        out.table = exporting::intercoder_agreement(s, query.filters, query.agreement);
        break;
    case SummaryFamily::Disagreements:
        out.table = exporting::coder_disagreements(s, query.filters, query.agreement);
        break;
    }
    // Formatted here, off the UI thread: a table may have a hundred thousand rows.
    out.text.reserve(out.table.rows.size());
    for (const auto& row : out.table.rows) {
        std::vector<std::string> cells;
        cells.reserve(row.size());
        for (std::size_t c = 0; c < row.size(); ++c)
            cells.push_back(exporting::format_cell(out.table.columns[c], row[c]));
        out.text.push_back(std::move(cells));
    }
    return out;
}

void SummaryModel::refresh(ViewContext& ctx, const SummaryQuery& query) {
    polled_frame_ = ImGui::GetFrameCount();
    if (cache_.stale(ctx)) source_wanted_ = true;
    poll_source(ctx);
    poll_summary(query);
}

bool SummaryModel::polled_this_frame() const {
    return polled_frame_ == ImGui::GetFrameCount();
}

bool SummaryModel::updating() const {
    // Until a finished job's result is taken, not only while it runs: a job that ends between
    // two frames must still get the frame that shows what it made.
    return source_wanted_ || source_loading_ || asked_;
}

void SummaryModel::workspace_closing() {
    source_.reset();
    shown_.reset();
    cache_.invalidate();
    source_wanted_ = false;
    source_loading_ = false;
    asked_.reset();
    failed_.reset();
    error_.clear();
    ++epoch_;
}

// The snapshot takes about a second to load on a workspace with 150,000 coded segments, so it
// loads on a worker while the old one (and the tables made from it) stay on screen.
void SummaryModel::poll_source(ViewContext& ctx) {
    if (source_job_.running()) return;
    if (auto r = source_job_.take_result(); r && r->epoch == epoch_ && r->source) {
        source_ = std::move(r->source);
        error_.clear();
    }
    if (auto e = source_job_.take_error(); !e.empty())
        error_ = "Could not read the workspace: " + e;
    source_loading_ = false;
    if (!source_wanted_ || !ctx.workspace) return;
    source_wanted_ = false;
    source_loading_ = true;
    source_job_.start(ctx.workspace->path(), [epoch = epoch_](store::Workspace& ws, JobProgress&) {
        return LoadedSource{epoch, make_summary_source(ws)};
    });
}

// A summary takes tens of milliseconds on a large workspace: computed on a worker too, the
// newest query waiting for the running one.
void SummaryModel::poll_summary(const SummaryQuery& query) {
    if (summary_job_.running()) return;
    if (auto r = summary_job_.take_result(); r && r->epoch == epoch_ && r->summary) {
        r->summary->serial = ++serial_;
        shown_ = std::move(r->summary);
    }
    if (auto e = summary_job_.take_error(); !e.empty()) {
        error_ = "Could not compute this summary: " + e;
        failed_ = asked_; // not asked again until the query or the snapshot changes
        failed_source_ = source_.get();
    }
    asked_.reset();
    if (!source_) return;
    if (shown_ && shown_->query == query && shown_->source == source_) return;
    if (failed_ && *failed_ == query && failed_source_ == source_.get()) return;
    error_.clear();
    asked_ = query;
    summary_job_.run([source = source_, query, epoch = epoch_](JobProgress&) {
        return ComputedSummary{epoch,
                               std::make_shared<ShownSummary>(compute_summary(source, query))};
    });
}

} // namespace convene::app
