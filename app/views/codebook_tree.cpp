// Library > Codebook, left side: a new code, the tree of codes with their segment counts (drag a
// code onto another to move it under it), and the trash.
#include "app/ui_probe.hpp"
#include "app/views/code_colours.hpp"
#include "app/views/codebook_editor.hpp"
#include "app/widgets.hpp"

#include <cmath>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {
namespace {

constexpr const char* kPayload = "convene.code"; // a code's uuid, dragged

// Spaces before a name in the tree, leaving room for the colour square drawn there.
const std::string& swatch_room() {
    static std::string pad;
    static float for_size = 0;
    if (for_size != ImGui::GetFontSize()) {
        for_size = ImGui::GetFontSize();
        float space = std::max(1.f, ImGui::CalcTextSize(" ").x);
        pad.assign(static_cast<std::size_t>(std::ceil(for_size * 1.15f / space)), ' ');
    }
    return pad;
}

} // namespace

void CodebookEditor::select(const store::CodeRow& code) {
    if (code.uuid == selected_) return;
    // Typed but not yet written (the click left the field): written now. An edit the store just
    // refused is dropped instead; its message was on screen.
    if (error_for_ == Kind::None) commit_drafts();
    selected_ = code.uuid;
    load_drafts(code, true);
    if (error_for_ != Kind::None) say({});
}

void CodebookEditor::commit_drafts() {
    const auto* code = selected();
    if (!code || loaded_.uuid != code->uuid) return;
    if (name_ != loaded_.name) ask({Kind::Rename, code->uuid, {}, name_});
    if (description_ != loaded_.description) ask({Kind::Describe, code->uuid, {}, description_});
}

void CodebookEditor::draw_new_code() {
    ImGui::SetNextItemWidth(-1);
    bool enter = ImGui::InputTextWithHint("##new", "New code name", &new_name_,
                                          ImGuiInputTextFlags_EnterReturnsTrue);
    probe("codebook.new.name");
    if (ImGui::Button("Add at the top level") || enter) ask({Kind::Add, {}, {}, new_name_});
    probe("codebook.add");
    if (const auto* code = selected()) {
        ImGui::SameLine();
        std::string label = "Add under \"" + code->name + "\"";
        if (label.size() > 32) label = label.substr(0, 28) + "…\"";
        if (ImGui::Button(label.c_str())) ask({Kind::Add, code->uuid, {}, new_name_});
        probe("codebook.add_child");
    }
    draw_error(Kind::Add, "codebook.add.error");
    if (error_for_ == Kind::None && !message_.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", message_.c_str());
        ImGui::PopTextWrapPos();
        probe("codebook.message", message_);
        if (!undo_uuid_.empty()) {
            if (ImGui::SmallButton("Undo")) ask({Kind::Restore, undo_uuid_, {}, {}});
            probe("codebook.undo");
        }
    }
    ImGui::Spacing();
}

bool CodebookEditor::draw_tree_row(std::size_t i, bool has_children) {
    const auto& c = codes_[i];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_SpanFullWidth | ImGuiTreeNodeFlags_OpenOnArrow |
                               ImGuiTreeNodeFlags_OpenOnDoubleClick |
                               ImGuiTreeNodeFlags_DefaultOpen;
    if (!has_children) flags |= ImGuiTreeNodeFlags_Leaf | ImGuiTreeNodeFlags_NoTreePushOnOpen;
    if (c.uuid == selected_) flags |= ImGuiTreeNodeFlags_Selected;
    float x = ImGui::GetCursorScreenPos().x + ImGui::GetTreeNodeToLabelSpacing();
    bool open =
        ImGui::TreeNodeEx(c.uuid.c_str(), flags, "%s%s", swatch_room().c_str(), c.name.c_str());
    if (ImGui::IsItemClicked() && !ImGui::IsItemToggledOpen()) select(c);
    probe("codebook.code." + c.path, c.name);
    float y =
        (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y - ImGui::GetTextLineHeight()) / 2;
    draw_swatch(ImVec2(x, y), colours_[i]);
    if (!c.description.empty() && ImGui::IsItemHovered() && !ImGui::GetDragDropPayload()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
        ImGui::TextUnformatted(c.description.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    drag_and_drop(c);
    ImGui::TableNextColumn();
    auto it = counts_.find(c.uuid);
    int n = it == counts_.end() ? 0 : it->second;
    std::string count = std::to_string(n);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x -
                         ImGui::CalcTextSize(count.c_str()).x);
    if (n == 0)
        ImGui::TextDisabled("%s", count.c_str());
    else
        ImGui::TextUnformatted(count.c_str());
    probe("codebook.count." + c.path, count);
    return open && has_children;
}

void CodebookEditor::drag_and_drop(const store::CodeRow& code) {
    if (ImGui::BeginDragDropSource()) {
        ImGui::SetDragDropPayload(kPayload, code.uuid.data(), code.uuid.size());
        ImGui::Text("Move \"%s\" under…", code.name.c_str());
        ImGui::EndDragDropSource();
    }
    if (ImGui::BeginDragDropTarget()) {
        if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(kPayload)) {
            std::string from(static_cast<const char*>(p->Data),
                             static_cast<std::size_t>(p->DataSize));
            if (from != code.uuid) ask({Kind::Move, from, code.uuid, {}});
        }
        ImGui::EndDragDropTarget();
    }
}

