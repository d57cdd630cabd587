#include "store/instrument_review.hpp"

#include <algorithm>

namespace convene::store {

using guides::ItemType;

std::optional<ColumnRole> column_role(const InstrumentProposal& p, std::size_t c) {
    const auto& t = p.columns.at(c).target;
    if (t == "ignore" || t.empty()) return ColumnRole::Ignore;
    if (t == "respondent_id") return ColumnRole::RespondentId;
    if (t.rfind("attribute:", 0) == 0) return ColumnRole::Attribute;
    if (t.rfind("option:", 0) == 0) return std::nullopt;
    const auto* item = p.instrument.item(t);
    if (!item) return ColumnRole::Ignore;
    switch (item->type) {
    case ItemType::Likert:
        return ColumnRole::Likert;
    case ItemType::Choice:
        return ColumnRole::Choice;
    case ItemType::Multi:
        return ColumnRole::Multi;
    case ItemType::Number:
        return ColumnRole::Number;
    case ItemType::Text:
        break;
    }
    return ColumnRole::Text;
}

namespace {

// An id no item, attribute or construct has yet.
std::string free_id(const guides::Instrument& inst, const std::string& text) {
    std::string base = readable_id(text), id = base;
    for (int n = 2; inst.item(id) || inst.attribute(id) || inst.construct(id); ++n)
        id = base + "_" + std::to_string(n);
    return id;
}

void drop_unused(guides::Instrument& inst) {
    for (auto& k : inst.constructs)
        std::erase_if(k.items, [&](const std::string& id) {
            const auto* item = inst.item(id);
            return !item || item->type != ItemType::Likert;
        });
    std::erase_if(inst.constructs, [](const guides::Construct& k) { return k.items.empty(); });
    std::erase_if(inst.scales, [&](const guides::RatingScale& s) {
        return std::none_of(inst.items.begin(), inst.items.end(), [&](const guides::Item& i) {
            return i.type == ItemType::Likert && i.scale == s.id;
        });
    });
}

} // namespace

std::string retarget_column(InstrumentProposal& p, std::size_t c, ColumnRole role) {
    auto& col = p.columns.at(c);
    auto& inst = p.instrument;
    auto current = column_role(p, c);
    if (!current) return "this column is one choice of a multiple-choice item";
    if (*current == role) return "";
    const std::string old = col.target;
    const bool was_attribute = old.rfind("attribute:", 0) == 0;
    const auto* old_item = inst.item(old);
    std::string id = old_item        ? old_item->id
                     : was_attribute ? old.substr(10)
                                     : free_id(inst, col.header);
    std::string text = old_item ? old_item->text : col.question;
    // Make the new item first: a Likert scale that does not fit leaves everything as it was.
    guides::Instrument trial = inst;
    std::optional<guides::Item> item;
    if (role >= ColumnRole::Likert) {
        static constexpr ItemType types[] = {ItemType::Likert, ItemType::Choice, ItemType::Multi,
                                             ItemType::Number, ItemType::Text};
        item = item_of_type(trial, id, text, types[static_cast<int>(role) - 3], col.facts);
        if (!item) return "its answers fit no Likert label family";
    }
    inst = std::move(trial);
    auto pos = std::find_if(inst.items.begin(), inst.items.end(),
                            [&](const guides::Item& i) { return i.id == old; });
    std::size_t index = static_cast<std::size_t>(pos - inst.items.begin());
    if (pos != inst.items.end()) inst.items.erase(pos);
    if (was_attribute)
        std::erase_if(inst.attributes, [&](const guides::Attribute& a) { return a.id == id; });
    if (item) {
        inst.items.insert(inst.items.begin() + static_cast<std::ptrdiff_t>(index), *item);
        col.target = id;
        col.why = kColumnRoleNames[static_cast<int>(role)];
    } else if (role == ColumnRole::Attribute) {
        inst.attributes.push_back({id, text, col.facts.distinct, ""});
        if (inst.attributes.back().choices.empty()) inst.attributes.back().choices = {"(none)"};
        col.target = "attribute:" + id;
        col.why = "attribute";
    } else if (role == ColumnRole::RespondentId) {
        for (auto& other : p.columns)
            if (other.target == "respondent_id") other.target = "ignore";
        col.target = "respondent_id";
        col.why = "respondent id";
    } else {
        col.target = "ignore";
        col.why = "ignored";
    }
    drop_unused(inst);
    return "";
}

std::string set_construct(guides::Instrument& inst, const std::string& item_id,
                          const std::string& label) {
    const auto* item = inst.item(item_id);
    if (!item || item->type != ItemType::Likert) return "only Likert items make up constructs";
    guides::Construct* target = nullptr;
    for (auto& k : inst.constructs)
        if (k.label == label) target = &k;
    if (target && !target->items.empty() && target->items[0] != item_id &&
        inst.item(target->items[0])->scale != item->scale)
        return "the items of \"" + label + "\" use another scale";
    for (auto& k : inst.constructs)
        std::erase(k.items, item_id);
    if (!label.empty()) {
        if (!target) {
            inst.constructs.push_back({free_id(inst, label), label, {}});
            target = &inst.constructs.back();
        }
        target->items.push_back(item_id);
    }
    std::erase_if(inst.constructs, [](const guides::Construct& k) { return k.items.empty(); });
    return "";
}

} // namespace convene::store
