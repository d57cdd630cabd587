// The user's display preferences, kept as JSON in the config folder next to imgui.ini.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace convene::app {

struct Settings {
    float text_scale = 1.0f; // multiplies the base text size (View > Text size)
    bool dark = false;       // View > Dark theme
    std::string last_view = "conversations";
    double kiosk_idle_seconds = 60;     // survey kiosk: back to the welcome screen after this
    bool walkthrough_side_panel = true; // walkthrough: participants and keys shown
    bool navigation_shown = true;       // the screen list on the left
    // The conversation open in the walkthrough or review when the app last ran (reopened after
    // a crash or a kill); "" when none was.
    std::string open_conversation;
    std::string open_mode; // walkthrough | review | setup
    // Who codes on this machine: workspace file -> the person's uuid (asked once per workspace).
    std::map<std::string, std::string> coders;
    bool coding_blind = false; // review: each coder sees only their own codings

    static constexpr float kMinScale = 0.75f;
    static constexpr float kMaxScale = 2.5f;
};

// A missing or unreadable file gives the defaults: preferences are never worth an error dialog.
Settings load_settings(const std::filesystem::path& file);
// Returns false (and leaves the old file) when the folder cannot be written.
bool save_settings(const Settings& settings, const std::filesystem::path& file);

} // namespace convene::app
