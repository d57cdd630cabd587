// Conversations > set-up: who, where, when, with which guide, group, MC profile and conditions.
#include "app/ui_probe.hpp"
#include "app/views/conversation_panels.hpp"
#include "app/widgets.hpp"
#include "store/library.hpp"
#include "store/uuid.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {

ConversationRequest ConversationSetup::draw(ViewContext& ctx, ConversationSession& session) {
    // Profiles change in the Library, not while typing here: load once per conversation.
    if (loaded_for_ != session.conversation().uuid) {
        profiles_ = store::load_profiles(*ctx.workspace);
        loaded_for_ = session.conversation().uuid;
    }
    ConversationRequest request;
    auto& c = session.conversation();
    const auto& g = session.guide();
    widgets::screen_title("Set up the conversation");
    bool changed = false;
    bool items_changed = false;
    float label_w = ImGui::GetFontSize() * 9;
    auto row = [&](const char* label) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label);
        ImGui::SameLine(label_w);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
    };

    ImGui::TextDisabled("Guide: %s (v%s)", g.title.c_str(), g.version.c_str());
    row("Stakeholder group");
    const auto* grp = g.group(c.group);
    if (ImGui::BeginCombo("##group", grp ? grp->label.c_str() : c.group.c_str())) {
        for (const auto& option : g.groups) {
            if (ImGui::Selectable(option.label.c_str(), option.id == c.group)) {
                c.group = option.id;
                changed = items_changed = true;
            }
            probe("setup.group." + option.id);
        }
        ImGui::EndCombo();
    }
    probe("setup.group");
    row("Mode");
    if (ImGui::RadioButton("Interview", c.mode == "interview")) {
        c.mode = "interview";
        changed = true;
    }
    ImGui::SameLine();
    if (ImGui::RadioButton("Focus group", c.mode == "focus_group")) {
        c.mode = "focus_group";
        changed = true;
    }
    probe("setup.focus_group");
    row("Organisation");
    if (ImGui::InputText("##org", &c.org)) changed = items_changed = true;
    probe("setup.org");
    row("State");
    if (ImGui::InputText("##state", &c.state)) changed = items_changed = true;
    probe("setup.state");
    row("Date and time");
    changed |= ImGui::InputTextWithHint("##date", "YYYY-MM-DDTHH:MM", &c.scheduled_at);
    probe("setup.date");
    row("Facilitator");
    changed |= ImGui::InputText("##facilitator", &c.facilitator);
    probe("setup.facilitator");
    row("Note taker");
    changed |= ImGui::InputText("##note_taker", &c.note_taker);

    row("MC profile shown");
    const auto* shown = profiles_.profile(c.profile);
    if (ImGui::BeginCombo("##profile", shown ? shown->title.c_str() : "(none)")) {
        if (ImGui::Selectable("(none)", c.profile.empty())) {
            c.profile.clear();
            changed = true;
        }
        for (const auto& p : profiles_.profiles) {
            if (ImGui::Selectable(p.title.c_str(), p.id == c.profile)) {
                c.profile = p.id;
                // Showing a profile is what the guide's profile questions depend on.
                if (c.flags.insert("mc_profile_shown").second) items_changed = true;
                changed = true;
            }
            probe("setup.profile." + p.id);
        }
        ImGui::EndCombo();
    }
    probe("setup.profile");

    ImGui::Spacing();
    ImGui::TextUnformatted("Conditions (they decide which questions appear)");
    for (const auto& cond : g.conditions) {
        bool on = c.flags.contains(cond.id);
        if (ImGui::Checkbox(cond.label.c_str(), &on)) {
            if (on)
                c.flags.insert(cond.id);
            else
                c.flags.erase(cond.id);
            changed = items_changed = true;
        }
        probe("setup.flag." + cond.id);
    }

    ImGui::Spacing();
    ImGui::TextUnformatted("Participants");
    int remove = -1;
    if (ImGui::BeginTable("##participants", 5,
                          ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn("Name");
        ImGui::TableSetupColumn("Role");
        ImGui::TableSetupColumn("Organisation");
        ImGui::TableSetupColumn("Consent", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < c.participants.size(); ++i) {
            auto& p = c.participants[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            changed |= ImGui::InputText("##name", &p.name);
            probe("setup.participant.name." + std::to_string(i));
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            changed |= ImGui::InputText("##role", &p.role);
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            changed |= ImGui::InputText("##organisation", &p.organisation);
            ImGui::TableNextColumn();
            changed |= ImGui::Checkbox("##consent", &p.consent);
            probe("setup.participant.consent." + std::to_string(i));
            ImGui::TableNextColumn();
            if (ImGui::SmallButton("Remove")) remove = static_cast<int>(i);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (remove >= 0) {
        c.participants.erase(c.participants.begin() + remove);
        changed = true;
    }
    if (ImGui::SmallButton("+ Add participant")) {
        c.participants.push_back({store::new_uuid(), "", "", c.org, false});
        changed = true;
    }
    probe("setup.add_participant");

    if (changed) session.setup_changed();
    if (items_changed) session.rebuild_items();

    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Text("%zu questions for this group with these conditions.", session.items().size());
    if (ImGui::Button(c.status == "planned" ? "Start the conversation" : "Back to the walkthrough"))
        request.kind = ConversationRequest::Kind::Walkthrough;
    probe("setup.start");
    ImGui::SameLine();
    if (ImGui::Button("Save as planned and close")) request.kind = ConversationRequest::Kind::Close;
    probe("setup.close");
    ImGui::SameLine();
    ImGui::TextDisabled("Everything you type here is saved as you go.");
    return request;
}

} // namespace convene::app
