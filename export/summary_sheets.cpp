#include "export/summary_sheets.hpp"

#include "export/export_context.hpp"
#include "export/intercoder_agreement.hpp"
#include "export/xlsx_workbook.hpp"
#include "store/coding_snapshot.hpp"

#include <algorithm>
#include <map>
#include <xlsxwriter.h>

namespace convene::exporting {
namespace {

// Short sheet names for the summaries the workbook knows; others use their title, cut.
const std::map<std::string_view, std::string>& short_names() {
    static const std::map<std::string_view, std::string> names{
        {"code-frequencies", "Code frequencies"},         {"code-by-area", "Code \u00D7 area"},
        {"framework-matrix", "Framework matrix"},         {"quotes-by-code", "Quotes by code"},
        {"structured-answers", "Structured answers"},     {"co-occurrence", "Code co-occurrence"},
        {"intercoder-agreement", "Intercoder agreement"}, {"coder-disagreements", "Disagreements"}};
    return names;
}

std::string cell_text(const SummaryTable& t, const std::vector<Cell>& row, std::string_view id) {
    int c = t.column(id);
    if (c < 0) return {};
    const auto* s = row[static_cast<std::size_t>(c)].text();
    return s ? *s : std::string();
}

double cell_number(const SummaryTable& t, const std::vector<Cell>& row, std::string_view id) {
    int c = t.column(id);
    return c < 0 ? 0 : row[static_cast<std::size_t>(c)].number();
}

// The pivot as a small wide table and a bar chart of it, from row `at`.
std::uint32_t write_pivot(XlsxWorkbook& wb, XlsxSheet& sheet, std::uint32_t at, const Pivot& p) {
    const auto& f = wb.formats();
    sheet.text(at++, 0, p.title, f.bold);
    std::vector<std::string> header{p.value_header};
    header.insert(header.end(), p.series.begin(), p.series.end());
    // The series are groups with long labels over narrow number columns: their headers wrap,
    // and the row is as tall as the longest of them.
    std::vector<bool> narrow(header.size(), true);
    narrow[0] = false;
    sheet.header(at, header, narrow);
    std::uint32_t first = at + 1;
    for (std::size_t r = 0; r < p.categories.size(); ++r) {
        auto row = static_cast<std::uint32_t>(first + r);
        sheet.text(row, 0, p.categories[r]);
        for (std::size_t s = 0; s < p.series.size(); ++s)
            if (auto it = p.values.find({p.categories[r], p.series[s]}); it != p.values.end())
                sheet.number(row, static_cast<std::uint16_t>(s + 1), it->second,
                             p.percent ? wb.percent_format(0) : wb.real_format(1));
    }
    std::uint32_t last = first + static_cast<std::uint32_t>(p.categories.size()) - 1;
    lxw_chart* chart = wb.add_chart(LXW_CHART_BAR);
    chart_title_set_name(chart, p.title.c_str());
    for (std::size_t s = 0; s < p.series.size(); ++s) {
        auto col = static_cast<lxw_col_t>(s + 1);
        lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
        chart_series_set_categories(series, sheet.name().c_str(), first, 0, last, 0);
        chart_series_set_values(series, sheet.name().c_str(), first, col, last, col);
        chart_series_set_name_range(series, sheet.name().c_str(), at, col);
    }
    chart_axis_set_reverse(chart->y_axis); // first category at the top
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    if (p.percent) {
        chart_axis_set_num_format(chart->x_axis, "0%");
        chart_axis_set_max(chart->x_axis, 1);
    }
    double y_scale = std::max(1.0, static_cast<double>(p.categories.size()) / 8.0);
    sheet.insert_chart(at, static_cast<std::uint16_t>(p.series.size() + 2), chart, 1.5, y_scale);
    auto chart_rows = static_cast<std::uint32_t>(15 * y_scale) + 1;
    return std::max(last + 3, at + chart_rows + 2);
}

} // namespace

namespace {

// The codes applied most often (top 15 by segments), share of each group's conversations.
std::optional<Pivot> code_frequency_pivot(const SummaryTable& t) {
    Pivot p{
        "Codes by stakeholder group: share of the group's conversations", "Code", {}, {}, {}, true};
    std::map<std::string, double> segments;
    for (const auto& row : t.rows) {
        std::string code = cell_text(t, row, "code"), group = cell_text(t, row, "group");
        segments[code] += cell_number(t, row, "segments");
        if (std::find(p.series.begin(), p.series.end(), group) == p.series.end())
            p.series.push_back(group);
        p.values[{code, group}] = cell_number(t, row, "group_share");
    }
    std::vector<std::pair<double, std::string>> ranked;
    for (const auto& [code, n] : segments)
        if (n > 0) ranked.emplace_back(-n, code);
    std::sort(ranked.begin(), ranked.end());
    for (std::size_t i = 0; i < ranked.size() && i < 15; ++i)
        p.categories.push_back(ranked[i].second);
    // Only the bars drawn: the table's other codes are not kept.
    std::erase_if(p.values, [&](const auto& v) {
        return std::find(p.categories.begin(), p.categories.end(), v.first.first) ==
               p.categories.end();
    });
    if (p.categories.empty() || p.series.empty()) return std::nullopt;
    return p;
}

// Hours suggested, as medians in clock hours, per question and group.
std::optional<Pivot> currency_pivot(const SummaryTable& t) {
    Pivot p{
        "Currency equivalents: median suggested, in clock hours", "Question", {}, {}, {}, false};
    for (const auto& row : t.rows) {
        if (cell_text(t, row, "unit") != "clock hours") continue;
        int c = t.column("median");
        if (c < 0 || row[static_cast<std::size_t>(c)].empty()) continue;
        std::string q = cell_text(t, row, "label");
        if (q.empty()) q = cell_text(t, row, "field");
        std::string group = cell_text(t, row, "group");
        if (std::find(p.categories.begin(), p.categories.end(), q) == p.categories.end())
            p.categories.push_back(q);
        if (std::find(p.series.begin(), p.series.end(), group) == p.series.end())
            p.series.push_back(group);
        p.values[{q, group}] = cell_number(t, row, "median");
    }
    if (p.categories.empty()) return std::nullopt;
    return p;
}

} // namespace

std::optional<Pivot> chart_of(const SummaryTable& t) {
    if (t.id == "code_frequencies") return code_frequency_pivot(t);
    if (t.id == "structured_answers") return currency_pivot(t);
    return std::nullopt;
}

std::size_t write_charts(const std::vector<Pivot>& charts, XlsxWorkbook& wb) {
    XlsxSheet& sheet = wb.add_sheet("Charts");
    std::uint32_t at = 0;
    std::size_t rows = 0;
    for (const auto& p : charts) {
        at = write_pivot(wb, sheet, at, p);
        rows += p.categories.size();
    }
    sheet.set_width(0, 44);
    for (std::uint16_t c = 1; c < 8; ++c)
        sheet.set_width(c, 13);
    sheet.print_setup(0, false);
    return rows;
}

const std::vector<SummaryKind>& export_summary_kinds() {
    static const std::vector<SummaryKind> kinds = [] {
        auto all = summary_kinds();
        all.push_back({"intercoder-agreement", "Intercoder agreement per code (answer level)",
                       intercoder_agreement_all});
        all.push_back({"coder-disagreements", "Answers and codes the coders disagree on",
                       coder_disagreements_all});
        return all;
    }();
    return kinds;
}

std::string summary_sheet_name(const SummaryKind& kind) {
    auto it = short_names().find(kind.name);
    return it != short_names().end() ? it->second : std::string(kind.title);
}

CodingForSummaries load_coding_for_summaries(store::Database& db, const Filters& filters,
                                             std::stop_token stop) {
    CodingForSummaries c{store::load_coding_snapshot(db, store::Texts::Read), {}};
    if (stop.stop_requested()) throw ExportCancelled();
    c.agreement = compute_agreement(c.snapshot, filters, {}, false); // the workbook opens no count
    return c;
}

Filters summary_filters(const ExportContext& ctx) {
    const auto& f = ctx.filter;
    return {f.group, f.state, f.from, f.to, f.guide, f.status, ctx.coder_uuid};
}

namespace {

// A summary handed over row by row (RowByRowSummary): its columns of long text named first,
// then each row written as it is made.
template <typename Rename>
std::size_t write_streamed(const RowByRowSummary& summary, const std::string& sheet,
                           TableSink& sink, const Rename& rename) {
    auto t = summary.head();
    auto wide = summary.long_text_columns();
    sink.begin({sheet, t.id, t.note, t.columns, -1, wide});
    std::size_t n = 0;
    summary.for_each_row([&](std::vector<Cell>& row) {
        rename(row);
        sink.row(row);
        ++n;
    });
    sink.end();
    return n;
}

} // namespace

std::vector<std::pair<std::string, std::size_t>> write_summaries(ExportContext& ctx,
                                                                 const CodingForSummaries& coding,
                                                                 TableSink& sink,
                                                                 std::vector<Pivot>& charted) {
    const auto& snapshot = coding.snapshot;
    const auto& agreement = coding.agreement;
    const Filters filters = summary_filters(ctx);
    auto replace_names = [&](std::vector<Cell>& row) {
        if (ctx.names.enabled())
            for (auto& cell : row)
                if (auto* s = std::get_if<std::string>(&cell.value)) *s = ctx.names.text(*s);
    };
    std::vector<std::pair<std::string, std::size_t>> rows;
    const auto& kinds = export_summary_kinds();
    for (std::size_t k = 0; k < kinds.size(); ++k) {
        const std::string sheet = summary_sheet_name(kinds[k]);
        ctx.tick(k, kinds.size(), sheet);
        if (kinds[k].name == "coder-disagreements") {
            auto t = coder_disagreements_columns();
            sink.begin({sheet, t.id, t.note, t.columns, -1, {"question", "notes"}});
            std::size_t n = 0;
            for_each_disagreement(snapshot, agreement, [&](std::vector<Cell>& row) {
                replace_names(row);
                sink.row(row);
                ++n;
            });
            sink.end();
            rows.emplace_back(sheet, n);
            continue;
        }
        // Written row by row, not built as tables: at scale these are the largest.
        if (kinds[k].name == "co-occurrence") {
            rows.emplace_back(
                sheet, write_streamed(CoOccurrence(snapshot, filters), sheet, sink, replace_names));
            continue;
        }
        if (kinds[k].name == "framework-matrix") {
            rows.emplace_back(sheet, write_streamed(FrameworkMatrix(snapshot, filters), sheet, sink,
                                                    replace_names));
            continue;
        }
        if (kinds[k].name == "quotes-by-code") {
            rows.emplace_back(
                sheet, write_streamed(QuotesByCode(snapshot, filters), sheet, sink, replace_names));
            continue;
        }
        SummaryTable t = kinds[k].name == "intercoder-agreement"
                             ? intercoder_agreement(snapshot, agreement)
                             : kinds[k].compute(snapshot, filters);
        for (auto& row : t.rows)
            replace_names(row);
        write_summary(t, sheet, sink);
        rows.emplace_back(sheet, t.rows.size());
        if (auto chart = chart_of(t)) charted.push_back(std::move(*chart));
    }
    return rows;
}

} // namespace convene::exporting
