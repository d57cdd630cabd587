// Conversations > walkthrough: area by area, the question for this group with its probes, notes
// that wrap as you type, verbatim quotes, structured answers, and the MC profile card.
#include "app/field_widgets.hpp"
#include "app/fonts.hpp"
#include "app/ui_probe.hpp"
#include "app/views/conversation_panels.hpp"
#include "app/widgets.hpp"
#include "store/currency.hpp"
#include "store/mc_profiles.hpp"
#include "store/uuid.hpp"

#include <algorithm>
#include <imgui.h>
#include <imgui_internal.h> // GetActiveID: which box has the keyboard
#include <imgui_stdlib.h>

namespace convene::app {
namespace {} // namespace

bool Walkthrough::handle(Command command, ConversationSession& session) {
    switch (command) {
    case Command::NextQuestion:
        session.next();
        return true;
    case Command::PreviousQuestion:
        session.previous();
        return true;
    case Command::NextArea:
        session.next_area();
        return true;
    case Command::MarkQuote:
        mark_quote(session);
        return true;
    case Command::FocusNotes:
        focus_notes_ = true;
        return true;
    case Command::InsertTime:
        insert_time(session);
        return true;
    default:
        return false;
    }
}

namespace {

// The question as a status message names it: its first words, in quotes.
std::string short_name(const std::string& text) {
    if (text.size() <= 48) return "“" + text + "”";
    auto cut = text.rfind(' ', 44);
    return "“" + text.substr(0, cut == std::string::npos ? 44 : cut) + "…”";
}

} // namespace

double Walkthrough::next_frame_in() const {
    if (message_.empty()) return 1.0;
    double age = ImGui::GetTime() - message_at_;
    return age < kMessageShown ? std::min(1.0, kMessageShown - age) : 0.05; // then fade
}

void Walkthrough::say(std::string message) {
    message_ = std::move(message);
    message_at_ = ImGui::GetTime();
}

void Walkthrough::draw_message() {
    if (message_.empty()) return;
    double age = ImGui::GetTime() - message_at_;
    if (age > kMessageShown + kMessageFade) {
        message_.clear();
        return;
    }
    float alpha =
        age < kMessageShown ? 1.0f : static_cast<float>(1.0 - (age - kMessageShown) / kMessageFade);
    ImGui::SameLine();
    ImVec4 colour = ImGui::GetStyleColorVec4(ImGuiCol_Text);
    colour.w *= alpha;
    ImGui::TextColored(colour, "%s", message_.c_str());
    probe("walkthrough.message");
}

void Walkthrough::mark_quote(ConversationSession& session) {
    const auto* item = session.current_item();
    if (!item) return;
    auto& st = notes_state_[item->question->id];
    std::string text = st.selected();
    if (text.empty()) text = new_quote_;
    auto b = text.find_first_not_of(" \n\t\"“”");
    auto e = text.find_last_not_of(" \n\t\"“”");
    if (b == std::string::npos) {
        say("Select words in the notes (or type them in the quote box) first.");
        return;
    }
    text = text.substr(b, e - b + 1);
    if (speaker_.empty()) speaker_ = default_speaker(session.conversation());
    auto& a = session.answer(item->question->id);
    a.quotes.push_back({store::new_uuid(), text, speaker_});
    if (a.asked == store::Asked::NotYet) a.asked = store::Asked::Asked;
    session.answer_changed(item->question->id);
    session.set_last_speaker(speaker_);
    new_quote_.clear();
    say("Quote by " + speaker_ + " added to " + short_name(item->text) + ".");
}

void Walkthrough::insert_time(ConversationSession& session) {
    const auto* item = session.current_item();
    if (!item) return;
    int s = static_cast<int>(session.elapsed_seconds());
    char stamp[32];
    if (s >= 3600)
        std::snprintf(stamp, sizeof stamp, "[%d:%02d:%02d] ", s / 3600, s / 60 % 60, s % 60);
    else
        std::snprintf(stamp, sizeof stamp, "[%d:%02d] ", s / 60, s % 60);
    auto& st = notes_state_[item->question->id];
    // Into the notes at the cursor when they have the keyboard, else at their end.
    if (ImGui::GetActiveID() != notes_id_) st.focus_at_end = true;
    st.insert += stamp;
}

void Walkthrough::draw_follow_up_popup(ConversationSession& session) {
    if (open_follow_up_) {
        ImGui::OpenPopup("Follow-up question");
        open_follow_up_ = false;
        follow_up_text_.clear();
    }
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 32, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal("Follow-up question", nullptr, ImGuiWindowFlags_AlwaysAutoResize))
        return;
    const auto* item = session.current_item();
    widgets::wrapped(("A question of your own, asked in " + item->area->title +
                      ". It is kept with this conversation only.")
                         .c_str());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    bool enter =
        ImGui::InputText("##follow_up", &follow_up_text_, ImGuiInputTextFlags_EnterReturnsTrue);
    probe("walkthrough.follow_up.text");
    bool empty = follow_up_text_.find_first_not_of(" \t") == std::string::npos;
    if ((ImGui::Button("Add and go to it") || enter) && !empty) {
        session.add_follow_up(follow_up_text_);
        say("Follow-up question added to " + item->area->title + ".");
        ImGui::CloseCurrentPopup();
    }
    probe("walkthrough.follow_up.add");
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void Walkthrough::draw_question(ConversationSession& session) {
    const auto* item = session.current_item();
    if (!item) {
        widgets::empty_state("No questions to ask",
                             "With this group and these conditions the guide has no questions. "
                             "Change them in the set-up.");
        return;
    }
    const auto& q = *item->question;
    auto& a = session.answer(q.id);
    bool changed = false;

    ImGui::TextDisabled("%s  ·  question %zu of %zu", item->area->title.c_str(),
                        session.current() + 1, session.items().size());
    ImGui::SameLine();
    if (ImGui::SmallButton("+ Follow-up question")) open_follow_up_ = true;
    probe("walkthrough.follow_up");
    draw_follow_up_popup(session);
    ImGui::PushFont(fonts().heading);
    widgets::wrapped(item->text.c_str());
    ImGui::PopFont();
    probe("walkthrough.question");
    if (!q.cue.empty()) ImGui::TextDisabled("%s", q.cue.c_str());
    if (!item->condition_label.empty()) ImGui::TextDisabled("%s", item->condition_label.c_str());

    // Compact: checkboxes no taller than a line of text.
    if (compact_)
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                            ImVec2(ImGui::GetStyle().FramePadding.x, 1.0f));
    for (std::size_t i = 0; i < item->probes.size(); ++i) {
        bool ticked =
            std::find(a.probes.begin(), a.probes.end(), static_cast<int>(i)) != a.probes.end();
        std::string label = item->probes[i].text + (item->probes[i].optional ? "  (optional)" : "");
        ImGui::PushID(static_cast<int>(i));
        ImGui::PushTextWrapPos(0);
        if (ImGui::Checkbox("##probe", &ticked)) {
            if (ticked)
                a.probes.push_back(static_cast<int>(i));
            else
                std::erase(a.probes, static_cast<int>(i));
            std::sort(a.probes.begin(), a.probes.end());
            changed = true;
        }
        probe("walkthrough.probe." + std::to_string(i));
        ImGui::SameLine();
        ImGui::TextUnformatted(label.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopID();
    }
    if (compact_) ImGui::PopStyleVar();

    if (!compact_) ImGui::Spacing();
    ImGui::TextUnformatted("Notes");
    ImGui::SameLine();
    ImGui::TextDisabled("(select words and press Ctrl+M to keep them as a quote)");
    // Focus follows the facilitator: a new question (by key, button or area tab) or Ctrl+E puts
    // the cursor at the end of its notes in this very frame, so typing straight on lands there.
    if (focus_notes_ || focused_question_ != q.id) {
        notes_state_[q.id].focus_at_end = true;
        focused_question_ = q.id;
        focus_notes_ = false;
    }
    ImGui::PushID(q.id.c_str());
    notes_id_ = ImGui::GetID("##notes");
    changed |=
        wrapped_input("##notes", a.notes,
                      ImGui::GetTextLineHeight() * 6 + ImGui::GetStyle().FramePadding.y * 2 + 2,
                      notes_state_[q.id]);
    notes_had_keyboard_ = ImGui::GetActiveID() == notes_id_;
    ImGui::PopID();
    probe("walkthrough.notes");

    ImGui::TextUnformatted("Quotes");
    changed |= draw_quotes(a, session);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 19);
    ImGui::InputTextWithHint("##new_quote", "Type a quote, or select it in the notes", &new_quote_);
    probe("walkthrough.new_quote");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    // A new quote is by whoever was last chosen in this conversation.
    if (speaker_for_ != session.conversation().uuid) {
        speaker_ = default_speaker(session.conversation());
        speaker_for_ = session.conversation().uuid;
    }
    speaker_combo("##by", speaker_, session);
    probe("walkthrough.speaker");
    ImGui::SameLine();
    if (ImGui::Button("Add quote")) mark_quote(session);
    probe("walkthrough.add_quote");

