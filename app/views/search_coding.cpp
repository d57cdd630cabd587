#include "app/views/search_coding.hpp"

#include "app/ui_probe.hpp"
#include "app/views/conversation_panels.hpp"
#include "app/widgets.hpp"
#include "store/segments.hpp"

#include <cctype>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {

void SearchCoding::refresh(ViewContext& ctx) {
    if (!cache_.stale(ctx)) return;
    codes_ = store::list_codes(ctx.workspace->db());
    people_ = store::list_people(ctx.workspace->db());
}

std::string SearchCoding::coder_uuid() const {
    if (people_.size() == 1) return people_.front().uuid;
    for (const auto& p : people_)
        if (p.uuid == chosen_coder_) return p.uuid;
    return {};
}

void SearchCoding::draw_coder() {
    float em = ImGui::GetFontSize();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("as");
    ImGui::SameLine();
    if (people_.empty()) {
        ImGui::SetNextItemWidth(em * 9);
        ImGui::InputTextWithHint("##coder", "your name", &new_coder_);
        probe("search.coder.name");
        return;
    }
    if (people_.size() == 1) {
        ImGui::TextUnformatted(people_.front().name.c_str());
        probe("search.coder", people_.front().name);
        return;
    }
    std::string current = coder_uuid();
    std::string preview = "who is coding?";
    for (const auto& p : people_)
        if (p.uuid == current) preview = p.name;
    ImGui::SetNextItemWidth(em * 9);
    if (ImGui::BeginCombo("##coder", preview.c_str())) {
        for (const auto& p : people_) {
            if (ImGui::Selectable(p.name.c_str(), p.uuid == current)) chosen_coder_ = p.uuid;
            probe("search.coder." + p.name);
        }
        ImGui::EndCombo();
    }
    probe("search.coder", preview);
}

void SearchCoding::draw_coding_row(const std::vector<store::SearchHit>& hits) {
    ImGui::SameLine();
    if (ImGui::SmallButton("Tick all"))
        for (const auto& h : hits)
            ticked_.insert(h.answer_uuid);
    probe("search.tick_all");
    ImGui::SameLine();
    if (ImGui::SmallButton("Untick all")) ticked_.clear();
    probe("search.untick_all");
    ImGui::AlignTextToFramePadding();
    ImGui::Text("Code the %s with", widgets::count(ticked_.size(), "ticked answer").c_str());
    ImGui::SameLine();
    CodeComboOptions options;
    options.width = ImGui::GetFontSize() * 14;
    code_combo("##code", "search.code", code_uuid_, codes_, code_combo_, options);
    draw_coder();
    ImGui::SameLine();
    std::string coder = coder_uuid();
    bool ready = !ticked_.empty() && !code_uuid_.empty() && (!coder.empty() || !new_coder_.empty());
    ImGui::BeginDisabled(!ready);
    if (ImGui::Button("Code them")) {
        Request r{{}, code_uuid_, coder, people_.empty() ? new_coder_ : std::string()};
        for (const auto& h : hits) // in the order shown
            if (ticked_.count(h.answer_uuid)) r.answers.push_back(h.answer_uuid);
        request_ = std::move(r);
    }
    ImGui::EndDisabled();
    probe("search.apply");
    if (!ready && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Tick answers, choose a code%s first.",
                          people_.size() > 1 && coder.empty() ? " and who is coding" : "");
    if (!message_.empty()) {
        if (message_is_error_) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.25f, 0.2f, 1));
        widgets::wrapped(message_.c_str());
        if (message_is_error_) ImGui::PopStyleColor();
        probe("search.message", message_);
    }
}

void SearchCoding::draw(ViewContext& ctx, const std::string& query,
                        const std::vector<store::SearchHit>& hits,
                        const std::vector<std::string>& labels, ConversationRequest& request) {
    refresh(ctx);
    if (query != ticked_for_) {
        ticked_.clear();
        ticked_for_ = query;
        message_.clear();
    }
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s mention \"%s\"", widgets::count(hits.size(), "answer").c_str(), query.c_str());
    if (!hits.empty()) draw_coding_row(hits);
    ImGui::Spacing();
    ImGui::BeginChild("##hits", ImVec2(0, ImGui::GetContentRegionAvail().y * 0.45f), true);
    for (std::size_t i = 0; i < hits.size() && i < labels.size(); ++i) {
        const auto& h = hits[i];
        ImGui::PushID(static_cast<int>(i));
        bool ticked = ticked_.count(h.answer_uuid) > 0;
        if (ImGui::Checkbox("##tick", &ticked)) {
            if (ticked)
                ticked_.insert(h.answer_uuid);
            else
                ticked_.erase(h.answer_uuid);
        }
        probe("search.tick." + std::to_string(i));
        ImGui::SameLine();
        if (ImGui::Selectable(labels[i].c_str()))
            request = {ConversationRequest::Kind::Walkthrough, h.conversation_uuid, h.question_id};
        probe("conversations.hit." + std::to_string(i));
        ImGui::Indent(ImGui::GetFrameHeightWithSpacing());
        widgets::wrapped(h.snippet.c_str());
        ImGui::Unindent(ImGui::GetFrameHeightWithSpacing());
        ImGui::PopID();
    }
    ImGui::EndChild();
}

void SearchCoding::act(ViewContext& ctx) {
    if (!request_ || !ctx.workspace) return;
    auto r = std::move(*request_);
    request_.reset();
    auto& db = ctx.workspace->db();
    std::string code_name = "the code";
    for (const auto& c : codes_)
        if (c.uuid == r.code_uuid) code_name = "\"" + c.path + "\"";
    try {
        std::string coder = r.coder_uuid, coder_name = r.new_coder;
        if (!r.new_coder.empty()) coder = store::add_person(db, r.new_coder);
        for (const auto& p : people_)
            if (p.uuid == coder) coder_name = p.name;
        int added = store::apply_code_to_answers(db, r.answers, r.code_uuid, coder);
        std::size_t already = r.answers.size() - static_cast<std::size_t>(added);
        message_ = "Coded " + widgets::count(static_cast<std::size_t>(added), "answer") + " with " +
                   code_name + " as " + coder_name +
                   (already > 0 ? " (" + widgets::count(already, "answer") + " already had it)"
                                : std::string()) +
                   ".";
        message_is_error_ = false;
        ticked_.clear();
        new_coder_.clear();
    } catch (const store::Error& e) {
        message_ = e.what();
        if (!message_.empty())
            message_[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(message_[0])));
        message_ += ".";
        message_is_error_ = true;
    }
}

} // namespace convene::app
