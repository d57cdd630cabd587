// Library > Currency: the units and the per-state conversions as tables; a row opens to edit.
#include "app/ui_probe.hpp"
#include "app/views/currency_editor.hpp"
#include "app/widgets.hpp"
#include "store/currency.hpp"

#include <cctype>
#include <imgui.h>
#include <sstream>
#include <utility>

namespace convene::app {
namespace {

std::string hours_text(double h) {
    std::ostringstream out;
    out << h;
    return out.str();
}

// A row's first cell: selectable across the row; true when clicked.
bool row_button(const std::string& text, const std::string& probe_name) {
    bool clicked = ImGui::Selectable(text.c_str(), false,
                                     ImGuiSelectableFlags_SpanAllColumns |
                                         ImGuiSelectableFlags_AllowItemOverlap);
    probe(probe_name, text);
    return clicked;
}

} // namespace

std::string CurrencyTableView::state_name(const std::string& state) const {
    for (const auto& [code, name] : table_.states)
        if (code == state) return name;
    return {};
}

void CurrencyTableView::draw(ViewContext& ctx) {
    if (cache_.stale(ctx)) table_ = store::load_currency(*ctx.workspace);
    ImGui::BeginChild("##currency");
    widgets::wrapped("Summaries convert the hours and credits stakeholders name into clock hours "
                     "with these figures: a state's own conversion where it has one, else the "
                     "unit's default. Check each source against your state's current rules; "
                     "click a row to correct it.");
    draw_undo();
    draw_units();
    ImGui::Spacing();
    draw_conversions();
    ImGui::EndChild();
    draw_unit_dialog();
    draw_conversion_dialog();
}

void CurrencyTableView::draw_undo() {
    if (message_.empty()) return;
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", message_.c_str());
    probe("currency.message", message_);
    if (undo_.kind == Kind::None) return;
    ImGui::SameLine();
    if (ImGui::SmallButton("Undo")) request_ = undo_;
    probe("currency.undo");
}

void CurrencyTableView::draw_units() {
    ImGui::Spacing();
    ImGui::TextUnformatted("Units");
    ImGui::SameLine();
    if (ImGui::SmallButton("+ Add a unit")) open_unit(nullptr);
    probe("currency.add_unit");
    if (!ImGui::BeginTable("##units", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders)) return;
    float em = ImGui::GetFontSize();
    ImGui::TableSetupColumn("Unit");
    ImGui::TableSetupColumn("Clock hours", ImGuiTableColumnFlags_WidthFixed, em * 6);
    ImGui::TableSetupColumn("Converted by", ImGuiTableColumnFlags_WidthFixed, em * 9);
    ImGui::TableHeadersRow();
    for (const auto& u : table_.units) {
        ImGui::PushID(u.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (row_button(u.label, "currency.unit." + u.id)) open_unit(&u);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(hours_text(u.clock_hours).c_str());
        ImGui::TableNextColumn();
        std::string states;
        for (const auto& c : table_.conversions)
            if (c.unit == u.id) states += (states.empty() ? "" : ", ") + c.state;
        ImGui::TextDisabled("%s", states.empty() ? "(default only)" : states.c_str());
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void CurrencyTableView::draw_conversions() {
    ImGui::TextUnformatted("Conversions by state");
    ImGui::SameLine();
    float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(em * 9);
    std::string preview = state_filter_.empty() ? "All states" : state_filter_;
    if (ImGui::BeginCombo("##state", preview.c_str())) {
        if (ImGui::Selectable("All states", state_filter_.empty())) state_filter_.clear();
        for (const auto& [code, name] : table_.states)
            if (ImGui::Selectable((code + " " + name).c_str(), state_filter_ == code))
                state_filter_ = code;
        ImGui::EndCombo();
    }
    probe("currency.state_filter");
    ImGui::SameLine();
    if (ImGui::SmallButton("+ Add a conversion")) open_conversion(nullptr);
    probe("currency.add_conversion");
    if (!ImGui::BeginTable("##conversions", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders))
        return;
    ImGui::TableSetupColumn("State", ImGuiTableColumnFlags_WidthFixed, em * 3.5f);
    ImGui::TableSetupColumn("Unit", ImGuiTableColumnFlags_WidthFixed, em * 13);
    ImGui::TableSetupColumn("Clock hours", ImGuiTableColumnFlags_WidthFixed, em * 6);
    ImGui::TableSetupColumn("Source");
    ImGui::TableHeadersRow();
    for (const auto& c : table_.conversions) {
        if (!state_filter_.empty() && c.state != state_filter_) continue;
        ImGui::PushID((c.state + "/" + c.unit).c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (row_button(c.state, "currency.conversion." + c.state + "." + c.unit))
            open_conversion(&c);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", state_name(c.state).c_str());
        ImGui::TableNextColumn();
        const auto* u = table_.unit(c.unit);
        widgets::wrapped(u ? u->label.c_str() : c.unit.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(hours_text(c.clock_hours).c_str());
        ImGui::TableNextColumn();
        widgets::wrapped(c.source.c_str());
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void CurrencyTableView::act(ViewContext& ctx) {
    auto r = std::exchange(request_, {});
    if (r.kind == Kind::None || !ctx.workspace) return;
    try {
        run(ctx, r);
        close_dialog_ = unit_ || conversion_;
        dialog_error_.clear();
    } catch (const store::Error& e) {
        std::string why = e.what();
        if (!why.empty())
            why[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(why[0])));
        if (unit_ || conversion_)
            dialog_error_ = why + ".";
        else
            message_ = why + ".";
    }
}

void CurrencyTableView::run(ViewContext& ctx, const CurrencyRequest& r) {
    auto& db = ctx.workspace->db();
    const auto& u = r.unit;
    const auto& c = r.conversion;
    if (r.undo) undo_ = {};
    switch (r.kind) {
    case Kind::None:
        return;
    case Kind::AddUnit:
        store::add_unit(db, u.label.value_or(""), u.clock_hours.value_or(0), u.slug);
        message_ = r.undo ? "Put \"" + *u.label + "\" back." : "Added \"" + *u.label + "\".";
        return;
    case Kind::SetUnit:
        store::set_unit(db, u);
        message_.clear();
        return;
    case Kind::RemoveUnit: {
        auto removed = store::remove_unit(db, u.slug);
        undo_ = {Kind::AddUnit, {removed.id, removed.label, removed.clock_hours}, {}, true};
        message_ = "Removed the unit \"" + removed.label + "\".";
        return;
    }
    case Kind::SetConversion:
        store::set_conversion(db, c);
        message_ = r.undo ? "Put " + c.state + "'s conversion back." : std::string();
        return;
    case Kind::RemoveConversion: {
        auto removed = store::remove_conversion(db, c.state, c.unit);
        undo_ = {Kind::SetConversion, {}, removed.restore(), true};
        const auto* unit = table_.unit(c.unit);
        message_ = "Removed " + removed.conversion.state + "'s conversion of \"" +
                   (unit ? unit->label : c.unit) +
                   "\": summaries now use the unit's default there.";
        return;
    }
    }
}

} // namespace convene::app
