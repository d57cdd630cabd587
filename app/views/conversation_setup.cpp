// Conversations > set-up: who, where, when, with which guide, group, MC profile and conditions.
#include "app/date_input.hpp"
#include "app/ui_probe.hpp"
#include "app/views/conversation_panels.hpp"
#include "app/widgets.hpp"
#include "store/mc_profiles.hpp"
#include "store/uuid.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {

ConversationRequest ConversationSetup::draw(ViewContext& ctx, ConversationSession& session) {
    // Profiles change in the Library, not while typing here: load once per conversation.
    if (loaded_for_ != session.conversation().uuid) {
        profiles_ = store::load_profiles(*ctx.workspace);
        loaded_for_ = session.conversation().uuid;
        date_text_ = session.conversation().scheduled_at;
        date_error_.clear();
        start_error_.clear();
        org_unknown_ = state_unknown_ = false;
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
    // Organisation and state fill the guide's wording; asked for before the walkthrough starts,
    // with "not known yet" for a conversation set up before they are.
    auto known_or_not = [&](const char* id, const char* label, std::string& value, bool& unknown) {
        row(label);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 17);
        ImGui::BeginDisabled(unknown);
        if (ImGui::InputText(id, &value)) changed = items_changed = true;
        ImGui::EndDisabled();
        probe(std::string("setup.") + (id + 2));
        ImGui::SameLine();
        if (ImGui::Checkbox((std::string("not known yet##") + id).c_str(), &unknown) && unknown) {
            value.clear();
            changed = items_changed = true;
        }
        probe(std::string("setup.") + (id + 2) + "_unknown");
    };
    known_or_not("##org", "Organisation", c.org, org_unknown_);
    known_or_not("##state", "State", c.state, state_unknown_);
    row("Date and time");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 17);
    if (ImGui::InputTextWithHint("##date", "2026-11-04 10:00 or 4 Nov 2026", &date_text_)) {
        // Only a real date reaches the conversation; anything else is refused with the reason.
        auto parsed = date_text_.empty() ? ParsedDate{} : parse_date(date_text_);
        date_error_ = parsed.error;
        if (parsed.error.empty() && parsed.iso != c.scheduled_at) {
            c.scheduled_at = parsed.iso;
            changed = true;
        }
    }
    probe("setup.date");
    ImGui::SameLine();
    if (ImGui::SmallButton("Today")) {
        date_text_ = c.scheduled_at = today_iso();
        date_error_.clear();
        changed = true;
    }
    probe("setup.date_today");
    if (!date_error_.empty()) {
        ImGui::SetCursorPosX(label_w);
        ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "Not a date: %s.", date_error_.c_str());
        probe("setup.date_error");
    } else if (!c.scheduled_at.empty()) {
        ImGui::SetCursorPosX(label_w);
        ImGui::TextDisabled("Saved as %s", c.scheduled_at.c_str());
    }
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
    if (ImGui::Button(c.status == store::Status::Planned ? "Start the conversation"
                                                         : "Back to the walkthrough")) {
        start_error_.clear();
        if (c.org.empty() && !org_unknown_)
            start_error_ = "Type the organisation, or tick \"not known yet\".";
        else if (c.state.empty() && !state_unknown_)
            start_error_ = "Type the state, or tick \"not known yet\".";
        else if (!date_error_.empty())
            start_error_ = "Correct the date first (or clear it).";
        if (start_error_.empty()) request.kind = ConversationRequest::Kind::Walkthrough;
    }
    probe("setup.start");
    ImGui::SameLine();
    if (ImGui::Button("Save as planned and close")) request.kind = ConversationRequest::Kind::Close;
    probe("setup.close");
    ImGui::SameLine();
    if (ImGui::Button("Print protocol...")) {
        const auto* profile = profiles_.profile(c.profile);
        print_.open(g, exporting::protocol_options_for(c, profile ? profile->title : c.profile),
                    false);
    }
    probe("setup.print");
    print_.draw();
    ImGui::SameLine();
    if (start_error_.empty()) {
        ImGui::TextDisabled("Everything you type here is saved as you go.");
    } else {
        ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", start_error_.c_str());
        probe("setup.start_error");
    }
    return request;
}

} // namespace convene::app