void CodebookEditor::draw_tree(float height) {
    if (codes_.empty()) {
        ImGui::BeginChild("##empty", ImVec2(0, height));
        widgets::empty_state("No codes yet", "Name the first code above and add it.");
        ImGui::EndChild();
        return;
    }
    ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersOuterH;
    if (!ImGui::BeginTable("##codes", 2, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Code", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Segments", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("Segments").x);
    ImGui::TableHeadersRow();
    int pushed = 0;     // tree levels open
    int closed_at = -1; // depth of a closed node whose sub-codes are skipped
    for (std::size_t i = 0; i < codes_.size(); ++i) {
        int depth = codes_[i].depth;
        if (closed_at >= 0 && depth > closed_at) continue;
        closed_at = -1;
        for (; pushed > depth; --pushed)
            ImGui::TreePop();
        bool has_children = i + 1 < codes_.size() && codes_[i + 1].depth > depth;
        if (draw_tree_row(i, has_children))
            ++pushed;
        else if (has_children)
            closed_at = depth;
    }
    for (; pushed > 0; --pushed)
        ImGui::TreePop();
    ImGui::EndTable();
}

void CodebookEditor::draw_top_level_drop(float height) {
    ImGui::Button("Drop here to move it to the top level", ImVec2(-1, height));
    probe("codebook.drop_top");
    if (ImGui::BeginDragDropTarget()) {
        if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(kPayload))
            ask({Kind::Move,
                 std::string(static_cast<const char*>(p->Data),
                             static_cast<std::size_t>(p->DataSize)),
                 {},
                 {}});
        ImGui::EndDragDropTarget();
    }
}

void CodebookEditor::draw_trash(float height) {
    const ImGuiPayload* dragged = ImGui::GetDragDropPayload();
    if (dragged && dragged->IsDataType(kPayload)) return draw_top_level_drop(height);
    if (trash_.empty()) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("The trash is empty.");
        return;
    }
    std::string label = "Trash (" + std::to_string(trash_.size()) + ")…";
    if (ImGui::Button(label.c_str())) ImGui::OpenPopup("##trash");
    probe("codebook.trash");
    if (!ImGui::BeginPopup("##trash")) return;
    ImGui::TextDisabled("Codes in the trash keep their segments; restoring brings them back.");
    auto name_of = [&](const std::string& uuid) -> std::string {
        for (const auto& c : codes_)
            if (c.uuid == uuid) return c.path;
        for (const auto& c : trash_)
            if (c.uuid == uuid) return c.name;
        return {};
    };
    if (ImGui::BeginTable("##trashed", 3, ImGuiTableFlags_RowBg)) {
        for (const auto& c : trash_) {
            ImGui::PushID(c.uuid.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(c.name.c_str());
            if (!c.parent_uuid.empty()) {
                ImGui::SameLine();
                ImGui::TextDisabled("under %s", name_of(c.parent_uuid).c_str());
            }
            ImGui::TableNextColumn();
            auto it = counts_.find(c.uuid);
            ImGui::TextDisabled(
                "%s",
                widgets::count(it == counts_.end() ? 0u : static_cast<std::size_t>(it->second),
                               "segment")
                    .c_str());
            ImGui::TableNextColumn();
            if (ImGui::SmallButton("Restore")) {
                ask({Kind::Restore, c.uuid, {}, {}});
                ImGui::CloseCurrentPopup();
            }
            probe("codebook.restore." + c.name);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::EndPopup();
}

} // namespace convene::app
