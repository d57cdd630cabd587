#include "export/survey_summary.hpp"

#include <algorithm>
#include <map>

namespace convene::exporting {
namespace {

using guides::ItemType;

// Counts of each choice of a choice or multi-choice item, in the item's order.
std::vector<std::pair<std::string, std::size_t>>
choice_counts(const store::SurveyData& data, const guides::Item& item, std::size_t& n) {
    std::map<std::string, std::size_t> counts;
    for (const auto& r : data.respondents) {
        auto it = r.responses.find(item.id);
        if (it == r.responses.end()) continue;
        const auto& v = it->second;
        if (item.type == ItemType::Multi) {
            for (const auto& c : v.choices)
                ++counts[c];
        } else if (!v.text.empty()) {
            ++counts[v.text];
        }
        ++n;
    }
    std::vector<std::pair<std::string, std::size_t>> out;
    for (const auto& c : item.choices)
        out.emplace_back(c, counts[c]);
    return out;
}

} // namespace

SurveySummary summarise_survey(const store::SurveyData& data) {
    SurveySummary s;
    s.respondents = data.respondents.size();
    auto table = make_table(data);
    auto numeric = item_results(table);
    const auto& inst = data.instrument;
    for (const auto& item : inst.items) {
        ItemSummary out{item.id, item.text, item.type, 0, std::nullopt, {}};
        auto r = std::find_if(numeric.begin(), numeric.end(),
                              [&](const ItemResult& x) { return x.item_id == item.id; });
        if (r != numeric.end()) {
            out.n = r->n;
            out.stats = r->stats;
            if (const auto* scale = inst.scale_of(item.id))
                for (std::size_t v = 0; v < r->distribution.size(); ++v)
                    out.counts.emplace_back(scale->labels[v], r->distribution[v]);
        } else if (item.type == ItemType::Choice || item.type == ItemType::Multi) {
            out.counts = choice_counts(data, item, out.n);
        } else {
            for (const auto& resp : data.respondents)
                out.n += resp.responses.contains(item.id) ? 1 : 0;
        }
        s.items.push_back(std::move(out));
    }
    s.constructs = construct_results(table);
    return s;
}

} // namespace convene::exporting
