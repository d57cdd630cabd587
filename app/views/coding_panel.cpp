// The review's coding: model, shortcut, toolbar and the requests carried out after drawing.
// Drawing the coded text is in coded_text.cpp, the list of lost codings in coding_attention.cpp.
#include "app/views/coding_panel.hpp"

#include "app/ui_probe.hpp"
#include "store/answers.hpp"
#include "store/people.hpp"
#include "store/workspace.hpp"

#include <algorithm>
#include <imgui.h>
#include <imgui_internal.h> // GetActiveID: which box has the keyboard
#include <utility>

namespace convene::app {

bool CodingPanel::handle(Command command) {
    if (command != Command::ApplyCode) return false;
    if (!picker_.is_open() && !coder_dialog_.is_open()) code_asked_ = true;
    return true;
}

void CodingPanel::refresh(ViewContext& ctx, ConversationSession& session) {
    bool blind = ctx.settings && ctx.settings->coding_blind;
    const auto& uuid = session.conversation().uuid;
    if (!cache_.stale(ctx) && model_.conversation_uuid == uuid && model_.blind == blind) return;
    auto& db = ctx.workspace->db();
    CodingModel m;
    m.conversation_uuid = uuid;
    m.blind = blind;
    m.codes = store::list_codes(db);
    m.colours = code_colours(m.codes);
    for (std::size_t i = 0; i < m.codes.size(); ++i)
        m.code_at[m.codes[i].uuid] = i;
    m.people = store::list_people(db);
    if (ctx.settings) m.coder = current_coder(*ctx.settings, *ctx.workspace, m.people);
    for (const auto& [question_id, answer] : store::answers_for(db, uuid)) {
        m.answer_uuid[question_id] = answer.uuid;
        m.question_of[answer.uuid] = question_id;
    }
    for (auto& s : store::segments_for_conversation(db, uuid)) {
        if (blind && s.coder_uuid != m.coder) continue; // independent coding: only one's own
        // Flagged for their coder: another coder's lost codings are theirs to settle.
        if (s.lost && (m.coder.empty() || s.coder_uuid == m.coder)) m.lost.push_back(s);
        m.by_answer[s.answer_uuid].push_back(std::move(s));
    }
    model_ = std::move(m);
}

void CodingPanel::draw_toolbar(ViewContext& ctx, ConversationSession& session) {
    refresh(ctx, session);
    moved_.clear();
    own_ids_.clear();
    own_boxes_.clear();
    hot_uuid_ = std::exchange(hot_next_, {});
    ImGui::AlignTextToFramePadding();
    if (model_.coder.empty()) {
        ImGui::TextUnformatted("Coding:");
        ImGui::SameLine();
        if (ImGui::Button("Who is coding?")) coder_dialog_.open();
    } else {
        ImGui::Text("Coding as %s", person_name(model_.coder).c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Change")) coder_dialog_.open();
    }
    probe("coding.coder");
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    if (ctx.settings) {
        if (ImGui::Checkbox("Blind", &ctx.settings->coding_blind)) ctx.settings_changed = true;
        probe("coding.blind");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Show only my codings, so two coders code independently and their "
                              "agreement means something.");
    }
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    if (!message_.empty() && ImGui::GetTime() - message_at_ > kMessageSeconds) {
        message_.clear();
        undo_uuid_.clear();
    }
    if (message_.empty()) { // the message takes the hint's place: nothing below moves
        ImGui::TextDisabled("Select words, then %s to code them",
                            shortcut_label(Command::ApplyCode));
        return;
    }
    ImGui::TextUnformatted(message_.c_str());
    probe("coding.message", message_);
    if (!undo_uuid_.empty()) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Undo"))
            requests_.push_back({CodingRequest::Kind::Restore, {}, undo_uuid_, {}});
        probe("coding.undo");
    }
}

void CodingPanel::start_coding(CodingTarget target) {
    pending_ = std::move(target);
    if (model_.coder.empty()) {
        coder_dialog_.open(); // asked once; the picker follows
        return;
    }
    std::string what = pending_.part == store::SegmentPart::Answer ? std::string("the whole answer")
                       : pending_.excerpt.size() > 40 ? "“" + pending_.excerpt.substr(0, 40) + "…”"
                                                      : "“" + pending_.excerpt + "”";
    picker_.open(what);
}

// The selection follows the box that has the keyboard; it ends when the box lets go of it or
// something else takes it (not the buttons that code or re-anchor it).
void CodingPanel::track_selection() {
    ImGuiID active = ImGui::GetActiveID();
    auto in = [](const std::vector<ImGuiID>& ids, ImGuiID id) {
        return std::find(ids.begin(), ids.end(), id) != ids.end();
    };
    bool ends = active == 0 ? in(own_boxes_, last_active_)
                            : !in(own_ids_, active) && !in(own_boxes_, active);
    if (active != last_active_ && ends) selection_ = {};
    last_active_ = active;
}

void CodingPanel::draw_popups() {
    if (code_asked_) {
        code_asked_ = false;
        if (selection_.empty())
            say("Click in an answer's notes or a quote (and select words) first.");
        else
            start_coding(selection_);
    }
    if (auto code = picker_.draw(model_.codes))
        requests_.push_back({CodingRequest::Kind::Apply, pending_, *code, {}});
    if (auto who = coder_dialog_.draw(model_.people, model_.coder)) {
        if (who->uuid.empty())
            requests_.push_back({CodingRequest::Kind::AddCoder, {}, {}, who->new_name});
        else
            requests_.push_back({CodingRequest::Kind::ChooseCoder, {}, who->uuid, {}});
    } else if (!coder_dialog_.is_open() && !picker_.is_open() && model_.coder.empty()) {
        pending_ = {}; // the dialog was cancelled
    }
    draw_segment_menu();
    track_selection(); // last: every box and button of this frame is known
}

void CodingPanel::say(std::string message, std::string undo_uuid) {
    message_ = std::move(message);
    undo_uuid_ = std::move(undo_uuid);
    message_at_ = ImGui::GetTime();
}

double CodingPanel::next_frame_in() const {
    if (message_.empty()) return 1e9;
    return std::max(0.05, kMessageSeconds - (ImGui::GetTime() - message_at_));
}

std::string CodingPanel::code_name(const std::string& code_uuid, bool path) const {
    auto it = model_.code_at.find(code_uuid);
    if (it == model_.code_at.end()) return "(code in the trash)";
    const auto& c = model_.codes[it->second];
    return path ? c.path : c.name;
}

ImVec4 CodingPanel::colour_of(const std::string& code_uuid) const {
    auto it = model_.code_at.find(code_uuid);
    return it == model_.code_at.end() ? ImVec4(0.6f, 0.6f, 0.6f, 1) : model_.colours[it->second];
}

std::string CodingPanel::person_name(const std::string& uuid) const {
    for (const auto& p : model_.people)
        if (p.uuid == uuid) return p.name;
    return "someone not in this workspace";
}

void CodingPanel::act(ViewContext& ctx, ConversationSession& session) {
    auto requests = std::move(requests_);
    requests_.clear();
    for (const auto& r : requests) {
        try {
            apply(ctx, session, r);
        } catch (const std::exception& e) {
            say(std::string("Not done: ") + e.what());
        }
    }
}

} // namespace convene::app
