// Surveys > Edit: an instrument's title, items, constructs and respondent attributes changed in a
// draft and saved through the same validation as `survey add`. Items of every type (Likert, single
// and multiple choice, number, open text) are added with a readable id made from their text,
// removed and moved; a Likert item's scale is picked from the instrument's scales or a common
// label family. An instrument of one's own that has no responses yet is edited in place, and each
// save stores a new version (kept by content hash); a bundled instrument, or one with responses,
// is edited as a copy under a new id, so what respondents answered never changes under them.
#pragma once

#include "app/views/view.hpp"
#include "guides/instrument.hpp"
#include "store/surveys.hpp"

#include <optional>
#include <string>
#include <vector>

namespace convene::app {

class InstrumentEditor {
  public:
    // rows: the Surveys screen's cached list (ids, bundled flags and response counts).
    void begin(const guides::Instrument& instrument, const std::vector<store::InstrumentRow>& rows);
    bool active() const { return active_; }
    void draw(const std::vector<store::InstrumentRow>& rows);
    // Carries out what draw() asked for (the save), called by the screen after drawing; returns
    // the id of the instrument saved, or "".
    std::string act(ViewContext& ctx);

  private:
    // A change to the list of items asked for while it was drawn, made after the loop.
    struct ItemOp {
        enum Kind { Remove, Up, Down } kind;
        std::size_t index;
    };

    std::string save(ViewContext& ctx);
    void draw_header(const std::vector<store::InstrumentRow>& rows);
    void draw_items();
    void draw_item(std::size_t index);
    void draw_likert(guides::Item& item);
    void draw_choices(std::vector<std::string>& choices, const std::string& key);
    void draw_new_item();
    void draw_constructs();
    void draw_attributes();
    void show(std::string message, bool error);

    bool active_ = false;
    bool save_request_ = false;
    guides::Instrument draft_;
    guides::Instrument saved_; // the draft as begun or last saved: Close asks if it differs
    std::string original_id_;
    bool in_place_ = false; // editing the instrument itself, not a copy
    std::optional<ItemOp> item_op_;
    int new_type_ = 0; // the type of the next item added (ItemType order)
    std::string new_text_, new_construct_, new_attribute_;
    std::string scroll_to_; // an item just added, scrolled into view when next drawn
    std::string message_;
    bool message_is_error_ = false;
};

} // namespace convene::app
