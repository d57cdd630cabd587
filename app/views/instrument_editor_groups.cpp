// Surveys > Edit: a list of choices (of a choice item or an attribute), the Constructs tab
// (groups of Likert items scored together) and the Respondent attributes tab (what respondents
// are grouped by when results are compared).
#include "app/ui_probe.hpp"
#include "app/views/instrument_editor.hpp"
#include "app/widgets.hpp"
#include "store/instrument_edits.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {

void InstrumentEditor::draw_choices(std::vector<std::string>& choices, const std::string& key) {
    const float em = ImGui::GetFontSize();
    ImGui::Indent();
    int remove = -1;
    for (std::size_t c = 0; c < choices.size(); ++c) {
        ImGui::PushID(static_cast<int>(c));
        ImGui::SetNextItemWidth(em * 20);
        ImGui::InputText("##choice", &choices[c]);
        probe(key + "." + std::to_string(c));
        ImGui::SameLine();
        if (ImGui::SmallButton("x")) remove = static_cast<int>(c);
        probe(key + "." + std::to_string(c) + ".remove");
        ImGui::PopID();
    }
    if (remove >= 0) choices.erase(choices.begin() + remove);
    if (ImGui::SmallButton("+ Add a choice"))
        choices.push_back("Choice " + std::to_string(choices.size() + 1));
    probe(key + ".add");
    ImGui::Unindent();
}

void InstrumentEditor::draw_constructs() {
    widgets::wrapped("A construct groups Likert items on one scale that are scored together (a "
                     "subscale); Results shows its score and Cronbach's alpha. Put an item in a "
                     "construct from its Construct box on the Items tab.");
    std::string remove;
    for (auto& c : draft_.constructs) {
        ImGui::PushID(c.id.c_str());
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
        ImGui::InputText("##label", &c.label);
        probe("instrument_editor.construct_label." + c.id);
        ImGui::SameLine();
        ImGui::TextDisabled("%s, %s", c.id.c_str(), widgets::count(c.items.size(), "item").c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Remove")) remove = c.id;
        probe("instrument_editor.construct_remove." + c.id);
        ImGui::PopID();
    }
    if (!remove.empty()) store::remove_construct(draft_, remove);
    ImGui::Separator();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
    bool enter = ImGui::InputTextWithHint("##new_construct", "e.g. Collaboration", &new_construct_,
                                          ImGuiInputTextFlags_EnterReturnsTrue);
    probe("instrument_editor.new_construct");
    ImGui::SameLine();
    if (ImGui::Button("+ Add a construct") || enter) {
        auto id = store::add_construct(draft_, new_construct_);
        if (id.empty()) {
            show("Type the construct's name first.", true);
        } else {
            new_construct_.clear();
            show("Added construct " + id + ": put Likert items in it on the Items tab.", false);
        }
    }
    probe("instrument_editor.add_construct");
}

void InstrumentEditor::draw_attributes() {
    widgets::wrapped("A respondent attribute (school level, the professional learning taken) has "
                     "a few choices; results are compared between its groups.");
    std::string remove;
    for (auto& a : draft_.attributes) {
        ImGui::PushID(a.id.c_str());
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
        ImGui::InputText("##label", &a.label);
        probe("instrument_editor.attribute_label." + a.id);
        ImGui::SameLine();
        ImGui::TextDisabled("%s", a.id.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Remove")) remove = a.id;
        probe("instrument_editor.attribute_remove." + a.id);
        draw_choices(a.choices, "instrument_editor.attribute_choice." + a.id);
        ImGui::Spacing();
        ImGui::PopID();
    }
    if (!remove.empty()) store::remove_attribute(draft_, remove);
    ImGui::Separator();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
    bool enter = ImGui::InputTextWithHint("##new_attribute", "e.g. School level", &new_attribute_,
                                          ImGuiInputTextFlags_EnterReturnsTrue);
    probe("instrument_editor.new_attribute");
    ImGui::SameLine();
    if (ImGui::Button("+ Add an attribute") || enter) {
        auto id = store::add_attribute(draft_, new_attribute_, {"First group", "Second group"});
        if (id.empty()) {
            show("Type the attribute's name first.", true);
        } else {
            new_attribute_.clear();
            show("Added attribute " + id + ": name its choices.", false);
        }
    }
    probe("instrument_editor.add_attribute");
}

} // namespace convene::app
