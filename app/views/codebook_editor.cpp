// Library > Codebook: the layout (tree on the left, the selected code on the right), the cached
// model and the writes.
#include "app/views/codebook_editor.hpp"

#include "app/ui_probe.hpp"
#include "app/views/code_colours.hpp"
#include "app/widgets.hpp"
#include "store/code_edits.hpp"

#include <algorithm>
#include <cctype>
#include <imgui.h>
#include <utility>

namespace convene::app {

void CodebookEditor::refresh(ViewContext& ctx) {
    if (!cache_.stale(ctx)) return;
    auto& db = ctx.workspace->db();
    codes_ = store::list_codes(db);
    trash_ = store::list_trashed_codes(db);
    counts_ = store::segment_counts(db);
    colours_ = shown_colours(codes_);
    // Something is always selected, so the right side shows what a code holds.
    if (!selected() && !codes_.empty()) selected_ = codes_.front().uuid;
    if (const auto* code = selected())
        load_drafts(*code, false);
    else
        selected_.clear();
}

const store::CodeRow* CodebookEditor::selected() const {
    for (const auto& c : codes_)
        if (c.uuid == selected_) return &c;
    return nullptr;
}

void CodebookEditor::load_drafts(const store::CodeRow& code, bool force) {
    bool other = force || code.uuid != loaded_.uuid;
    // A field the user has not touched follows the store; one being edited keeps its text.
    if (other || name_ == loaded_.name) name_ = code.name;
    if (other || description_ == loaded_.description) description_ = code.description;
    if (other || colour_text_ == loaded_.colour) colour_text_ = code.colour;
    auto shown = colours_[static_cast<std::size_t>(&code - codes_.data())];
    colour_[0] = shown.x;
    colour_[1] = shown.y;
    colour_[2] = shown.z;
    loaded_ = code;
}

void CodebookEditor::say(std::string message, Kind error_for) {
    message_ = std::move(message);
    error_for_ = error_for;
}

void CodebookEditor::draw_error(Kind kind, const char* probe_name) const {
    if (error_for_ != kind || message_.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.25f, 0.2f, 1));
    widgets::wrapped(message_.c_str());
    ImGui::PopStyleColor();
    probe(probe_name, message_);
}

void CodebookEditor::draw(ViewContext& ctx) {
    refresh(ctx);
    float em = ImGui::GetFontSize();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float left = std::clamp(avail.x * 0.5f, std::min(em * 18, avail.x * 0.6f), em * 30);
    ImGui::BeginChild("##codebook.tree", ImVec2(left, 0), false);
    draw_new_code();
    // The last line holds the trash, or the top-level drop target while a code is dragged.
    draw_tree(ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing());
    draw_trash(ImGui::GetFrameHeight());
    ImGui::EndChild();
    ImGui::SameLine();
    // A wide window does not stretch the fields past what reads comfortably.
    float right = std::min(ImGui::GetContentRegionAvail().x, em * 42);
    ImGui::BeginChild("##codebook.details", ImVec2(right, 0), false);
    draw_details();
    ImGui::EndChild();
    draw_merge_confirm();
}

void CodebookEditor::act(ViewContext& ctx) {
    auto requests = std::exchange(requests_, {});
    if (!ctx.workspace) return;
    for (const auto& r : requests) {
        if (!act(*ctx.workspace, r)) return; // refused: the rest waits for the user
        loaded_ = {}; // written: the drafts follow the store again once it is read back
    }
}

bool CodebookEditor::act(store::Workspace& ws, const CodebookRequest& r) {
    auto& db = ws.db();
    auto name_of = [&](const std::string& uuid) {
        for (const auto& c : codes_)
            if (c.uuid == uuid) return "\"" + c.name + "\"";
        for (const auto& c : trash_)
            if (c.uuid == uuid) return "\"" + c.name + "\"";
        return std::string("the code");
    };
    try {
        switch (r.kind) {
        case Kind::None:
            return true;
        case Kind::Add:
            selected_ = store::add_code(db, {r.text, r.uuid, {}, {}});
            new_name_.clear();
            say("Added \"" + r.text + "\". Say when to apply it on the right.");
            return true;
        case Kind::Rename:
            store::rename_code(db, r.uuid, r.text);
            say({});
            return true;
        case Kind::Describe:
            store::describe_code(db, r.uuid, r.text);
            say({});
            return true;
        case Kind::Colour:
            store::set_code_colour(db, r.uuid, r.text);
            say({});
            return true;
        case Kind::Move:
            store::move_code(db, r.uuid, r.other);
            say("Moved " + name_of(r.uuid) +
                (r.other.empty() ? " to the top level." : " under " + name_of(r.other) + "."));
            return true;
        case Kind::Merge: {
            auto from = name_of(r.uuid), into = name_of(r.other);
            auto m = store::merge_codes(db, r.uuid, r.other);
            selected_ = r.other;
            say("Merged " + from + " into " + into + ": " +
                widgets::count(static_cast<std::size_t>(m.segments_moved), "segment") + " moved, " +
                widgets::count(static_cast<std::size_t>(m.children_moved), "sub-code") +
                " moved, " +
                widgets::count(static_cast<std::size_t>(m.duplicates_removed), "duplicate") +
                " removed. " + from + " is in the trash.");
            return true;
        }
        case Kind::Delete: {
            auto name = name_of(r.uuid);
            std::string parent;
            for (const auto& c : codes_)
                if (c.uuid == r.uuid) parent = c.parent_uuid;
            int n = store::delete_code(db, r.uuid);
            undo_uuid_ = r.uuid;
            selected_ = parent;
            say("Moved " + name +
                (n > 1 ? " and " + widgets::count(static_cast<std::size_t>(n - 1), "sub-code")
                       : std::string()) +
                " to the trash.");
            return true;
        }
        case Kind::Restore: {
            int n = store::restore_code(db, r.uuid);
            if (undo_uuid_ == r.uuid) undo_uuid_.clear();
            selected_ = r.uuid;
            say("Restored " + name_of(r.uuid) +
                (n > 1 ? " with " + widgets::count(static_cast<std::size_t>(n - 1), "other code")
                       : std::string()) +
                ".");
            return true;
        }
        }
    } catch (const store::Error& e) {
        std::string why = e.what();
        if (!why.empty())
            why[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(why[0])));
        say(why + ".", r.kind);
    }
    return false;
}

} // namespace convene::app
