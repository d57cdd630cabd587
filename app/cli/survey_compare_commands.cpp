// convene-cli survey compare (k >= 2 groups: t tests for two, ANOVA, Welch's ANOVA,
// Kruskal-Wallis and pairwise Welch + Holm for more; the cluster-robust row when ratings are
// pooled; a plain reading) and survey crosstab (counts, totals, chi-square, Fisher's exact test).
#include "app/cli/context.hpp"
#include "app/cli/survey_common.hpp"
#include "export/survey_comparison.hpp"
#include "store/surveys.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>

namespace convene::cli {
namespace {

using nlohmann::ordered_json;
namespace stats = exporting::stats;

struct CompareArgs {
    std::string id, by, construct, item, unit = "respondent";
    std::vector<std::string> groups;
};

ordered_json ttest_json(const stats::TTest& t) {
    return {{"t", t.t},
            {"df", t.df},
            {"p", t.p_two_sided},
            {"mean_difference", t.mean_diff},
            {"ci95", {t.ci_low, t.ci_high}},
            {"cohens_d", t.cohens_d},
            {"hedges_g", t.hedges_g}};
}

ordered_json comparison_json(const std::string& id, const exporting::GroupComparison& c) {
    ordered_json j;
    j["instrument"] = id;
    j["attribute"] = c.attribute;
    j["target"] = c.target;
    j["unit"] = c.pooled ? "item" : "respondent";
    j["groups"] = ordered_json::array();
    for (const auto& g : c.groups)
        j["groups"].push_back({{"value", g.name},
                               {"n", g.n},
                               {"mean", g.stats.mean},
                               {"sd", g.stats.sd},
                               {"respondents", g.respondents},
                               {"left_out", g.left_out}});
    if (c.two) {
        j["student"] = ttest_json(c.two->student);
        j["welch"] = ttest_json(c.two->welch);
        const auto& mw = c.two->mann_whitney;
        j["mann_whitney"] = {
            {"u", mw.u}, {"z", mw.z}, {"p", mw.p_two_sided}, {"rank_biserial", mw.rank_biserial}};
    }
    if (c.pooled) j["pooled_warning"] = c.pooled_warning;
    if (c.cluster)
        j["cluster_robust"] = {{"difference", c.cluster->difference},
                               {"se", c.cluster->se},
                               {"t", c.cluster->t},
                               {"df", c.cluster->df},
                               {"p", c.cluster->p_two_sided},
                               {"ci95", {c.cluster->ci_low, c.cluster->ci_high}},
                               {"clusters", c.cluster->clusters}};
    if (const auto& cr = c.cluster_groups) {
        ordered_json contrasts = ordered_json::array();
        for (std::size_t k = 0; k < cr->contrasts.size(); ++k) {
            const auto& d = cr->contrasts[k];
            contrasts.push_back({{"group", c.groups[k + 1].name},
                                 {"difference", d.difference},
                                 {"se", d.se},
                                 {"t", d.t},
                                 {"df", d.df},
                                 {"p", d.p_two_sided},
                                 {"ci95", {d.ci_low, d.ci_high}}});
        }
        j["cluster_robust_groups"] = {{"reference", c.groups[0].name}, {"f", cr->f},
                                      {"df", {cr->df1, cr->df2}},      {"p", cr->p},
                                      {"clusters", cr->clusters},      {"contrasts", contrasts}};
    }
    if (c.anova)
        j["anova"] = {{"f", c.anova->f},
                      {"df", {c.anova->df_between, c.anova->df_within}},
                      {"p", c.anova->p},
                      {"eta_squared", c.anova->eta_squared},
                      {"omega_squared", c.anova->omega_squared}};
    if (c.welch)
        j["welch_anova"] = {
            {"f", c.welch->f}, {"df", {c.welch->df1, c.welch->df2}}, {"p", c.welch->p}};
    if (c.kruskal)
        j["kruskal_wallis"] = {{"h", c.kruskal->h},
                               {"df", c.kruskal->df},
                               {"p", c.kruskal->p},
                               {"epsilon_squared", c.kruskal->epsilon_squared}};
    j["pairwise"] = ordered_json::array();
    for (const auto& p : c.pairwise) {
        auto w = ttest_json(p.welch);
        w["a"] = c.groups[p.a].name;
        w["b"] = c.groups[p.b].name;
        w["p_holm"] = p.p_holm;
        j["pairwise"].push_back(w);
    }
    j["notes"] = c.notes;
    j["reading"] = exporting::reading(c);
    return j;
}

void print_two(std::ostream& out, const exporting::GroupComparison& c) {
    const auto& s = c.two->student;
    const auto& w = c.two->welch;
    const auto& mw = c.two->mann_whitney;
    out << "Student's t(" << num(s.df, 6) << ") = " << num(s.t, 5)
        << ", p = " << num(s.p_two_sided, 3) << "; difference " << num(s.mean_diff) << ", 95% CI ["
        << num(s.ci_low) << ", " << num(s.ci_high) << "]\n"
        << "Welch's t(" << num(w.df, 5) << ") = " << num(w.t, 5)
        << ", p = " << num(w.p_two_sided, 3) << "; 95% CI [" << num(w.ci_low) << ", "
        << num(w.ci_high) << "]\n"
        << "Cohen's d = " << num(s.cohens_d, 3) << ", Hedges' g = " << num(s.hedges_g, 3) << "\n"
        << "Mann-Whitney U = " << num(mw.u, 8) << ", z = " << num(mw.z, 4)
        << ", p = " << num(mw.p_two_sided, 3) << "\n";
    if (c.cluster)
        out << "Cluster-robust (respondents as clusters): difference " << num(c.cluster->difference)
            << ", SE " << num(c.cluster->se) << ", t(" << num(c.cluster->df, 6)
            << ") = " << num(c.cluster->t, 5) << ", p = " << num(c.cluster->p_two_sided, 3)
            << ", 95% CI [" << num(c.cluster->ci_low) << ", " << num(c.cluster->ci_high) << "]\n";
}

void print_k(std::ostream& out, const exporting::GroupComparison& c) {
    if (c.anova)
        out << "One-way ANOVA: F(" << num(c.anova->df_between) << ", " << num(c.anova->df_within)
            << ") = " << num(c.anova->f, 5) << ", p = " << num(c.anova->p, 3)
            << "; eta-squared = " << num(c.anova->eta_squared, 3)
            << ", omega-squared = " << num(c.anova->omega_squared, 3) << "\n";
    if (c.welch)
        out << "Welch's ANOVA: F(" << num(c.welch->df1) << ", " << num(c.welch->df2, 5)
            << ") = " << num(c.welch->f, 5) << ", p = " << num(c.welch->p, 3) << "\n";
    if (c.kruskal)
        out << "Kruskal-Wallis H(" << num(c.kruskal->df) << ") = " << num(c.kruskal->h, 5)
            << ", p = " << num(c.kruskal->p, 3) << "\n";
    if (const auto& cr = c.cluster_groups) {
        out << "Cluster-robust (respondents as clusters): Wald F(" << num(cr->df1) << ", "
            << num(cr->df2) << ") = " << num(cr->f, 5) << ", p = " << num(cr->p, 3) << "\n";
        for (std::size_t k = 0; k < cr->contrasts.size(); ++k) {
            const auto& d = cr->contrasts[k];
            out << "  " << c.groups[k + 1].name << " - " << c.groups[0].name << ": difference "
                << num(d.difference) << ", SE " << num(d.se) << ", t(" << num(d.df, 6)
                << ") = " << num(d.t, 5) << ", p = " << num(d.p_two_sided, 3) << ", 95% CI ["
                << num(d.ci_low) << ", " << num(d.ci_high) << "]\n";
        }
    }
    if (!c.pairwise.empty()) out << "Pairwise Welch t, p adjusted by Holm:\n";
    for (const auto& p : c.pairwise)
        out << "  " << c.groups[p.a].name << " - " << c.groups[p.b].name << ": difference "
            << num(p.welch.mean_diff) << ", 95% CI [" << num(p.welch.ci_low) << ", "
            << num(p.welch.ci_high) << "], t(" << num(p.welch.df, 5) << ") = " << num(p.welch.t)
            << ", p = " << num(p.welch.p_two_sided, 3) << ", Holm p = " << num(p.p_holm, 3) << "\n";
}

int compare(Context& ctx, const CompareArgs& a) {
    if (a.unit != "respondent" && a.unit != "item")
        throw CommandError("--unit is respondent or item, not \"" + a.unit + "\"");
    if (!a.construct.empty() && !a.item.empty())
        throw CommandError("give --scale or --item, not both");
    require_instrument(ctx, a.id);
    auto data = store::load_survey(ctx.workspace(), a.id);
    auto table = exporting::make_table(data);
    exporting::CompareRequest req{a.by, a.groups, a.construct, a.item,
                                  a.unit == "item" ? exporting::Unit::Item
                                                   : exporting::Unit::Respondent};
    exporting::GroupComparison c;
    try {
        c = exporting::compare_k_groups(table, req);
    } catch (const std::invalid_argument& e) {
        throw CommandError(e.what());
    }
    if (ctx.json) {
        ctx.out << comparison_json(a.id, c).dump(2) << "\n";
        return 0;
    }
    ctx.out << "Comparing " << c.target << " by " << c.attribute
            << " (unit: " << (c.pooled ? "item" : "respondent") << ")\n";
    for (const auto& g : c.groups)
        ctx.out << "  " << g.name << ": n = " << g.n << ", mean " << num(g.stats.mean) << ", SD "
                << num(g.stats.sd) << (g.left_out ? ", left out " : "")
                << (g.left_out ? std::to_string(g.left_out) : "") << "\n";
    if (c.two) print_two(ctx.out, c);
    print_k(ctx.out, c);
    if (c.pooled) ctx.out << "Warning: " << c.pooled_warning << "\n";
    for (const auto& n : c.notes)
        ctx.out << "Note: " << n << "\n";
    ctx.out << "\n" << exporting::reading(c) << "\n";
    return 0;
}

ordered_json crosstab_json(const exporting::Crosstab& t, const exporting::CrosstabTests& tests,
                           const guides::Instrument& inst) {
    ordered_json j{{"rows", t.row_attribute},
                   {"columns", t.column_attribute},
                   {"row_values", t.rows},
                   {"column_values", t.columns},
                   {"counts", t.counts},
                   {"row_totals", tests.row_totals},
                   {"column_totals", tests.column_totals},
                   {"total", tests.total}};
    if (tests.chi_square)
        j["chi_square"] = {{"chi2", tests.chi_square->chi2},
                           {"df", tests.chi_square->df},
                           {"p", tests.chi_square->p},
                           {"cramers_v", tests.chi_square->cramers_v},
                           {"min_expected", tests.chi_square->min_expected},
                           {"expected_ok", tests.chi_square->expected_ok}};
    if (tests.fisher)
        j["fisher_exact"] = {{"p", tests.fisher->p_two_sided},
                             {"odds_ratio", tests.fisher->odds_ratio}};
    j["note"] = tests.note;
    j["caution"] = tests.caution;
    j["reading"] = exporting::reading(t, tests, inst);
    return j;
}

std::string pad(std::string s, std::size_t width) {
    if (s.size() < width) s.insert(0, width - s.size(), ' ');
    return s;
}

// Each cell as "count (column %)", then the row total; a line of column totals.
void print_crosstab(std::ostream& out, const exporting::Crosstab& t,
                    const exporting::CrosstabTests& tests, const guides::Instrument& inst) {
    out << "\n" << t.row_attribute << " by " << t.column_attribute << " (column %)\n";
    std::size_t w = 16;
    out << std::string(w, ' ');
    for (const auto& c : t.columns)
        out << "  " << pad(c, 14);
    out << "  " << pad("total", 10) << "\n";
    auto cell = [](std::size_t n, std::size_t of) {
        return std::to_string(n) + " (" + num(of ? 100.0 * double(n) / double(of) : 0.0, 3) + "%)";
    };
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        std::string label = t.rows[r];
        label.resize(std::max(label.size(), w), ' ');
        out << label;
        for (std::size_t c = 0; c < t.columns.size(); ++c)
            out << "  "
                << pad(cell(t.counts[r][c], tests.column_totals[c]),
                       std::max<std::size_t>(t.columns[c].size(), 14));
        out << "  " << pad(cell(tests.row_totals[r], tests.total), 10) << "\n";
    }
    out << std::string("total").append(w - 5, ' ');
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        out << "  "
            << pad(std::to_string(tests.column_totals[c]),
                   std::max<std::size_t>(t.columns[c].size(), 14));
    out << "  " << pad(std::to_string(tests.total), 10) << "\n";
    if (tests.chi_square)
        out << "Chi-square(" << num(tests.chi_square->df)
            << ") = " << num(tests.chi_square->chi2, 5) << ", p = " << num(tests.chi_square->p, 3)
            << ", Cramer's V = " << num(tests.chi_square->cramers_v, 3)
            << ", smallest expected count " << num(tests.chi_square->min_expected, 3) << "\n";
    if (tests.fisher)
        out << "Fisher's exact test: p = " << num(tests.fisher->p_two_sided, 3) << ", odds ratio "
            << num(tests.fisher->odds_ratio, 4) << "\n";
    if (!tests.note.empty()) out << "Note: " << tests.note << "\n";
    out << exporting::reading(t, tests, inst) << "\n";
}

int crosstab(Context& ctx, const std::string& id, const std::string& by) {
    require_instrument(ctx, id);
    auto loaded = exporting::load_for_analysis(ctx.workspace(), id);
    const auto& data = *loaded.data;
    std::vector<exporting::Crosstab> tables;
    try {
        tables = exporting::crosstabs(loaded.table, by);
    } catch (const std::invalid_argument& e) {
        throw CommandError(e.what());
    }
    ordered_json a = ordered_json::array();
    for (const auto& t : tables) {
        auto tests = exporting::test_crosstab(t, data.instrument);
        if (ctx.json)
            a.push_back(crosstab_json(t, tests, data.instrument));
        else
            print_crosstab(ctx.out, t, tests, data.instrument);
    }
    if (ctx.json) ctx.out << a.dump(2) << "\n";
    return 0;
}

} // namespace

