// Conversations > list: filter, sort and search the workspace's conversations; the trash.
#include "app/ui_probe.hpp"
#include "app/views/conversation_panels.hpp"
#include "app/widgets.hpp"

#include <algorithm>
#include <imgui.h>
#include <imgui_stdlib.h>
#include <map>
#include <optional>
#include <set>

namespace convene::app {
namespace {

const char* status_label(store::Status s) {
    switch (s) {
    case store::Status::InProgress:
        return "In progress";
    case store::Status::Complete:
        return "Complete";
    case store::Status::Planned:
        break;
    }
    return "Planned";
}

// A combo over "" (any) and the given values; true when the choice changed.
// A filter menu over values (ids), each shown by its label (labels[i] for values[i]).
bool filter_combo(const char* label, std::string& value, const std::vector<std::string>& values,
                  const std::vector<std::string>& labels, float width) {
    bool changed = false;
    auto shown = std::find(values.begin(), values.end(), value);
    std::string current = value.empty()           ? "Any"
                          : shown == values.end() ? value
                                                  : labels[std::size_t(shown - values.begin())];
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo(label, current.c_str())) {
        if (ImGui::Selectable("Any", value.empty())) {
            value.clear();
            changed = true;
        }
        for (std::size_t i = 0; i < values.size(); ++i)
            if (ImGui::Selectable(labels[i].c_str(), value == values[i])) {
                value = values[i];
                changed = true;
            }
        ImGui::EndCombo();
    }
    return changed;
}

} // namespace

std::string ConversationList::describe(const store::ConversationRow& r) {
    std::string date = r.scheduled_at.substr(0, 10);
    return (r.org.empty() ? std::string("the conversation") : r.org) +
           (date.empty() ? "" : " of " + date);
}

