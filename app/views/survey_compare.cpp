// Surveys > compare: two or more groups of respondents (by an attribute) on a construct, an item
// or all items, per respondent or with all ratings pooled, read out in plain words; and the
// crosstabs of the attributes with their tests. The tables are drawn in survey_compare_tables.cpp.
#include "app/ui_probe.hpp"
#include "app/views/survey_panels.hpp"
#include "app/widgets.hpp"

#include <algorithm>
#include <imgui.h>
#include <utility>

namespace convene::app {

SurveyComparePanel::Computed SurveyComparePanel::compute(const SurveyModel& m,
                                                         const exporting::CompareRequest& req) {
    Computed out;
    out.generation = m.generation;
    if (req.attribute.empty()) return out;
    try {
        out.result = exporting::compare_k_groups(m.table, req);
        out.reading = exporting::reading(*out.result);
    } catch (const std::exception& e) {
        out.error = e.what();
    }
    try {
        out.crosstabs = exporting::tested_crosstabs(m.table, req.attribute);
    } catch (const std::exception&) {
    }
    return out;
}

void SurveyComparePanel::collect() {
    waiting_ = job_.running();
    if (waiting_) return;
    if (auto done = job_.take_result()) shown_ = std::move(*done);
    if (auto e = job_.take_error(); !e.empty()) shown_ = Computed{last_generation_, {}, {}, e, {}};
}

void SurveyComparePanel::act() {
    if (!pending_ || job_.running()) return;
    exporting::CompareRequest req{attribute_, groups_, construct_, item_,
                                  item_unit_ ? exporting::Unit::Item : exporting::Unit::Respondent};
    job_.run([model = std::move(pending_), req](JobProgress&) { return compute(*model, req); });
    pending_.reset();
}

// A checkbox per value of the attribute; every value is compared until one is unticked.
void SurveyComparePanel::draw_groups(const guides::Attribute& attr) {
    if (groups_.empty()) groups_ = attr.choices;
    ImGui::TextUnformatted("Groups:");
    for (const auto& c : attr.choices) {
        ImGui::SameLine();
        bool on = std::find(groups_.begin(), groups_.end(), c) != groups_.end();
        if (ImGui::Checkbox(c.c_str(), &on)) {
            std::vector<std::string> next; // in the instrument's order
            for (const auto& x : attr.choices)
                if (x == c ? on : std::find(groups_.begin(), groups_.end(), x) != groups_.end())
                    next.push_back(x);
            groups_ = std::move(next);
            dirty_ = true;
        }
        probe("surveys.compare.group." + c);
    }
}

void SurveyComparePanel::draw_controls(const SurveyModel& m) {
    const auto& inst = m.data.instrument;
    const auto* attr = inst.attribute(attribute_);
    float w = ImGui::GetFontSize() * 14;
    ImGui::SetNextItemWidth(w);
    if (ImGui::BeginCombo("Groups by", attr ? attr->label.c_str() : "")) {
        for (const auto& a : inst.attributes) {
            if (ImGui::Selectable(a.label.c_str(), a.id == attribute_)) {
                attribute_ = a.id;
                groups_.clear();
                dirty_ = true;
            }
            probe("surveys.compare.by." + a.id);
        }
        ImGui::EndCombo();
    }
    probe("surveys.compare.by");
    attr = inst.attribute(attribute_);
    if (attr && attr->choices.size() > 2) {
        ImGui::SameLine();
        draw_groups(*attr);
    }
    const auto* item = inst.item(item_);
    const auto* construct = inst.construct(construct_);
    std::string target = item        ? "Item: " + item->text
                         : construct ? "Construct: " + construct->label
                                     : "All Likert items";
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
    if (ImGui::BeginCombo("Compare", target.c_str())) {
        if (ImGui::Selectable("All Likert items", construct_.empty() && item_.empty())) {
            construct_.clear();
            item_.clear();
            dirty_ = true;
        }
        probe("surveys.compare.target.all");
        for (const auto& c : inst.constructs) {
            if (ImGui::Selectable(("Construct: " + c.label).c_str(), c.id == construct_)) {
                construct_ = c.id;
                item_.clear();
                dirty_ = true;
            }
            probe("surveys.compare.target." + c.id);
        }
        for (const auto* it : m.table.items) {
            ImGui::PushID(it->id.c_str());
            if (ImGui::Selectable(("Item: " + it->text).c_str(), it->id == item_)) {
                item_ = it->id;
                construct_.clear();
                dirty_ = true;
            }
            probe("surveys.compare.target." + it->id);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", it->text.c_str());
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered() && item) ImGui::SetTooltip("%s", item->text.c_str());
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
}

void SurveyComparePanel::draw(const std::shared_ptr<const SurveyModel>& model) {
    const auto& m = *model;
    const auto& inst = m.data.instrument;
    collect(); // a finished comparison is shown in this frame
    if (m.generation != last_generation_) dirty_ = true;
    last_generation_ = m.generation;
    if (attribute_.empty() && !inst.attributes.empty()) {
        attribute_ = inst.attributes.front().id;
        dirty_ = true;
    }
    draw_controls(m);
    if (std::exchange(dirty_, false)) pending_ = model;
    if (waiting_ || busy()) {
        ImGui::TextDisabled("Comparing...");
        probe("surveys.compare.updating");
    }
    // What was computed from another model (another survey, or before an import) is not shown.
    if (!shown_ || shown_->generation != m.generation) return;
    if (!shown_->error.empty()) {
        widgets::wrapped(shown_->error.c_str());
        probe("surveys.compare.error", shown_->error);
    } else if (shown_->result) {
        draw_group_comparison(*shown_->result, shown_->reading);
    }
    for (const auto& t : shown_->crosstabs)
        draw_tested_crosstab(inst, t.table, t.tests, t.reading);
}

} // namespace convene::app