void add_survey_compare_commands(CLI::App& survey, Context& ctx) {
    auto cmp = std::make_shared<CompareArgs>();
    auto* compare_cmd =
        survey.add_subcommand("compare", "Compare groups of respondents (two or more)");
    compare_cmd->add_option("ID", cmp->id, "Instrument id")->required();
    compare_cmd->add_option("--by", cmp->by, "Respondent attribute that defines the groups")
        ->required();
    compare_cmd->add_option("--groups", cmp->groups,
                            "The attribute values to compare (two or more; default: all)");
    compare_cmd->add_option("--scale", cmp->construct, "Construct (scale) to compare");
    compare_cmd->add_option("--item", cmp->item, "Item to compare");
    compare_cmd->add_option("--unit", cmp->unit, "respondent (scores) or item (all ratings pooled)")
        ->capture_default_str();
    compare_cmd->callback([&ctx, cmp] { ctx.action = [&ctx, cmp] { return compare(ctx, *cmp); }; });

    auto id = std::make_shared<std::string>();
    auto by = std::make_shared<std::string>();
    auto* crosstab_cmd = survey.add_subcommand(
        "crosstab", "Respondents by attribute, as tables with totals and tests of association");
    crosstab_cmd->add_option("ID", *id, "Instrument id")->required();
    crosstab_cmd->add_option("--by", *by, "Attribute for the columns")->required();
    crosstab_cmd->callback(
        [&ctx, id, by] { ctx.action = [&ctx, id, by] { return crosstab(ctx, *id, *by); }; });
}

} // namespace convene::cli
