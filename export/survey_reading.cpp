// The tests of a crosstab, and every comparison read out in plain words (declared in
// export/survey_comparison.hpp).
#include "export/survey_comparison.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace convene::exporting {
namespace {

std::string num(double v, int decimals = 2) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string p_text(double p) {
    if (p < 0.001) return "p < .001";
    std::string s = num(p, 3);
    return "p = " + (s.rfind("0.", 0) == 0 ? s.substr(1) : s);
}

std::string curly(const std::string& s) {
    return "\u201c" + s + "\u201d";
}

std::string points(double v) {
    return num(std::fabs(v)) + (std::fabs(v) == 1.0 ? " point" : " points");
}

std::string on_scale(const GroupComparison& c) {
    return c.scale.empty() ? "" : " on a scale from " + c.scale;
}

std::string left_out_text(const GroupComparison& c) {
    std::size_t out = 0, all = 0;
    for (const auto& g : c.groups) {
        out += g.left_out;
        all += g.respondents;
    }
    if (out == 0) return " Every respondent in these groups answered.";
    std::string each;
    for (const auto& g : c.groups)
        each += (each.empty() ? "" : ", ") + std::to_string(g.left_out) + " " + curly(g.name);
    return " " + std::to_string(out) + " of " + std::to_string(all) + " respondents in these " +
           (out == 1 ? "groups was" : "groups were") + " left out for missing answers (" + each +
           ").";
}

std::string two_groups(const GroupComparison& c) {
    const auto& w = c.two->welch;
    double diff = c.cluster ? c.cluster->difference : w.mean_diff;
    double lo = c.cluster ? c.cluster->ci_low : w.ci_low;
    double hi = c.cluster ? c.cluster->ci_high : w.ci_high;
    double p = c.cluster ? c.cluster->p_two_sided : w.p_two_sided;
    const auto& a = c.groups[0];
    const auto& b = c.groups[1];
    bool a_higher = diff >= 0;
    const auto& hi_g = a_higher ? a : b;
    const auto& lo_g = a_higher ? b : a;
    std::string s = "On " + c.target_label + ", " + curly(hi_g.name) + " (mean " +
                    num(hi_g.stats.mean) + ") scored " + points(diff) + " higher than " +
                    curly(lo_g.name) + " (mean " + num(lo_g.stats.mean) + ")" + on_scale(c) + ". ";
    s += "The 95% confidence interval of the difference runs from " + num(lo) + " to " + num(hi) +
         " (" + (c.cluster ? "respondents as clusters" : "Welch's t") + ", " + p_text(p) + "): ";
    s += lo > 0 || hi < 0 ? "a difference this large is unlikely to be chance alone."
                          : "it includes zero, so the data do not show which group is higher.";
    double g = c.two->student.hedges_g;
    s += " Hedges' g = " + num(g) + ", a " + size_word_d(g) +
         " difference by Cohen's (1988) benchmarks (0.2 small, 0.5 medium, 0.8 large).";
    if (c.pooled)
        s += " The " + std::to_string(a.n + b.n) +
             " ratings were pooled; the interval and p above count respondents, not ratings.";
    return s;
}

std::string verdict(double p) {
    return p < 0.05 ? "the groups differ." : "no difference between the groups is shown.";
}

// Pooled ratings of three or more groups: the verdict comes from the cluster-robust test, not
// from the pooled tests, which count every rating as independent.
std::string clustered(const GroupComparison& c) {
    const auto& cr = *c.cluster_groups;
    std::string s = " With respondents as clusters, F(" + num(cr.df1, 0) + ", " + num(cr.df2, 0) +
                    ") = " + num(cr.f) + ", " + p_text(cr.p) + ": " + verdict(cr.p);
    std::string differ;
    for (std::size_t j = 0; j < cr.contrasts.size(); ++j)
        if (const auto& d = cr.contrasts[j]; d.p_two_sided < 0.05)
            differ += (differ.empty() ? "" : "; ") + curly(c.groups[j + 1].name) + " (difference " +
                      num(d.difference) + ", " + p_text(d.p_two_sided) + ")";
    if (!differ.empty())
        s += " Against " + curly(c.groups[0].name) + ", with respondents as clusters: " + differ +
             ".";
    return s + " The pooled tests count every rating as independent and overstate significance.";
}

std::string pairs_text(const GroupComparison& c) {
    std::string pairs;
    for (const auto& pc : c.pairwise)
        if (pc.p_holm < 0.05)
            pairs += (pairs.empty() ? "" : "; ") + curly(c.groups[pc.a].name) + " and " +
                     curly(c.groups[pc.b].name) + " (difference " + num(pc.welch.mean_diff) +
                     ", Holm-adjusted " + p_text(pc.p_holm) + ")";
    if (c.pairwise.empty()) return "";
    return pairs.empty() ? " No pair of groups differs after Holm's correction."
                         : " Pairs that differ after Holm's correction: " + pairs + ".";
}

std::string k_groups(const GroupComparison& c) {
    auto [lo_it, hi_it] =
        std::minmax_element(c.groups.begin(), c.groups.end(), [](const auto& x, const auto& y) {
            return x.stats.mean < y.stats.mean;
        });
    std::string s = "On " + c.target_label + ", " + curly(hi_it->name) + " scored highest (mean " +
                    num(hi_it->stats.mean) + ") and " + curly(lo_it->name) + " lowest (mean " +
                    num(lo_it->stats.mean) + "), " + points(hi_it->stats.mean - lo_it->stats.mean) +
                    " apart" + on_scale(c) + ".";
    if (c.cluster_groups)
        s += clustered(c);
    else if (c.welch)
        s += " Welch's ANOVA gives F(" + num(c.welch->df1, 0) + ", " + num(c.welch->df2, 1) +
             ") = " + num(c.welch->f) + ", " + p_text(c.welch->p) + ": " + verdict(c.welch->p);
    if (c.anova)
        s += " Eta-squared = " + num(c.anova->eta_squared, 3) + ", a " +
             size_word_eta(c.anova->eta_squared) +
             " effect (Cohen 1988: .01 small, .06 medium, .14 large).";
    if (c.cluster_groups) return s;
    s += pairs_text(c);
    if (c.pooled) s += " Ratings were pooled, so these tests overstate significance.";
    return s;
}

} // namespace

