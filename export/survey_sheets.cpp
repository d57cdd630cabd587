#include "export/survey_sheets.hpp"

#include "export/survey_tables.hpp"
#include "export/table_writers.hpp"
#include "export/xlsx_workbook.hpp"
#include "guides/text.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace convene::exporting {
namespace {

Column txt(const char* id, const char* header) {
    return {id, header, ColumnType::Text, "", 0};
}
Column integer(const char* id, const char* header) {
    return {id, header, ColumnType::Integer, "", 0};
}
Column real(const char* id, const char* header, int decimals = 3) {
    return {id, header, ColumnType::Real, "", decimals};
}

// A number, or an empty cell when it is not finite (an odds ratio with a zero cell).
Cell num(double v) {
    return std::isfinite(v) ? Cell(v) : Cell();
}
void nums(std::vector<Cell>& cells, std::initializer_list<double> values) {
    for (double v : values)
        cells.push_back(num(v));
}
void blanks(std::vector<Cell>& cells, std::size_t n) {
    cells.resize(cells.size() + n);
}

// Every comparison row starts with what was compared.
std::vector<Column> key_columns() {
    return {txt("instrument_id", "Instrument"), txt("attribute", "Attribute"),
            txt("target", "Compared on"), txt("unit", "Unit")};
}
std::vector<Cell> key_cells(const SurveyResults& s, const GroupComparison& c) {
    return {text_cell(s.instrument_id), text_cell(c.attribute), text_cell(c.target),
            text_cell(c.pooled ? "item" : "respondent")};
}

TableInfo group_tests_info() {
    TableInfo t{"Group tests", "group_tests",
                "Each comparison of Surveys > Compare groups: an attribute's groups on a "
                "construct or all Likert items, per respondent or all ratings pooled. One-way "
                "and Welch's ANOVA, Kruskal-Wallis, eta- and omega-squared; Mann-Whitney U for "
                "two groups; pooled: a warning and the cluster-robust Wald test (3+ groups); "
                "the result in plain words.",
                key_columns()};
    t.columns.insert(t.columns.end(), {integer("groups", "Groups"),
                                       integer("respondents", "Respondents"),
                                       integer("left_out", "Left out (missing)"),
                                       integer("n", "Values compared"),
                                       real("anova_f", "ANOVA F"),
                                       real("anova_df1", "ANOVA df1", 0),
                                       real("anova_df2", "ANOVA df2", 0),
                                       real("anova_p", "ANOVA p", 4),
                                       real("eta_squared", "Eta\u00b2"),
                                       real("omega_squared", "Omega\u00b2"),
                                       real("welch_anova_f", "Welch F"),
                                       real("welch_anova_df1", "Welch df1", 0),
                                       real("welch_anova_df2", "Welch df2", 2),
                                       real("welch_anova_p", "Welch p", 4),
                                       real("kruskal_wallis_h", "Kruskal-Wallis H"),
                                       real("kruskal_wallis_df", "Kruskal-Wallis df", 0),
                                       real("kruskal_wallis_p", "Kruskal-Wallis p", 4),
                                       real("epsilon_squared", "Epsilon\u00b2"),
                                       real("mann_whitney_u", "Mann-Whitney U", 1),
                                       real("mann_whitney_z", "Mann-Whitney z"),
                                       real("mann_whitney_p", "Mann-Whitney p", 4),
                                       real("rank_biserial", "Rank-biserial r"),
                                       real("cluster_f", "Cluster-robust F"),
                                       real("cluster_df1", "Cluster df1", 0),
                                       real("cluster_df2", "Cluster df2", 0),
                                       real("cluster_p", "Cluster p", 4),
                                       txt("warning", "Warning"),
                                       txt("notes", "Not computed"),
                                       txt("reading", "Reading")});
    t.long_text = {"warning", "reading"};
    return t;
}

std::vector<Cell> group_tests_row(const SurveyResults& s, const ReadComparison& rc) {
    const auto& c = rc.result;
    auto cells = key_cells(s, c);
    std::size_t respondents = 0, left_out = 0, n = 0;
    for (const auto& g : c.groups) {
        respondents += g.respondents;
        left_out += g.left_out;
        n += g.n;
    }
    cells.insert(cells.end(), {Cell(c.groups.size()), Cell(respondents), Cell(left_out), Cell(n)});
    if (const auto& a = c.anova)
        nums(cells, {a->f, a->df_between, a->df_within, a->p, a->eta_squared, a->omega_squared});
    else
        blanks(cells, 6);
    if (const auto& w = c.welch)
        nums(cells, {w->f, w->df1, w->df2, w->p});
    else
        blanks(cells, 4);
    if (const auto& k = c.kruskal)
        nums(cells, {k->h, k->df, k->p, k->epsilon_squared});
    else
        blanks(cells, 4);
    if (c.two) {
        const auto& mw = c.two->mann_whitney;
        nums(cells, {mw.u, mw.z, mw.p_two_sided, mw.rank_biserial});
    } else {
        blanks(cells, 4);
    }
    if (const auto& cr = c.cluster_groups)
        nums(cells, {cr->f, cr->df1, cr->df2, cr->p});
    else
        blanks(cells, 4);
    cells.push_back(text_cell(c.pooled_warning));
    cells.push_back(text_cell(guides::join_by(
        c.notes, [](const auto& x) { return x; }, "; ")));
    cells.push_back(text_cell(rc.reading));
    return cells;
}

TableInfo group_means_info() {
    TableInfo t{"Group means", "group_means",
                "The groups of each comparison in Group tests: respondents, those left out for "
                "missing answers, the values compared (ratings when pooled), mean, SD, median.",
                key_columns()};
    t.columns.insert(t.columns.end(),
                     {txt("group", "Group"), integer("respondents", "Respondents"),
                      integer("left_out", "Left out (missing)"), integer("n", "Values compared"),
                      real("mean", "Mean"), real("sd", "SD"), real("median", "Median", 2)});
    return t;
}

TableInfo group_contrasts_info() {
    TableInfo t{"Group contrasts", "group_contrasts",
                "The pairs of each comparison in Group tests: for two groups Student's and "
                "Welch's t; for more, Welch's t of every pair with Holm-adjusted p; pooled, the "
                "cluster-robust t (respondents as clusters; for 3+ groups each group against "
                "the first).",
                key_columns()};
    t.columns.insert(t.columns.end(),
                     {txt("test", "Test"), txt("group_a", "Group A"), txt("group_b", "Group B"),
                      real("difference", "Difference (A - B)"), real("ci_low", "95% CI low"),
                      real("ci_high", "95% CI high"), real("se", "SE", 4), real("t", "t"),
                      real("df", "df", 2), real("p", "p", 4), real("p_holm", "p (Holm)", 4),
                      real("cohens_d", "Cohen's d"), real("hedges_g", "Hedges' g")});
    return t;
}

void t_row(TableSink& sink, std::vector<Cell> cells, const char* test, const std::string& a,
           const std::string& b, const stats::TTest& t, std::optional<double> p_holm) {
    cells.insert(cells.end(), {text_cell(test), text_cell(a), text_cell(b)});
    nums(cells, {t.mean_diff, t.ci_low, t.ci_high, t.se, t.t, t.df, t.p_two_sided});
    cells.push_back(p_holm ? num(*p_holm) : Cell());
    nums(cells, {t.cohens_d, t.hedges_g});
    sink.row(cells);
}

void cluster_row(TableSink& sink, std::vector<Cell> cells, const std::string& a,
                 const std::string& b, const stats::ClusterRobustDifference& d) {
    cells.insert(cells.end(), {text_cell("Cluster-robust t"), text_cell(a), text_cell(b)});
    nums(cells, {d.difference, d.ci_low, d.ci_high, d.se, d.t, d.df, d.p_two_sided});
    blanks(cells, 3);
    sink.row(cells);
}

// The rows of one comparison; returns how many.
std::size_t contrast_rows(TableSink& sink, const SurveyResults& s, const GroupComparison& c) {
    auto key = key_cells(s, c);
    std::size_t n = 0;
    const auto& g = c.groups;
    if (c.two) {
        t_row(sink, key, "Student's t", g[0].name, g[1].name, c.two->student, std::nullopt);
        t_row(sink, key, "Welch's t", g[0].name, g[1].name, c.two->welch, std::nullopt);
        n += 2;
    }
    for (const auto& p : c.pairwise) {
        t_row(sink, key, "Welch's t", g[p.a].name, g[p.b].name, p.welch, p.p_holm);
        ++n;
    }
    if (c.cluster) {
        cluster_row(sink, key, g[0].name, g[1].name, *c.cluster);
        ++n;
    }
    if (const auto& cr = c.cluster_groups)
        for (std::size_t j = 0; j < cr->contrasts.size(); ++j, ++n)
            cluster_row(sink, key, g[j + 1].name, g[0].name, cr->contrasts[j]);
    return n;
}

} // namespace