    if (!q.fields.empty()) {
        ImGui::Spacing();
        changed |= fields_input(q, a.values);
    }

    ImGui::Spacing();
    int asked = static_cast<int>(a.asked);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("This question was");
    ImGui::SameLine();
    changed |= ImGui::RadioButton("asked", &asked, 1);
    probe("walkthrough.asked");
    ImGui::SameLine();
    changed |= ImGui::RadioButton("skipped", &asked, 2);
    probe("walkthrough.skipped");
    a.asked = static_cast<store::Asked>(asked);
    if (changed) {
        if (a.asked == store::Asked::NotYet && !a.empty()) a.asked = store::Asked::Asked;
        session.answer_changed(q.id);
    }
}

void Walkthrough::draw_side_panel(ViewContext& ctx, ConversationSession& session) {
    draw_conversation_notes(session, conversation_notes_state_, ImGui::GetTextLineHeight() * 5.5f);
    ImGui::Separator();
    const auto& c = session.conversation();
    const auto* item = session.current_item();
    bool profile_question =
        item && item->question->condition.find("mc_profile_shown") != std::string::npos;
    // Profiles are edited in the Library, not here: load them when the conversation (or its
    // profile) changes, not after every autosave.
    if (!profiles_loaded_ || profiles_for_ != c.uuid || profiles_profile_ != c.profile) {
        profiles_ = store::load_profiles(*ctx.workspace);
        profiles_for_ = c.uuid;
        profiles_profile_ = c.profile;
        profiles_loaded_ = true;
    }
    const auto* profile = profiles_.profile(c.profile);
    if (profile_question && profile) {
        ImGui::PushFont(fonts().heading);
        widgets::wrapped(profile->title.c_str());
        ImGui::PopFont();
        probe("walkthrough.profile_card");
        if (profile->sample) ImGui::TextDisabled("Sample profile");
        auto section = [](const char* title, const std::string& body) {
            if (body.empty()) return;
            ImGui::TextDisabled("%s", title);
            widgets::wrapped(body.c_str());
        };
        section("Competency", profile->competency);
        section("Key method", profile->key_method);
        if (!profile->submission_criteria.empty()) {
            ImGui::TextDisabled("Submission");
            for (const auto& s : profile->submission_criteria)
                ImGui::BulletText("%s", s.c_str());
        }
        section("Issuer", profile->issuer);
        if (profile->estimated_hours)
            ImGui::Text("About %g hours of work", *profile->estimated_hours);
        section("Currency already granted", profile->currency_granted);
        ImGui::Separator();
    }
    ImGui::TextDisabled("Participants");
    for (const auto& p : c.participants)
        ImGui::BulletText("%s%s%s%s", p.name.c_str(), p.role.empty() ? "" : ", ", p.role.c_str(),
                          p.consent ? "" : "  (no consent yet)");
    if (c.participants.empty()) ImGui::TextDisabled("(none entered)");
    ImGui::Spacing();
    ImGui::TextDisabled("Keys");
    ImGui::TextUnformatted("Alt+→ / Alt+←  next / previous question");
    ImGui::TextUnformatted("Alt+↓  next area");
    ImGui::TextUnformatted("Ctrl+M  quote the selected words");
    ImGui::TextUnformatted("Ctrl+E  to the notes");
    ImGui::TextUnformatted("Ctrl+T  the time [12:34] into the notes");
    ImGui::TextUnformatted("Ctrl+B  fold the panels away");
}

