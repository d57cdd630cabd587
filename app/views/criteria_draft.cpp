// Library > Quality criteria: the draft's rating levels, categories and criteria (see
// criteria_editor.hpp). Everything here changes only the draft; act() saves it.
#include "app/ui_probe.hpp"
#include "app/views/criteria_editor.hpp"
#include "app/widgets.hpp"
#include "app/wrapped_input.hpp"
#include "guides/criteria_edits.hpp"
#include "guides/text.hpp"

#include <algorithm>
#include <imgui.h>
#include <imgui_stdlib.h>
#include <sstream>

namespace convene::app {
namespace {

// A rating is given with the keys 1 to 9: more levels could not be rated.
constexpr std::size_t kMaxLevels = 9;

std::string index_path(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
}

std::string join_codes(const std::vector<std::string>& codes) {
    return guides::join_by(codes, [](const std::string& c) { return c; });
}

std::vector<std::string> split_codes(const std::string& text) {
    std::vector<std::string> codes;
    std::istringstream in(text);
    for (std::string part; std::getline(in, part, ',');)
        if (auto c = guides::trim(part); !c.empty()) codes.push_back(c);
    return codes;
}

} // namespace

CriteriaEditor::Order CriteriaEditor::order_buttons(const std::string& probe_prefix, std::size_t i,
                                                    std::size_t n) {
    Order pressed = Order::None;
    ImGui::BeginDisabled(i == 0);
    if (ImGui::ArrowButton("##up", ImGuiDir_Up)) pressed = Order::Up;
    ImGui::EndDisabled();
    probe(probe_prefix + ".up");
    ImGui::SameLine();
    ImGui::BeginDisabled(i + 1 >= n);
    if (ImGui::ArrowButton("##down", ImGuiDir_Down)) pressed = Order::Down;
    ImGui::EndDisabled();
    probe(probe_prefix + ".down");
    ImGui::SameLine();
    if (ImGui::SmallButton("Remove")) pressed = Order::Remove;
    probe(probe_prefix + ".remove");
    return pressed;
}

void CriteriaEditor::draw_levels() {
    auto& levels = draft_->levels;
    std::string title = "Rating levels (" + std::to_string(levels.size()) + ")###levels";
    bool open = ImGui::CollapsingHeader(title.c_str(), ImGuiTreeNodeFlags_DefaultOpen);
    probe("criteria.levels");
    if (!open) return;
    ImGui::TextDisabled("From the lowest to the highest: each score above the one before it. "
                        "Reviewers rate with the keys 1 to %zu.",
                        kMaxLevels);
    draw_problem("levels");
    float em = ImGui::GetFontSize();
    for (std::size_t i = 0; i < levels.size(); ++i) {
        ImGui::PushID(("level" + std::to_string(i)).c_str());
        std::string p = "criteria.level." + std::to_string(i);
        ImGui::AlignTextToFramePadding();
        ImGui::Text("%zu", i + 1);
        ImGui::SameLine(em * 1.6f);
        ImGui::SetNextItemWidth(
            std::clamp(ImGui::GetContentRegionAvail().x - em * 17.5f, em * 8, em * 30));
        ImGui::InputTextWithHint("##label", "Label, e.g. Partly evident", &levels[i].label);
        probe(p + ".label");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 5);
        ImGui::InputDouble("Score##score", &levels[i].score, 0, 0, "%g");
        probe(p + ".score");
        ImGui::SameLine();
        ask(order_buttons(p, i, levels.size()), Edit::Kind::MoveLevel, Edit::Kind::RemoveLevel, i);
        draw_problem(index_path("levels", i), true);
        ImGui::PopID();
    }
    ImGui::BeginDisabled(levels.size() >= kMaxLevels);
    if (ImGui::Button("+ Level")) {
        double score = levels.empty() ? 0 : levels.back().score + 1;
        levels.push_back({"New level", score});
    }
    ImGui::EndDisabled();
    probe("criteria.add_level");
}

void CriteriaEditor::draw_category(std::size_t c) {
    auto& d = *draft_;
    auto& cat = d.categories[c];
    std::string path = index_path("categories", c);
    std::string p = "criteria.cat." + std::to_string(c);
    ImGui::PushID(("category" + std::to_string(c)).c_str());
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextDisabled("Category %zu", c + 1);
    float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(std::max(em * 12, ImGui::GetContentRegionAvail().x - em * 21));
    if (ImGui::InputTextWithHint("##title", "Category title", &cat.title)) retitled(cat);
    probe(p + ".title");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 9);
    std::string before = cat.id;
    if (ImGui::InputText("Id##cat", &cat.id)) auto_category_ids_.erase(before);
    probe(p + ".id");
    ImGui::SameLine();
    ask(order_buttons(p, c, d.categories.size()), Edit::Kind::MoveCategory,
        Edit::Kind::RemoveCategory, c);
    draw_problem(path);
    draw_problem(path + ".title");
    draw_problem(path + ".id");
    draw_problem(path + ".criteria");
    for (std::size_t k = 0; k < cat.criteria.size(); ++k)
        draw_criterion(c, k);
    ImGui::Indent();
    ImGui::Spacing();
    if (ImGui::Button("+ Criterion")) add_criterion(c);
    probe(p + ".add");
    ImGui::Unindent();
    ImGui::PopID();
}