std::vector<ReadComparison> export_comparisons(const SurveyTable& table) {
    std::vector<ReadComparison> out;
    const auto& inst = table.data->instrument;
    std::vector<std::string> targets;
    for (const auto& c : inst.constructs)
        targets.push_back(c.id);
    targets.emplace_back(); // all Likert items
    for (const auto& attr : inst.attributes) {
        if (attr.choices.size() < 2 || attr.choices.size() > kMaxExportGroups) continue;
        for (auto unit : {Unit::Respondent, Unit::Item})
            for (const auto& target : targets) {
                try {
                    auto c = compare_k_groups(table, {attr.id, {}, target, "", unit});
                    auto text = reading(c);
                    out.push_back({std::move(c), std::move(text)});
                } catch (const std::invalid_argument&) {
                    // A group with fewer than two answers: the tab shows why; nothing to write.
                }
            }
    }
    return out;
}

std::vector<TestedCrosstab> export_crosstabs(const SurveyTable& table) {
    std::vector<TestedCrosstab> out;
    const auto& attrs = table.data->instrument.attributes;
    for (std::size_t i = 0; i < attrs.size(); ++i)
        for (auto& x : tested_crosstabs(table, attrs[i].id))
            for (std::size_t j = i + 1; j < attrs.size(); ++j)
                if (x.table.row_attribute == attrs[j].id) out.push_back(std::move(x));
    return out;
}

