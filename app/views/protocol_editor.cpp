// Library > Guides > Make a protocol: pick, reorder, reword and add questions, set time budgets,
// and save the result as a new guide. The guide it came from is never changed.
#include "app/ui_probe.hpp"
#include "app/views/library_panels.hpp"
#include "app/widgets.hpp"
#include "guides/guide_json.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {

void ProtocolEditor::begin(const guides::Guide& guide) {
    draft_ = guide;
    draft_.derived_from = guide.id;
    draft_.id = guide.id + "-protocol";
    draft_.version = "1";
    draft_.title = guide.title + " (my protocol)";
    group_ = guide.groups.front().id;
    dropped_.clear();
    next_custom_ = 1;
    message_.clear();
    active_ = true;
    saved_ = draft_;
    saved_dropped_ = dropped_;
}

void ProtocolEditor::draw() {
    widgets::wrapped("Make a protocol of your own: untick questions to leave them out, move them "
                     "up or down, reword them for a group, add your own and set time budgets. "
                     "Saving adds a new guide; the original stays as it is.");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
    ImGui::InputText("Title", &draft_.title);
    probe("protocol.title");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ImGui::InputText("Id", &draft_.id);
    probe("protocol.id");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    ImGui::InputText("Version", &draft_.version);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Wording for:");
    // One radio button per group, wrapped onto the next line when the row is full, so every
    // group can be chosen in a narrow window too.
    const auto& style = ImGui::GetStyle();
    float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (const auto& g : draft_.groups) {
        float w = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x +
                  ImGui::CalcTextSize(g.label.c_str()).x;
        if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + w <= right) ImGui::SameLine();
        if (ImGui::RadioButton(g.label.c_str(), group_ == g.id)) group_ = g.id;
        probe("protocol.group." + g.id);
    }
    const auto* group = draft_.group(group_);
    std::string says = "A question reworded below changes for " + (group ? group->label : group_) +
                       " only; the other groups keep theirs.";
    ImGui::TextDisabled("%s", says.c_str());
    probe("protocol.wording_for", says);
    if (ImGui::Button("Save as new guide")) save_request_ = true; // act() saves it
    probe("protocol.save");
    ImGui::SameLine();
    if (widgets::close_button("protocol", draft_ != saved_ || dropped_ != saved_dropped_))
        active_ = false;
    if (!message_.empty()) {
        if (message_is_error_) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8f, 0.1f, 0.1f, 1));
        widgets::wrapped(message_.c_str());
        if (message_is_error_) ImGui::PopStyleColor();
    }
    ImGui::Separator();
    ImGui::BeginChild("##protocol_areas");
    for (auto& area : draft_.areas)
        draw_area(area);
    ImGui::EndChild();
}

// Under each question: whose wording the box holds, so a change is never a surprise.
std::string ProtocolEditor::wording_note(const guides::Question& q) const {
    const auto* g = draft_.group(group_);
    std::string label = g ? g->label : group_;
    if (q.text.contains("") && q.groups.size() > 1)
        return "Same wording for all " + std::to_string(q.groups.size()) +
               " groups; a change here applies to " + label + " only.";
    return "Wording for " + label + ".";
}

void ProtocolEditor::draw_area(guides::Area& area) {
    ImGui::PushID(area.id.c_str());
    bool open = ImGui::CollapsingHeader(area.title.c_str(), ImGuiTreeNodeFlags_DefaultOpen);
    if (!open) {
        ImGui::PopID();
        return;
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    ImGui::InputDouble("minutes", &area.minutes, 1, 5, "%g");
    probe("protocol.minutes." + area.id);
    int move_from = -1, move_to = -1;
    for (std::size_t k = 0; k < area.questions.size(); ++k) {
        auto& q = area.questions[k];
        if (!q.asked_of(group_)) continue;
        ImGui::PushID(q.id.c_str());
        bool keep = !dropped_.contains(q.id);
        if (ImGui::Checkbox("##keep", &keep)) {
            if (keep)
                dropped_.erase(q.id);
            else
                dropped_.insert(q.id);
        }
        probe("protocol.keep." + q.id);
        ImGui::SameLine();
        if (ImGui::ArrowButton("##up", ImGuiDir_Up) && k > 0) {
            move_from = static_cast<int>(k);
            move_to = static_cast<int>(k) - 1;
        }
        probe("protocol.up." + q.id);
        ImGui::SameLine();
        if (ImGui::ArrowButton("##down", ImGuiDir_Down) && k + 1 < area.questions.size()) {
            move_from = static_cast<int>(k);
            move_to = static_cast<int>(k) + 1;
        }
        ImGui::SameLine();
        // Rewording for one group turns a shared wording into per-group wordings.
        std::string text = q.text_for(group_);
        ImGui::TextDisabled("%s", wording_note(q).c_str());
        probe("protocol.wording." + q.id, wording_note(q));
        ImGui::SetNextItemWidth(-1);
        ImGui::BeginDisabled(!keep);
        if (ImGui::InputTextMultiline("##text", &text,
                                      ImVec2(-1, ImGui::GetTextLineHeight() * 2.6f))) {
            if (auto shared = q.text.find(""); shared != q.text.end()) {
                std::string s = shared->second;
                q.text.erase(shared);
                for (const auto& grp : q.groups)
                    q.text[grp] = s;
            }
            q.text[group_] = text;
        }
        ImGui::EndDisabled();
        probe("protocol.text." + q.id);
        ImGui::PopID();
    }
    if (move_from >= 0)
        std::swap(area.questions[static_cast<std::size_t>(move_from)],
                  area.questions[static_cast<std::size_t>(move_to)]);
    if (ImGui::SmallButton("+ Add a question here")) {
        guides::Question q;
        q.id = "custom." + area.id + "." + std::to_string(next_custom_++);
        q.groups = {group_};
        q.text[group_] = "";
        area.questions.push_back(std::move(q));
    }
    probe("protocol.add." + area.id);
    ImGui::Spacing();
    ImGui::PopID();
}

void ProtocolEditor::act(ViewContext& ctx) {
    if (!save_request_) return;
    save_request_ = false;
    if (ctx.workspace) save(ctx);
}

void ProtocolEditor::save(ViewContext& ctx) {
    guides::Guide out = draft_;
    for (auto& a : out.areas)
        std::erase_if(a.questions, [&](const auto& q) { return dropped_.contains(q.id); });
    std::erase_if(out.areas, [](const auto& a) { return a.questions.empty(); });
    // Round-trip through the validating loader so a protocol obeys the same rules as a guide.
    auto load = guides::parse_guide(guides::guide_to_json(out));
    if (!load.guide) {
        message_ = guides::describe(load.problems, "this protocol");
        message_is_error_ = true;
        return;
    }
    if (auto existing = store::current_guide(*ctx.workspace, out.id);
        existing && existing->derived_from.empty()) {
        message_ = "The id \"" + out.id + "\" belongs to another guide: choose another id.";
        message_is_error_ = true;
        return;
    }
    auto r = store::import_guide(*ctx.workspace, *load.guide);
    message_ = (r.added ? "Saved “" : "No changes to save for “") + out.title + "” as guide " +
               out.id + " (" + std::to_string(out.areas.size()) + " areas); it is shown here.";
    message_is_error_ = false;
    saved_ = draft_;
    saved_dropped_ = dropped_;
    // The new guide is what the user wants to see next: the browser shows it.
    saved_id_ = out.id;
    active_ = false;
}

} // namespace convene::app
