// Library > Quality criteria: the set picker, the draft's header, and the save (see
// criteria_editor.hpp).
#include "app/views/criteria_editor.hpp"

#include "app/ui_probe.hpp"
#include "app/widgets.hpp"
#include "guides/criteria_edits.hpp"
#include "store/workspace.hpp"

#include <algorithm>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {
namespace {

const ImVec4 kProblemColour(0.85f, 0.25f, 0.2f, 1);

} // namespace

bool CriteriaEditor::dirty() const {
    return draft_ && draft_ != base_;
}

void CriteriaEditor::refresh(ViewContext& ctx) {
    if (!cache_.stale(ctx)) return;
    auto& db = ctx.workspace->db();
    rows_ = store::list_criteria_sets(db, true);
    current_.clear();
    for (const auto& r : rows_)
        if (r.current)
            if (auto set = store::criteria_by_hash(db, r.hash)) current_[r.criteria_id] = *set;
    auto it = current_.find(selected_id_);
    if (it == current_.end()) {
        if (draft_ && !base_) return; // a new set, not saved yet
        it = current_.begin();
    }
    if (it == current_.end()) {
        draft_ = base_ = std::nullopt;
        return;
    }
    // Unsaved edits stay; otherwise show what is stored now (a save here or elsewhere).
    if (!dirty() && (!base_ || *base_ != it->second || selected_id_ != it->first))
        select(it->second);
}

void CriteriaEditor::select(const guides::CriteriaSet& set) {
    selected_id_ = set.id;
    draft_ = base_ = set;
    auto_ids_.clear();
    auto_category_ids_.clear();
    guidance_state_.clear();
    description_state_ = {};
    problems_.clear();
}

void CriteriaEditor::draw(ViewContext& ctx) {
    refresh(ctx);
    draw_picker();
    if (!draft_) {
        widgets::empty_state("No criteria sets", "Start one with + New set.");
        return;
    }
    draw_header();
    ImGui::Separator();
    ImGui::BeginChild("##criteria_draft");
    ImGui::TextDisabled("Description (optional)");
    wrapped_input("##description", draft_->description,
                  ImGui::GetTextLineHeightWithSpacing() * 2.6f, description_state_);
    probe("criteria.description");
    draw_levels();
    for (std::size_t c = 0; c < draft_->categories.size(); ++c)
        draw_category(c);
    ImGui::Spacing();
    ImGui::Separator();
    if (ImGui::Button("+ Category")) add_category();
    probe("criteria.add_category");
    apply(std::exchange(edit_, {}));
    ImGui::EndChild();
}

// Which set is edited: the current version of each, and a new one.
void CriteriaEditor::draw_picker() {
    const store::CriteriaSetRow* shown = nullptr;
    for (const auto& r : rows_)
        if (r.current && r.criteria_id == selected_id_) shown = &r;
    std::string preview = draft_ && !base_ ? draft_->title + " (new, not saved)"
                          : shown          ? shown->title
                                           : "(none)";
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
    bool open = ImGui::BeginCombo("Criteria set", preview.c_str());
    probe("criteria.set", preview);
    if (open) {
        for (const auto& r : rows_) {
            if (!r.current) continue;
            ImGui::PushID(r.criteria_id.c_str());
            if (ImGui::Selectable(r.title.c_str(), &r == shown) && &r != shown)
                request_ = {Request::Kind::Select, r.criteria_id};
            probe("criteria.set." + r.criteria_id);
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ImGui::Button("+ New set")) request_ = {Request::Kind::New, {}};
    probe("criteria.new");
    if (shown) {
        ImGui::SameLine();
        ImGui::TextDisabled("v%s, %s, %s", shown->version.c_str(),
                            widgets::count(shown->criteria, "criterion", "criteria").c_str(),
                            widgets::count(shown->ratings, "rating").c_str());
    }
}

void CriteriaEditor::draw_header() {
    auto& d = *draft_;
    float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(std::max(em * 12, ImGui::GetContentRegionAvail().x - em * 23));
    ImGui::InputText("Title", &d.title);
    probe("criteria.title");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 5);
    ImGui::InputText("Version", &d.version);
    probe("criteria.version");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 9);
    ImGui::InputText("Id", &d.id);
    probe("criteria.id");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Keep the id to save a new version of this set; a new id saves a "
                          "separate set.");
    draw_problem("title");
    draw_problem("version");
    draw_problem("id");
    if (ImGui::Button("Save as a new version")) request_ = {Request::Kind::Save, {}};
    probe("criteria.save");
    ImGui::SameLine();
    if (ImGui::Button("Discard changes")) request_ = {Request::Kind::Discard, {}};
    probe("criteria.discard");
    ImGui::SameLine();
    std::string status = dirty() && message_.empty() ? "Changed, not saved yet" : message_;
    ImGui::TextDisabled("%s", status.c_str());
    probe("criteria.message", status);
    draw_versions();
    draw_problem_list();
}