std::size_t write_group_tests(const std::vector<SurveyResults>& surveys, TableSink& sink) {
    sink.begin(group_tests_info());
    std::size_t n = 0;
    for (const auto& s : surveys)
        for (const auto& rc : s.group_tests) {
            sink.row(group_tests_row(s, rc));
            ++n;
        }
    sink.end();
    return n;
}

std::size_t write_group_means(const std::vector<SurveyResults>& surveys, TableSink& sink) {
    sink.begin(group_means_info());
    std::size_t n = 0;
    for (const auto& s : surveys)
        for (const auto& rc : s.group_tests)
            for (const auto& g : rc.result.groups) {
                auto cells = key_cells(s, rc.result);
                cells.insert(cells.end(),
                             {text_cell(g.name), Cell(g.respondents), Cell(g.left_out), Cell(g.n)});
                nums(cells, {g.stats.mean, g.stats.sd, g.stats.median});
                sink.row(cells);
                ++n;
            }
    sink.end();
    return n;
}

std::size_t write_group_contrasts(const std::vector<SurveyResults>& surveys, TableSink& sink) {
    sink.begin(group_contrasts_info());
    std::size_t n = 0;
    for (const auto& s : surveys)
        for (const auto& rc : s.group_tests)
            n += contrast_rows(sink, s, rc.result);
    sink.end();
    return n;
}

std::size_t write_crosstab_tests(const std::vector<SurveyResults>& surveys, TableSink& sink) {
    TableInfo t{"Crosstab tests",
                "crosstab_tests",
                "Each crosstab of two attributes: chi-square over the given answers with the "
                "expected counts checked, Cram\u00e9r's V, Fisher's exact test (2x2), a caution "
                "when the attributes are associated, and the result in plain words.",
                {txt("instrument_id", "Instrument"), txt("row_attribute", "Row attribute"),
                 txt("column_attribute", "Column attribute"), integer("respondents", "Respondents"),
                 integer("tested", "Respondents tested"), real("chi_square", "Chi-square"),
                 real("chi_square_df", "df", 0), real("chi_square_p", "p", 4),
                 real("cramers_v", "Cram\u00e9r's V"), real("min_expected", "Smallest expected", 2),
                 integer("cells_below_5", "Expected below 5"),
                 txt("expected_ok", "Expected counts ok"), real("fisher_p", "Fisher's exact p", 4),
                 real("odds_ratio", "Odds ratio"), txt("note", "Note"), txt("caution", "Caution"),
                 txt("reading", "Reading")}};
    t.long_text = {"caution", "reading"};
    sink.begin(t);
    std::size_t n = 0;
    for (const auto& s : surveys)
        for (const auto& x : s.crosstabs) {
            std::vector<Cell> cells{text_cell(s.instrument_id), text_cell(x.table.row_attribute),
                                    text_cell(x.table.column_attribute), Cell(x.tests.total)};
            if (const auto& c = x.tests.chi_square) {
                cells.push_back(num(c->n));
                nums(cells, {c->chi2, c->df, c->p, c->cramers_v, c->min_expected});
                cells.push_back(Cell(c->cells_below_5));
                cells.push_back(text_cell(c->expected_ok ? "yes" : "no"));
            } else {
                blanks(cells, 8);
            }
            if (const auto& f = x.tests.fisher)
                nums(cells, {f->p_two_sided, f->odds_ratio});
            else
                blanks(cells, 2);
            for (const auto* s2 : {&x.tests.note, &x.tests.caution, &x.reading})
                cells.push_back(text_cell(*s2));
            sink.row(cells);
            ++n;
        }
    sink.end();
    return n;
}

} // namespace convene::exporting
