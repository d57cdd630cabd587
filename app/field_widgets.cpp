#include "app/field_widgets.hpp"

#include "app/ui_probe.hpp"

#include <algorithm>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {
namespace {

bool one_of(const std::string& field_id, const std::vector<std::string>& values,
            nlohmann::json& value) {
    bool changed = false;
    std::string current = value.is_string() ? value.get<std::string>() : std::string();
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        if (ImGui::RadioButton(values[i].c_str(), current == values[i])) {
            // Clicking the chosen value again clears it, so a slip can be undone.
            value = current == values[i] ? nlohmann::json() : nlohmann::json(values[i]);
            changed = true;
        }
        probe("field." + field_id + "." + values[i]);
    }
    return changed;
}

} // namespace

bool field_input(const guides::Field& f, nlohmann::json& value) {
    ImGui::PushID(f.id.c_str());
    ImGui::TextUnformatted(f.label.c_str());
    bool changed = false;
    switch (f.type) {
    case guides::FieldType::Number: {
        double v = value.is_number() ? value.get<double>() : 0.0;
        bool has = value.is_number();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        if (ImGui::InputDouble("##n", &v, 0, 0, "%g")) {
            if (f.min) v = std::max(v, *f.min);
            if (f.max) v = std::min(v, *f.max);
            value = v;
            changed = true;
        }
        probe("field." + f.id);
        ImGui::SameLine();
        ImGui::TextDisabled("%s%s", f.unit.c_str(), has ? "" : " (not answered)");
        if (has) {
            ImGui::SameLine();
            if (ImGui::SmallButton("Clear")) {
                value = nullptr;
                changed = true;
            }
        }
        break;
    }
    case guides::FieldType::Choice:
    case guides::FieldType::Ynpu:
    case guides::FieldType::YesNo:
        changed = one_of(f.id, f.allowed_values(), value);
        break;
    case guides::FieldType::Scale5: {
        // Shown as the choices "1".."5", stored as a whole number.
        nlohmann::json shown = value.is_number_integer()
                                   ? nlohmann::json(std::to_string(value.get<int>()))
                                   : nlohmann::json();
        changed = one_of(f.id, f.allowed_values(), shown);
        if (changed)
            value = shown.is_string() ? nlohmann::json(std::stoi(shown.get<std::string>()))
                                      : nlohmann::json();
        if (!f.low.empty() || !f.high.empty())
            ImGui::TextDisabled("1 = %s, 5 = %s", f.low.c_str(), f.high.c_str());
        break;
    }
    case guides::FieldType::Multi: {
        std::vector<std::string> chosen;
        if (value.is_array())
            for (const auto& v : value)
                if (v.is_string()) chosen.push_back(v.get<std::string>());
        for (std::size_t i = 0; i < f.choices.size(); ++i) {
            bool on = std::find(chosen.begin(), chosen.end(), f.choices[i]) != chosen.end();
            if (ImGui::Checkbox(f.choices[i].c_str(), &on)) {
                // Keep the guide's order of choices, whatever order they were ticked in.
                nlohmann::json next = nlohmann::json::array();
                for (const auto& c : f.choices) {
                    bool was = std::find(chosen.begin(), chosen.end(), c) != chosen.end();
                    if (c == f.choices[i] ? on : was) next.push_back(c);
                }
                value = next.empty() ? nlohmann::json() : next;
                changed = true;
            }
            probe("field." + f.id + "." + f.choices[i]);
        }
        break;
    }
    case guides::FieldType::Text: {
        std::string s = value.is_string() ? value.get<std::string>() : std::string();
        ImGui::SetNextItemWidth(-1);
        if (ImGui::InputText("##t", &s)) {
            value = s.empty() ? nlohmann::json() : nlohmann::json(s);
            changed = true;
        }
        probe("field." + f.id);
        break;
    }
    }
    ImGui::PopID();
    return changed;
}

bool fields_input(const guides::Question& question, nlohmann::json& values) {
    bool changed = false;
    for (const auto& f : question.fields) {
        nlohmann::json value = values.contains(f.id) ? values[f.id] : nlohmann::json();
        if (field_input(f, value)) {
            if (value.is_null())
                values.erase(f.id);
            else
                values[f.id] = value;
            changed = true;
        }
    }
    return changed;
}

} // namespace convene::app
