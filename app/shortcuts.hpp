// Every keyboard shortcut of the app, in one table: polled once per frame, listed in Help.
#pragma once

#include <span>
#include <vector>

namespace convene::app {

enum class Command {
    NewWorkspace,
    OpenWorkspace,
    MergeWorkspace,
    SaveCopy,
    ReviewConflicts,
    Quit,
    TextLarger,
    TextSmaller,
    TextReset,
    ShowShortcuts,
    GoConversations,
    GoSurveys,
    GoQualityReview,
    GoLibrary,
    GoSummaries,
    TogglePanels,
    // Walkthrough
    NextQuestion,
    PreviousQuestion,
    NextArea,
    MarkQuote,
    FocusNotes,
    InsertTime,
    // Review
    ApplyCode,
    // Survey kiosk
    LeaveKiosk,
    // Quality review: rate the selected criterion at level 1..9, move between criteria
    RateLevel1,
    RateLevel2,
    RateLevel3,
    RateLevel4,
    RateLevel5,
    RateLevel6,
    RateLevel7,
    RateLevel8,
    RateLevel9,
    NextCriterion,
    PreviousCriterion,
};

// The level (0-based) a RateLevelN command rates at, or -1 for any other command.
int rate_level_of(Command command);

struct Shortcut {
    Command command;
    bool ctrl;
    bool alt;
    int key;            // GLFW key code (ImGui 1.86 indexes io.KeysDown by it)
    const char* keys;   // as shown to the user
    const char* action; // what it does; nullptr: listed with the shortcut before it in Help
};

std::span<const Shortcut> shortcuts();
// The label for a command's shortcut ("Ctrl+O"), or "" when it has none.
const char* shortcut_label(Command command);
// Commands whose keys were pressed this frame. Plain keys are ignored while a text field has the
// keyboard (shortcuts with Ctrl or Alt and function keys work there too). A key that makes up a
// shortcut is hidden from the widgets drawn after this call in the frame.
std::vector<Command> poll_shortcuts();

} // namespace convene::app