void CriteriaEditor::draw_versions() {
    std::string versions;
    for (const auto& r : rows_) {
        if (r.criteria_id != selected_id_) continue;
        versions += (versions.empty() ? "" : "; ") + ("v" + r.version) + " (" +
                    (r.current ? "current, " : "") + widgets::count(r.ratings, "rating") + ")";
    }
    if (versions.empty()) versions = "none yet";
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    widgets::wrapped(("Versions: " + versions +
                      ". Saving adds a version; ratings stay with the version they were made "
                      "against (pick the version on the Quality review screen).")
                         .c_str());
    ImGui::PopStyleColor();
    probe("criteria.versions", versions);
}

void CriteriaEditor::draw_problem_list() {
    if (problems_.empty()) return;
    std::string all;
    for (const auto& p : problems_)
        all += (all.empty() ? "" : "\n") + p.to_string();
    // At most five lines tall: the draft stays in sight however many problems there are.
    float lines = static_cast<float>(std::min<std::size_t>(problems_.size(), 5));
    ImGui::BeginChild("##problems", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * lines + 4));
    ImGui::PushStyleColor(ImGuiCol_Text, kProblemColour);
    for (const auto& p : problems_)
        ImGui::BulletText("%s", p.to_string().c_str());
    ImGui::PopStyleColor();
    ImGui::EndChild();
    probe("criteria.problems", all);
}

void CriteriaEditor::draw_problem(const std::string& path, bool with_parts) const {
    if (problems_.empty() || shape() != problem_shape_) return;
    for (const auto& p : problems_) {
        bool part = with_parts && p.path.size() > path.size() && p.path.starts_with(path) &&
                    (p.path[path.size()] == '[' || p.path[path.size()] == '.');
        if (p.path != path && !part) continue;
        ImGui::PushStyleColor(ImGuiCol_Text, kProblemColour);
        widgets::wrapped(p.message.c_str());
        ImGui::PopStyleColor();
        probe("criteria.problem." + p.path, p.message);
    }
}

std::vector<std::size_t> CriteriaEditor::shape() const {
    std::vector<std::size_t> s;
    if (!draft_) return s;
    s.push_back(draft_->levels.size());
    for (const auto& cat : draft_->categories)
        s.push_back(cat.criteria.size());
    return s;
}

void CriteriaEditor::act(ViewContext& ctx) {
    auto r = std::exchange(request_, {});
    if (r.kind == Request::Kind::None || !ctx.workspace) return;
    if (r.kind == Request::Kind::Save) return save(ctx);
    if (r.kind == Request::Kind::Discard) {
        if (base_)
            select(*base_);
        else if (!current_.empty())
            select(current_.begin()->second);
        else
            draft_.reset();
        message_.clear();
        return;
    }
    if (dirty()) {
        message_ = "Save or discard the changes to this set first.";
        return;
    }
    message_.clear();
    if (r.kind == Request::Kind::Select) {
        if (auto it = current_.find(r.id); it != current_.end()) select(it->second);
        return;
    }
    std::string id = "my-criteria";
    for (int n = 2; current_.count(id); ++n)
        id = "my-criteria-" + std::to_string(n);
    select(guides::starter_criteria_set(id));
    base_.reset(); // nothing stored yet: everything in it counts as changed
    auto_ids_ = {"criterion"};
    auto_category_ids_ = {"general"};
    message_ = "Not saved yet.";
}

void CriteriaEditor::save(ViewContext& ctx) {
    if (!draft_) return;
    auto result = store::save_criteria_version(ctx.workspace->db(), *draft_);
    if (!result.problems.empty()) {
        problems_ = std::move(result.problems);
        problem_shape_ = shape();
        message_ = "Not saved: " + widgets::count(problems_.size(), "problem") + " to fix first.";
        return;
    }
    problems_.clear();
    draft_->version = result.version;
    const bool added = result.stored.added;
    select(*draft_);
    message_ =
        added ? "Saved as version " + result.version + " (" + result.stored.hash.substr(0, 8) + ")."
              : "Nothing new to save: this version is stored already, and is current now.";
}

} // namespace convene::app
