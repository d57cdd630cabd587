#include "export/survey_tables.hpp"

#include "export/export_context.hpp"
#include "export/survey_sheets.hpp"
#include "export/table_writers.hpp"
#include "store/surveys.hpp"

#include <algorithm>
#include <stdexcept>
#include <xlsxwriter.h>

namespace convene::exporting {
namespace {

Cell text(std::string s) {
    return text_cell(std::move(s));
}
Cell num(double v) {
    return Cell(v);
}
Cell count(std::size_t v) {
    return Cell(v);
}

// Every pair of an attribute's values, compared on every construct and on all Likert items.
std::vector<Comparison> all_comparisons(const SurveyTable& table) {
    std::vector<Comparison> out;
    const auto& inst = table.data->instrument;
    for (const auto& attr : inst.attributes) {
        if (attr.choices.size() > 6) continue; // too many pairs to read
        for (std::size_t a = 0; a < attr.choices.size(); ++a)
            for (std::size_t b = a + 1; b < attr.choices.size(); ++b) {
                std::vector<std::string> targets;
                for (const auto& c : inst.constructs)
                    targets.push_back(c.id);
                targets.emplace_back();
                for (const auto& target : targets) {
                    CompareRequest req{attr.id, {attr.choices[a], attr.choices[b]}, target, ""};
                    try {
                        out.push_back(compare_groups(table, req));
                    } catch (const std::invalid_argument&) {
                        // Too few answers in a group, or no variance: no comparison to report.
                    }
                }
            }
    }
    return out;
}

// Colours of a Likert scale's points, from disagreeing (red) through neutral (grey) to agreeing.
lxw_color_t point_colour(int point, int points) {
    static const lxw_color_t five[] = {0xC0504D, 0xE6A19F, 0xBFBFBF, 0x95B3D7, 0x1F4E79};
    if (points == 5) return five[point - 1];
    static const lxw_color_t many[] = {0xC0504D, 0xD9807E, 0xE6A19F, 0xBFBFBF,
                                       0xB8CCE4, 0x95B3D7, 0x4F81BD, 0x1F4E79};
    return many[std::min(point - 1, 7)];
}

} // namespace

std::vector<SurveyToAnalyse> surveys_to_analyse(ExportContext& ctx) {
    std::vector<SurveyToAnalyse> out;
    for (auto& row : store::list_instruments(ctx.ws)) {
        if (!ctx.filter.instrument.empty() ? row.instrument_id != ctx.filter.instrument
                                           : row.respondents == 0)
            continue;
        auto inst = store::current_instrument(ctx.ws, row.instrument_id);
        if (inst) out.push_back({std::move(row), std::move(*inst)});
    }
    if (!ctx.filter.instrument.empty() && out.empty())
        throw std::runtime_error("no instrument \"" + ctx.filter.instrument +
                                 "\" in the workspace");
    return out;
}

std::vector<SurveyResults> analyse_surveys(store::Database& db,
                                           const std::vector<SurveyToAnalyse>& surveys,
                                           std::stop_token stop) {
    std::vector<SurveyResults> out;
    for (const auto& s : surveys) {
        if (stop.stop_requested()) throw ExportCancelled();
        auto loaded = load_for_analysis(db, s.instrument, s.row.respondents);
        const auto& data = *loaded.data;
        const auto& table = loaded.table;
        SurveyResults r{s.row.instrument_id, s.row.version, s.row.title, s.row.hash,
                        table.respondents};
        r.items = item_results(table);
        r.constructs = construct_results(table);
        r.comparisons = all_comparisons(table);
        r.group_tests = export_comparisons(table);
        r.crosstabs = export_crosstabs(table);
        const guides::RatingScale* shared = nullptr;
        bool one = true;
        for (const auto& item : data.instrument.items)
            if (item.type == guides::ItemType::Likert) {
                const auto* scale = data.instrument.scale(item.scale);
                if (shared && scale != shared) one = false;
                shared = scale;
            }
        if (one && shared) r.scale_labels = shared->labels;
        out.push_back(std::move(r));
    }
    return out;
}

std::size_t write_survey_items(const std::vector<SurveyResults>& surveys, TableSink& sink,
                               XlsxTableWriter& xlsx, XlsxWorkbook& wb) {
    int points = 0;
    for (const auto& s : surveys)
        for (const auto& i : s.items)
            points = std::max(points, i.points);
    // Headers name the scale's labels when every instrument uses one and the same scale.
    std::vector<std::string> labels =
        surveys.empty() ? std::vector<std::string>{} : surveys.front().scale_labels;
    for (const auto& s : surveys)
        if (s.scale_labels != labels) labels.clear();
    TableInfo t{"Survey items",
                "survey_items",
                "Each Likert and number item: respondents, mean, SD, median, range and how many "
                "gave each scale point, with a 100% stacked bar chart per instrument.",
                {{"instrument_id", "Instrument", ColumnType::Text},
                 {"item_id", "Item", ColumnType::Text},
                 {"item", "Item text", ColumnType::Text},
                 {"construct_id", "Construct", ColumnType::Text},
                 {"reverse_scored", "Reverse scored", ColumnType::Text},
                 {"scale_points", "Scale points", ColumnType::Integer},
                 {"n", "n", ColumnType::Integer},
                 {"mean", "Mean", ColumnType::Real},
                 {"sd", "SD", ColumnType::Real},
                 {"median", "Median", ColumnType::Real},
                 {"min", "Min", ColumnType::Real},
                 {"max", "Max", ColumnType::Real}}};
    const auto first_count = static_cast<std::uint16_t>(t.columns.size());
    for (int p = 1; p <= points; ++p) {
        std::string header = std::to_string(p);
        if (static_cast<std::size_t>(p) <= labels.size()) header += " " + labels[p - 1];
        t.columns.push_back({"count_" + std::to_string(p), header, ColumnType::Integer});
    }
    t.long_text = {"item"};
    sink.begin(t);
    struct Block {
        std::string title;
        std::uint32_t first = 0, last = 0;
        int points = 0;
    };
    std::vector<Block> blocks;
    std::uint32_t row = 1;
    std::size_t n = 0;
    for (const auto& s : surveys) {
        Block b{s.title, row, row, 0};
        for (const auto& i : s.items) {
            std::vector<Cell> cells{text(s.instrument_id),
                                    text(i.item_id),
                                    text(i.text),
                                    text(i.construct_id),
                                    text(i.reverse ? "yes" : ""),
                                    i.likert ? count(static_cast<std::size_t>(i.points)) : Cell(),
                                    count(i.n)};
            if (i.stats)
                for (double v :
                     {i.stats->mean, i.stats->sd, i.stats->median, i.stats->min, i.stats->max})
                    cells.push_back(num(v));
            else
                cells.resize(cells.size() + 5);
            for (int p = 0; p < points; ++p)
                cells.push_back(static_cast<std::size_t>(p) < i.distribution.size()
                                    ? count(i.distribution[p])
                                    : Cell());
            sink.row(cells);
            if (i.likert) {
                b.points = std::max(b.points, i.points);
                b.last = row;
            }
            ++row;
            ++n;
        }
        if (b.points > 0) blocks.push_back(b);
    }
    sink.end();
    // One 100% stacked bar chart per instrument, beside its rows.
    XlsxSheet* sheet = xlsx.sheet();
    auto chart_col = static_cast<std::uint16_t>(first_count + points + 1);
    std::uint32_t at = 1;
    for (const auto& b : blocks) {
        lxw_chart* chart = wb.add_chart(LXW_CHART_BAR_STACKED_PERCENT);
        chart_title_set_name(chart, (b.title + ": answers per item").c_str());
        for (int p = 1; p <= b.points; ++p) {
            auto col = static_cast<lxw_col_t>(first_count + p - 1);
            lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
            chart_series_set_categories(series, sheet->name().c_str(), b.first, 1, b.last, 1);
            chart_series_set_values(series, sheet->name().c_str(), b.first, col, b.last, col);
            chart_series_set_name_range(series, sheet->name().c_str(), 0, col);
            lxw_chart_fill fill{point_colour(p, b.points), 0, 0};
            chart_series_set_fill(series, &fill);
        }
        chart_set_series_gap(chart, 40);
        chart_axis_set_reverse(chart->y_axis); // first item at the top
        chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
        double rows = static_cast<double>(b.last - b.first + 1);
        double y_scale = std::max(1.0, rows / 12.0);
        sheet->insert_chart(at, chart_col, chart, 1.6, y_scale);
        at += static_cast<std::uint32_t>(15 * y_scale) + 2;
    }
    return n;
}

std::size_t write_survey_constructs(const std::vector<SurveyResults>& surveys, TableSink& sink) {
    TableInfo t{"Survey constructs",
                "survey_constructs",
                "Each construct (a scale of items scored together): respondents who answered "
                "all its items, the score's mean, SD, median and range, and Cronbach's alpha.",
                {{"instrument_id", "Instrument", ColumnType::Text},
                 {"construct_id", "Construct id", ColumnType::Text},
                 {"construct", "Construct", ColumnType::Text},
                 {"items", "Items", ColumnType::Integer},
                 {"n", "n", ColumnType::Integer},
                 {"mean", "Mean", ColumnType::Real},
                 {"sd", "SD", ColumnType::Real},
                 {"median", "Median", ColumnType::Real},
                 {"min", "Min", ColumnType::Real},
                 {"max", "Max", ColumnType::Real},
                 {"cronbach_alpha", "Cronbach's alpha", ColumnType::Real}}};
    sink.begin(t);
    std::size_t n = 0;
    for (const auto& s : surveys)
        for (const auto& c : s.constructs) {
            std::vector<Cell> cells{text(s.instrument_id), text(c.id), text(c.label),
                                    count(c.items), count(c.n)};
            if (c.score)
                for (double v :
                     {c.score->mean, c.score->sd, c.score->median, c.score->min, c.score->max})
                    cells.push_back(num(v));
            else
                cells.resize(cells.size() + 5);
            cells.push_back(c.alpha ? num(*c.alpha) : Cell());
            sink.row(cells);
            ++n;
        }
    sink.end();
    return n;
}

std::size_t write_group_comparisons(const std::vector<SurveyResults>& surveys, TableSink& sink) {
    TableInfo t{"Group comparisons",
                "group_comparisons",
                "Two groups of respondents (by an attribute) compared on each construct and on "
                "all Likert items: means, the difference with its 95% CI, Welch's and Student's "
                "t, Cohen's d, Hedges' g and the Mann-Whitney U test.",
                {{"instrument_id", "Instrument", ColumnType::Text},
                 {"attribute", "Attribute", ColumnType::Text},
                 {"group_a", "Group A", ColumnType::Text},
                 {"group_b", "Group B", ColumnType::Text},
                 {"target", "Compared on", ColumnType::Text},
                 {"n_a", "n A", ColumnType::Integer},
                 {"mean_a", "Mean A", ColumnType::Real},
                 {"sd_a", "SD A", ColumnType::Real},
                 {"n_b", "n B", ColumnType::Integer},
                 {"mean_b", "Mean B", ColumnType::Real},
                 {"sd_b", "SD B", ColumnType::Real},
                 {"mean_difference", "Difference (A - B)", ColumnType::Real},
                 {"ci_low", "95% CI low (Welch)", ColumnType::Real},
                 {"ci_high", "95% CI high (Welch)", ColumnType::Real},
                 {"welch_t", "Welch t", ColumnType::Real},
                 {"welch_df", "Welch df", ColumnType::Real},
                 {"welch_p", "Welch p", ColumnType::Real},
                 {"student_t", "Student t", ColumnType::Real},
                 {"student_df", "Student df", ColumnType::Real},
                 {"student_p", "Student p", ColumnType::Real},
                 {"cohens_d", "Cohen's d", ColumnType::Real},
                 {"hedges_g", "Hedges' g", ColumnType::Real},
                 {"mann_whitney_u", "Mann-Whitney U", ColumnType::Real},
                 {"mann_whitney_z", "Mann-Whitney z", ColumnType::Real},
                 {"mann_whitney_p", "Mann-Whitney p", ColumnType::Real},
                 {"rank_biserial", "Rank-biserial r", ColumnType::Real}}};
    sink.begin(t);
    std::size_t n = 0;
    for (const auto& s : surveys)
        for (const auto& c : s.comparisons) {
            const auto& w = c.welch;
            sink.row({text(s.instrument_id),
                      text(c.attribute),
                      text(c.group_a),
                      text(c.group_b),
                      text(c.target),
                      count(w.n1),
                      num(w.mean1),
                      num(w.sd1),
                      count(w.n2),
                      num(w.mean2),
                      num(w.sd2),
                      num(w.mean_diff),
                      num(w.ci_low),
                      num(w.ci_high),
                      num(w.t),
                      num(w.df),
                      num(w.p_two_sided),
                      num(c.student.t),
                      num(c.student.df),
                      num(c.student.p_two_sided),
                      num(w.cohens_d),
                      num(w.hedges_g),
                      num(c.mann_whitney.u),
                      num(c.mann_whitney.z),
                      num(c.mann_whitney.p_two_sided),
                      num(c.mann_whitney.rank_biserial)});
            ++n;
        }
    sink.end();
    return n;
}

} // namespace convene::exporting
