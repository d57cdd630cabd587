// Summaries > controls: the list of summaries and the filters, in the screen's left column.
#include "app/date_input.hpp"
#include "app/fonts.hpp"
#include "app/ui_probe.hpp"
#include "app/views/summary_panels.hpp"

#include <algorithm>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {
namespace {

void heading(const char* text) {
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

void label(const char* text) {
    ImGui::TextDisabled("%s", text);
}

// A combo over "Any" (the empty value) and (value, label) pairs; true when the choice changed.
// Probed as "summaries.filter.<id>" (with the value) and each option as "...<id>.<value>".
bool choice_combo(const char* id, std::string& value,
                  const std::vector<std::pair<std::string, std::string>>& options,
                  const char* any = "Any") {
    const std::string name = std::string("summaries.filter.") + (id + 2);
    const char* shown = any;
    for (const auto& [v, l] : options)
        if (v == value) shown = l.c_str();
    bool changed = false;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo(id, shown, ImGuiComboFlags_HeightLargest)) {
        if (ImGui::Selectable(any, value.empty())) {
            value.clear();
            changed = true;
        }
        probe(name + ".any");
        for (const auto& [v, l] : options) {
            ImGui::PushID(v.c_str());
            if (ImGui::Selectable(l.c_str(), value == v)) {
                value = v;
                changed = true;
            }
            ImGui::PopID();
            probe(name + "." + v);
        }
        ImGui::EndCombo();
    }
    probe(name, value);
    return changed;
}

std::vector<std::pair<std::string, std::string>>
same_labels(const std::vector<std::string>& values) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& v : values)
        out.emplace_back(v, v);
    return out;
}

bool is_agreement(const SummaryChoice& c) {
    return c.family != SummaryFamily::Registry;
}

} // namespace

bool SummaryControls::draw(const SummarySource* source) {
    bool changed = draw_choices();
    if (!source) return changed;
    // The coders and the code first: what the agreement is about matters more than the filters.
    if (is_agreement(choice())) changed |= draw_agreement_options(*source);
    ImGui::Spacing();
    ImGui::Separator();
    changed |= draw_filters(*source);
    return changed;
}

bool SummaryControls::draw_choices() {
    heading("Summary");
    bool changed = false;
    const auto& choices = summary_choices();
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (i > 0 && is_agreement(choices[i]) && !is_agreement(choices[i - 1])) {
            ImGui::Spacing();
            label("Two or more coders");
        }
        if (ImGui::Selectable(choices[i].title.c_str(), query_.choice == i) && query_.choice != i) {
            query_.choice = i;
            changed = true;
        }
        probe("summaries.choice." + choices[i].name, choices[i].title);
    }
    return changed;
}

bool SummaryControls::draw_filters(const SummarySource& source) {
    heading("Filters");
    bool changed = false;
    auto& f = query_.filters;
    label("Stakeholder group");
    changed |= choice_combo("##group", f.group, source.groups);
    label("State");
    changed |= choice_combo("##state", f.state, same_labels(source.states));
    label("Conversation status");
    changed |= choice_combo(
        "##status", f.status,
        {{"planned", "Planned"}, {"in_progress", "In progress"}, {"complete", "Complete"}});
    changed |= draw_date("##from", "From (date)", from_text_, from_error_, f.from);
    changed |= draw_date("##to", "To (date, inclusive)", to_text_, to_error_, f.to);
    label("Guide");
    changed |= choice_combo("##guide", f.guide, same_labels(source.guides));
    if (!is_agreement(choice())) { // agreement needs every coder's codings
        std::vector<std::pair<std::string, std::string>> coders;
        for (const auto& p : source.snapshot.coders)
            coders.emplace_back(p.uuid, p.name);
        label("Coder");
        changed |= choice_combo("##coder", f.coder, coders, "Everyone");
    }
    if (f != exporting::Filters{} && ImGui::SmallButton("Clear filters")) {
        f = {};
        from_text_.clear();
        to_text_.clear();
        from_error_.clear();
        to_error_.clear();
        changed = true;
    }
    return changed;
}

// A date as the user types it (app/date_input.hpp): the filter takes it once it is a date, and
// drops it when the box is emptied.
bool SummaryControls::draw_date(const char* id, const char* text_label, std::string& text,
                                std::string& error, std::string& iso) {
    label(text_label);
    ImGui::SetNextItemWidth(-1);
    bool changed = false;
    if (ImGui::InputTextWithHint(id, "2026-11-04 or 4 Nov 2026", &text)) {
        auto parsed = text.empty() ? ParsedDate{} : parse_date(text);
        error = parsed.error;
        std::string day = parsed.iso.substr(0, 10);
        if (error.empty() && day != iso) {
            iso = day;
            changed = true;
        }
    }
    probe(std::string("summaries.filter.") + (id + 2), iso);
    if (!error.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "Not a date: %s.", error.c_str());
        ImGui::PopTextWrapPos();
    }
    return changed;
}

// Which coders to compare (every coder ticked means "everyone who coded", the default) and
// one code or all of them.
bool SummaryControls::draw_agreement_options(const SummarySource& source) {
    ImGui::Spacing();
    ImGui::Separator();
    heading("Agreement");
    bool changed = false;
    auto& ticked = query_.agreement.coders;
    label("Coders compared");
    for (const auto& p : source.snapshot.coders) {
        bool on = ticked.empty() || std::find(ticked.begin(), ticked.end(), p.uuid) != ticked.end();
        ImGui::PushID(p.uuid.c_str());
        if (ImGui::Checkbox(p.name.c_str(), &on)) {
            if (ticked.empty()) // from "everyone" to a list
                for (const auto& q : source.snapshot.coders)
                    ticked.push_back(q.uuid);
            if (on)
                ticked.push_back(p.uuid);
            else
                std::erase(ticked, p.uuid);
            if (ticked.size() == source.snapshot.coders.size()) ticked.clear();
            changed = true;
        }
        ImGui::PopID();
        probe("summaries.coder." + p.name);
    }
    if (!ticked.empty() && ticked.size() < 2) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(ImVec4(0.8f, 0.4f, 0.0f, 1), "Tick two or more coders to compare.");
        ImGui::PopTextWrapPos();
    }
    std::vector<std::pair<std::string, std::string>> codes;
    for (const auto& c : source.snapshot.codes)
        codes.emplace_back(c.uuid, c.path);
    label("Code");
    changed |= choice_combo("##code", query_.agreement.code, codes, "Every code");
    return changed;
}

} // namespace convene::app