void ConversationList::draw_confirm_delete(ConversationRequest& request) {
    if (!ImGui::BeginPopupModal("Delete conversation?", nullptr, ImGuiWindowFlags_AlwaysAutoResize))
        return;
    ImGui::Text("Move %s to the trash?", confirm_label_.c_str());
    ImGui::TextDisabled("Its notes and answers are kept there until you restore it.");
    if (ImGui::Button("Move to the trash")) {
        request = {ConversationRequest::Kind::Delete, confirm_uuid_, ""};
        undo_uuid_ = confirm_uuid_;
        undo_label_ = confirm_label_;
        undo_at_ = ImGui::GetTime();
        message_.clear();
        confirm_uuid_.clear();
        ImGui::CloseCurrentPopup();
    }
    probe("conversations.delete.yes");
    ImGui::SameLine();
    if (ImGui::Button("Keep it")) {
        confirm_uuid_.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

double ConversationList::next_frame_in() const {
    if (undo_uuid_.empty()) return 1e9;
    return std::max(0.05, undo_at_ + kUndoSeconds - ImGui::GetTime());
}

void ConversationList::draw_undo() {
    if (undo_uuid_.empty()) return;
    if (ImGui::GetTime() - undo_at_ > kUndoSeconds) {
        undo_uuid_.clear();
        return;
    }
    ImGui::AlignTextToFramePadding();
    ImGui::Text("Moved %s to the trash.", undo_label_.c_str());
    ImGui::SameLine();
    if (ImGui::Button("Undo")) {
        undo_request_ = undo_uuid_;
        message_ = "Restored " + undo_label_ + ".";
        undo_uuid_.clear();
    }
    probe("conversations.undo");
}

void ConversationList::refresh(ViewContext& ctx) {
    if (!cache_.stale(ctx)) return;
    rows_ = store::list_conversations(ctx.workspace->db(), filter_);
    // Filter choices come from every conversation, not only those shown.
    auto facets = store::conversation_facets(ctx.workspace->db());
    groups_ = std::move(facets.groups);
    group_labels_ = std::move(facets.group_labels);
    states_ = std::move(facets.states);
    sort_rows();
    // An empty list says so when conversations wait in the trash.
    trash_count_ = 0;
    if (rows_.empty() && !filter_.trash) {
        store::ConversationFilter trash;
        trash.trash = true;
        trash_count_ = store::list_conversations(ctx.workspace->db(), trash).size();
    }
    if (!searched_.empty()) request_search();
}

SearchResults run_search(store::Workspace& ws, const std::string& query) {
    SearchResults r{query, store::search_answers(ws.db(), query), {}};
    // Each hit names its question and area as the guide the conversation ran with words them.
    std::map<std::string, std::optional<guides::Guide>> guides_by_conversation;
    for (const auto& h : r.hits) {
        auto& guide = guides_by_conversation[h.conversation_uuid];
        if (!guide)
            if (auto c = store::get_conversation(ws.db(), h.conversation_uuid))
                guide = store::guide_by_hash(ws, c->guide_hash);
        std::string where = h.question_id;
        if (guide) {
            const auto* q = guide->question(h.question_id);
            const auto* area = guide->area_of(h.question_id);
            if (q) where = guides::substitute(q->text_for(h.group), h.state, h.org);
            if (area) where = area->title + ": " + where;
        }
        if (h.question_id.rfind("follow_up.", 0) == 0) where = "Follow-up question";
        r.labels.push_back(h.org + " (" + h.state + ") — " + where);
    }
    return r;
}

void ConversationList::poll_search(ViewContext& ctx) {
    if (auto r = search_job_.take_result(); r && r->query == searched_) {
        hits_ = std::move(r->hits);
        hit_labels_ = std::move(r->labels);
    }
    if (auto e = search_job_.take_error(); !e.empty()) message_ = "Search failed: " + e;
    if (searched_.empty()) {
        hits_.clear();
        hit_labels_.clear();
        search_wanted_ = false;
    }
    if (!search_wanted_ || search_job_.running()) return;
    search_wanted_ = false;
    search_job_.start(
        ctx.workspace->path(),
        [query = searched_](store::Workspace& ws, JobProgress&) { return run_search(ws, query); });
}

void ConversationList::sort_rows() {
    auto key = [this](const store::ConversationRow& r) -> std::string {
        switch (sort_column_) {
        case 1:
            return r.org;
        case 2:
            return r.state;
        case 3:
            return r.group_label;
        case 4: // planned, in progress, complete: the order they happen in
            return std::to_string(static_cast<int>(r.status));
        default:
            return r.scheduled_at;
        }
    };
    std::stable_sort(rows_.begin(), rows_.end(), [&](const auto& a, const auto& b) {
        return sort_ascending_ ? key(a) < key(b) : key(b) < key(a);
    });
}

ConversationRequest ConversationList::draw(ViewContext& ctx) {
    refresh(ctx);
    poll_search(ctx);
    ConversationRequest request;
    widgets::screen_title(filter_.trash ? "Conversations: trash" : "Conversations");

    if (ImGui::Button("+ New conversation")) request.kind = ConversationRequest::Kind::New;
    probe("conversations.new");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    if (ImGui::InputTextWithHint("##search", "Search notes and quotes", &search_)) {
        searched_ = search_;
        request_search();
    }
    probe("conversations.search");
    ImGui::SameLine();
    bool filter_changed = ImGui::Checkbox("Trash", &filter_.trash);
    probe("conversations.trash");

    // Filters
    float w = ImGui::GetFontSize() * 8;
    filter_changed |= filter_combo("Group", filter_.group, groups_, group_labels_, w);
    ImGui::SameLine();
    filter_changed |= filter_combo("State", filter_.state, states_, states_, w);
    ImGui::SameLine();
    static const std::vector<std::string> statuses{"planned", "in_progress", "complete"};
    static const std::vector<std::string> status_labels{"Planned", "In progress", "Complete"};
    filter_changed |= filter_combo("Status", filter_.status, statuses, status_labels, w);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.5f);
    filter_changed |= ImGui::InputTextWithHint("##from", "from", &filter_.from);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.5f);
    filter_changed |= ImGui::InputTextWithHint("##to", "to", &filter_.to);
    if (filter_changed) cache_.invalidate(); // the rows are read again in the next frame
    ImGui::SameLine();
    ImGui::TextDisabled("(dates as YYYY-MM-DD)");

    draw_undo();
    if (!message_.empty()) ImGui::TextDisabled("%s", message_.c_str());
    if (!searched_.empty()) {
        ImGui::Separator();
        search_coding_.draw(ctx, searched_, hits_, hit_labels_, request);
    }

    if (rows_.empty()) {
        if (!undo_request_.empty()) {
            request = {ConversationRequest::Kind::Restore, undo_request_, ""};
            undo_request_.clear();
        }
        if (filter_.trash)
            widgets::empty_state("The trash is empty",
                                 "Deleted conversations wait here until you restore them.");
        else if (!filter_.group.empty() || !filter_.state.empty() || !filter_.status.empty() ||
                 !filter_.from.empty() || !filter_.to.empty())
            widgets::empty_state("No conversation matches these filters",
                                 "Set a filter back to Any to see more.");
        else if (trash_count_ > 0) {
            std::string body = std::to_string(trash_count_) +
                               (trash_count_ == 1 ? " conversation is" : " conversations are") +
                               " in the trash. Tick Trash to see and restore them, or set up a "
                               "new one with + New conversation.";
            widgets::empty_state("No conversations", body.c_str());
            probe("conversations.empty_trash_note");
        } else {
            widgets::empty_state("No conversations yet",
                                 "Set up an interview or focus group with + New conversation, or "
                                 "look around a realistic project first.");
            ImGui::Spacing();
            if (ImGui::Button("Load the demo project"))
                request.kind = ConversationRequest::Kind::LoadDemo;
            probe("conversations.demo");
        }
        return request;
    }

    ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg |
                            ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_Resizable;
    if (ImGui::BeginTable("##conversations", 7, flags)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        float em = ImGui::GetFontSize();
        ImGui::TableSetupColumn("Date",
                                ImGuiTableColumnFlags_DefaultSort |
                                    ImGuiTableColumnFlags_PreferSortDescending |
                                    ImGuiTableColumnFlags_WidthFixed,
                                em * 8.5f);
        ImGui::TableSetupColumn("Organisation", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("State", ImGuiTableColumnFlags_WidthFixed, em * 6);
        ImGui::TableSetupColumn("Group", ImGuiTableColumnFlags_WidthFixed, em * 7);
        ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed, em * 6);
        ImGui::TableSetupColumn(
            "Answered", ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthFixed, em * 4.5f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthFixed,
                                em * 4);
        ImGui::TableHeadersRow();
        if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
            if (specs->SpecsCount > 0) {
                sort_column_ = specs->Specs[0].ColumnIndex;
                sort_ascending_ = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
                sort_rows();
            }
            specs->SpecsDirty = false;
        }
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(rows_.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const auto& r = rows_[static_cast<std::size_t>(i)];
                ImGui::PushID(r.uuid.c_str());
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                std::string date = r.scheduled_at.empty() ? "(no date)" : r.scheduled_at;
                if (date.size() > 10 && date[10] == 'T') date[10] = ' ';
                if (ImGui::Selectable(date.c_str(), false,
                                      ImGuiSelectableFlags_SpanAllColumns |
                                          ImGuiSelectableFlags_AllowItemOverlap) &&
                    !filter_.trash)
                    request = {ConversationRequest::Kind::Open, r.uuid, ""};
                probe("conversations.row." + std::to_string(i));
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(r.org.empty() ? "(organisation not set)" : r.org.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(r.state.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(r.group_label.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(status_label(r.status));
                ImGui::TableNextColumn();
                ImGui::Text("%d", r.answered);
                ImGui::TableNextColumn();
                if (filter_.trash) {
                    if (ImGui::SmallButton("Restore")) {
                        request = {ConversationRequest::Kind::Restore, r.uuid, ""};
                        message_ = "Restored " + describe(r) + ".";
                    }
                    probe("conversations.restore." + std::to_string(i));
                } else {
                    if (ImGui::SmallButton("Delete")) {
                        confirm_uuid_ = r.uuid;
                        confirm_label_ = describe(r);
                        ImGui::OpenPopup("Delete conversation?");
                    }
                    probe("conversations.delete." + std::to_string(i));
                    if (confirm_uuid_ == r.uuid) draw_confirm_delete(request);
                }
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
    if (!undo_request_.empty()) {
        request = {ConversationRequest::Kind::Restore, undo_request_, ""};
        undo_request_.clear();
    }
    return request;
}

} // namespace convene::app
