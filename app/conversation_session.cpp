#include "app/conversation_session.hpp"

#include "store/conversation_changes.hpp"
#include "store/guides.hpp"
#include "store/uuid.hpp"

namespace convene::app {

ConversationSession::ConversationSession(store::Workspace& ws, const std::string& uuid) : ws_(ws) {
    auto c = store::get_conversation(ws.db(), uuid);
    if (!c) throw store::Error("no conversation " + uuid);
    conversation_ = std::move(*c);
    saved_setup_ = conversation_;
    auto g = store::guide_by_hash(ws, conversation_.guide_hash);
    if (!g) throw store::Error("the guide of conversation " + uuid + " is missing");
    guide_ = std::move(*g);
    answers_ = store::answers_for(ws.db(), uuid);
    saved_ = answers_;
    seen_revision_ = ws.revision();
    saver_ = std::make_unique<store::Autosaver>(ws);
    rebuild_items();
    go_to_question(conversation_.current_question);
}

ConversationSession::~ConversationSession() {
    book_area_time();
    saver_.reset(); // writes what is pending, then stops
}

void ConversationSession::rebuild_items() {
    std::string current_id = current_item() ? current_item()->question->id : std::string();
    items_.clear();
    follow_up_questions_.clear();
    for (const auto& av : guides::view_for_group(guide_, conversation_.group, conversation_.state,
                                                 conversation_.org)) {
        for (const auto& qv : av.questions)
            if (qv.question->applies(conversation_.flags))
                items_.push_back({av.area, qv.question, qv.text, qv.probes, qv.condition_label});
        // Follow-ups close their area, in the order they were added.
        for (const auto& f : conversation_.follow_ups) {
            if (f.area_id != av.area->id) continue;
            auto& q = follow_up_questions_.emplace_back();
            q.id = store::follow_up_question_id(f.uuid);
            q.text[""] = f.text;
            items_.push_back(
                {av.area, &q, f.text, {}, "Follow-up question added in this conversation", true});
        }
    }
    current_ = 0;
    if (!current_id.empty()) go_to_question(current_id);
}

void ConversationSession::go_to(std::size_t index) {
    if (items_.empty()) return;
    index = std::min(index, items_.size() - 1);
    if (items_[index].area->id != timed_area_) book_area_time();
    current_ = index;
    timed_area_ = items_[index].area->id;
    std::string uuid = conversation_.uuid, qid = items_[index].question->id;
    conversation_.current_question = qid;
    saver_->put("current",
                [uuid, qid](store::Database& db) { store::set_current_question(db, uuid, qid); });
}

void ConversationSession::go_to_question(const std::string& question_id) {
    for (std::size_t i = 0; i < items_.size(); ++i)
        if (items_[i].question->id == question_id) return go_to(i);
    if (!items_.empty()) go_to(0);
}

void ConversationSession::next_area() {
    for (std::size_t start : area_starts())
        if (start > current_) return go_to(start);
}

std::vector<std::size_t> ConversationSession::area_starts() const {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < items_.size(); ++i)
        if (i == 0 || items_[i].area != items_[i - 1].area) starts.push_back(i);
    return starts;
}

void ConversationSession::tick() {
    auto now = std::chrono::steady_clock::now();
    if (last_tick_) {
        double gap = std::chrono::duration<double>(now - *last_tick_).count();
        // A longer gap means the walkthrough was not on screen: that time is not the area's.
        if (gap < 2.0) running_seconds_ += gap;
    }
    last_tick_ = now;
    if (running_seconds_ >= 30) book_area_time(); // so a crash loses at most half a minute
}

void ConversationSession::book_area_time() {
    if (timed_area_.empty() || running_seconds_ <= 0) return;
    double seconds = running_seconds_;
    running_seconds_ = 0;
    conversation_.area_seconds[timed_area_] += seconds;
    std::string uuid = conversation_.uuid, area = timed_area_;
    // This session's own part of the area's time (merged workspaces add parts, never a sum).
    auto part = time_parts_.try_emplace(area, store::new_uuid()).first;
    // Timings add up, so each visit is its own write (a key that is never replaced).
    saver_->put("time/" + std::to_string(++time_writes_),
                [part = part->second, uuid, area, seconds](store::Database& db) {
                    store::add_area_seconds(db, part, uuid, area, seconds);
                });
}

double ConversationSession::area_seconds(const std::string& area_id) const {
    double s = 0;
    if (auto it = conversation_.area_seconds.find(area_id); it != conversation_.area_seconds.end())
        s = it->second;
    if (area_id == timed_area_) s += running_seconds_;
    return s;
}

