#include "app/shortcuts.hpp"

#include <GLFW/glfw3.h>
#include <algorithm>
#include <array>
#include <imgui.h>

namespace convene::app {
namespace {

constexpr std::array kShortcuts{
    Shortcut{Command::NewWorkspace, true, false, GLFW_KEY_N, "Ctrl+N", "New workspace"},
    Shortcut{Command::OpenWorkspace, true, false, GLFW_KEY_O, "Ctrl+O", "Open workspace"},
    Shortcut{Command::Quit, true, false, GLFW_KEY_Q, "Ctrl+Q", "Quit"},
    Shortcut{Command::GoConversations, true, false, GLFW_KEY_1, "Ctrl+1", "Go to Conversations"},
    Shortcut{Command::GoSurveys, true, false, GLFW_KEY_2, "Ctrl+2", "Go to Surveys"},
    Shortcut{Command::GoQualityReview, true, false, GLFW_KEY_3, "Ctrl+3", "Go to Quality review"},
    Shortcut{Command::GoLibrary, true, false, GLFW_KEY_4, "Ctrl+4", "Go to Library"},
    Shortcut{Command::GoSummaries, true, false, GLFW_KEY_5, "Ctrl+5", "Go to Summaries & export"},
    Shortcut{Command::TextLarger, true, false, GLFW_KEY_EQUAL, "Ctrl+=", "Larger text"},
    Shortcut{Command::TextSmaller, true, false, GLFW_KEY_MINUS, "Ctrl+-", "Smaller text"},
    Shortcut{Command::TextReset, true, false, GLFW_KEY_0, "Ctrl+0", "Default text size"},
    Shortcut{Command::ShowShortcuts, false, false, GLFW_KEY_F1, "F1", "Show keyboard shortcuts"},
    Shortcut{Command::TogglePanels, true, false, GLFW_KEY_B, "Ctrl+B",
             "Fold away (or show) the navigation and the walkthrough's side panel"},
    Shortcut{Command::NextQuestion, false, true, GLFW_KEY_RIGHT, "Alt+Right",
             "Walkthrough: next question"},
    Shortcut{Command::PreviousQuestion, false, true, GLFW_KEY_LEFT, "Alt+Left",
             "Walkthrough: previous question"},
    Shortcut{Command::NextArea, false, true, GLFW_KEY_DOWN, "Alt+Down", "Walkthrough: next area"},
    Shortcut{Command::MarkQuote, true, false, GLFW_KEY_M, "Ctrl+M",
             "Walkthrough: quote the selected words"},
    Shortcut{Command::FocusNotes, true, false, GLFW_KEY_E, "Ctrl+E",
             "Walkthrough: go to the notes"},
    Shortcut{Command::InsertTime, true, false, GLFW_KEY_T, "Ctrl+T",
             "Walkthrough: write the conversation's elapsed time ([12:34]) into the notes"},
    Shortcut{Command::LeaveKiosk, true, true, GLFW_KEY_K, "Ctrl+Alt+K",
             "Survey kiosk: hand the laptop back to the facilitator"},
    // Plain keys: ignored while a text box (an evidence note) has the keyboard.
    Shortcut{Command::RateLevel1, false, false, GLFW_KEY_1, "1 ... 9",
             "Quality review: rate the selected criterion at that level"},
    Shortcut{Command::RateLevel2, false, false, GLFW_KEY_2, "2", nullptr},
    Shortcut{Command::RateLevel3, false, false, GLFW_KEY_3, "3", nullptr},
    Shortcut{Command::RateLevel4, false, false, GLFW_KEY_4, "4", nullptr},
    Shortcut{Command::RateLevel5, false, false, GLFW_KEY_5, "5", nullptr},
    Shortcut{Command::RateLevel6, false, false, GLFW_KEY_6, "6", nullptr},
    Shortcut{Command::RateLevel7, false, false, GLFW_KEY_7, "7", nullptr},
    Shortcut{Command::RateLevel8, false, false, GLFW_KEY_8, "8", nullptr},
    Shortcut{Command::RateLevel9, false, false, GLFW_KEY_9, "9", nullptr},
    Shortcut{Command::NextCriterion, false, false, GLFW_KEY_DOWN, "Down",
             "Quality review: next criterion"},
    Shortcut{Command::PreviousCriterion, false, false, GLFW_KEY_UP, "Up",
             "Quality review: previous criterion"},
};

} // namespace

std::span<const Shortcut> shortcuts() {
    return kShortcuts;
}

int rate_level_of(Command command) {
    int n = static_cast<int>(command) - static_cast<int>(Command::RateLevel1);
    return n >= 0 && n < 9 ? n : -1;
}

const char* shortcut_label(Command command) {
    for (const auto& s : kShortcuts)
        if (s.command == command) return s.keys;
    return "";
}

std::vector<Command> poll_shortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    std::vector<Command> out;
    for (const auto& s : kShortcuts) {
        if (s.ctrl != io.KeyCtrl || s.alt != io.KeyAlt) continue;
        // A plain key is typed text while a text field has the keyboard; function keys are not.
        bool function_key = s.key >= GLFW_KEY_F1 && s.key <= GLFW_KEY_F25;
        if (!s.ctrl && !s.alt && !function_key && io.WantTextInput) continue;
        if (!io.KeysDown[s.key]) continue;
        if (ImGui::IsKeyPressed(s.key, false)) out.push_back(s.command);
        // The key belongs to the shortcut: hide its press (and repeats) from the widgets, so
        // Alt+Left does not also move the cursor in the notes box that just took the keyboard.
        io.KeysDownDuration[s.key] = std::min(io.KeysDownDuration[s.key], 1e-4f);
        if (io.KeysDownDuration[s.key] == 0.0f) io.KeysDownDuration[s.key] = 1e-4f;
    }
    return out;
}

} // namespace convene::app
