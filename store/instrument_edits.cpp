#include "store/instrument_edits.hpp"

#include "store/instrument_inference.hpp" // readable_id

#include <algorithm>
#include <cctype>

namespace convene::store {

using guides::Instrument;
using guides::ItemType;

namespace {

guides::Item* find_item(Instrument& inst, const std::string& id) {
    for (auto& item : inst.items)
        if (item.id == id) return &item;
    return nullptr;
}

guides::Construct* find_construct(Instrument& inst, const std::string& id) {
    for (auto& c : inst.constructs)
        if (c.id == id) return &c;
    return nullptr;
}

// The scale the items of a construct use (its first Likert item's), "" when it has none.
std::string construct_scale(const Instrument& inst, const guides::Construct& c,
                            const std::string& except_item) {
    for (const auto& id : c.items)
        if (const auto* item = inst.item(id); item && id != except_item) return item->scale;
    return {};
}

// The five-point agreement scale: what a new Likert item of an instrument with no scale uses.
const guides::LabelFamily* default_family() {
    for (const auto& f : guides::label_families())
        if (f.id == "agree5") return &f;
    return &guides::label_families().front();
}

bool blank(const std::string& s) {
    return s.find_first_not_of(" \t\r\n") == std::string::npos;
}

} // namespace

std::string unused_id(const Instrument& inst, std::string_view text) {
    std::string base = readable_id(text), id = base;
    for (int n = 2; inst.item(id) || inst.construct(id) || inst.attribute(id); ++n)
        id = base + "_" + std::to_string(n);
    return id;
}

std::string add_item(Instrument& inst, ItemType type, const std::string& text) {
    guides::Item item{.id = unused_id(inst, text), .text = text, .type = type};
    switch (type) {
    case ItemType::Likert:
        if (inst.scales.empty()) add_scale(inst, family_scale(*default_family()));
        item.scale = inst.scales.front().id;
        break;
    case ItemType::Choice:
    case ItemType::Multi:
        item.choices = {"First choice", "Second choice"};
        break;
    case ItemType::Number:
    case ItemType::Text:
        break;
    }
    inst.items.push_back(item);
    return item.id;
}

bool remove_item(Instrument& inst, std::size_t index) {
    if (index >= inst.items.size()) return false;
    const std::string id = inst.items[index].id;
    inst.items.erase(inst.items.begin() + static_cast<std::ptrdiff_t>(index));
    for (auto& c : inst.constructs)
        std::erase(c.items, id);
    return true;
}

bool move_item(Instrument& inst, std::size_t index, int by) {
    const auto to = static_cast<std::ptrdiff_t>(index) + by;
    if (index >= inst.items.size() || to < 0 || to >= std::ssize(inst.items)) return false;
    auto first = inst.items.begin();
    if (to < static_cast<std::ptrdiff_t>(index))
        std::rotate(first + to, first + static_cast<std::ptrdiff_t>(index),
                    first + static_cast<std::ptrdiff_t>(index) + 1);
    else
        std::rotate(first + static_cast<std::ptrdiff_t>(index),
                    first + static_cast<std::ptrdiff_t>(index) + 1, first + to + 1);
    return true;
}

guides::RatingScale family_scale(const guides::LabelFamily& family) {
    guides::RatingScale scale{family.id, {}};
    for (const auto& words : family.points)
        scale.labels.push_back(words.front());
    return scale;
}

std::string add_scale(Instrument& inst, guides::RatingScale scale) {
    for (const auto& s : inst.scales)
        if (s.labels == scale.labels) return s.id;
    std::string base = scale.id;
    for (int n = 2; inst.scale(scale.id); ++n)
        scale.id = base + "_" + std::to_string(n);
    inst.scales.push_back(scale);
    return scale.id;
}

std::string set_item_scale(Instrument& inst, const std::string& item_id,
                           const std::string& scale_id) {
    auto* item = find_item(inst, item_id);
    if (!item || item->type != ItemType::Likert) return "only Likert items have a rating scale";
    if (!inst.scale(scale_id)) return "the instrument has no scale \"" + scale_id + "\"";
    item->scale = scale_id;
    for (auto& c : inst.constructs) {
        if (std::find(c.items.begin(), c.items.end(), item_id) == c.items.end()) continue;
        auto shared = construct_scale(inst, c, item_id);
        if (!shared.empty() && shared != scale_id) std::erase(c.items, item_id);
    }
    return "";
}

std::string set_item_construct(Instrument& inst, const std::string& item_id,
                               const std::string& construct_id) {
    const auto* item = inst.item(item_id);
    if (!item || item->type != ItemType::Likert) return "only Likert items make up constructs";
    auto* target = construct_id.empty() ? nullptr : find_construct(inst, construct_id);
    if (!construct_id.empty() && !target)
        return "the instrument has no construct \"" + construct_id + "\"";
    if (target) {
        auto shared = construct_scale(inst, *target, item_id);
        if (!shared.empty() && shared != item->scale)
            return "the items of \"" + target->label + "\" use the scale \"" + shared +
                   "\"; this item uses \"" + item->scale + "\"";
    }
    for (auto& c : inst.constructs)
        std::erase(c.items, item_id);
    if (target) target->items.push_back(item_id);
    return "";
}

std::string add_construct(Instrument& inst, const std::string& label) {
    if (blank(label)) return {};
    inst.constructs.push_back({unused_id(inst, label), label, {}});
    return inst.constructs.back().id;
}

void remove_construct(Instrument& inst, const std::string& construct_id) {
    std::erase_if(inst.constructs, [&](const auto& c) { return c.id == construct_id; });
}

std::string add_attribute(Instrument& inst, const std::string& label,
                          std::vector<std::string> choices) {
    if (blank(label)) return {};
    inst.attributes.push_back({unused_id(inst, label), label, std::move(choices), {}});
    return inst.attributes.back().id;
}

void remove_attribute(Instrument& inst, const std::string& attribute_id) {
    std::erase_if(inst.attributes, [&](const auto& a) { return a.id == attribute_id; });
}

std::string next_version(const std::string& version) {
    auto dot = version.find_last_of('.');
    std::string head = dot == std::string::npos ? "" : version.substr(0, dot + 1);
    std::string tail = dot == std::string::npos ? version : version.substr(dot + 1);
    bool digits = !tail.empty() && tail.size() < 9 &&
                  std::all_of(tail.begin(), tail.end(),
                              [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (!digits) return version.empty() ? "1" : version + ".1";
    return head + std::to_string(std::stol(tail) + 1);
}

} // namespace convene::store
