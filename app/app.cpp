#include "app/app.hpp"

#include "app/fonts.hpp"
#include "app/views/workspace_tools.hpp"
#include "export/atomic_file.hpp"
#include "store/paths.hpp"
#include "store/seed.hpp"
#include "store/workspace.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <imgui.h>
#include <imgui_internal.h>

namespace convene::app {
namespace {

constexpr std::array kScreens{
    ScreenInfo{Screen::Conversations, "conversations", "Conversations", Command::GoConversations},
    ScreenInfo{Screen::Surveys, "surveys", "Surveys", Command::GoSurveys},
    ScreenInfo{Screen::QualityReview, "quality", "Quality review", Command::GoQualityReview},
    ScreenInfo{Screen::Library, "library", "Library", Command::GoLibrary},
    ScreenInfo{Screen::Summaries, "summaries", "Summaries & export", Command::GoSummaries},
};

void log_recovery(void*, const char*, ...) {}

} // namespace

std::span<const ScreenInfo> screen_list() {
    return kScreens;
}

std::optional<Screen> screen_from_id(std::string_view id) {
    for (const auto& s : kScreens)
        if (id == s.id) return s.screen;
    return std::nullopt;
}

const ScreenInfo& screen_info(Screen screen) {
    return kScreens[static_cast<std::size_t>(screen)];
}

App::App(AppOptions options) : options_(std::move(options)) {
    if (options_.persist) {
        settings_ = load_settings(options_.config_dir / "settings.json");
        try {
            store::create_private_directories(options_.config_dir);
        } catch (const std::filesystem::filesystem_error&) {
            // Settings then stay in memory for this run; nothing else depends on the folder.
        }
        ini_path_ = (options_.config_dir / "imgui.ini").string();
        // ImGui would write imgui.ini with fopen (readable by everyone); we write it ourselves,
        // owner-only and atomically, when ImGui says the layout changed.
        std::error_code ec;
        if (std::filesystem::exists(ini_path_, ec))
            ImGui::LoadIniSettingsFromDisk(ini_path_.c_str());
    }
    ImGui::GetIO().IniFilename = nullptr;
    if (auto s = screen_from_id(settings_.last_view)) screen_ = *s;
    views_ = {make_conversations_view(), make_surveys_view(), make_quality_review_view(),
              make_library_view(), make_summaries_view()};
    tools_ = std::make_unique<WorkspaceTools>();
    apply_theme();
    if (!options_.workspace.empty()) {
        if (auto err = open_workspace(options_.workspace, true)) show_error(*err);
    }
    // Back where the facilitator was, even after a crash or a kill: the conversation and panel
    // that were open (the question is kept with the conversation).
    if (workspace_ && !settings_.open_conversation.empty() &&
        open_part("conversation:" + settings_.open_conversation + ":" + settings_.open_mode))
        show(Screen::Conversations);
}

App::~App() {
    save_layout();
}

void App::save_layout() {
    if (!options_.persist || ini_path_.empty()) return;
    try {
        exporting::write_file_atomically(ini_path_, ImGui::SaveIniSettingsToMemory());
    } catch (const std::exception&) {
        // The window layout is a convenience: the next start uses the defaults.
    }
    ImGui::GetIO().WantSaveIniSettings = false;
}

std::optional<std::string> App::open_workspace(const std::filesystem::path& path, bool create) {
    std::error_code ec;
    if (!create && !std::filesystem::exists(path, ec))
        return path.string() + " does not exist (use File > New workspace to create one)";
    try {
        auto ws = store::open_workspace(path);
        for (auto& v : views_)
            v->workspace_closing();
        tools_->workspace_closing();
        workspace_ = std::move(ws);
        return std::nullopt;
    } catch (const std::exception& e) {
        return std::string(e.what());
    }
}

bool App::busy() const {
    for (const auto& v : views_)
        if (v->busy()) return true;
    return tools_->busy();
}

double App::idle_timeout() const {
    if (busy()) {
        frames_after_work_ = 2;
        return 0.05; // keep the progress bar moving
    }
    // Work just ended: two more frames, one in which a view takes the result (views act after
    // drawing) and one that draws it, or the window would sleep showing the progress bar.
    if (frames_after_work_ > 0) {
        --frames_after_work_;
        return 0.0;
    }
    if (show_shortcuts_ || open_error_popup_) return 0.05;
    return std::min(kNoTimer, views_[static_cast<std::size_t>(screen_)]->next_frame_in());
}

void App::show(Screen screen) {
    screen_ = screen;
    if (settings_.last_view == screen_info(screen).id) return;
    settings_.last_view = screen_info(screen).id;
    save_settings_now(); // the next start opens on this screen
}

bool App::request_quit() {
    for (auto& v : views_) {
        if (auto why = v->save_everything(); !why.empty()) {
            show_error(why);
            return false;
        }
    }
    quit_ = true;
    return true;
}

bool App::open_part(std::string_view part) {
    if (!workspace_) return false;
    for (const auto& info : screen_list()) {
        if (views_[static_cast<std::size_t>(info.screen)]->open_part(*workspace_, part)) {
            show(info.screen);
            return true;
        }
    }
    return false;
}

void App::show_error(std::string message) {
    error_message_ = std::move(message);
    open_error_popup_ = true;
}

void App::set_text_scale(float scale) {
    settings_.text_scale = std::clamp(scale, Settings::kMinScale, Settings::kMaxScale);
    fonts_dirty_ = true;
    save_settings_now();
}

void App::toggle_panels() {
    bool show = !(settings_.navigation_shown && settings_.walkthrough_side_panel);
    settings_.navigation_shown = settings_.walkthrough_side_panel = show;
    save_settings_now();
}

void App::save_settings_now() {
    if (options_.persist) save_settings(settings_, options_.config_dir / "settings.json");
}

void App::apply_theme() {
    if (settings_.dark)
        ImGui::StyleColorsDark();
    else
        ImGui::StyleColorsLight();
}

void App::rebuild_fonts(float content_scale) {
    float scale = std::max(content_scale, 1.0f);
    load_fonts(ImGui::GetIO(), kBaseFontPixels * settings_.text_scale * scale);
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    apply_theme();
    style.FrameRounding = 4.0f;
    style.WindowRounding = 6.0f;
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(10, 7);
    style.SelectableTextAlign = ImVec2(0.0f, 0.5f);
    style.ScaleAllSizes(scale * std::max(settings_.text_scale, 1.0f));
    fonts_dirty_ = false;
}

void App::run(Command command) {
    if (views_[static_cast<std::size_t>(screen_)]->captures_screen()) {
        views_[static_cast<std::size_t>(screen_)]->handle(command);
        return;
    }
    switch (command) {
    case Command::NewWorkspace:
    case Command::OpenWorkspace:
        open_workspace_dialog_ = true;
        workspace_dialog_creates_ = command == Command::NewWorkspace;
        workspace_dialog_error_.clear();
        workspace_dialog_path_ = workspace_ ? workspace_->path().string() : std::string();
        break;
    case Command::MergeWorkspace:
        tools_->open_merge();
        break;
    case Command::SaveCopy:
        if (workspace_) {
            auto p = workspace_->path();
            tools_->open_copy((p.parent_path() / (p.stem().string() + "-copy.db")).string());
        }
        break;
    case Command::ReviewConflicts:
        tools_->open_conflicts();
        break;
    case Command::Quit:
        request_quit();
        break;
    case Command::TextLarger:
        set_text_scale(settings_.text_scale + 0.125f);
        break;
    case Command::TextSmaller:
        set_text_scale(settings_.text_scale - 0.125f);
        break;
    case Command::TextReset:
        set_text_scale(1.0f);
        break;
    case Command::ShowShortcuts:
        show_shortcuts_ = true;
        break;
    case Command::TogglePanels:
        toggle_panels();
        break;
    case Command::GoConversations:
        show(Screen::Conversations);
        break;
    case Command::GoSurveys:
        show(Screen::Surveys);
        break;
    case Command::GoQualityReview:
        show(Screen::QualityReview);
        break;
    case Command::GoLibrary:
        show(Screen::Library);
        break;
    case Command::GoSummaries:
        show(Screen::Summaries);
        break;
    case Command::NextQuestion:
    case Command::PreviousQuestion:
    case Command::NextArea:
    case Command::MarkQuote:
    case Command::FocusNotes:
    case Command::InsertTime:
    case Command::ApplyCode:
    case Command::LeaveKiosk:
    case Command::RateLevel1:
    case Command::RateLevel2:
    case Command::RateLevel3:
    case Command::RateLevel4:
    case Command::RateLevel5:
    case Command::RateLevel6:
    case Command::RateLevel7:
    case Command::RateLevel8:
    case Command::RateLevel9:
    case Command::NextCriterion:
    case Command::PreviousCriterion:
        views_[static_cast<std::size_t>(screen_)]->handle(command);
        break;
    }
}

void App::poll_workspace_changes() {
    if (!workspace_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_change_poll_ < std::chrono::milliseconds(500)) return;
    last_change_poll_ = now;
    workspace_->poll_external_changes();
}

void App::close_popups_on_escape() {
    if (!ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) return;
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
        ImGui::ClosePopupToLevel(0, true); // menus are popups too
        return;
    }
    if (show_shortcuts_ || show_about_) show_shortcuts_ = show_about_ = false;
}

void App::frame() {
    if (busy()) frames_after_work_ = 2; // also work that starts and ends between two sleeps
    if (ImGui::GetIO().WantSaveIniSettings) save_layout();
    try {
        poll_workspace_changes();
        close_popups_on_escape();
        for (Command c : poll_shortcuts())
            run(c);
        draw_shell();
    } catch (const std::exception& e) {
        ImGui::ErrorCheckEndFrameRecover(log_recovery);
        show_error(std::string("Something went wrong while drawing this screen: ") + e.what() +
                   "\nYour saved work is safe. Try another screen, or restart Convene if this "
                   "repeats.");
    }
    try {
        draw_error_dialog();
    } catch (const std::exception&) {
        ImGui::ErrorCheckEndFrameRecover(log_recovery);
    }
}

} // namespace convene::app
