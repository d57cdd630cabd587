#include "app/shortcuts.hpp"

#include <GLFW/glfw3.h>
#include <array>
#include <imgui.h>

namespace convene::app {
namespace {

constexpr std::array kShortcuts{
    Shortcut{Command::NewWorkspace, true, GLFW_KEY_N, "Ctrl+N", "New workspace"},
    Shortcut{Command::OpenWorkspace, true, GLFW_KEY_O, "Ctrl+O", "Open workspace"},
    Shortcut{Command::Quit, true, GLFW_KEY_Q, "Ctrl+Q", "Quit"},
    Shortcut{Command::GoConversations, true, GLFW_KEY_1, "Ctrl+1", "Go to Conversations"},
    Shortcut{Command::GoSurveys, true, GLFW_KEY_2, "Ctrl+2", "Go to Surveys"},
    Shortcut{Command::GoQualityReview, true, GLFW_KEY_3, "Ctrl+3", "Go to Quality review"},
    Shortcut{Command::GoLibrary, true, GLFW_KEY_4, "Ctrl+4", "Go to Library"},
    Shortcut{Command::GoSummaries, true, GLFW_KEY_5, "Ctrl+5", "Go to Summaries & export"},
    Shortcut{Command::TextLarger, true, GLFW_KEY_EQUAL, "Ctrl+=", "Larger text"},
    Shortcut{Command::TextSmaller, true, GLFW_KEY_MINUS, "Ctrl+-", "Smaller text"},
    Shortcut{Command::TextReset, true, GLFW_KEY_0, "Ctrl+0", "Default text size"},
    Shortcut{Command::ShowShortcuts, false, GLFW_KEY_F1, "F1", "Show keyboard shortcuts"},
};

} // namespace

std::span<const Shortcut> shortcuts() {
    return kShortcuts;
}

const char* shortcut_label(Command command) {
    for (const auto& s : kShortcuts)
        if (s.command == command) return s.keys;
    return "";
}

std::vector<Command> poll_shortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    std::vector<Command> out;
    for (const auto& s : kShortcuts) {
        if (s.ctrl != io.KeyCtrl) continue;
        if (!s.ctrl && io.WantTextInput) continue;
        if (ImGui::IsKeyPressed(s.key, false)) out.push_back(s.command);
    }
    return out;
}

} // namespace convene::app
