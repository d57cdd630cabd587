// Library > Currency: the dialogs that edit one unit or one state's conversion.
#include "app/ui_probe.hpp"
#include "app/views/currency_editor.hpp"
#include "app/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>
#include <utility>

namespace convene::app {
namespace {

constexpr const char* kUnitDialog = "Currency unit";
constexpr const char* kConversionDialog = "State conversion";

void field(const char* label) {
    ImGui::Spacing();
    ImGui::TextDisabled("%s", label);
}

bool hours_input(double& hours) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    bool changed = ImGui::InputDouble("##hours", &hours, 0, 0, "%g");
    probe("currency.edit.hours");
    return changed;
}

} // namespace

void CurrencyTableView::open_unit(const guides::CurrencyUnit* unit) {
    unit_ = UnitDraft{unit == nullptr, unit ? *unit : guides::CurrencyUnit{"", "", 1},
                      unit ? *unit : guides::CurrencyUnit{"", "", 1}};
    conversion_.reset();
    open_dialog_ = true;
    close_dialog_ = false;
    dialog_error_.clear();
}

void CurrencyTableView::open_conversion(const guides::Conversion* c) {
    ConversionDraft d;
    d.is_new = c == nullptr;
    if (c)
        d.base = *c;
    else {
        d.base.state = state_filter_;
        d.base.clock_hours = 1;
        if (!table_.units.empty()) d.base.unit = table_.units.front().id;
    }
    d.edit = d.base;
    d.base_state_name = d.state_name = state_name(d.base.state);
    conversion_ = d;
    unit_.reset();
    open_dialog_ = true;
    close_dialog_ = false;
    dialog_error_.clear();
}

bool CurrencyTableView::draw_dialog_buttons(bool can_remove) {
    if (!dialog_error_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.25f, 0.2f, 1));
        widgets::wrapped(dialog_error_.c_str());
        ImGui::PopStyleColor();
        probe("currency.edit.error", dialog_error_);
    }
    ImGui::Spacing();
    bool save = ImGui::Button("Save");
    probe("currency.edit.save");
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) close_dialog_ = true;
    probe("currency.edit.cancel");
    if (can_remove) {
        ImGui::SameLine();
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x -
                             ImGui::CalcTextSize("Remove").x -
                             ImGui::GetStyle().FramePadding.x * 2);
        if (ImGui::Button("Remove")) {
            if (unit_) request_ = {Kind::RemoveUnit, {unit_->base.id, {}, {}}, {}, false};
            if (conversion_)
                request_ = {Kind::RemoveConversion,
                            {},
                            {conversion_->base.state, conversion_->base.unit, {}, {}, {}},
                            false};
        }
        probe("currency.edit.remove");
    }
    return save;
}

void CurrencyTableView::draw_unit_dialog() {
    if (unit_ && open_dialog_) {
        ImGui::OpenPopup(kUnitDialog);
        open_dialog_ = false;
    }
    if (!ImGui::BeginPopupModal(kUnitDialog, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    if (!unit_ || std::exchange(close_dialog_, false)) {
        unit_.reset();
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    auto& d = *unit_;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
    ImGui::TextDisabled(d.is_new ? "A unit stakeholders may name, and what one is worth in "
                                   "clock hours where a state has no conversion of its own."
                                 : "What one unit is worth in clock hours where a state has no "
                                   "conversion of its own.");
    ImGui::PopTextWrapPos();
    field("Name");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 26);
    ImGui::InputText("##label", &d.edit.label);
    probe("currency.edit.label");
    field("Clock hours in one unit");
    hours_input(d.edit.clock_hours);
    if (draw_dialog_buttons(!d.is_new)) {
        if (d.is_new) {
            request_ = {Kind::AddUnit, {{}, d.edit.label, d.edit.clock_hours}, {}, false};
        } else {
            store::UnitChange ch{d.base.id, {}, {}};
            if (d.edit.label != d.base.label) ch.label = d.edit.label;
            if (d.edit.clock_hours != d.base.clock_hours) ch.clock_hours = d.edit.clock_hours;
            request_ = {Kind::SetUnit, ch, {}, false};
        }
    }
    ImGui::EndPopup();
}

void CurrencyTableView::draw_conversion_dialog() {
    if (conversion_ && open_dialog_) {
        ImGui::OpenPopup(kConversionDialog);
        open_dialog_ = false;
    }
    if (!ImGui::BeginPopupModal(kConversionDialog, nullptr, ImGuiWindowFlags_AlwaysAutoResize))
        return;
    if (!conversion_ || std::exchange(close_dialog_, false)) {
        conversion_.reset();
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    auto& d = *conversion_;
    float em = ImGui::GetFontSize();
    if (d.is_new) {
        field("State (two-letter code) and its name");
        ImGui::SetNextItemWidth(em * 3.5f);
        ImGui::InputText("##state", &d.edit.state, ImGuiInputTextFlags_CharsUppercase);
        probe("currency.edit.state");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 14);
        ImGui::InputTextWithHint("##state_name", "Kentucky", &d.state_name);
        probe("currency.edit.state_name");
        field("Unit");
        const auto* u = table_.unit(d.edit.unit);
        ImGui::SetNextItemWidth(em * 26);
        if (ImGui::BeginCombo("##unit", u ? u->label.c_str() : "Choose a unit")) {
            for (const auto& unit : table_.units) {
                if (ImGui::Selectable(unit.label.c_str(), unit.id == d.edit.unit))
                    d.edit.unit = unit.id;
                probe("currency.edit.unit." + unit.id);
            }
            ImGui::EndCombo();
        }
        probe("currency.edit.unit");
    } else {
        const auto* u = table_.unit(d.base.unit);
        ImGui::Text("%s (%s): %s", d.base.state.c_str(), d.state_name.c_str(),
                    u ? u->label.c_str() : d.base.unit.c_str());
    }
    field("Clock hours in one unit, in this state");
    hours_input(d.edit.clock_hours);
    field("Source: the rule or guidance this figure comes from");
    ImGui::InputTextMultiline("##source", &d.edit.source, ImVec2(em * 30, em * 6));
    probe("currency.edit.source");
    if (draw_dialog_buttons(!d.is_new)) {
        store::ConversionChange ch{d.edit.state, d.edit.unit, {}, {}, {}};
        if (d.is_new || d.state_name != d.base_state_name) ch.state_name = d.state_name;
        if (d.is_new || d.edit.clock_hours != d.base.clock_hours)
            ch.clock_hours = d.edit.clock_hours;
        if (d.is_new || d.edit.source != d.base.source) ch.source = d.edit.source;
        request_ = {Kind::SetConversion, {}, ch, false};
    }
    ImGui::EndPopup();
}

} // namespace convene::app
