// Surveys > Edit, the Items tab: each item's text and what its type needs (a Likert item's scale,
// reverse scoring and construct; a choice item's choices; a number's unit), moved and removed,
// and a new item of any type added at the end.
#include "app/ui_probe.hpp"
#include "app/views/instrument_editor.hpp"
#include "store/instrument_edits.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {
namespace {

constexpr const char* kTypeNames[] = {"Likert", "single choice", "multiple choice", "number",
                                      "open text"};

const char* type_name(guides::ItemType type) {
    return kTypeNames[static_cast<int>(type)];
}

std::string scale_summary(const guides::RatingScale& scale) {
    return std::to_string(scale.points()) + " points: " + scale.label_of(1) + " ... " +
           scale.label_of(scale.points());
}

} // namespace

void InstrumentEditor::draw_items() {
    ImGui::BeginChild("##items", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 2.2f));
    for (std::size_t i = 0; i < draft_.items.size(); ++i)
        draw_item(i);
    ImGui::EndChild();
    if (item_op_) {
        const auto [kind, index] = *item_op_;
        item_op_.reset();
        if (kind == ItemOp::Remove) store::remove_item(draft_, index);
        if (kind == ItemOp::Up) store::move_item(draft_, index, -1);
        if (kind == ItemOp::Down) store::move_item(draft_, index, +1);
    }
    ImGui::Separator();
    draw_new_item();
}

void InstrumentEditor::draw_item(std::size_t index) {
    auto& item = draft_.items[index];
    const std::string key = item.id; // probe names follow the item, not its place
    ImGui::PushID(static_cast<int>(index));
    ImGui::BeginDisabled(index == 0);
    if (ImGui::ArrowButton("##up", ImGuiDir_Up)) item_op_ = ItemOp{ItemOp::Up, index};
    ImGui::EndDisabled();
    probe("instrument_editor.up." + key);
    ImGui::SameLine();
    ImGui::BeginDisabled(index + 1 == draft_.items.size());
    if (ImGui::ArrowButton("##down", ImGuiDir_Down)) item_op_ = ItemOp{ItemOp::Down, index};
    ImGui::EndDisabled();
    probe("instrument_editor.down." + key);
    ImGui::SameLine();
    ImGui::TextDisabled("%zu. %s · %s", index + 1, item.id.c_str(), type_name(item.type));
    ImGui::SameLine();
    if (ImGui::SmallButton("Remove")) item_op_ = ItemOp{ItemOp::Remove, index};
    probe("instrument_editor.remove." + key);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##text", &item.text);
    probe("instrument_editor.text." + key);
    switch (item.type) {
    case guides::ItemType::Likert:
        draw_likert(item);
        break;
    case guides::ItemType::Choice:
    case guides::ItemType::Multi:
        draw_choices(item.choices, "instrument_editor.choice." + key);
        break;
    case guides::ItemType::Number:
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
        ImGui::InputTextWithHint("Unit", "e.g. hours", &item.unit);
        probe("instrument_editor.unit." + key);
        break;
    case guides::ItemType::Text:
        break;
    }
    ImGui::Spacing();
    if (item.id == scroll_to_) {
        ImGui::SetScrollHereY(1.0f); // a new item is shown where it was added: at the end
        scroll_to_.clear();
    }
    ImGui::PopID();
}

void InstrumentEditor::draw_likert(guides::Item& item) {
    const std::string key = item.id;
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(em * 22);
    const auto* scale = draft_.scale(item.scale);
    std::string shown = scale ? scale_summary(*scale) : "(no scale)";
    if (ImGui::BeginCombo("Scale", shown.c_str(), ImGuiComboFlags_HeightLargest)) {
        std::string chosen;
        for (std::size_t s = 0; s < draft_.scales.size(); ++s) {
            const auto& sc = draft_.scales[s];
            if (ImGui::Selectable(scale_summary(sc).c_str(), sc.id == item.scale)) chosen = sc.id;
            probe("instrument_editor.scale." + key + "." + std::to_string(s));
        }
        ImGui::Separator();
        ImGui::TextDisabled("A common scale");
        for (const auto& family : guides::label_families()) {
            auto fs = store::family_scale(family);
            if (ImGui::Selectable((family.kind + ", " + scale_summary(fs)).c_str()))
                chosen = store::add_scale(draft_, fs);
            probe("instrument_editor.scale." + key + "." + family.id);
        }
        ImGui::EndCombo();
        if (!chosen.empty()) {
            auto why = store::set_item_scale(draft_, item.id, chosen);
            if (!why.empty()) show(why, true);
        }
    }
    probe("instrument_editor.scale." + key, item.scale);
    ImGui::SameLine();
    ImGui::Checkbox("Reverse-scored", &item.reverse);
    probe("instrument_editor.reverse." + key);
    const auto* current = draft_.construct_of(item.id);
    ImGui::SetNextItemWidth(em * 22);
    if (ImGui::BeginCombo("Construct", current ? current->label.c_str() : "(none)",
                          ImGuiComboFlags_HeightLargest)) {
        std::optional<std::string> target;
        if (ImGui::Selectable("(none)", current == nullptr)) target = "";
        probe("instrument_editor.construct." + key + ".none");
        for (const auto& c : draft_.constructs) {
            if (ImGui::Selectable(c.label.c_str(), &c == current)) target = c.id;
            probe("instrument_editor.construct." + key + "." + c.id);
        }
        ImGui::EndCombo();
        if (target) {
            auto why = store::set_item_construct(draft_, item.id, *target);
            show(why, !why.empty());
        }
    }
    probe("instrument_editor.construct." + key, current ? current->id : "");
}

void InstrumentEditor::draw_new_item() {
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(em * 9);
    if (ImGui::BeginCombo("##new_type", kTypeNames[new_type_])) {
        for (int t = 0; t < 5; ++t) {
            if (ImGui::Selectable(kTypeNames[t], t == new_type_)) new_type_ = t;
            probe("instrument_editor.new_type." + std::to_string(t));
        }
        ImGui::EndCombo();
    }
    probe("instrument_editor.new_type", kTypeNames[new_type_]);
    ImGui::SameLine();
    const auto& style = ImGui::GetStyle();
    const char* add_label = "+ Add an item";
    ImGui::SetNextItemWidth(
        -(ImGui::CalcTextSize(add_label).x + style.FramePadding.x * 2 + style.ItemSpacing.x));
    bool enter = ImGui::InputTextWithHint("##new_text", "The question or statement", &new_text_,
                                          ImGuiInputTextFlags_EnterReturnsTrue);
    probe("instrument_editor.new_text");
    ImGui::SameLine();
    const auto type = static_cast<guides::ItemType>(new_type_);
    const std::string text =
        new_text_.empty() ? (type == guides::ItemType::Likert ? "New statement" : "New question")
                          : new_text_;
    if (ImGui::Button(add_label) || enter) {
        auto id = store::add_item(draft_, type, text);
        scroll_to_ = id;
        new_text_.clear();
        show("Added " + id + ".", false);
    }
    probe("instrument_editor.add");
    ImGui::TextDisabled("Its id will be %s", store::unused_id(draft_, text).c_str());
}

} // namespace convene::app