std::string reading(const GroupComparison& c) {
    std::string s = c.two ? two_groups(c) : k_groups(c);
    return s + left_out_text(c);
}

CrosstabTests test_crosstab(const Crosstab& t, const guides::Instrument& inst) {
    CrosstabTests out;
    out.row_totals.assign(t.rows.size(), 0);
    out.column_totals.assign(t.columns.size(), 0);
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            out.row_totals[r] += t.counts[r][c];
            out.column_totals[c] += t.counts[r][c];
            out.total += t.counts[r][c];
        }
    // The test uses the given answers: no "(not given)" row or column, no empty row or column.
    std::vector<std::size_t> rows, cols;
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        if (t.rows[r] != "(not given)" && out.row_totals[r] > 0) rows.push_back(r);
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        if (t.columns[c] != "(not given)" && out.column_totals[c] > 0) cols.push_back(c);
    if (rows.size() < 2 || cols.size() < 2) {
        out.note = "No test: fewer than two answered values on one side.";
        return out;
    }
    stats::CountTable table;
    for (auto r : rows) {
        table.emplace_back();
        for (auto c : cols)
            table.back().push_back(double(t.counts[r][c]));
    }
    out.chi_square = stats::chi_square(table);
    bool two_by_two = rows.size() == 2 && cols.size() == 2;
    if (two_by_two) {
        auto u = [&](std::size_t r, std::size_t c) { return unsigned(table[r][c]); };
        out.fisher = stats::fisher_exact(u(0, 0), u(0, 1), u(1, 0), u(1, 1));
    }
    if (!out.chi_square->expected_ok)
        out.note = two_by_two ? "Expected counts are small: read Fisher's exact test, not the "
                                "chi-square."
                              : "Expected counts are small (below 5 in " +
                                    std::to_string(out.chi_square->cells_below_5) +
                                    " cells): the chi-square p is unreliable, and Fisher's exact "
                                    "test is computed here for 2x2 tables only.";
    double p = out.fisher ? out.fisher->p_two_sided : out.chi_square->p;
    if (p < 0.05) {
        const auto* ra = inst.attribute(t.row_attribute);
        const auto* ca = inst.attribute(t.column_attribute);
        std::string row = ra ? ra->label : t.row_attribute;
        std::string col = ca ? ca->label : t.column_attribute;
        out.caution = row + " is associated with " + col + " (" +
                      (out.fisher ? "Fisher's exact " : "chi-square ") + p_text(p) +
                      ", Cram\u00e9r's V = " + num(out.chi_square->cramers_v) +
                      "): a difference between " + col + " groups may partly reflect " + row +
                      " (confounding).";
    }
    return out;
}

std::vector<TestedCrosstab> tested_crosstabs(const store::SurveyData& data, const std::string& by) {
    return tested_crosstabs(make_table(data), by);
}

std::vector<TestedCrosstab> tested_crosstabs(const SurveyTable& table, const std::string& by) {
    std::vector<TestedCrosstab> out;
    const auto& inst = table.data->instrument;
    for (auto& t : crosstabs(table, by)) {
        auto tests = test_crosstab(t, inst);
        auto text = reading(t, tests, inst);
        out.push_back({std::move(t), std::move(tests), std::move(text)});
    }
    return out;
}

std::string reading(const Crosstab& t, const CrosstabTests& tests, const guides::Instrument& inst) {
    if (t.rows.empty() || t.columns.empty()) return "";
    const auto* ra = inst.attribute(t.row_attribute);
    std::string row = ra ? ra->label : t.row_attribute;
    std::string s = row + " " + curly(t.rows[0]) + ": ";
    std::string each;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        if (tests.column_totals[c] == 0) continue;
        double pct = 100.0 * double(t.counts[0][c]) / double(tests.column_totals[c]);
        each += (each.empty() ? "" : ", ") + num(pct, 0) + "% of " + curly(t.columns[c]) + " (" +
                std::to_string(t.counts[0][c]) + " of " + std::to_string(tests.column_totals[c]) +
                ")";
    }
    s += each + ".";
    if (!tests.caution.empty())
        s += " " + tests.caution;
    else if (tests.chi_square)
        s += " No association is shown (" +
             p_text(tests.fisher ? tests.fisher->p_two_sided : tests.chi_square->p) + ").";
    return s;
}

} // namespace convene::exporting
