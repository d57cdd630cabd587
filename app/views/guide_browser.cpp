// Library > Guides: the guide as a facilitator will see it, group by group.
#include "app/field_widgets.hpp"
#include "app/fonts.hpp"
#include "app/ui_probe.hpp"
#include "app/views/library_panels.hpp"
#include "app/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {

void GuideBrowser::refresh(ViewContext& ctx) {
    if (!cache_.stale(ctx)) return;
    rows_ = store::list_guides(*ctx.workspace);
    if (rows_.empty()) {
        guide_.reset();
        view_.clear();
        return;
    }
    bool found = false;
    for (const auto& r : rows_)
        found |= r.guide_id == selected_id_;
    if (!found) selected_id_ = rows_.front().guide_id;
    guide_ = store::current_guide(*ctx.workspace, selected_id_);
    if (guide_ && !guide_->group(group_)) group_ = guide_->groups.front().id;
    rebuild_view();
}

void GuideBrowser::rebuild_view() {
    view_.clear();
    if (!guide_) return;
    view_ = guides::view_for_group(*guide_, group_, state_, "");
    if (show_all_) return;
    for (auto& av : view_)
        std::erase_if(av.questions, [&](const auto& qv) { return !qv.question->applies(flags_); });
}

void GuideBrowser::draw(ViewContext& ctx, ProtocolEditor& editor) {
    refresh(ctx);
    if (rows_.empty()) {
        widgets::empty_state("No guides in this workspace",
                             "Import a guide with `convene-cli guide import FILE`.");
        return;
    }
    // Left: the guides. Right: the selected guide for one group.
    ImGui::BeginChild("##guide_list", ImVec2(ImGui::GetFontSize() * 14, 0), true);
    for (const auto& r : rows_) {
        // A selectable as tall as the wrapped title and the line under it.
        ImGui::PushID(r.guide_id.c_str());
        float width = ImGui::GetContentRegionAvail().x;
        float title_h = ImGui::CalcTextSize(r.title.c_str(), nullptr, false, width).y;
        ImVec2 start = ImGui::GetCursorPos();
        if (ImGui::Selectable("##guide", r.guide_id == selected_id_,
                              ImGuiSelectableFlags_AllowItemOverlap,
                              ImVec2(0, title_h + ImGui::GetTextLineHeightWithSpacing()))) {
            selected_id_ = r.guide_id;
            message_.clear();
            cache_.invalidate();
        }
        probe("library.guide." + r.guide_id);
        ImGui::SetCursorPos(start);
        ImGui::PushTextWrapPos(start.x + width);
        ImGui::TextUnformatted(r.title.c_str());
        ImGui::PopTextWrapPos();
        ImGui::TextDisabled("%s v%s, %zu questions", r.guide_id.c_str(), r.version.c_str(),
                            r.questions);
        ImGui::Spacing();
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##guide_body", ImVec2(0, 0), false);
    if (!guide_) {
        ImGui::EndChild();
        return;
    }
    const auto& g = *guide_;
    if (!message_.empty()) {
        widgets::wrapped(message_.c_str());
        probe("library.message", message_);
    }
    ImGui::PushFont(fonts().heading);
    widgets::wrapped(g.title.c_str());
    ImGui::PopFont();
    if (!g.source.title.empty())
        ImGui::TextDisabled("After %s (v%s, %s)", g.source.title.c_str(), g.source.version.c_str(),
                            g.source.date.c_str());
    if (!g.derived_from.empty())
        ImGui::TextDisabled("Protocol derived from %s", g.derived_from.c_str());

    // Whose questions, for which state, with which conditions.
    const auto* current_group = g.group(group_);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
    if (ImGui::BeginCombo("Group", current_group ? current_group->label.c_str() : "")) {
        for (const auto& grp : g.groups) {
            if (ImGui::Selectable(grp.label.c_str(), group_ == grp.id)) {
                group_ = grp.id;
                rebuild_view();
            }
            probe("library.group." + grp.id);
        }
        ImGui::EndCombo();
    }
    probe("library.group");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (ImGui::InputTextWithHint("State", "e.g. Ohio", &state_)) rebuild_view();
    probe("library.state");
    if (ImGui::Checkbox("Show conditional questions", &show_all_)) rebuild_view();
    probe("library.show_all");
    if (!show_all_) {
        for (const auto& c : g.conditions) {
            bool on = flags_.contains(c.id);
            if (ImGui::Checkbox(c.label.c_str(), &on)) {
                if (on)
                    flags_.insert(c.id);
                else
                    flags_.erase(c.id);
                rebuild_view();
            }
        }
    }
    if (ImGui::Button("Make a protocol from this guide...")) editor.begin(g);
    probe("library.make_protocol");
    ImGui::SameLine();
    if (ImGui::Button("Print protocol...")) {
        exporting::ProtocolOptions o;
        o.group = group_;
        o.state = state_;
        print_.open(g, o, true);
    }
    probe("library.print");
    print_.draw();
    ImGui::Separator();

    if (const auto* grp = g.group(group_); grp && ImGui::CollapsingHeader("Purposes")) {
        for (const auto& p : grp->purposes)
            ImGui::BulletText("%s", p.c_str());
    }
    int n = 0;
    for (const auto& av : view_) {
        char header[256];
        std::snprintf(header, sizeof header, "%s  (%g min, %zu question%s)###%s",
                      av.area->title.c_str(), av.area->minutes, av.questions.size(),
                      av.questions.size() == 1 ? "" : "s", av.area->id.c_str());
        if (!ImGui::CollapsingHeader(header, ImGuiTreeNodeFlags_DefaultOpen)) {
            n += static_cast<int>(av.questions.size());
            continue;
        }
        for (const auto& qv : av.questions) {
            ImGui::PushID(qv.question->id.c_str());
            ImGui::Text("%d.", ++n);
            ImGui::SameLine();
            widgets::wrapped(qv.text.c_str());
            probe("library.question." + qv.question->id);
            ImGui::Indent();
            if (!qv.question->cue.empty()) ImGui::TextDisabled("%s", qv.question->cue.c_str());
            if (!qv.condition_label.empty()) ImGui::TextDisabled("%s", qv.condition_label.c_str());
            for (const auto& p : qv.probes) {
                ImGui::Bullet();
                widgets::wrapped((p.text + (p.optional ? "  (optional)" : "")).c_str());
            }
            for (const auto& f : qv.question->fields)
                field_input(f, preview_values_[qv.question->id + "/" + f.id]);
            ImGui::Unindent();
            ImGui::Spacing();
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

void GuideBrowser::act() {
    print_.act();
}

void GuideBrowser::show_guide(const std::string& id, std::string message) {
    selected_id_ = id;
    message_ = std::move(message);
    cache_.invalidate();
}

} // namespace convene::app