store::Answer& ConversationSession::answer(const std::string& question_id) {
    auto [it, added] = answers_.try_emplace(question_id);
    if (added) {
        it->second.uuid = store::new_uuid();
        it->second.conversation_uuid = conversation_.uuid;
        it->second.question_id = question_id;
    }
    return it->second;
}

const store::Answer* ConversationSession::find_answer(const std::string& question_id) const {
    auto it = answers_.find(question_id);
    return it == answers_.end() ? nullptr : &it->second;
}

bool ConversationSession::answered(const std::string& question_id) const {
    const auto* a = find_answer(question_id);
    return a && !a->empty();
}

void ConversationSession::answer_changed(const std::string& question_id) {
    store::Answer& now = answer(question_id);
    auto [known, added] = saved_.try_emplace(question_id);
    if (added) {
        known->second.conversation_uuid = conversation_.uuid;
        known->second.question_id = question_id;
    }
    // Only what was edited since the last write goes out, part by part: a newer edit of a
    // part replaces an older one not yet written, and never touches what another writer
    // changed in the other parts.
    auto change = store::diff_answers(known->second, now);
    known->second = now;
    if (change.empty()) return;
    std::vector<std::pair<std::string, store::Autosaver::Write>> writes;
    for (auto& [part, one] : store::split_by_part(change))
        writes.emplace_back("answer/" + question_id + "/" + part,
                            [one](store::Database& db) { store::record_answer_change(db, one); });
    saver_->put_all(std::move(writes));
    // The store starts a planned conversation with its first answer, in the same transaction.
    if (conversation_.status == store::Status::Planned)
        conversation_.status = saved_setup_.status = store::Status::InProgress;
}

void ConversationSession::refresh(std::uint64_t revision) {
    if (revision == seen_revision_) return;
    // Our own edits must be in the file first, or the reload would show older text.
    if (saver_->status().pending()) return;
    seen_revision_ = revision;
    auto stored = store::answers_for(ws_.db(), conversation_.uuid);
    for (auto& [question_id, answer] : stored) {
        answers_[question_id] = answer;
        saved_[question_id] = std::move(answer);
    }
    if (auto c = store::get_conversation(ws_.db(), conversation_.uuid)) {
        bool regroup = c->group != conversation_.group || c->flags != conversation_.flags ||
                       c->state != conversation_.state || c->org != conversation_.org ||
                       c->follow_ups.size() != conversation_.follow_ups.size();
        c->area_seconds = conversation_.area_seconds; // booked here, counted here
        c->current_question = conversation_.current_question;
        conversation_ = *c;
        saved_setup_ = std::move(*c);
        if (regroup) rebuild_items();
    }
}

void ConversationSession::setup_changed() {
    auto change = store::diff_conversations(saved_setup_, conversation_);
    saved_setup_ = conversation_;
    std::vector<std::pair<std::string, store::Autosaver::Write>> writes;
    for (auto& [part, one] : store::split_by_part(change))
        writes.emplace_back("setup/" + part, [one](store::Database& db) {
            store::record_conversation_change(db, one);
        });
    saver_->put_all(std::move(writes));
}

void ConversationSession::set_status(store::Status status) {
    conversation_.status = status;
    saved_setup_.status = status;
    std::string uuid = conversation_.uuid;
    saver_->put("status", [uuid, status](store::Database& db) {
        store::set_conversation_status(db, uuid, status);
    });
}

} // namespace convene::app

namespace convene::app {

void ConversationSession::notes_changed() {
    std::string uuid = conversation_.uuid, notes = conversation_.notes;
    saver_->put("conversation-notes", [uuid, notes](store::Database& db) {
        store::set_conversation_notes(db, uuid, notes);
    });
}

void ConversationSession::set_last_speaker(const std::string& speaker) {
    if (speaker == conversation_.last_speaker) return;
    conversation_.last_speaker = speaker;
    std::string uuid = conversation_.uuid;
    saver_->put("last-speaker", [uuid, speaker](store::Database& db) {
        store::set_last_speaker(db, uuid, speaker);
    });
}

void ConversationSession::add_follow_up(const std::string& text) {
    const auto* item = current_item();
    if (!item || text.empty()) return;
    store::FollowUp f{store::new_uuid(), item->area->id, text};
    conversation_.follow_ups.push_back(f);
    std::string uuid = conversation_.uuid;
    saver_->put("follow-up/" + f.uuid,
                [uuid, f](store::Database& db) { store::add_follow_up(db, uuid, f); });
    rebuild_items();
    go_to_question(store::follow_up_question_id(f.uuid));
}

double ConversationSession::elapsed_seconds() const {
    double s = running_seconds_;
    for (const auto& [area, seconds] : conversation_.area_seconds)
        s += seconds;
    return s;
}

} // namespace convene::app
