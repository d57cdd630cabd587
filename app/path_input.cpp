#include "app/path_input.hpp"

#include "app/ui_probe.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {
namespace {

char lower(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool starts_with_ignoring_case(std::string_view s, std::string_view start) {
    if (s.size() < start.size()) return false;
    for (std::size_t i = 0; i < start.size(); ++i)
        if (lower(s[i]) != lower(start[i])) return false;
    return true;
}

bool ends_with_ignoring_case(std::string_view s, std::string_view end) {
    return s.size() >= end.size() &&
           starts_with_ignoring_case(s.substr(s.size() - end.size()), end);
}

bool wanted(const DirEntry& e, std::string_view prefix, const PathFilter& filter) {
    if (!e.name.empty() && e.name[0] == '.' && (prefix.empty() || prefix[0] != '.')) return false;
    if (!starts_with_ignoring_case(e.name, prefix)) return false;
    if (e.folder) return true;
    if (filter.folders_only) return false;
    if (filter.extensions.empty()) return true;
    return std::any_of(
        filter.extensions.begin(), filter.extensions.end(),
        [&](const std::string& ext) { return ends_with_ignoring_case(e.name, ext); });
}

// The longest start every name shares (exactly, case included).
std::string common_start(const std::vector<DirEntry>& entries) {
    std::string common = entries.front().name;
    for (const auto& e : entries) {
        std::size_t n = 0;
        while (n < common.size() && n < e.name.size() && common[n] == e.name[n])
            ++n;
        common.resize(n);
    }
    return common;
}

} // namespace

TypedPath split_typed(std::string_view typed) {
    auto slash = typed.find_last_of('/');
    if (slash == std::string_view::npos) {
        if (typed == "~") return {"~/", ""};
        return {"", std::string(typed)};
    }
    return {std::string(typed.substr(0, slash + 1)), std::string(typed.substr(slash + 1))};
}

std::filesystem::path folder_to_list(const std::string& typed_folder) {
    if (typed_folder.empty()) return ".";
    if (typed_folder[0] == '~' && (typed_folder.size() == 1 || typed_folder[1] == '/')) {
        const char* home = std::getenv("HOME");
        if (home && *home) return std::filesystem::path(home) / typed_folder.substr(2);
    }
    return typed_folder;
}

Completion complete_path(std::string_view typed, const std::vector<DirEntry>& listing,
                         const PathFilter& filter) {
    auto [folder, prefix] = split_typed(typed);
    Completion out;
    for (const auto& e : listing)
        if (wanted(e, prefix, filter)) out.matches.push_back(e);
    std::sort(out.matches.begin(), out.matches.end(), [](const DirEntry& a, const DirEntry& b) {
        return a.folder != b.folder ? a.folder : a.name < b.name;
    });
    out.completed = std::string(typed);
    if (out.matches.empty()) return out;
    if (out.matches.size() == 1) {
        const auto& only = out.matches.front();
        out.completed = folder + only.name + (only.folder ? "/" : "");
        return out;
    }
    // Several: as far as they agree, unless that is shorter than what was typed (names that
    // differ only in case agree on nothing).
    std::string common = common_start(out.matches);
    if (common.size() >= prefix.size()) out.completed = folder + common;
    return out;
}

std::vector<DirEntry> list_folder(const std::filesystem::path& folder, std::size_t limit) {
    std::vector<DirEntry> out;
    std::error_code ec;
    std::filesystem::directory_iterator it(folder, ec), end;
    for (; !ec && it != end && out.size() < limit; it.increment(ec)) {
        std::error_code type_ec;
        bool is_folder = it->is_directory(type_ec);
        out.push_back({it->path().filename().string(), is_folder && !type_ec});
    }
    return out;
}

const std::vector<DirEntry>& PathInput::listing(const std::string& typed_folder, bool refresh) {
    if (refresh || !listed_ || typed_folder != listed_folder_) {
        listing_ = list_folder(folder_to_list(typed_folder));
        listed_folder_ = typed_folder;
        listed_ = true;
    }
    return listing_;
}

int PathInput::on_tab(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag != ImGuiInputTextFlags_CallbackCompletion) return 0;
    auto* self = static_cast<PathInput*>(data->UserData);
    std::string typed(data->Buf, static_cast<std::size_t>(data->BufTextLen));
    const auto& entries = self->listing(split_typed(typed).folder, true);
    auto done = complete_path(typed, entries, self->options_->filter);
    if (done.completed != typed) {
        data->DeleteChars(0, data->BufTextLen);
        data->InsertChars(0, done.completed.c_str());
    }
    self->open_ = true;
    return 0;
}

bool PathInput::draw(const char* label, std::string& path, const Options& options) {
    options_ = &options;
    if (refocus_) {
        ImGui::SetKeyboardFocusHere();
        refocus_ = false;
    }
    ImGui::SetNextItemWidth(options.width);
    bool changed = ImGui::InputTextWithHint(label, options.hint, &path,
                                            ImGuiInputTextFlags_CallbackCompletion, on_tab, this);
    if (*options.probe) probe(options.probe, path);
    const bool active = ImGui::IsItemActive();
    entered_ =
        ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
    if (changed || ImGui::IsItemActivated()) open_ = true;
    bool list_in_use = false;
    if (open_ && !path.empty()) list_in_use = draw_matches(path, options);
    // The list closes once the box is left, but not while a click is under way: a click on a
    // button below it must land where the button was when the mouse went down.
    const bool clicking =
        ImGui::IsMouseDown(ImGuiMouseButton_Left) || ImGui::IsMouseReleased(ImGuiMouseButton_Left);
    if (!list_in_use && !active && !clicking) open_ = false;
    changed |= refocus_; // a match was clicked
    options_ = nullptr;
    return changed;
}

// The entries that fit what is typed, under the box; true while the mouse is on the list (the
// box has just lost focus to a click on it).
bool PathInput::draw_matches(std::string& path, const Options& options) {
    const auto typed = split_typed(path);
    const auto done = complete_path(path, listing(typed.folder, false), options.filter);
    // Nothing to list: no name fits, or the one that fits is the file already typed in full.
    if (done.matches.empty()) return false;
    if (done.matches.size() == 1 && !done.matches[0].folder && done.completed == path) return false;
    bool in_use = false;
    ImGui::Indent();
    std::string chosen;
    for (std::size_t k = 0; k < done.matches.size() && k < options.shown; ++k) {
        const auto& m = done.matches[k];
        std::string shown = m.name + (m.folder ? "/" : "");
        ImGui::PushID(static_cast<int>(k));
        // In a dialog (a popup) a click on a match must not close it.
        if (ImGui::Selectable(shown.c_str(), false, ImGuiSelectableFlags_DontClosePopups))
            chosen = typed.folder + shown;
        ImGui::PopID();
        in_use |= ImGui::IsItemHovered() || ImGui::IsItemActive();
        if (*options.probe)
            probe(std::string(options.probe) + ".match." + std::to_string(k), shown);
    }
    if (done.matches.size() > options.shown)
        ImGui::TextDisabled("... and %zu more: type more of the name",
                            done.matches.size() - options.shown);
    ImGui::Unindent();
    if (!chosen.empty()) {
        path = chosen;
        refocus_ = true; // typing goes on in the box, in the next frame
    }
    return in_use;
}

} // namespace convene::app
