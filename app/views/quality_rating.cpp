// Quality review > Rate: the criteria of the set, each with its guidance, one large button per
// level and an evidence note; 1..9 rate the selected criterion and Up / Down move between them.
#include "app/fonts.hpp"
#include "app/ui_probe.hpp"
#include "app/views/quality_panels.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

namespace convene::app {

void QualityRating::reset() {
    levels_.clear();
    notes_.clear();
    note_state_.clear();
    selected_ = 0;
}

void QualityRating::rated(const std::string& criterion_id, std::optional<int> level) {
    levels_[criterion_id] = level;
}

void QualityRating::refreshed(const QualityModel& model, bool writes_pending) {
    // Once everything given here is written, the stored ratings are the truth again.
    if (!writes_pending) levels_.clear();
    if (!model.set) return;
    for (const auto& e : model.set->entries()) {
        const auto& id = e.criterion->id;
        // A note typed here and not yet written stays as typed; otherwise what is stored shows
        // (another reviewer's window or convene-cli may have written it).
        if (writes_pending && notes_.count(id)) continue;
        const auto* r = model.own_rating(id);
        notes_[id] = r ? r->note : "";
    }
}

std::optional<int> QualityRating::level_of(const QualityModel& model,
                                           const std::string& criterion_id) const {
    if (auto it = levels_.find(criterion_id); it != levels_.end()) return it->second;
    const auto* r = model.own_rating(criterion_id);
    return r ? r->level : std::nullopt;
}

bool QualityRating::done(const QualityModel& model) const {
    if (!model.set) return false;
    for (const auto& e : model.set->entries())
        if (!level_of(model, e.criterion->id)) return false;
    return true;
}

bool QualityRating::handle(Command command, const QualityModel& model,
                           std::vector<QualityRequest>& requests) {
    if (!model.set) return false;
    auto entries = model.set->entries();
    if (entries.empty()) return false;
    selected_ = std::min(selected_, entries.size() - 1);
    if (command == Command::NextCriterion || command == Command::PreviousCriterion) {
        if (command == Command::NextCriterion && selected_ + 1 < entries.size()) ++selected_;
        if (command == Command::PreviousCriterion && selected_ > 0) --selected_;
        scroll_to_selected_ = true;
        return true;
    }
    int level = rate_level_of(command);
    if (level < 0 || static_cast<std::size_t>(level) >= model.set->levels.size()) return false;
    requests.push_back({QualityRequest::Kind::Rate, "", entries[selected_].criterion->id, level});
    return true;
}

void QualityRating::draw_others(const QualityModel& model, const std::string& criterion_id) {
    std::string others;
    for (const auto& r : model.ratings) {
        if (r.criterion_id != criterion_id || r.reviewer_uuid == model.reviewer_uuid || !r.level)
            continue;
        others += (others.empty() ? "" : "; ") + r.reviewer_name + ": " +
                  model.set->levels[static_cast<std::size_t>(*r.level)].label;
    }
    if (others.empty()) return;
    if (hide_others_ && !done(model)) {
        ImGui::TextDisabled("Others' ratings hidden until you have rated every criterion.");
        return;
    }
    ImGui::TextDisabled("Others: %s", others.c_str());
    probe("quality.others." + criterion_id, others);
}

void QualityRating::draw_criterion(const QualityModel& model, const guides::CriteriaSet::Entry& e,
                                   std::size_t i, std::vector<QualityRequest>& requests) {
    const auto& c = *e.criterion;
    const auto& levels = model.set->levels;
    ImGui::PushID(c.id.c_str());
    bool selected = i == selected_;
    ImGui::PushFont(fonts().heading);
    if (ImGui::Selectable(c.text.c_str(), selected, ImGuiSelectableFlags_None)) selected_ = i;
    ImGui::PopFont();
    probe("quality.criterion." + c.id);
    if (selected && scroll_to_selected_) {
        ImGui::SetScrollHereY(0.2f);
        scroll_to_selected_ = false;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    widgets::wrapped(c.guidance.c_str());
    ImGui::PopStyleColor();

    auto current = level_of(model, c.id);
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float width =
        std::max(ImGui::GetFontSize() * 7,
                 (ImGui::GetContentRegionAvail().x - gap * static_cast<float>(levels.size() - 1)) /
                     static_cast<float>(levels.size()));
    for (std::size_t k = 0; k < levels.size(); ++k) {
        if (k) ImGui::SameLine();
        bool on = current && *current == static_cast<int>(k);
        ImVec4 colour = level_colour(static_cast<int>(k), levels.size());
        ImGui::PushStyleColor(ImGuiCol_Button,
                              on ? colour : ImGui::GetStyleColorVec4(ImGuiCol_Button));
        std::string label = std::to_string(k + 1) + "  " + levels[k].label;
        if (ImGui::Button(label.c_str(), ImVec2(width, ImGui::GetFrameHeight() * 1.8f))) {
            selected_ = i;
            // Pressing the chosen level again takes the rating back.
            requests.push_back({QualityRequest::Kind::Rate, "", c.id,
                                on ? std::nullopt : std::optional<int>(static_cast<int>(k))});
        }
        ImGui::PopStyleColor();
        probe("quality.rate." + c.id + "." + std::to_string(k + 1), on ? "on" : "off");
    }
    ImGui::TextUnformatted("Evidence:");
    auto& note = notes_[c.id];
    if (wrapped_input("##note", note, ImGui::GetTextLineHeightWithSpacing() * 2.6f,
                      note_state_[c.id])) {
        selected_ = i;
        requests.push_back({QualityRequest::Kind::Note, note, c.id, std::nullopt});
    }
    probe("quality.note." + c.id);
    draw_others(model, c.id);
    ImGui::Separator();
    ImGui::PopID();
}

void QualityRating::draw(const QualityModel& model, std::vector<QualityRequest>& requests) {
    if (!model.set) return;
    auto entries = model.set->entries();
    std::size_t rated = 0;
    for (const auto& e : entries)
        rated += level_of(model, e.criterion->id).has_value();
    ImGui::Text("%s rates %s: %zu of %zu criteria rated.", model.reviewer_name().c_str(),
                model.profile_title(model.profile_slug).c_str(), rated, entries.size());
    probe("quality.progress", std::to_string(rated) + "/" + std::to_string(entries.size()));
    ImGui::SameLine();
    ImGui::Checkbox("Hide the others' ratings until I am done", &hide_others_);
    probe("quality.hide_others");
    ImGui::TextDisabled(
        "Keys: 1 to %zu rate the selected criterion, Up and Down move between them.",
        model.set->levels.size());
    ImGui::BeginChild("##criteria");
    std::string category;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].category->title != category) {
            category = entries[i].category->title;
            ImGui::Spacing();
            ImGui::TextDisabled("%s", category.c_str());
        }
        draw_criterion(model, entries[i], i, requests);
    }
    ImGui::EndChild();
}

} // namespace convene::app