void CriteriaEditor::draw_criterion(std::size_t c, std::size_t k) {
    auto& cr = draft_->categories[c].criteria[k];
    std::string path = index_path(index_path("categories", c) + ".criteria", k);
    std::string p = "criteria.crit." + std::to_string(c) + "." + std::to_string(k);
    ImGui::PushID(static_cast<int>(k));
    ImGui::Indent();
    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%zu.", k + 1);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##text", "What the micro-credential must show, in a sentence",
                                 &cr.text))
        retexted(cr);
    probe(p + ".text");
    draw_problem(path + ".text");
    ImGui::TextDisabled("Guidance: what evidence shows it");
    wrapped_input("##guidance", cr.guidance, ImGui::GetTextLineHeightWithSpacing() * 2.6f,
                  guidance_state_[std::to_string(c) + "." + std::to_string(k)]);
    probe(p + ".guidance");
    draw_problem(path + ".guidance");
    draw_criterion_place(c, k, p);
    draw_problem(path);
    draw_problem(path + ".id");
    std::string codes = join_codes(cr.codes);
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 3);
    if (ImGui::InputTextWithHint("Codes", "codebook ids, comma-separated (optional)", &codes))
        cr.codes = split_codes(codes);
    probe(p + ".codes");
    draw_problem(path + ".codes", true);
    ImGui::Unindent();
    ImGui::PopID();
}

// The criterion's id, its category, and the buttons that move or remove it.
void CriteriaEditor::draw_criterion_place(std::size_t c, std::size_t k, const std::string& p) {
    auto& d = *draft_;
    auto& cr = d.categories[c].criteria[k];
    float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(em * 10);
    std::string before = cr.id;
    if (ImGui::InputText("Id", &cr.id)) auto_ids_.erase(before);
    probe(p + ".id");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 12);
    if (ImGui::BeginCombo("Category", d.categories[c].title.c_str())) {
        for (std::size_t to = 0; to < d.categories.size(); ++to) {
            ImGui::PushID(static_cast<int>(to));
            if (ImGui::Selectable(d.categories[to].title.c_str(), to == c) && to != c)
                edit_ = {Edit::Kind::CriterionTo, c, k, static_cast<int>(to)};
            probe(p + ".to." + std::to_string(to));
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    probe(p + ".category");
    ImGui::SameLine();
    ask(order_buttons(p, k, d.categories[c].criteria.size()), Edit::Kind::MoveCriterion,
        Edit::Kind::RemoveCriterion, c, k);
}

void CriteriaEditor::retitled(guides::CriteriaCategory& cat) {
    if (!auto_category_ids_.count(cat.id)) return;
    auto_category_ids_.erase(cat.id);
    cat.id = guides::readable_id(cat.title, "category", [&](const std::string& id) {
        for (const auto& other : draft_->categories)
            if (&other != &cat && other.id == id) return true;
        return false;
    });
    auto_category_ids_.insert(cat.id);
}

void CriteriaEditor::retexted(guides::Criterion& cr) {
    if (!auto_ids_.count(cr.id)) return;
    auto_ids_.erase(cr.id);
    cr.id = guides::readable_id(cr.text, "criterion", [&](const std::string& id) {
        const auto* other = draft_->criterion(id);
        return other && other != &cr;
    });
    auto_ids_.insert(cr.id);
}

void CriteriaEditor::ask(Order pressed, Edit::Kind move, Edit::Kind remove, std::size_t index,
                         std::size_t sub) {
    if (pressed == Order::Up || pressed == Order::Down)
        edit_ = {move, index, sub, pressed == Order::Up ? -1 : 1};
    if (pressed == Order::Remove) edit_ = {remove, index, sub, 0};
}

void CriteriaEditor::add_criterion(std::size_t c) {
    auto& d = *draft_;
    auto id = guides::readable_id("", "criterion",
                                  [&](const std::string& s) { return d.criterion(s) != nullptr; });
    d.categories[c].criteria.push_back({id, "", "", {}});
    auto_ids_.insert(id);
}

void CriteriaEditor::add_category() {
    auto& d = *draft_;
    auto id = guides::readable_id("", "category", [&](const std::string& s) {
        for (const auto& cat : d.categories)
            if (cat.id == s) return true;
        return false;
    });
    d.categories.push_back({id, "", {}});
    auto_category_ids_.insert(id);
    add_criterion(d.categories.size() - 1); // a category needs a criterion to be valid
}

void CriteriaEditor::apply(const Edit& e) {
    auto& d = *draft_;
    auto erase_at = [](auto& items, std::size_t i) {
        if (i < items.size()) items.erase(items.begin() + static_cast<std::ptrdiff_t>(i));
    };
    switch (e.kind) {
    case Edit::Kind::None:
        break;
    case Edit::Kind::MoveLevel:
        guides::move_item(d.levels, e.index, e.delta);
        break;
    case Edit::Kind::RemoveLevel:
        erase_at(d.levels, e.index);
        break;
    case Edit::Kind::MoveCategory:
        guides::move_item(d.categories, e.index, e.delta);
        break;
    case Edit::Kind::RemoveCategory:
        erase_at(d.categories, e.index);
        break;
    case Edit::Kind::MoveCriterion:
        guides::move_item(d.categories[e.index].criteria, e.sub, e.delta);
        break;
    case Edit::Kind::RemoveCriterion:
        erase_at(d.categories[e.index].criteria, e.sub);
        break;
    case Edit::Kind::CriterionTo:
        guides::move_criterion(d, e.index, e.sub, static_cast<std::size_t>(e.delta));
        break;
    }
}

} // namespace convene::app
