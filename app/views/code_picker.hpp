// The quick code picker, shared by every screen that applies codes (review, code by search): a
// popup with a filter box that has the keyboard, the matching codes (app/code_filter.hpp) with
// their colours, Up / Down to move, Enter or a click to choose, Escape to close.
//
//     if (ImGui::Button("Code…")) picker_.open("the whole answer");
//     if (auto uuid = picker_.draw(codes_)) request_apply(*uuid);   // codes_: a cached list
#pragma once

#include "store/codebook.hpp"

#include <imgui.h>
#include <optional>
#include <string>
#include <vector>

namespace convene::app {

// Each code's colour: its own, else its nearest ancestor's, else grey (codes in tree order).
// The same as shown_colours and parse_colour in code_colours.hpp (kept for the coding views).
std::vector<ImVec4> code_colours(const std::vector<store::CodeRow>& codes);
ImVec4 parse_code_colour(const std::string& hex); // "#RRGGBB"; grey when it is not one

class CodePicker {
  public:
    // Opens the picker in the next draw(), filter empty; `what` names what the code goes on
    // ("3 words of the notes"), shown in its title line.
    void open(std::string what);
    bool is_open() const { return open_ || shown_; }
    // Draws the picker while it is open (call every frame). codes: the caller's cached codebook
    // (store::list_codes). Returns the uuid of the code chosen in this frame.
    std::optional<std::string> draw(const std::vector<store::CodeRow>& codes);

  private:
    void take_early_typing();
    void refilter(const std::vector<store::CodeRow>& codes);
    void draw_rows(const std::vector<store::CodeRow>& codes, std::optional<std::string>& chosen);

    bool open_ = false;  // open() asked; the popup opens in the next draw()
    bool shown_ = false; // the popup is on screen
    bool focus_ = false; // the filter takes the keyboard in this frame
    bool scroll_ = false;
    bool cursor_to_end_ = false; // when the filter takes the keyboard
    std::string what_, typed_, filtered_for_;
    const store::CodeRow* filtered_codes_ = nullptr;
    std::size_t filtered_size_ = 0;
    std::vector<std::size_t> matches_;
    std::vector<ImVec4> colours_;
    std::size_t highlight_ = 0; // in matches_
};

} // namespace convene::app
