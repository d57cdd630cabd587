// The tables of Surveys > compare: groups, tests (the pooled warning and the cluster-robust rows
// beside the pooled tests), pairwise follow-ups, the plain reading; crosstabs with totals, column
// percentages and their tests. A figure too wide for its cell shows whole in a tooltip.
#include "app/ui_probe.hpp"
#include "app/views/survey_panels.hpp"
#include "app/widgets.hpp"

#include <cstdarg>
#include <cstdio>
#include <imgui.h>

namespace convene::app {
namespace {

namespace stats = exporting::stats;
const ImVec4 kWarning{0.95f, 0.65f, 0.2f, 1.0f};

// One table cell of formatted text, whole in a tooltip when the column is narrower than it.
[[gnu::format(printf, 1, 2)]] void cell(const char* fmt, ...) {
    char buf[512];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    ImGui::TableNextColumn();
    bool cut = ImGui::CalcTextSize(buf).x > ImGui::GetContentRegionAvail().x;
    ImGui::TextUnformatted(buf);
    if (cut && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", buf);
}

bool begin_table(const char* id, std::initializer_list<const char*> headers) {
    if (!ImGui::BeginTable(id, int(headers.size()),
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                               ImGuiTableFlags_SizingFixedFit))
        return false;
    for (const char* h : headers)
        ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    return true;
}

void t_row(const char* name, const stats::TTest& t, const char* probe_name) {
    ImGui::TableNextRow();
    cell("%s", name);
    probe(probe_name);
    cell("t = %.4f", t.t);
    cell("%.5g", t.df);
    cell("%.3g", t.p_two_sided);
    cell("%.3f [%.3f, %.3f]", t.mean_diff, t.ci_low, t.ci_high);
    cell("d = %.3f, g = %.3f", t.cohens_d, t.hedges_g);
}

void draw_groups_table(const exporting::GroupComparison& r) {
    if (!begin_table("##groups", {"Group", "Respondents", "Left out (missing)",
                                  r.pooled ? "Ratings" : "n", "Mean", "SD"}))
        return;
    for (const auto& g : r.groups) {
        ImGui::TableNextRow();
        cell("%s", g.name.c_str());
        cell("%zu", g.respondents);
        cell("%zu", g.left_out);
        cell("%zu", g.n);
        cell("%.3f", g.stats.mean);
        cell("%.3f", g.stats.sd);
    }
    ImGui::EndTable();
}

void draw_two_group_rows(const exporting::GroupComparison& r) {
    const auto& two = *r.two;
    t_row(r.pooled ? "Student's t (ratings pooled)" : "Student's t", two.student,
          "surveys.compare.row.student");
    t_row(r.pooled ? "Welch's t (ratings pooled)" : "Welch's t", two.welch,
          "surveys.compare.row.welch");
    ImGui::TableNextRow();
    cell("Mann-Whitney U");
    cell("U = %.1f (z = %.3f)", two.mann_whitney.u, two.mann_whitney.z);
    cell("%s", "");
    cell("%.3g", two.mann_whitney.p_two_sided);
    cell("%s", "");
    cell("rank-biserial r = %.3f", two.mann_whitney.rank_biserial);
    if (const auto& c = r.cluster) {
        ImGui::TableNextRow();
        cell("Cluster-robust (respondents)");
        probe("surveys.compare.row.cluster");
        cell("t = %.4f", c->t);
        cell("%.5g", c->df);
        cell("%.3g", c->p_two_sided);
        cell("%.3f [%.3f, %.3f]", c->difference, c->ci_low, c->ci_high);
        cell("SE = %.4f, %zu clusters", c->se, c->clusters);
    }
}

void draw_k_group_rows(const exporting::GroupComparison& r) {
    if (const auto& a = r.anova) {
        ImGui::TableNextRow();
        cell("%s", r.pooled ? "One-way ANOVA (ratings pooled)" : "One-way ANOVA");
        probe("surveys.compare.row.anova");
        cell("F = %.4f", a->f);
        cell("%.0f, %.0f", a->df_between, a->df_within);
        cell("%.3g", a->p);
        cell("%s", "");
        cell("eta\xc2\xb2 = %.3f, omega\xc2\xb2 = %.3f", a->eta_squared, a->omega_squared);
    }
    if (const auto& w = r.welch) {
        ImGui::TableNextRow();
        cell("%s", r.pooled ? "Welch's ANOVA (ratings pooled)" : "Welch's ANOVA");
        probe("surveys.compare.row.welch_anova");
        cell("F = %.4f", w->f);
        cell("%.0f, %.4g", w->df1, w->df2);
        cell("%.3g", w->p);
        cell("%s", "");
        cell("%s", "");
    }
    if (const auto& k = r.kruskal) {
        ImGui::TableNextRow();
        cell("%s", r.pooled ? "Kruskal-Wallis (ratings pooled)" : "Kruskal-Wallis");
        probe("surveys.compare.row.kruskal");
        cell("H = %.4f", k->h);
        cell("%.0f", k->df);
        cell("%.3g", k->p);
        cell("%s", "");
        cell("epsilon\xc2\xb2 = %.3f", k->epsilon_squared);
    }
}

// Pooled ratings of three or more groups: the joint test and each group against the first, with
// respondents as clusters.
void draw_cluster_rows(const exporting::GroupComparison& r) {
    const auto& cr = *r.cluster_groups;
    ImGui::TableNextRow();
    cell("Cluster-robust Wald (respondents)");
    probe("surveys.compare.row.cluster_wald");
    cell("F = %.4f", cr.f);
    cell("%.0f, %.0f", cr.df1, cr.df2);
    cell("%.3g", cr.p);
    cell("%s", "");
    cell("%zu clusters", cr.clusters);
    for (std::size_t j = 0; j < cr.contrasts.size(); ++j) {
        const auto& c = cr.contrasts[j];
        const auto& a = r.groups[j + 1].name;
        const auto& b = r.groups[0].name;
        ImGui::TableNextRow();
        cell("Cluster-robust: %s - %s", a.c_str(), b.c_str());
        probe("surveys.compare.cluster." + a + "." + b);
        cell("t = %.4f", c.t);
        cell("%.5g", c.df);
        cell("%.3g", c.p_two_sided);
        cell("%.3f [%.3f, %.3f]", c.difference, c.ci_low, c.ci_high);
        cell("SE = %.4f", c.se);
    }
}

void draw_pairwise(const exporting::GroupComparison& r) {
    if (r.pairwise.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    widgets::wrapped("Pairwise: Welch's t, p adjusted by Holm's method. (Games-Howell would need "
                     "the studentized range distribution, which Boost.Math does not provide.)");
    ImGui::PopStyleColor();
    if (!begin_table("##pairwise",
                     {"Pair", "Difference, 95% CI", "t", "df", "p", "p (Holm)", "Hedges' g"}))
        return;
    for (const auto& p : r.pairwise) {
        const auto& a = r.groups[p.a].name;
        const auto& b = r.groups[p.b].name;
        ImGui::TableNextRow();
        cell("%s - %s", a.c_str(), b.c_str());
        probe("surveys.compare.pairwise." + a + "." + b);
        cell("%.3f [%.3f, %.3f]", p.welch.mean_diff, p.welch.ci_low, p.welch.ci_high);
        cell("%.3f", p.welch.t);
        cell("%.4g", p.welch.df);
        cell("%.3g", p.welch.p_two_sided);
        cell("%.3g", p.p_holm);
        cell("%.3f", p.welch.hedges_g);
    }
    ImGui::EndTable();
}

} // namespace

void draw_group_comparison(const exporting::GroupComparison& r, const std::string& reading) {
    draw_groups_table(r);
    if (r.pooled) {
        ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
        widgets::wrapped(r.pooled_warning.c_str());
        ImGui::PopStyleColor();
        probe("surveys.compare.pooled_warning", r.pooled_warning);
    }
    if (begin_table("##tests", {"Test", "Statistic", "df", "p (two-sided)", "Difference, 95% CI",
                                "Effect size"})) {
        if (r.two) draw_two_group_rows(r);
        draw_k_group_rows(r);
        if (r.cluster_groups) draw_cluster_rows(r);
        ImGui::EndTable();
    }
    probe("surveys.compare.result");
    draw_pairwise(r);
    for (const auto& n : r.notes)
        widgets::wrapped(n.c_str());
    ImGui::Spacing();
    widgets::wrapped(reading.c_str());
    probe("surveys.compare.reading", reading);
}

void draw_tested_crosstab(const guides::Instrument& inst, const exporting::Crosstab& t,
                          const exporting::CrosstabTests& tests, const std::string& reading) {
    ImGui::Spacing();
    const auto* row_attr = inst.attribute(t.row_attribute);
    const auto* col_attr = inst.attribute(t.column_attribute);
    ImGui::TextDisabled("%s by %s (count, column %%)",
                        row_attr ? row_attr->label.c_str() : t.row_attribute.c_str(),
                        col_attr ? col_attr->label.c_str() : t.column_attribute.c_str());
    ImGui::PushID(t.row_attribute.c_str());
    auto pct = [](std::size_t n, std::size_t of) {
        return of ? 100.0 * double(n) / double(of) : 0.0;
    };
    if (ImGui::BeginTable("##crosstab", int(t.columns.size()) + 2,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders)) {
        ImGui::TableSetupColumn("");
        for (const auto& c : t.columns)
            ImGui::TableSetupColumn(c.c_str());
        ImGui::TableSetupColumn("Total");
        ImGui::TableHeadersRow();
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            ImGui::TableNextRow();
            cell("%s", t.rows[r].c_str());
            for (std::size_t c = 0; c < t.columns.size(); ++c)
                cell("%zu (%.0f%%)", t.counts[r][c], pct(t.counts[r][c], tests.column_totals[c]));
            cell("%zu (%.0f%%)", tests.row_totals[r], pct(tests.row_totals[r], tests.total));
        }
        ImGui::TableNextRow();
        cell("Total");
        for (auto n : tests.column_totals)
            cell("%zu", n);
        cell("%zu", tests.total);
        ImGui::EndTable();
    }
    std::string line;
    char buf[256];
    if (const auto& c = tests.chi_square) {
        std::snprintf(buf, sizeof buf,
                      "Chi-square(%.0f) = %.3f, p = %.3g, Cram\xc3\xa9r's V = %.3f", c->df, c->chi2,
                      c->p, c->cramers_v);
        line = buf;
    }
    if (const auto& f = tests.fisher) {
        std::snprintf(buf, sizeof buf, "; Fisher's exact p = %.3g", f->p_two_sided);
        line += buf;
    }
    if (!line.empty()) ImGui::TextUnformatted(line.c_str());
    probe("surveys.crosstab." + t.row_attribute + ".tests", line);
    if (!tests.note.empty()) widgets::wrapped(tests.note.c_str());
    if (!tests.caution.empty()) ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
    widgets::wrapped(reading.c_str());
    if (!tests.caution.empty()) ImGui::PopStyleColor();
    ImGui::PopID();
}

} // namespace convene::app
