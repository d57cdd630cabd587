#include "app/settings.hpp"

#include "export/atomic_file.hpp"
#include "store/paths.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

namespace convene::app {

Settings load_settings(const std::filesystem::path& file) {
    Settings s;
    std::ifstream in(file);
    if (!in) return s;
    auto j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object()) return s;
    if (auto it = j.find("text_scale"); it != j.end() && it->is_number())
        // Clamped as a double first: a double beyond float's range has no float to become.
        s.text_scale = static_cast<float>(std::clamp(it->get<double>(), double{Settings::kMinScale},
                                                     double{Settings::kMaxScale}));
    if (auto it = j.find("dark"); it != j.end() && it->is_boolean()) s.dark = it->get<bool>();
    if (auto it = j.find("last_view"); it != j.end() && it->is_string())
        s.last_view = it->get<std::string>();
    if (auto it = j.find("kiosk_idle_seconds"); it != j.end() && it->is_number())
        s.kiosk_idle_seconds = std::clamp(it->get<double>(), 5.0, 3600.0);
    if (auto it = j.find("walkthrough_side_panel"); it != j.end() && it->is_boolean())
        s.walkthrough_side_panel = it->get<bool>();
    if (auto it = j.find("navigation_shown"); it != j.end() && it->is_boolean())
        s.navigation_shown = it->get<bool>();
    if (auto it = j.find("open_conversation"); it != j.end() && it->is_string())
        s.open_conversation = it->get<std::string>();
    if (auto it = j.find("open_mode"); it != j.end() && it->is_string())
        s.open_mode = it->get<std::string>();
    if (auto it = j.find("coders"); it != j.end() && it->is_object())
        for (const auto& [workspace, uuid] : it->items())
            if (uuid.is_string()) s.coders[workspace] = uuid.get<std::string>();
    if (auto it = j.find("coding_blind"); it != j.end() && it->is_boolean())
        s.coding_blind = it->get<bool>();
    return s;
}

bool save_settings(const Settings& s, const std::filesystem::path& file) {
    nlohmann::json j{{"text_scale", s.text_scale},
                     {"dark", s.dark},
                     {"last_view", s.last_view},
                     {"kiosk_idle_seconds", s.kiosk_idle_seconds},
                     {"walkthrough_side_panel", s.walkthrough_side_panel},
                     {"navigation_shown", s.navigation_shown},
                     {"open_conversation", s.open_conversation},
                     {"open_mode", s.open_mode},
                     {"coders", s.coders},
                     {"coding_blind", s.coding_blind}};
    try {
        store::create_private_directories(file.parent_path());
        exporting::write_file_atomically(file, j.dump(2) + "\n");
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

} // namespace convene::app
