// The panels of the Conversations screen, one file each: the list (with search and trash),
// set-up, walkthrough and review. The screen (views/conversations.cpp) owns the open
// ConversationSession and switches between them.
#pragma once

#include "app/conversation_session.hpp"
#include "app/job.hpp"
#include "app/shortcuts.hpp"
#include "app/view_cache.hpp"
#include "app/views/coding_panel.hpp"
#include "app/views/document_dialogs.hpp"
#include "app/views/search_coding.hpp"
#include "app/views/view.hpp"
#include "app/wrapped_input.hpp"
#include "guides/profiles.hpp"
#include "store/answers.hpp"
#include "store/conversations.hpp"
#include "store/guides.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace convene::app {

enum class ConversationMode { List, Setup, Walkthrough, Review };

// What a panel asks the screen to do after drawing.
struct ConversationRequest {
    enum class Kind {
        None,
        Open,
        New,
        Setup,
        Walkthrough,
        Review,
        Close,
        LoadDemo,
        Delete,  // move uuid to the trash
        Restore, // bring uuid back from the trash
    } kind = Kind::None;
    std::string uuid;
    std::string question_id;  // Open at this question
    bool fold_panels = false; // the walkthrough's Fold panels button (as Ctrl+B)
};

// What a full-text search found, with each hit's question and area in words.
struct SearchResults {
    std::string query;
    std::vector<store::SearchHit> hits;
    std::vector<std::string> labels; // one per hit
};
SearchResults run_search(store::Workspace& ws, const std::string& query);

class ConversationList {
  public:
    ConversationRequest draw(ViewContext& ctx);
    // Carries out what draw() asked for inside the panel (coding search hits); after drawing.
    void act(ViewContext& ctx) { search_coding_.act(ctx); }
    // While Undo is offered: a frame when it runs out.
    double next_frame_in() const;
    // A search is running or waiting to run: the window keeps drawing until it is shown.
    bool searching() const { return search_job_.running() || search_wanted_; }

  private:
    void refresh(ViewContext& ctx);
    // Searches run on a worker (a long query or a large workspace never stalls typing); the
    // newest query waits for the running one, and the old hits stay until the new ones come.
    void request_search() { search_wanted_ = true; }
    void poll_search(ViewContext& ctx);
    void sort_rows();
    void draw_confirm_delete(ConversationRequest& request);
    void draw_undo();
    static std::string describe(const store::ConversationRow& r);

    static constexpr double kUndoSeconds = 8;
    std::string confirm_uuid_, confirm_label_; // the row whose Delete asks for confirmation
    std::string undo_uuid_, undo_label_;       // the conversation just deleted
    double undo_at_ = 0;
    std::string undo_request_;
    std::size_t trash_count_ = 0;
    std::vector<std::string> hit_labels_;

    ViewCache cache_; // invalidated when a filter changes
    store::ConversationFilter filter_;
    std::vector<store::ConversationRow> rows_;
    std::vector<std::string> groups_, group_labels_, states_;
    int sort_column_ = 0;
    bool sort_ascending_ = false;
    std::string search_;
    std::string searched_;
    std::vector<store::SearchHit> hits_;
    std::string message_;
    Job<SearchResults> search_job_;
    bool search_wanted_ = false;
    SearchCoding search_coding_; // the hits, ticked and coded
};

class ConversationSetup {
  public:
    ConversationRequest draw(ViewContext& ctx, ConversationSession& session);
    // After drawing: writes the protocol when the print dialog asked for it.
    void act() { print_.act(); }

  private:
    std::string loaded_for_; // conversation uuid the profiles were loaded for
    guides::ProfileLibrary profiles_;
    std::string date_text_, date_error_; // the date as typed, and why it is not one
    std::string start_error_;            // why the walkthrough cannot start yet
    bool org_unknown_ = false, state_unknown_ = false;
    ProtocolPrintDialog print_{"setup.print"};
};

class Walkthrough {
  public:
    ConversationRequest draw(ViewContext& ctx, ConversationSession& session);
    // Walkthrough shortcuts (next / previous question, next area, mark quote, focus notes).
    bool handle(Command command, ConversationSession& session);
    // The area timers tick once a second; a message fades smoothly.
    double next_frame_in() const;

  private:
    // views/area_bar.cpp; compact: one line per button (a small window)
    void draw_area_stepper(ConversationSession& session, bool compact);
    void draw_question(ConversationSession& session);
    void draw_side_panel(ViewContext& ctx, ConversationSession& session);
    void mark_quote(ConversationSession& session);
    void insert_time(ConversationSession& session);
    void draw_follow_up_popup(ConversationSession& session);
    void say(std::string message); // a status message, fading after a few seconds
    void draw_message();

    std::map<std::string, WrappedInputState> notes_state_;
    WrappedInputState conversation_notes_state_;
    std::string new_quote_;
    std::string speaker_;     // for the next quote
    std::string speaker_for_; // the conversation speaker_ was set for
    std::string follow_up_text_;
    bool open_follow_up_ = false;
    double message_at_ = 0;
    static constexpr double kMessageShown = 4.0, kMessageFade = 1.0;
    bool focus_notes_ = false;
    std::string focused_question_; // the question whose notes last took the keyboard
    int drawn_frame_ = -1;
    bool notes_had_keyboard_ = false;
    std::size_t scrolled_to_area_ = SIZE_MAX;
    bool compact_ = false;                 // a small window: tighter heading, area bar and probes
    bool conversation_notes_open_ = false; // below the question while the side panel is folded
    unsigned notes_id_ = 0;                // ImGuiID of the current question's notes box
    std::string message_;
    std::string profiles_for_; // conversation uuid the profiles were loaded for
    std::string profiles_profile_;
    bool profiles_loaded_ = false;
    guides::ProfileLibrary profiles_;
};

class Review {
  public:
    ConversationRequest draw(ViewContext& ctx, ConversationSession& session);
    // After drawing: carries out the coding requests, and writes the report when its dialog
    // asked for it.
    void act(ViewContext& ctx, ConversationSession& session) {
        coding_.act(ctx, session);
        if (ctx.workspace) report_.act(*ctx.workspace, session);
    }
    bool handle(Command command) { return coding_.handle(command); } // Ctrl+K: apply a code
    double next_frame_in() const { return coding_.next_frame_in(); }

  private:
    std::map<std::string, WrappedInputState> notes_state_;
    WrappedInputState conversation_notes_state_;
    ConversationReportDialog report_;
    CodingPanel coding_; // views/coding_panel.hpp
};

// Shared by walkthrough and review (views/quotes.cpp): who can be named as a quote's speaker
// (the participants, the facilitator, several people at once, someone unknown), the default for
// a new quote (the speaker last chosen in this conversation), and the quotes, editable.
inline constexpr const char* kFacilitator = "Facilitator";
inline constexpr const char* kSeveralSpeakers = "Several / group";
inline constexpr const char* kUnknownSpeaker = "Unknown";
std::vector<std::string> speaker_choices(const store::Conversation& c);
std::string default_speaker(const store::Conversation& c);
// A combo of speaker_choices(); a choice becomes the conversation's default speaker.
bool speaker_combo(const char* id, std::string& speaker, ConversationSession& session);
// With a QuoteBox (the review's coding), it draws each quote's text box.
bool draw_quotes(store::Answer& answer, ConversationSession& session, QuoteBox* box = nullptr);

// The conversation-level notes (views/conversation_notes.cpp), saved as they are typed.
bool draw_conversation_notes(ConversationSession& session, WrappedInputState& state, float height);

} // namespace convene::app
