// Library > Codebook, right side: the selected code's name, when to apply it, its colour, where
// it sits (move under, merge into) and the trash.
#include "app/ui_probe.hpp"
#include "app/views/code_colours.hpp"
#include "app/views/codebook_editor.hpp"
#include "app/widgets.hpp"
#include "guides/text.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {
namespace {

void label(const char* text) {
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", text);
    ImGui::PopTextWrapPos();
}

} // namespace

void CodebookEditor::draw_details() {
    const auto* code = selected();
    if (!code) {
        widgets::empty_state("Choose a code",
                             "Pick a code on the left to rename it, say when it applies, colour "
                             "it, move it or merge it into another. You can also drag a code onto "
                             "another to move it under it.");
        return;
    }
    const auto& c = *code;
    ImGui::PushID(c.uuid.c_str());
    auto it = counts_.find(c.uuid);
    std::size_t n = it == counts_.end() ? 0 : static_cast<std::size_t>(it->second);
    if (c.depth > 0) {
        auto slash = c.path.rfind(" / ");
        ImGui::TextDisabled("%s /", c.path.substr(0, slash).c_str());
        ImGui::SameLine();
    }
    ImGui::TextUnformatted(c.name.c_str());
    std::string segments = "· " + widgets::count(n, "coded segment");
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(segments.c_str()).x)
        ImGui::NewLine(); // a narrow window: the count goes below rather than off the edge
    ImGui::TextDisabled("%s", segments.c_str());

    label("Name");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##name", &name_);
    probe("codebook.name", name_);
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        if (name_ != c.name)
            ask({Kind::Rename, c.uuid, {}, name_});
        else if (error_for_ == Kind::Rename)
            say({}); // typed back as it was: nothing refused any more
    }
    draw_error(Kind::Rename, "codebook.name.error");

    label("Apply when");
    wrapped_input("##description", description_, ImGui::GetTextLineHeight() * 5,
                  description_state_);
    probe("codebook.description", description_);
    if (ImGui::IsItemDeactivatedAfterEdit() && description_ != c.description)
        ask({Kind::Describe, c.uuid, {}, description_});
    draw_error(Kind::Describe, "codebook.description.error");

    draw_colour(c);
    draw_place(c);
    ImGui::PopID();
}

void CodebookEditor::draw_colour(const store::CodeRow& c) {
    label("Colour");
    if (ImGui::ColorEdit3("##colour", colour_,
                          ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_NoLabel)) {
        colour_dragged_ = true;
        colour_text_ = colour_hex(colour_);
    }
    probe("codebook.colour");
    // The picker changes the colour while it is dragged: written once, when the mouse is let go.
    if (colour_dragged_ && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        colour_dragged_ = false;
        if (colour_hex(colour_) != c.colour) ask({Kind::Colour, c.uuid, {}, colour_hex(colour_)});
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    ImGui::InputTextWithHint("##hex", "#RRGGBB", &colour_text_);
    probe("codebook.colour.hex", colour_text_);
    if (ImGui::IsItemDeactivatedAfterEdit() && guides::trim(colour_text_) != c.colour)
        ask({Kind::Colour, c.uuid, {}, guides::trim(colour_text_)});
    ImGui::SameLine();
    if (c.colour.empty()) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled(c.depth > 0 ? "(its parent's colour)" : "(no colour of its own)");
    } else if (ImGui::SmallButton(c.depth > 0 ? "Use the parent's colour" : "No colour")) {
        ask({Kind::Colour, c.uuid, {}, ""});
    }
    draw_error(Kind::Colour, "codebook.colour.error");
}

void CodebookEditor::draw_place(const store::CodeRow& c) {
    // The code and its sub-codes: it cannot go under them, nor merge into them.
    CodeComboOptions options;
    bool inside = false;
    for (const auto& other : codes_) {
        if (other.uuid == c.uuid)
            inside = true;
        else if (inside && other.depth <= c.depth)
            break;
        if (inside) options.excluded.insert(other.uuid);
    }
    options.width = -1;

    label("Move under (or drag it in the tree)");
    options.none_label = "Top level";
    std::string parent = c.parent_uuid;
    if (code_combo("##move", "codebook.move", parent, codes_, move_combo_, options) &&
        parent != c.parent_uuid)
        ask({Kind::Move, c.uuid, parent, {}});
    draw_error(Kind::Move, "codebook.move.error");

    label("Merge into another code");
    options.none_label = nullptr;
    std::string into;
    if (code_combo("##merge", "codebook.merge", into, codes_, merge_combo_, options)) {
        merge_into_ = into;
        open_merge_ = true;
    }
    draw_error(Kind::Merge, "codebook.merge.error");

    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    if (ImGui::Button("Move to the trash")) ask({Kind::Delete, c.uuid, {}, {}});
    probe("codebook.delete");
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("Its sub-codes go with it; its segments stay, hidden, until it is "
                        "restored from the trash.");
    ImGui::PopTextWrapPos();
    draw_error(Kind::Delete, "codebook.delete.error");
}

void CodebookEditor::draw_merge_confirm() {
    if (open_merge_) {
        ImGui::OpenPopup("Merge codes?");
        open_merge_ = false;
    }
    if (!ImGui::BeginPopupModal("Merge codes?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const store::CodeRow *from = selected(), *into = nullptr;
    std::size_t children = 0;
    for (const auto& c : codes_) {
        if (c.uuid == merge_into_) into = &c;
        if (from && c.parent_uuid == from->uuid) ++children;
    }
    if (!from || !into) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    auto it = counts_.find(from->uuid);
    std::size_t n = it == counts_.end() ? 0 : static_cast<std::size_t>(it->second);
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::Text("Merge \"%s\" into \"%s\"?", from->path.c_str(), into->path.c_str());
    ImGui::TextDisabled(
        "Its %s become segments of \"%s\" (one that \"%s\" already has from the same coder is "
        "dropped, reversibly), its %s move under \"%s\", and \"%s\" goes to the trash.",
        widgets::count(n, "segment").c_str(), into->name.c_str(), into->name.c_str(),
        widgets::count(children, "sub-code").c_str(), into->name.c_str(), from->name.c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::Button("Merge")) {
        ask({Kind::Merge, from->uuid, into->uuid, {}});
        ImGui::CloseCurrentPopup();
    }
    probe("codebook.merge.yes");
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    probe("codebook.merge.no");
    ImGui::EndPopup();
}

} // namespace convene::app
