// Pure steps for editing a quality criteria set (the GUI editor works on a draft with these):
// readable ids for new criteria and categories, the next version label, moving entries, and the
// check a draft must pass before it is stored, the same as `criteria validate` applies to a file.
#pragma once

#include "guides/criteria.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace convene::guides {

// An id made of the first few words of text that say something ("Earners may resubmit their
// work" -> "earners_resubmit_work"), or fallback when text has none; "_2", "_3", ... is added
// while taken(id) says the id is in use. Always a valid id (JsonReader::valid_id).
std::string readable_id(std::string_view text, std::string_view fallback,
                        const std::function<bool(const std::string&)>& taken);

// The label after version: its last number raised by one ("0.1" -> "0.2", "2024-draft" ->
// "2025-draft"), or " 2" added when it has no number ("draft" -> "draft 2").
std::string next_version(std::string_view version);

// Swaps item i with its neighbour (delta -1: the one before, +1: the one after); false when
// there is none.
template <typename T> bool move_item(std::vector<T>& items, std::size_t i, int delta) {
    if (i >= items.size()) return false;
    if (delta < 0 && i == 0) return false;
    if (delta > 0 && i + 1 >= items.size()) return false;
    std::size_t j = delta < 0 ? i - 1 : i + 1;
    std::swap(items[i], items[j]);
    return true;
}

// Moves criterion k of category from to the end of category to.
void move_criterion(CriteriaSet& set, std::size_t from, std::size_t k, std::size_t to);

// A new set to start from: three levels (not / partly / fully evident) and one category with
// one criterion whose text and guidance are still to be written.
CriteriaSet starter_criteria_set(std::string id);

// The draft run through the loader's rules: exactly what `criteria validate` says of the same
// set written to a file (problems with JSON paths such as "categories[1].criteria[0].text").
CriteriaLoad check_criteria(const CriteriaSet& draft);

} // namespace convene::guides
