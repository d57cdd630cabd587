// A screen of the app. Each view lives in its own file under app/views/, keeps a small cached
// model rebuilt only when the workspace revision (or its own filter) changed, and draws from it.
#pragma once

#include "app/settings.hpp"
#include "app/shortcuts.hpp"
#include <cstdint>

#include <memory>
#include <string>
#include <string_view>

namespace convene::store {
class Workspace;
}

namespace convene::app {

struct ViewContext {
    store::Workspace* workspace = nullptr; // null when no workspace is open
    std::uint64_t revision = 0;            // raised by every committed write
    Settings* settings = nullptr;          // the user's preferences (panels folded, ...)
    bool settings_changed = false;         // set by a view that changed them: saved after the frame
};

class View {
  public:
    virtual ~View() = default;
    virtual void draw(ViewContext& ctx) = 0;
    // A shortcut the shell did not handle itself; true when this view used it.
    virtual bool handle(Command) { return false; }
    // Shown in the status bar while the view is on screen (e.g. "Saved 10:42:07").
    virtual std::string status_text() const { return {}; }
    // True while the view takes the whole window and every key (the survey kiosk): the shell
    // draws no menu or navigation and sends every shortcut to the view.
    virtual bool captures_screen() const { return false; }
    // True while the view has work running (an import): the window keeps drawing frames.
    virtual bool busy() const { return false; }
    // Seconds until the view shows something new by itself (a running timer, a message fading,
    // a save completing); a huge number when nothing changes until the user acts.
    virtual double next_frame_in() const { return 1e9; }
    // Saves whatever the view still holds; returns why it could not ("" when all is saved).
    // Called before quitting: a non-empty answer keeps the app open.
    virtual std::string save_everything() { return {}; }
    // The workspace is about to be closed or replaced: drop everything that refers to it.
    virtual void workspace_closing() {}
    // Opens a part of the view by name, for `convene --view` (the conversations view knows
    // "walkthrough" and "review": the newest conversation in progress / complete; the surveys
    // view knows "kiosk"). Returns false when there is nothing to open.
    virtual bool open_part(store::Workspace&, std::string_view /*part*/) { return false; }
};

std::unique_ptr<View> make_conversations_view();
std::unique_ptr<View> make_surveys_view();
std::unique_ptr<View> make_quality_review_view();
std::unique_ptr<View> make_library_view();
std::unique_ptr<View> make_summaries_view();

} // namespace convene::app
