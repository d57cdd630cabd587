#include "app/views/code_combo.hpp"

#include "app/code_filter.hpp"
#include "app/ui_probe.hpp"
#include "app/views/code_colours.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {
namespace {

const store::CodeRow* find(const std::vector<store::CodeRow>& codes, const std::string& uuid) {
    for (const auto& c : codes)
        if (c.uuid == uuid) return &c;
    return nullptr;
}

} // namespace

bool code_combo(const char* id, std::string_view probe_name, std::string& uuid,
                const std::vector<store::CodeRow>& codes, CodeComboState& state,
                const CodeComboOptions& options) {
    const auto* current = find(codes, uuid);
    std::string preview = current              ? current->path
                          : options.none_label ? options.none_label
                                               : "Choose a code…";
    std::string name(probe_name);
    if (options.width != 0) ImGui::SetNextItemWidth(options.width);
    bool open = ImGui::BeginCombo(id, preview.c_str(), ImGuiComboFlags_HeightLargest);
    probe(name);
    if (!open) return false;
    bool chose = false;
    if (ImGui::IsWindowAppearing()) {
        state.filter.clear();
        ImGui::SetKeyboardFocusHere();
    }
    ImGui::SetNextItemWidth(-1);
    bool enter = ImGui::InputTextWithHint("##filter", "Type to filter", &state.filter,
                                          ImGuiInputTextFlags_EnterReturnsTrue);
    probe(name + ".filter");
    if (options.none_label && state.filter.empty()) {
        if (ImGui::Selectable(options.none_label, uuid.empty())) {
            uuid.clear();
            chose = true;
        }
        probe(name + ".none");
    }
    // The same matching as the code picker (app/code_filter.hpp): words in any order, any case.
    auto shown = filter_codes(codes, state.filter);
    auto colours = shown_colours(codes);
    bool filtered = !state.filter.empty();
    float em = ImGui::GetFontSize();
    for (std::size_t index : shown) {
        const auto* c = &codes[index];
        if (options.excluded.count(c->uuid)) continue;
        if (enter && !chose) {
            uuid = c->uuid;
            chose = true;
        }
        ImGui::PushID(c->uuid.c_str());
        float indent = filtered ? 0 : static_cast<float>(c->depth) * em;
        ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(pos.x + indent + em * 1.1f, pos.y));
        if (ImGui::Selectable(filtered ? c->path.c_str() : c->name.c_str(), c->uuid == uuid)) {
            uuid = c->uuid;
            chose = true;
        }
        probe(name + "." + c->path);
        draw_swatch(ImVec2(pos.x + indent, pos.y), colours[index]);
        ImGui::PopID();
    }
    if (shown.empty()) ImGui::TextDisabled("No code matches \"%s\".", state.filter.c_str());
    if (chose) ImGui::CloseCurrentPopup();
    ImGui::EndCombo();
    return chose;
}

} // namespace convene::app
