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
    if (!cache_.stale(ctx)) return;
    library_ = store::load_profiles(*ctx.workspace);
    bool unsaved_new = draft_ && draft_->id == selected_ && !library_.profile(selected_);
    if (!unsaved_new && !library_.profile(selected_) && !library_.profiles.empty())
        selected_ = library_.profiles.front().id;
    const auto* p = library_.profile(selected_);
    if (!draft_ || draft_->id != selected_) {
        select(p ? std::optional(*p) : std::nullopt);
    } else if (p && !dirty()) {
        select(*p); // saved elsewhere (another window, a script): show what is in the file now
    }
    // Unsaved edits of the selected profile are kept across unrelated writes.
}

bool ProfileEditor::dirty() const {
    return draft_ && draft_ != base_;
}

void ProfileEditor::select(std::optional<guides::Profile> profile) {
    draft_ = profile;
    // A new profile's base is empty: everything in it counts as changed.
    base_ = profile && library_.profile(profile->id) ? profile : std::nullopt;
    if (profile) selected_ = profile->id;
}

bool ProfileEditor::has_unsaved_changes() const {
    return dirty();
}

void ProfileEditor::act(ViewContext& ctx) {
    if (!save_request_ || !ctx.workspace) return;
    auto edited = std::move(*save_request_);
    save_request_.reset();
    if (edited.title.empty() || edited.competency.empty()) {
        message_ = "A profile needs a title and a competency.";
        return;
    }
    store::save_profile_changes(*ctx.workspace, base_.value_or(guides::Profile{}), edited);
    base_ = edited;
    message_ = "Saved.";
    if (switch_to_) {
        const auto* next = library_.profile(*switch_to_);
        select(next ? std::optional(*next) : std::nullopt);
        switch_to_.reset();
    }
}

// Asks before an edited profile is left: save, discard, or stay.
void ProfileEditor::draw_leave_dialog() {
    if (switch_to_ && !ImGui::IsPopupOpen("Unsaved profile") && !save_request_)
        ImGui::OpenPopup("Unsaved profile");
    if (!ImGui::BeginPopupModal("Unsaved profile", nullptr, ImGuiWindowFlags_AlwaysAutoResize))
        return;
    ImGui::Text("\"%s\" has changes that are not saved.", draft_ ? draft_->title.c_str() : "");
    if (ImGui::Button("Save")) {
        save_request_ = draft_;
        ImGui::CloseCurrentPopup();
    }
    probe("profiles.leave.save");
    ImGui::SameLine();
    if (ImGui::Button("Discard changes")) {
        const auto* next = library_.profile(*switch_to_);
        select(next ? std::optional(*next) : std::nullopt);
        switch_to_.reset();
        message_.clear();
        ImGui::CloseCurrentPopup();
    }
    probe("profiles.leave.discard");
    ImGui::SameLine();
    if (ImGui::Button("Keep editing")) {
        switch_to_.reset();
        ImGui::CloseCurrentPopup();
    }
    probe("profiles.leave.cancel");
    ImGui::EndPopup();
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
        if (clicked && p.id != selected_) {
            if (dirty()) {
                switch_to_ = p.id; // asks first
            } else {
                select(p);
                message_.clear();
            }
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
        if (dirty()) {
            message_ = "Save or discard the changes to this profile first.";
        } else {
            select(p);
            message_ = "Not saved yet.";
        }
    }
    probe("profiles.new");
    ImGui::EndChild();
    draw_leave_dialog();
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
    if (ImGui::Button("Save profile")) save_request_ = p;
    probe("profiles.save");
    ImGui::SameLine();
    if (ImGui::Button("Discard changes")) {
        const auto* saved = library_.profile(p.id);
        select(saved ? std::optional(*saved) : std::nullopt);
        message_.clear();
    }
    if (dirty() && message_.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("Changed, not saved yet");
    }
    if (!message_.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", message_.c_str());
    }
    ImGui::EndChild();
}

} // namespace convene::app
