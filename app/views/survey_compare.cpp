// Surveys > compare: two groups of respondents (by an attribute) on a construct, an item or all
// items, per respondent or with all ratings pooled; and the crosstab of the attributes.
#include "app/ui_probe.hpp"
#include "app/views/survey_panels.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

namespace convene::app {

void SurveyComparePanel::recompute(const SurveyModel& m) {
    dirty_ = false;
    result_.reset();
    error_.clear();
    crosstabs_.clear();
    if (attribute_.empty()) return;
    try {
        result_ = exporting::compare_groups(
            m.table, {attribute_, groups_, construct_, item_,
                      item_unit_ ? exporting::Unit::Item : exporting::Unit::Respondent});
    } catch (const std::exception& e) {
        error_ = e.what();
    }
    try {
        crosstabs_ = exporting::crosstabs(m.data, attribute_);
    } catch (const std::exception&) {
    }
}

void SurveyComparePanel::draw(const SurveyModel& m) {
    const auto& inst = m.data.instrument;
    if (m.generation != last_generation_) dirty_ = true;
    last_generation_ = m.generation;
    if (attribute_.empty() && !inst.attributes.empty()) {
        attribute_ = inst.attributes.front().id;
        dirty_ = true;
    }
    const auto* attr = inst.attribute(attribute_);
    float w = ImGui::GetFontSize() * 14;
    ImGui::SetNextItemWidth(w);
    if (ImGui::BeginCombo("Groups by", attr ? attr->label.c_str() : "")) {
        for (const auto& a : inst.attributes)
            if (ImGui::Selectable(a.label.c_str(), a.id == attribute_)) {
                attribute_ = a.id;
                groups_.clear();
                dirty_ = true;
            }
        ImGui::EndCombo();
    }
    probe("surveys.compare.by");
    attr = inst.attribute(attribute_);
    if (attr && attr->choices.size() > 2) {
        if (groups_.size() != 2) groups_ = {attr->choices[0], attr->choices[1]};
        for (int k = 0; k < 2; ++k) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
            ImGui::PushID(k);
            if (ImGui::BeginCombo(k == 0 ? "vs" : "##b", groups_[std::size_t(k)].c_str())) {
                for (const auto& c : attr->choices)
                    if (ImGui::Selectable(c.c_str(), c == groups_[std::size_t(k)])) {
                        groups_[std::size_t(k)] = c;
                        dirty_ = true;
                    }
                ImGui::EndCombo();
            }
            ImGui::PopID();
        }
    } else if (!groups_.empty()) {
        groups_.clear();
        dirty_ = true;
    }
    std::string target = !item_.empty()        ? "Item: " + item_
                         : !construct_.empty() ? "Construct: " + construct_
                                               : "All Likert items";
    ImGui::SetNextItemWidth(w);
    if (ImGui::BeginCombo("Compare", target.c_str())) {
        if (ImGui::Selectable("All Likert items", construct_.empty() && item_.empty())) {
            construct_.clear();
            item_.clear();
            dirty_ = true;
        }
        for (const auto& c : inst.constructs)
            if (ImGui::Selectable(("Construct: " + c.label).c_str(), c.id == construct_)) {
                construct_ = c.id;
                item_.clear();
                dirty_ = true;
            }
        for (const auto* item : m.table.items)
            if (ImGui::Selectable(("Item: " + item->id).c_str(), item->id == item_)) {
                item_ = item->id;
                construct_.clear();
                dirty_ = true;
            }
        ImGui::EndCombo();
    }
    probe("surveys.compare.target");
    ImGui::SameLine();
    if (ImGui::RadioButton("per respondent", !item_unit_)) {
        item_unit_ = false;
        dirty_ = true;
    }
    ImGui::SameLine();
    if (ImGui::RadioButton("all ratings pooled", item_unit_)) {
        item_unit_ = true;
        dirty_ = true;
    }
    probe("surveys.compare.pooled");
    if (dirty_) recompute(m);

    if (!error_.empty()) {
        widgets::wrapped(error_.c_str());
    } else if (result_) {
        const auto& s = result_->student;
        const auto& wt = result_->welch;
        const auto& mw = result_->mann_whitney;
        if (ImGui::BeginTable("##groups", 4,
                              ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
            for (const char* h : {"Group", "n", "Mean", "SD"})
                ImGui::TableSetupColumn(h);
            ImGui::TableHeadersRow();
            auto row = [](const std::string& g, std::size_t n, double mean, double sd) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(g.c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%zu", n);
                ImGui::TableNextColumn();
                ImGui::Text("%.3f", mean);
                ImGui::TableNextColumn();
                ImGui::Text("%.3f", sd);
            };
            row(result_->group_a, s.n1, s.mean1, s.sd1);
            row(result_->group_b, s.n2, s.mean2, s.sd2);
            ImGui::EndTable();
        }
        if (ImGui::BeginTable("##tests", 5,
                              ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
            for (const char* h : {"Test", "Statistic", "df", "p (two-sided)", "Difference, 95% CI"})
                ImGui::TableSetupColumn(h);
            ImGui::TableHeadersRow();
            auto t_row = [](const char* name, const exporting::stats::TTest& t) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(name);
                ImGui::TableNextColumn();
                ImGui::Text("t = %.4f", t.t);
                ImGui::TableNextColumn();
                ImGui::Text("%.5g", t.df);
                ImGui::TableNextColumn();
                ImGui::Text("%.3g", t.p_two_sided);
                ImGui::TableNextColumn();
                ImGui::Text("%.3f [%.3f, %.3f]", t.mean_diff, t.ci_low, t.ci_high);
            };
            t_row("Student's t", s);
            t_row("Welch's t", wt);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted("Mann-Whitney U");
            ImGui::TableNextColumn();
            ImGui::Text("U = %.1f (z = %.3f)", mw.u, mw.z);
            ImGui::TableNextColumn();
            ImGui::TableNextColumn();
            ImGui::Text("%.3g", mw.p_two_sided);
            ImGui::TableNextColumn();
            ImGui::Text("rank-biserial r = %.3f", mw.rank_biserial);
            ImGui::EndTable();
        }
        probe("surveys.compare.result");
        ImGui::Text("Effect size: Cohen's d = %.3f, Hedges' g = %.3f", s.cohens_d, s.hedges_g);
    }
    for (const auto& t : crosstabs_) {
        ImGui::Spacing();
        const auto* row_attr = inst.attribute(t.row_attribute);
        ImGui::TextDisabled("%s by %s",
                            row_attr ? row_attr->label.c_str() : t.row_attribute.c_str(),
                            attr ? attr->label.c_str() : t.column_attribute.c_str());
        ImGui::PushID(t.row_attribute.c_str());
        if (ImGui::BeginTable("##crosstab", int(t.columns.size()) + 2,
                              ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders)) {
            ImGui::TableSetupColumn("");
            for (const auto& c : t.columns)
                ImGui::TableSetupColumn(c.c_str());
            ImGui::TableSetupColumn("Total");
            ImGui::TableHeadersRow();
            for (std::size_t r = 0; r < t.rows.size(); ++r) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(t.rows[r].c_str());
                std::size_t total = 0;
                for (auto n : t.counts[r]) {
                    ImGui::TableNextColumn();
                    ImGui::Text("%zu", n);
                    total += n;
                }
                ImGui::TableNextColumn();
                ImGui::Text("%zu", total);
            }
            ImGui::EndTable();
        }
        ImGui::PopID();
    }
}

} // namespace convene::app
