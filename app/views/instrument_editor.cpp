// Surveys > edit instrument (see instrument_editor.hpp).
#include "app/views/instrument_editor.hpp"

#include "app/ui_probe.hpp"
#include "app/widgets.hpp"
#include "guides/guide_json.hpp"
#include "store/surveys.hpp"

#include <algorithm>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {

void InstrumentEditor::begin(store::Workspace& ws, const guides::Instrument& instrument) {
    draft_ = instrument;
    original_id_ = instrument.id;
    // A fresh id: saving must never replace an instrument that may already have responses.
    draft_.id = instrument.id + "-custom";
    for (int n = 2; store::current_instrument(ws, draft_.id); ++n)
        draft_.id = instrument.id + "-custom-" + std::to_string(n);
    draft_.title = instrument.title + " (edited)";
    draft_.version = "1";
    next_item_ = 1;
    message_.clear();
    active_ = true;
    saved_ = draft_;
}

void InstrumentEditor::draw() {
    widgets::wrapped("Edit a copy of the instrument: change wording, reverse scoring and "
                     "constructs, add Likert items. Saving adds it as an instrument of its own; "
                     "the one you started from, and its responses, stay as they are.");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
    ImGui::InputText("Title", &draft_.title);
    probe("instrument_editor.title");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ImGui::InputText("Id", &draft_.id);
    probe("instrument_editor.id");
    if (ImGui::Button("Save as new instrument")) save_request_ = true; // act() saves it
    probe("instrument_editor.save");
    ImGui::SameLine();
    if (widgets::close_button("instrument_editor", draft_ != saved_)) active_ = false;
    if (!message_.empty()) {
        if (message_is_error_) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8f, 0.1f, 0.1f, 1));
        widgets::wrapped(message_.c_str());
        if (message_is_error_) ImGui::PopStyleColor();
    }
    ImGui::Separator();

    ImGui::BeginChild("##items");
    int remove = -1;
    for (std::size_t i = 0; i < draft_.items.size(); ++i) {
        auto& item = draft_.items[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::TextDisabled("%s · %s", item.id.c_str(),
                            std::string(guides::item_type_name(item.type)).c_str());
        ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 4);
        ImGui::InputText("##text", &item.text);
        probe("instrument_editor.text." + item.id);
        ImGui::SameLine();
        if (ImGui::SmallButton("Remove")) remove = static_cast<int>(i);
        if (item.type == guides::ItemType::Likert) {
            ImGui::Checkbox("Reverse-scored", &item.reverse);
            probe("instrument_editor.reverse." + item.id);
            ImGui::SameLine();
            const auto* current = draft_.construct_of(item.id);
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
            if (ImGui::BeginCombo("Construct", current ? current->label.c_str() : "(none)")) {
                auto move_to = [&](guides::Construct* target) {
                    for (auto& c : draft_.constructs)
                        std::erase(c.items, item.id);
                    if (target) target->items.push_back(item.id);
                };
                if (ImGui::Selectable("(none)", current == nullptr)) move_to(nullptr);
                for (auto& c : draft_.constructs)
                    if (ImGui::Selectable(c.label.c_str(), &c == current)) move_to(&c);
                ImGui::EndCombo();
            }
        }
        ImGui::Spacing();
        ImGui::PopID();
    }
    if (remove >= 0) {
        std::string id = draft_.items[static_cast<std::size_t>(remove)].id;
        draft_.items.erase(draft_.items.begin() + remove);
        for (auto& c : draft_.constructs)
            std::erase(c.items, id);
    }
    if (ImGui::Button("+ Add a Likert item") && !draft_.scales.empty()) {
        guides::Item item;
        do {
            item.id = "custom." + std::to_string(next_item_++);
        } while (draft_.item(item.id));
        item.text = "New statement";
        item.type = guides::ItemType::Likert;
        item.scale = draft_.scales.front().id;
        draft_.items.push_back(item);
    }
    probe("instrument_editor.add");
    ImGui::EndChild();
}

std::string InstrumentEditor::act(ViewContext& ctx) {
    if (!save_request_) return {};
    save_request_ = false;
    return ctx.workspace ? save(ctx) : std::string();
}

std::string InstrumentEditor::save(ViewContext& ctx) {
    // The same rules as a file: run it through the validating loader.
    auto load = guides::parse_instrument(guides::instrument_to_json(draft_));
    if (!load.instrument) {
        message_ = guides::describe(load.problems, "this instrument");
        message_is_error_ = true;
        return {};
    }
    if (store::current_instrument(*ctx.workspace, draft_.id)) {
        message_ = "The id \"" + draft_.id +
                   "\" is taken by an instrument that may have responses: "
                   "choose another id.";
        message_is_error_ = true;
        return {};
    }
    store::import_instrument(*ctx.workspace, *load.instrument);
    message_ = "Saved " + draft_.id + ".";
    message_is_error_ = false;
    saved_ = draft_;
    return draft_.id;
}

} // namespace convene::app
