// Surveys > Edit (see instrument_editor.hpp): beginning, the header with its save rules, and the
// save itself. The items are drawn in instrument_editor_items.cpp, constructs and attributes in
// instrument_editor_groups.cpp.
#include "app/views/instrument_editor.hpp"

#include "app/ui_probe.hpp"
#include "app/widgets.hpp"
#include "guides/guide_json.hpp"
#include "store/instrument_edits.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {
namespace {

const store::InstrumentRow* row_of(const std::vector<store::InstrumentRow>& rows,
                                   const std::string& id) {
    for (const auto& r : rows)
        if (r.instrument_id == id) return &r;
    return nullptr;
}

// Why the draft cannot be saved under its id, from what the screen knows ("" when it can).
std::string refusal(const store::InstrumentRow& row, std::size_t respondents) {
    if (row.bundled)
        return "\"" + row.instrument_id +
               "\" is a bundled instrument, which is never changed: choose another id.";
    if (respondents > 0)
        return "\"" + row.instrument_id + "\" has " + widgets::count(respondents, "respondent") +
               ": saving would change the instrument they answered. Choose another id.";
    return {};
}

} // namespace

void InstrumentEditor::begin(const guides::Instrument& instrument,
                             const std::vector<store::InstrumentRow>& rows) {
    draft_ = instrument;
    original_id_ = instrument.id;
    const auto* row = row_of(rows, instrument.id);
    // One's own instrument with no responses yet is edited in place; anything else as a copy,
    // so that what respondents answered never changes under them.
    in_place_ = row && !row->bundled && row->respondents == 0;
    if (!in_place_) {
        draft_.id = instrument.id + "-custom";
        for (int n = 2; row_of(rows, draft_.id); ++n)
            draft_.id = instrument.id + "-custom-" + std::to_string(n);
        draft_.title = instrument.title + " (edited)";
        draft_.version = "1";
    }
    item_op_.reset();
    new_text_.clear();
    new_construct_.clear();
    new_attribute_.clear();
    message_.clear();
    active_ = true;
    saved_ = draft_;
}

void InstrumentEditor::show(std::string message, bool error) {
    message_ = std::move(message);
    message_is_error_ = error;
}

void InstrumentEditor::draw(const std::vector<store::InstrumentRow>& rows) {
    draw_header(rows);
    ImGui::Separator();
    if (!ImGui::BeginTabBar("##instrument_editor_tabs")) return;
    if (ImGui::BeginTabItem("Items")) {
        draw_items();
        ImGui::EndTabItem();
    }
    probe("instrument_editor.tab.items");
    if (ImGui::BeginTabItem("Constructs")) {
        draw_constructs();
        ImGui::EndTabItem();
    }
    probe("instrument_editor.tab.constructs");
    if (ImGui::BeginTabItem("Respondent attributes")) {
        draw_attributes();
        ImGui::EndTabItem();
    }
    probe("instrument_editor.tab.attributes");
    ImGui::EndTabBar();
}

void InstrumentEditor::draw_header(const std::vector<store::InstrumentRow>& rows) {
    widgets::wrapped(in_place_
                         ? "Editing an instrument of your own that has no responses yet: each "
                           "save stores a new version of it."
                         : "Editing a copy: saving adds it as an instrument of its own; the one "
                           "you started from, and its responses, stay as they are.");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
    ImGui::InputText("Title", &draft_.title);
    probe("instrument_editor.title");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ImGui::InputText("Id", &draft_.id);
    probe("instrument_editor.id");
    ImGui::SameLine();
    ImGui::TextDisabled("version %s", draft_.version.c_str());
    // What saving under this id does, from the screen's cached counts (no query in a frame).
    std::string note;
    if (const auto* row = row_of(rows, draft_.id)) {
        note = refusal(*row, row->respondents);
        if (note.empty())
            note = "Saving stores a new version of \"" + draft_.id + "\" (no responses yet).";
    }
    if (!note.empty()) ImGui::TextDisabled("%s", note.c_str());
    probe("instrument_editor.note", note);
    if (ImGui::Button("Save")) save_request_ = true; // act() saves it
    probe("instrument_editor.save");
    ImGui::SameLine();
    if (widgets::close_button("instrument_editor", draft_ != saved_)) active_ = false;
    if (!message_.empty()) {
        if (message_is_error_) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8f, 0.1f, 0.1f, 1));
        widgets::wrapped(message_.c_str());
        if (message_is_error_) ImGui::PopStyleColor();
    }
    probe("instrument_editor.message", message_);
}

std::string InstrumentEditor::act(ViewContext& ctx) {
    if (!save_request_) return {};
    save_request_ = false;
    return ctx.workspace ? save(ctx) : std::string();
}

std::string InstrumentEditor::save(ViewContext& ctx) {
    auto& ws = *ctx.workspace;
    // The save runs after the frame: the stored instrument and its response count are read
    // here, not from the screen's cache, which may be a frame behind.
    if (auto stored = store::current_instrument(ws, draft_.id)) {
        store::InstrumentRow row;
        row.instrument_id = draft_.id;
        for (const auto& r : store::list_instruments(ws))
            if (r.instrument_id == draft_.id) row = r;
        if (auto why = refusal(row, store::count_respondents(ws.db(), draft_.id)); !why.empty()) {
            show(why, true);
            return {};
        }
        if (*stored == draft_) {
            show("No changes to save.", false);
            return {};
        }
        if (draft_.version == stored->version) draft_.version = store::next_version(draft_.version);
    }
    // The same rules as a file added with `survey add`: the validating loader.
    auto load = guides::parse_instrument(guides::instrument_to_json(draft_));
    if (!load.instrument) {
        show(guides::describe(load.problems, "this instrument"), true);
        return {};
    }
    auto stored = store::store_instrument(ws, *load.instrument);
    show("Saved " + draft_.id + " version " + draft_.version + " (" + stored.hash.substr(0, 12) +
             ").",
         false);
    saved_ = draft_;
    return draft_.id;
}

} // namespace convene::app
