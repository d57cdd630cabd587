// Quality review > Compiled: one profile's ratings by all reviewers, the criteria with the most
// disagreement first, each with its distribution, consensus, the reviewers' notes and what
// stakeholders said; agreement across reviewers for the profile as a whole.
#include "app/ui_probe.hpp"
#include "app/views/quality_panels.hpp"
#include "app/widgets.hpp"

#include <cstdio>
#include <imgui.h>

namespace convene::app {
namespace {

std::string fixed(std::optional<double> v) {
    if (!v) return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", *v);
    return buf;
}

void draw_agreement(const QualityModel& m) {
    const auto& p = m.compiled;
    std::string summary = widgets::count(p.reviewers.size(), "reviewer") + ", " +
                          widgets::count(p.ratings, "rating") +
                          (p.complete ? " (every reviewer rated every criterion)" : "");
    ImGui::TextUnformatted(summary.c_str());
    probe("quality.compiled.summary", summary);
    std::string line = "Percent agreement " + fixed(p.percent.proportion) + "    Fleiss' kappa " +
                       fixed(p.fleiss ? p.fleiss->kappa : std::nullopt) +
                       "    Krippendorff's alpha (ordinal) " + fixed(p.alpha.alpha);
    ImGui::TextUnformatted(line.c_str());
    probe("quality.compiled.agreement", line);
    if (!p.fleiss_note.empty()) ImGui::TextDisabled("Fleiss' kappa: %s.", p.fleiss_note.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    widgets::wrapped(
        (std::string(exporting::kConsensusRule) + " " + exporting::kDisagreementRule).c_str());
    ImGui::PopStyleColor();
}

void draw_distribution(const guides::CriteriaSet& set, const exporting::CriterionCompilation& c) {
    for (std::size_t k = 0; k < c.distribution.size(); ++k) {
        if (k) ImGui::SameLine(0, 2);
        ImVec4 colour = level_colour(static_cast<int>(k), set.levels.size());
        if (!c.distribution[k]) colour.w = 0.25f;
        ImGui::PushStyleColor(ImGuiCol_Button, colour);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, colour);
        std::string label = std::to_string(c.distribution[k]) + "##d" + std::to_string(k);
        ImGui::Button(label.c_str(), ImVec2(ImGui::GetFontSize() * 2.2f, 0));
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%zu x %s", c.distribution[k], set.levels[k].label.c_str());
        ImGui::PopStyleColor(3);
    }
}

void draw_details(const guides::CriteriaSet& set, const exporting::CriterionCompilation& c) {
    ImGui::PushTextWrapPos(0);
    for (const auto& r : c.reviewers) {
        std::string level = r.level ? set.levels[static_cast<std::size_t>(*r.level)].label
                                    : std::string("(no level)");
        ImGui::Bullet();
        ImGui::TextWrapped("%s: %s%s%s", r.reviewer_name.c_str(), level.c_str(),
                           r.note.empty() ? "" : " - ", r.note.c_str());
    }
    ImGui::PopTextWrapPos();
    if (c.stakeholders.empty()) return;
    std::string label = "What stakeholders said (" + std::to_string(c.stakeholders.size()) + ")";
    if (ImGui::TreeNode(label.c_str())) {
        for (const auto& s : c.stakeholders) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextDisabled("%s, %s:", s.org.c_str(), s.group_id.c_str());
            ImGui::SameLine();
            ImGui::TextUnformatted((s.quote ? "\u201c" + s.excerpt + "\u201d" : s.excerpt).c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::TreePop();
    }
    probe("quality.compiled.said." + c.criterion_id, std::to_string(c.stakeholders.size()));
}

} // namespace

void QualityCompiled::draw(const QualityModel& m, bool hidden) {
    if (!m.set) return;
    if (hidden) {
        widgets::empty_state("Hidden until you are done",
                             "You asked to see the others' ratings only after rating every "
                             "criterion yourself. Finish under Rate, or untick the box there.");
        probe("quality.compiled.hidden");
        return;
    }
    ImGui::Text("%s", m.profile_title(m.profile_slug).c_str());
    draw_agreement(m);
    const auto flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                       ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##compiled", 4, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Criterion", ImGuiTableColumnFlags_WidthStretch, 4);
    ImGui::TableSetupColumn("Ratings", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 2.5f * static_cast<float>(m.set->levels.size()));
    ImGui::TableSetupColumn("Consensus", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 8);
    ImGui::TableSetupColumn("Spread", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 3.5f);
    ImGui::TableHeadersRow();
    for (const auto& c : m.compiled.criteria) {
        ImGui::PushID(c.criterion_id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(c.text.c_str());
        ImGui::PopTextWrapPos();
        draw_details(*m.set, c);
        ImGui::TableNextColumn();
        draw_distribution(*m.set, c);
        ImGui::TableNextColumn();
        std::string consensus =
            c.consensus ? m.set->levels[static_cast<std::size_t>(*c.consensus)].label : "not rated";
        if (c.consensus)
            ImGui::TextColored(level_colour(*c.consensus, m.set->levels.size()), "%s",
                               consensus.c_str());
        else
            ImGui::TextDisabled("%s", consensus.c_str());
        probe("quality.compiled.consensus." + c.criterion_id, consensus);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(fixed(c.disagreement).c_str());
        ImGui::PopID();
    }
    ImGui::EndTable();
}

} // namespace convene::app
