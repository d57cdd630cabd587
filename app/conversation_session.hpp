// The open conversation: its set-up, the guide it runs on, its answers (edited in memory, saved
// through the Autosaver within moments of each change), the question the facilitator is on and
// the time spent per area. Set-up, walkthrough and review all work on this one object.
#pragma once

#include "guides/guide.hpp"
#include "guides/guide_view.hpp"
#include "store/answer_changes.hpp"
#include "store/answers.hpp"
#include "store/autosaver.hpp"
#include "store/conversations.hpp"

#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace convene::app {

class ConversationSession {
  public:
    struct Item {
        const guides::Area* area = nullptr;
        const guides::Question* question = nullptr;
        std::string text;
        std::vector<guides::ProbeView> probes;
        std::string condition_label;
        bool follow_up = false; // added on the spot in this conversation
    };

    // Opens an existing conversation. Throws store::Error if it cannot be read.
    ConversationSession(store::Workspace& ws, const std::string& uuid);
    ~ConversationSession(); // books the time of the current area and waits for pending saves

    store::Conversation& conversation() { return conversation_; }
    const guides::Guide& guide() const { return guide_; }
    const std::vector<Item>& items() const { return items_; }
    // Rebuilds the question list after the group, state, org or flags changed.
    void rebuild_items();

    std::size_t current() const { return current_; }
    const Item* current_item() const { return items_.empty() ? nullptr : &items_[current_]; }
    void go_to(std::size_t index);
    void go_to_question(const std::string& question_id);
    void next() { go_to(current_ + 1); }
    void previous() { go_to(current_ == 0 ? 0 : current_ - 1); }
    void next_area();
    // Index of the first question of each area shown, in order.
    std::vector<std::size_t> area_starts() const;

    // The answer being edited (created empty in memory when there is none yet).
    store::Answer& answer(const std::string& question_id);
    const store::Answer* find_answer(const std::string& question_id) const;
    bool answered(const std::string& question_id) const;
    // Queue what changed in the answer since it was last saved (or the set-up) for saving.
    void answer_changed(const std::string& question_id);
    // Another writer (a script, another window) committed: show what is in the file now.
    // Reloads only once every edit of this session is written, so nothing typed here is lost.
    void refresh(std::uint64_t revision);
    void setup_changed();
    void set_status(store::Status status);

    // The conversation-level notes (conversation().notes) changed: queue them for saving.
    void notes_changed();
    // The speaker chosen for a quote: the default for the next one, in this conversation.
    void set_last_speaker(const std::string& speaker);
    // Adds an unscripted question at the end of the current area and goes to it.
    void add_follow_up(const std::string& text);
    // Seconds since the conversation's walkthrough started counting (all areas), for [12:34].
    double elapsed_seconds() const;

    // Called by the walkthrough every frame it is on screen: time counts only then.
    void tick();
    // Seconds spent in an area: what was saved plus the running visit.
    double area_seconds(const std::string& area_id) const;
    store::Autosaver::Status save_status() const { return saver_->status(); }
    bool flush() { return saver_->flush(); }

  private:
    void book_area_time();

    store::Workspace& ws_;
    store::Conversation conversation_;
    store::Conversation saved_setup_; // the set-up as last written or read
    guides::Guide guide_;
    std::map<std::string, store::Answer> answers_; // as shown and edited
    std::map<std::string, store::Answer> saved_;   // as last written or read
    std::uint64_t seen_revision_ = 0;
    std::vector<Item> items_;
    std::deque<guides::Question> follow_up_questions_; // what items_ of follow-ups point to
    std::size_t current_ = 0;
    std::string timed_area_;
    double running_seconds_ = 0; // in timed_area_, not yet booked
    std::optional<std::chrono::steady_clock::time_point> last_tick_;
    int time_writes_ = 0;
    std::map<std::string, std::string> time_parts_; // area id -> this session's area_time row
    std::unique_ptr<store::Autosaver> saver_;
};

} // namespace convene::app