ConversationRequest Walkthrough::draw(ViewContext& ctx, ConversationSession& session) {
    ConversationRequest request;
    // Coming back to the walkthrough (from review, set-up or another screen) focuses the notes.
    if (drawn_frame_ != ImGui::GetFrameCount() - 1) focused_question_.clear();
    drawn_frame_ = ImGui::GetFrameCount();
    session.tick();
    const auto& c = session.conversation();
    const auto* grp = session.guide().group(c.group);
    // A small window (a 13" laptop, larger text) is compact: the heading in the body font,
    // one-line area buttons and probes, so the question, its probes and six lines of notes fit.
    compact_ = ImGui::GetContentRegionAvail().y < ImGui::GetTextLineHeight() * 28;
    if (!compact_) ImGui::PushFont(fonts().heading);
    ImGui::Text("%s", c.org.empty() ? "(organisation not known yet)" : c.org.c_str());
    if (!compact_) ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("%s · %s · %s", grp ? grp->label.c_str() : c.group.c_str(),
                        c.state.empty() ? "(state not known yet)" : c.state.c_str(),
                        c.mode == "focus_group" ? "focus group" : "interview");
    draw_area_stepper(session, compact_);

    // The side panel (conversation notes, participants, keys) folds away with Ctrl+B.
    bool side_shown = !ctx.settings || ctx.settings->walkthrough_side_panel;
    float side = side_shown
                     ? std::max(ImGui::GetFontSize() * 14, ImGui::GetContentRegionAvail().x * 0.3f)
                     : 0.0f;
    float buttons_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    ImGui::BeginChild("##question",
                      ImVec2(side_shown ? -side - ImGui::GetStyle().ItemSpacing.x : 0, -buttons_h),
                      true);
    draw_question(session);
    if (!side_shown) { // the conversation notes stay at hand below the question
        ImGui::SetNextItemOpen(conversation_notes_open_);
        conversation_notes_open_ = ImGui::CollapsingHeader("Conversation notes");
        probe("walkthrough.conversation_notes_header");
        if (conversation_notes_open_)
            draw_conversation_notes(session, conversation_notes_state_,
                                    ImGui::GetTextLineHeight() * 4.5f);
    }
    ImGui::EndChild();
    if (side_shown) {
        ImGui::SameLine();
        ImGui::BeginChild("##side", ImVec2(0, -buttons_h), true);
        draw_side_panel(ctx, session);
        ImGui::EndChild();
    }

    if (ImGui::Button("< Previous")) session.previous();
    probe("walkthrough.previous");
    ImGui::SameLine();
    if (ImGui::Button("Next >")) session.next();
    probe("walkthrough.next");
    ImGui::SameLine();
    if (ImGui::Button("Set-up")) request.kind = ConversationRequest::Kind::Setup;
    ImGui::SameLine();
    if (ImGui::Button("Review")) request.kind = ConversationRequest::Kind::Review;
    probe("walkthrough.review");
    ImGui::SameLine();
    if (ImGui::Button("Close")) request.kind = ConversationRequest::Kind::Close;
    probe("walkthrough.close");
    ImGui::SameLine();
    if (ImGui::Button(side_shown ? "Fold panels" : "Show panels")) request.fold_panels = true;
    probe("walkthrough.fold");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Fold away the navigation and the side panel (%s)",
                          shortcut_label(Command::TogglePanels));
    draw_message();
    // A button drawn after the notes moved to another question: what was typed in this frame
    // reached no box; keep it for the new question's notes, drawn next frame.
    const auto* now = session.current_item();
    if (now && now->question->id != focused_question_ && !notes_had_keyboard_) {
        const auto& queue = ImGui::GetIO().InputQueueCharacters;
        notes_state_[now->question->id].carried.assign(queue.begin(), queue.end());
    }
    return request;
}

} // namespace convene::app
