// Library > MC profiles: the micro-credential profiles a facilitator shows, and their editor.
#include "app/ui_probe.hpp"
#include "app/views/library_panels.hpp"
#include "app/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>
#include <sstream>

namespace convene::app {
namespace {

// Edits a list of strings as multi-line text, one entry per line.
bool lines_input(const char* label, std::vector<std::string>& items) {
    std::string text;
    for (const auto& s : items)
        text += s + "\n";
    ImGui::TextUnformatted(label);
    ImGui::PushID(label);
    bool changed = ImGui::InputTextMultiline(
        "##lines", &text,
        ImVec2(-1, ImGui::GetTextLineHeight() * (static_cast<float>(items.size()) + 1.6f)));
    ImGui::PopID();
    if (changed) {
        items.clear();
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) items.push_back(line);
    }
    return changed;
}

void text_input(const char* label, std::string& value, bool multiline = false) {
    ImGui::TextUnformatted(label);
    ImGui::PushID(label);
    ImGui::SetNextItemWidth(-1);
    if (multiline)
        ImGui::InputTextMultiline("##v", &value, ImVec2(-1, ImGui::GetTextLineHeight() * 3.4f));
    else
        ImGui::InputText("##v", &value);
    ImGui::PopID();
}

} // namespace

void ProfileEditor::refresh(ViewContext& ctx) {
    if (!key_.stale(ctx)) return;
    library_ = store::load_profiles(*ctx.workspace);
    bool unsaved_new = draft_ && draft_->id == selected_ && !library_.profile(selected_);
    if (!unsaved_new && !library_.profile(selected_) && !library_.profiles.empty())
        selected_ = library_.profiles.front().id;
    const auto* p = library_.profile(selected_);
    // Keep unsaved edits of the selected profile across unrelated writes.
    if (!draft_ || draft_->id != selected_) draft_ = p ? std::optional(*p) : std::nullopt;
}

void ProfileEditor::draw(ViewContext& ctx) {
    refresh(ctx);
    ImGui::BeginChild("##profile_list", ImVec2(ImGui::GetFontSize() * 16, 0), true);
    for (const auto& s : library_.stacks) {
        ImGui::TextDisabled("Stack: %s", s.title.c_str());
    }
    for (const auto& p : library_.profiles) {
        std::string label = p.title + (p.stack.empty() ? "" : "  [stack]");
        ImGui::PushID(p.id.c_str()); // titles may repeat; ids do not
        bool clicked = ImGui::Selectable(label.c_str(), p.id == selected_);
        ImGui::PopID();
        if (clicked) {
            selected_ = p.id;
            draft_ = p;
            message_.clear();
        }
        probe("profiles.item." + p.id);
    }
    ImGui::Spacing();
    if (ImGui::Button("+ New profile")) {
        guides::Profile p;
        int n = 1;
        while (library_.profile("new-profile-" + std::to_string(n)))
            ++n;
        p.id = "new-profile-" + std::to_string(n);
        p.title = "New micro-credential";
        p.competency = "Describe the one skill this MC certifies.";
        draft_ = p;
        selected_ = p.id;
        message_ = "Not saved yet.";
    }
    probe("profiles.new");
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##profile_body");
    if (!draft_) {
        widgets::empty_state("No MC profiles", "Add one with + New profile.");
        ImGui::EndChild();
        return;
    }
    auto& p = *draft_;
    if (p.sample)
        ImGui::TextColored(ImVec4(0.75f, 0.45f, 0.05f, 1),
                           "Sample content written for Convene: replace it with the real MC's.");
    text_input("Title", p.title);
    probe("profiles.title");
    text_input("Issuer", p.issuer);
    text_input("Developer", p.developer);
    text_input("Competency", p.competency, true);
    text_input("Key method", p.key_method, true);
    lines_input("Method components (one per line)", p.method_components);
    lines_input("Research and resources (one per line)", p.research_resources);
    lines_input("Submission criteria (one per line)", p.submission_criteria);
    ImGui::TextUnformatted("Scoring rubric");
    if (ImGui::BeginTable("##rubric", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn("Criterion");
        ImGui::TableSetupColumn("Proficient");
        ImGui::TableSetupColumn("Not yet");
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < p.rubric.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            for (auto* field :
                 {&p.rubric[i].criterion, &p.rubric[i].proficient, &p.rubric[i].not_yet}) {
                ImGui::TableNextColumn();
                ImGui::PushID(field);
                ImGui::SetNextItemWidth(-1);
                ImGui::InputTextMultiline("##c", field,
                                          ImVec2(-1, ImGui::GetTextLineHeight() * 3.2f));
                ImGui::PopID();
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (ImGui::SmallButton("+ Rubric row")) p.rubric.push_back({"New criterion", "", ""});
    text_input("Currency already granted", p.currency_granted);
    double hours = p.estimated_hours.value_or(0);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::InputDouble("Estimated hours", &hours, 1, 5, "%g"))
        p.estimated_hours = hours > 0 ? std::optional(hours) : std::nullopt;
    probe("profiles.hours");
    ImGui::Spacing();
    if (ImGui::Button("Save profile")) {
        if (p.title.empty() || p.competency.empty()) {
            message_ = "A profile needs a title and a competency.";
        } else {
            store::save_profile(*ctx.workspace, p);
            message_ = "Saved.";
        }
    }
    probe("profiles.save");
    ImGui::SameLine();
    if (ImGui::Button("Discard changes")) {
        const auto* saved = library_.profile(p.id);
        draft_ = saved ? std::optional(*saved) : std::nullopt;
        message_.clear();
    }
    if (!message_.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", message_.c_str());
    }
    ImGui::EndChild();
}

} // namespace convene::app
