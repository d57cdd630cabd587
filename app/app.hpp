// The application: the open workspace, the screens, the shell around them (menu bar, navigation,
// status bar, dialogs) and the commands the menu and the shortcuts run. No GLFW in here: the
// platform layer (app/platform/) drives it, and so does the headless test harness.
#pragma once

#include "app/path_input.hpp"
#include "app/settings.hpp"
#include "app/shortcuts.hpp"
#include "app/views/view.hpp"

#include <array>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace convene::store {
class Workspace;
}

namespace convene::app {

class WorkspaceTools;

enum class Screen { Conversations, Surveys, QualityReview, Library, Summaries };

struct ScreenInfo {
    Screen screen;
    const char* id;    // for --view and settings
    const char* title; // as shown in the navigation
    Command go;        // its shortcut command
};

std::span<const ScreenInfo> screen_list();
std::optional<Screen> screen_from_id(std::string_view id);
const ScreenInfo& screen_info(Screen screen);

struct AppOptions {
    std::filesystem::path workspace;  // opened at start (created if missing)
    std::filesystem::path config_dir; // settings.json and imgui.ini
    bool persist = true;              // false in tests: write no settings or imgui.ini
};

class App {
  public:
    explicit App(AppOptions options);
    ~App();

    // Draws one frame between ImGui::NewFrame() and ImGui::Render(). Never throws: an exception
    // from a view is caught, ImGui's stacks are recovered and the error is shown in a dialog.
    void frame();

    void run(Command command);
    void show(Screen screen);
    // Opens a part of a screen by name (see View::open_part): walkthrough, review, kiosk.
    bool open_part(std::string_view part);
    Screen screen() const { return screen_; }
    // Opens (or creates) a workspace; on failure keeps the current one and returns the reason.
    std::optional<std::string> open_workspace(const std::filesystem::path& path, bool create);

    store::Workspace* workspace() { return workspace_.get(); }
    const Settings& settings() const { return settings_; }
    Settings& settings() { return settings_; }
    const std::string& error_message() const { return error_message_; }
    bool wants_quit() const { return quit_; }
    // Saves everything first; stays open (with the reason in a dialog) if something could not be.
    bool request_quit();

    // Fonts are rebuilt by the platform layer between frames when the text size changed.
    bool fonts_dirty() const { return fonts_dirty_; }
    void rebuild_fonts(float content_scale);
    // How long the platform may sleep waiting for input before it draws a frame anyway: short
    // while something is in progress, a second while a timer is on screen, kNoTimer (sleep
    // until input) when nothing on screen changes by itself.
    double idle_timeout() const;
    // A view has work running off the UI thread (an import, a search).
    bool busy() const;
    static constexpr double kNoTimer = 1e9;

    void show_error(std::string message);
    // File > Merge workspace..., Save a copy..., Merge conflicts.
    WorkspaceTools& tools() { return *tools_; }

  private:
    void draw_shell();
    ViewContext view_context();
    void close_popups_on_escape();
    void draw_menu_bar();
    void draw_navigation();
    void draw_status_bar();
    // Other writers' commits (a script, another window) raise the revision: views refresh.
    void poll_workspace_changes();
    // Writes the window layout (imgui.ini) owner-only, when ImGui says it changed.
    void save_layout();
    void draw_read_only_banner();
    void draw_workspace_dialog();
    void draw_shortcuts_window();
    void draw_about_window();
    void draw_error_dialog();
    void apply_theme();
    void set_text_scale(float scale);
    void save_settings_now();
    void toggle_panels(); // Ctrl+B: the navigation and the walkthrough's side panel

    AppOptions options_;
    Settings settings_;
    std::string ini_path_;
    std::unique_ptr<store::Workspace> workspace_;
    std::chrono::steady_clock::time_point last_change_poll_{};
    std::array<std::unique_ptr<View>, 5> views_;
    std::unique_ptr<WorkspaceTools> tools_;
    Screen screen_ = Screen::Conversations;
    bool quit_ = false;
    mutable int frames_after_work_ = 0; // frames still to draw once work off the UI thread ended
    bool fonts_dirty_ = true;

    // Dialog state
    bool show_shortcuts_ = false;
    bool show_about_ = false;
    bool open_workspace_dialog_ = false;
    bool workspace_dialog_creates_ = false;
    std::string workspace_dialog_path_;
    PathInput workspace_path_input_;
    std::string workspace_dialog_error_;
    std::string error_message_;
    bool open_error_popup_ = false;
};

} // namespace convene::app
