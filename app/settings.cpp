#include "app/settings.hpp"

#include "export/atomic_file.hpp"

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
    return s;
}

bool save_settings(const Settings& s, const std::filesystem::path& file) {
    nlohmann::json j{{"text_scale", s.text_scale}, {"dark", s.dark}, {"last_view", s.last_view}};
    try {
        std::filesystem::create_directories(file.parent_path());
        exporting::write_file_atomically(file, j.dump(2) + "\n");
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

} // namespace convene::app
