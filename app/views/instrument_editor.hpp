// Surveys > edit instrument: start from an instrument, change its title and items (wording,
// reverse scoring, which construct an item belongs to), add Likert items, and save the result as
// a new instrument (or a new version of one's own). Bundled instruments are never changed.
#pragma once

#include "app/views/view.hpp"
#include "guides/instrument.hpp"
#include "store/workspace.hpp"

#include <string>

namespace convene::app {

class InstrumentEditor {
  public:
    void begin(store::Workspace& ws, const guides::Instrument& instrument);
    bool active() const { return active_; }
    void draw();
    // Carries out what draw() asked for (the save), called by the screen after drawing; returns
    // the id of the instrument saved, or "".
    std::string act(ViewContext& ctx);

  private:
    std::string save(ViewContext& ctx);

    bool active_ = false;
    bool save_request_ = false;
    guides::Instrument draft_;
    guides::Instrument saved_; // the draft as begun or last saved: Close asks if it differs
    std::string original_id_;
    int next_item_ = 1;
    std::string message_;
    bool message_is_error_ = false;
};

} // namespace convene::app
