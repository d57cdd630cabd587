// Library > Codebook: the workspace's codes as a tree (segments per code beside each), and the
// selected code's name, description, colour and place, editable. Drawing only records a
// CodebookRequest; act() carries it out through store/code_edits.hpp after the frame, and a
// refusal (a name a sibling has, a colour that is not #RRGGBB, a move under itself) is shown
// beside the field it came from.
#pragma once

#include "app/view_cache.hpp"
#include "app/views/code_combo.hpp"
#include "app/views/view.hpp"
#include "app/wrapped_input.hpp"
#include "store/codebook.hpp"

#include <imgui.h>
#include <map>
#include <string>
#include <vector>

namespace convene::app {

struct CodebookRequest {
    enum class Kind { None, Add, Rename, Describe, Colour, Move, Merge, Delete, Restore };
    Kind kind = Kind::None;
    std::string uuid;  // the code acted on; Add: the parent ("" for the top level)
    std::string other; // Move: the new parent ("" for the top level); Merge: the code kept
    std::string text;  // Add, Rename: the name; Describe: the description; Colour: #RRGGBB or ""
};

class CodebookEditor {
  public:
    void draw(ViewContext& ctx);
    // Carries out what draw() asked for; called by the Library screen after drawing.
    void act(ViewContext& ctx);

  private:
    // One request; false when the store refused it (the message says why).
    bool act(store::Workspace& ws, const CodebookRequest& request);
    using Kind = CodebookRequest::Kind;
    void refresh(ViewContext& ctx);
    const store::CodeRow* selected() const;
    void load_drafts(const store::CodeRow& code, bool force);
    void ask(CodebookRequest request) { requests_.push_back(std::move(request)); }
    void select(const store::CodeRow& code);
    // Queues the selected code's typed name and description if they differ from the store.
    void commit_drafts();
    void say(std::string message, Kind error_for = Kind::None);
    void draw_error(Kind kind, const char* probe_name) const;
    // views/codebook_tree.cpp
    void draw_new_code();
    void draw_tree(float height);
    bool draw_tree_row(std::size_t i, bool has_children); // true: open
    void drag_and_drop(const store::CodeRow& code);
    void draw_top_level_drop(float height);
    void draw_trash(float height);
    // views/codebook_details.cpp
    void draw_details();
    void draw_colour(const store::CodeRow& code);
    void draw_place(const store::CodeRow& code);
    void draw_merge_confirm();

    ViewCache cache_;
    std::vector<store::CodeRow> codes_, trash_;
    std::vector<ImVec4> colours_; // as drawn, one per code
    std::map<std::string, int> counts_;
    std::string selected_;
    std::vector<CodebookRequest> requests_; // carried out in order by act()

    // The selected code as typed, and as it was when loaded (an edit elsewhere replaces only
    // what the user has not changed here).
    store::CodeRow loaded_;
    std::string name_, colour_text_;
    std::string description_;
    WrappedInputState description_state_;
    float colour_[3] = {0.6f, 0.6f, 0.6f};
    bool colour_dragged_ = false; // the picker changed colour_: written when the mouse is let go

    std::string new_name_;
    CodeComboState move_combo_, merge_combo_;
    std::string merge_into_; // chosen in the Merge into combo: the confirmation is open
    bool open_merge_ = false;
    std::string message_;
    Kind error_for_ = Kind::None; // the message is the refusal of this kind of edit
    std::string undo_uuid_;       // the code just put in the trash: Undo restores it
};

} // namespace convene::app
