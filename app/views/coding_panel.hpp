// Coding in the review screen: select words in an answer's notes or in a quote and apply a code
// through the picker (Ctrl+K, or the answer's Code button), or code the whole answer. Codings are
// highlighted in their code's colour with the code names in a margin beside the answer; hovering
// shows coder, code path and memo; a click opens the coding's memo and Remove. Codings whose
// words are gone are listed under "Needs your attention" to be re-anchored or removed. The panel
// draws from a cached model and records requests; act() carries them out after drawing.
#pragma once

#include "app/conversation_session.hpp"
#include "app/shortcuts.hpp"
#include "app/soft_wrap.hpp"
#include "app/view_cache.hpp"
#include "app/views/code_picker.hpp"
#include "app/views/coder_dialog.hpp"
#include "app/views/view.hpp"
#include "app/wrapped_input.hpp"
#include "store/segments.hpp"

#include <deque>
#include <functional>
#include <imgui.h>
#include <map>
#include <string>
#include <vector>

namespace convene::app {

// Words chosen to be coded (begin == end: the whole answer).
struct CodingTarget {
    std::string question_id;
    store::SegmentPart part = store::SegmentPart::Answer;
    std::string quote_uuid;
    std::size_t begin = 0, end = 0; // bytes in the notes or the quote as shown
    std::string excerpt;            // those words: checked against the saved text before coding
    bool empty() const { return question_id.empty(); }
};

struct CodingRequest {
    enum class Kind { Apply, Remove, Restore, Memo, Reanchor, ChooseCoder, AddCoder } kind;
    CodingTarget target; // Apply, Reanchor
    std::string uuid;    // the code (Apply), segment (Remove ... Reanchor) or person (ChooseCoder)
    std::string text;    // the memo, or the name of the coder to add
};

// What the panel draws, rebuilt when the store's revision, the conversation, the coder or the
// blind switch changed.
struct CodingModel {
    std::string conversation_uuid;
    std::vector<store::CodeRow> codes;
    std::vector<ImVec4> colours;                // per code
    std::map<std::string, std::size_t> code_at; // code uuid -> index in codes
    std::vector<store::Person> people;
    std::string coder;                                            // "" until chosen
    bool blind = false;                                           // only the coder's codings
    std::map<std::string, std::string> answer_uuid;               // question id -> saved answer
    std::map<std::string, std::vector<store::Segment>> by_answer; // answer uuid -> shown codings
    std::vector<store::Segment> lost; // the coder's codings flagged lost (everyone's: no coder)
    std::map<std::string, std::string> question_of; // answer uuid -> question id
};

// The review's quote rows ask for their text box here (views/quotes.cpp), so quotes are coded too.
class QuoteBox {
  public:
    virtual ~QuoteBox() = default;
    // Draws the quote's text box (width as set by SetNextItemWidth); true when it changed.
    virtual bool draw_quote(std::size_t index, store::Quote& quote) = 0;
};

class CodingPanel final : public QuoteBox {
  public:
    // Ctrl+K: code the selected words (or the whole answer whose notes have the keyboard).
    bool handle(Command command);
    // The coder, the blind switch and messages; refreshes the model first.
    void draw_toolbar(ViewContext& ctx, ConversationSession& session);
    void draw_attention(ConversationSession& session); // codings whose words are gone
    // One answer: the notes box with its codings highlighted, then rest() (quotes, fields), in a
    // column with the code names in a margin beside it. True when the answer changed.
    bool draw_answer(const std::string& question_id, store::Answer& answer,
                     WrappedInputState& notes, const std::function<bool()>& rest);
    bool draw_quote(std::size_t index, store::Quote& quote) override;
    void draw_popups(); // the picker, "who is coding?", a coding's memo
    void act(ViewContext& ctx, ConversationSession& session);
    double next_frame_in() const;
    const CodingModel& model() const { return model_; }

  private:
    struct Mark { // a coding's name in the margin, at the height of its words
        float y;
        const store::Segment* segment;
    };
    void refresh(ViewContext& ctx, ConversationSession& session);
    void start_coding(CodingTarget target);
    void keep_selection(ImGuiID id, bool box = false) {
        (box ? own_boxes_ : own_ids_).push_back(id);
    }
    void track_selection();
    bool notes_box(store::Answer& answer, WrappedInputState& st);
    void highlight(const softwrap::Layout& layout, ImVec2 origin,
                   const std::vector<const store::Segment*>& segments);
    std::vector<const store::Segment*> shown_on(const std::string& text, store::SegmentPart part,
                                                const std::string& quote_uuid);
    void answer_bars(float x, float top, float bottom);
    void draw_margin(const std::string& question_id);
    void draw_mark(const std::vector<const store::Segment*>& segments, float width);
    void segment_lines(const store::Segment& s) const; // what a tooltip says about a coding
    void segments_tooltip(const std::vector<const store::Segment*>& list, bool clickable) const;
    const store::Segment* find_segment(const std::string& uuid) const;
    bool fits_selection(const store::Segment& s) const; // can be re-anchored to the selection
    void draw_segment_menu();
    void draw_lost_row(const store::Segment& s, ConversationSession& session);
    std::string code_name(const std::string& code_uuid, bool path = false) const;
    ImVec4 colour_of(const std::string& code_uuid) const;
    std::string person_name(const std::string& uuid) const;
    void apply(ViewContext& ctx, ConversationSession& session, const CodingRequest& r);
    void say(std::string message, std::string undo_uuid = {});

    ViewCache cache_;
    CodingModel model_;
    std::vector<CodingRequest> requests_;
    CodePicker picker_;
    CoderDialog coder_dialog_;
    CodingTarget selection_;         // the words selected in a box that has the keyboard
    CodingTarget pending_;           // what the picker (or the coder dialog) will code
    bool code_asked_ = false;        // Ctrl+K was pressed
    std::vector<ImGuiID> own_ids_;   // buttons that keep the selection when pressed
    std::vector<ImGuiID> own_boxes_; // the boxes whose words may be selected
    ImGuiID last_active_ = 0;
    std::string question_;             // the answer being drawn
    std::vector<Mark> marks_;          // its margin
    std::deque<store::Segment> moved_; // this frame: codings re-anchored to unsaved edits
    std::string scroll_to_;            // question id, from "Go to"
    std::string hot_uuid_, hot_next_;  // the coding whose margin name is hovered
    std::string menu_uuid_, memo_;     // the coding whose menu is open, its memo as edited
    bool open_menu_ = false;
    std::string message_, undo_uuid_;
    double message_at_ = 0;
    static constexpr double kMessageSeconds = 10;
};

} // namespace convene::app
