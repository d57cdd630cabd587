#include "export/survey_analysis.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace convene::exporting {
namespace {

using guides::ItemType;

// The respondent's value for an item as analysed: Likert reverse-scored when flagged.
std::optional<double> scored(const store::SurveyData& data, const store::Respondent& r,
                             const guides::Item& item) {
    auto it = r.responses.find(item.id);
    if (it == r.responses.end() || !it->second.number) return std::nullopt;
    double v = *it->second.number;
    if (item.type == ItemType::Likert && item.reverse) {
        if (const auto* scale = data.instrument.scale(item.scale)) v = scale->points() + 1 - v;
    }
    return v;
}

std::vector<const guides::Item*> target_items(const store::SurveyData& data,
                                              const CompareRequest& req) {
    std::vector<const guides::Item*> items;
    if (!req.item.empty()) {
        const auto* item = data.instrument.item(req.item);
        if (!item)
            throw std::invalid_argument("no item \"" + req.item + "\" in " + data.instrument.id);
        if (item->type != ItemType::Likert && item->type != ItemType::Number)
            throw std::invalid_argument("item \"" + req.item + "\" is not a Likert or number item");
        items.push_back(item);
    } else if (!req.construct.empty()) {
        const auto* c = data.instrument.construct(req.construct);
        if (!c) {
            std::string known;
            for (const auto& x : data.instrument.constructs)
                known += (known.empty() ? "" : ", ") + x.id;
            throw std::invalid_argument("no construct \"" + req.construct + "\" in " +
                                        data.instrument.id + "; constructs are " + known);
        }
        for (const auto& id : c->items)
            items.push_back(data.instrument.item(id));
    } else {
        for (const auto& i : data.instrument.items)
            if (i.type == ItemType::Likert) items.push_back(&i);
    }
    return items;
}

} // namespace

std::vector<ItemResult> item_results(const store::SurveyData& data) {
    std::vector<ItemResult> out;
    for (const auto& item : data.instrument.items) {
        if (item.type != ItemType::Likert && item.type != ItemType::Number) continue;
        ItemResult r;
        r.item_id = item.id;
        r.text = item.text;
        r.likert = item.type == ItemType::Likert;
        r.reverse = item.reverse;
        if (const auto* c = data.instrument.construct_of(item.id)) r.construct_id = c->id;
        std::vector<double> values;
        for (const auto& resp : data.respondents) {
            auto it = resp.responses.find(item.id);
            if (it != resp.responses.end() && it->second.number)
                values.push_back(*it->second.number);
        }
        r.n = values.size();
        if (!values.empty()) r.stats = stats::describe(values);
        if (r.likert) {
            const auto* scale = data.instrument.scale(item.scale);
            r.points = scale ? scale->points() : 0;
            if (r.points > 0 && !values.empty())
                r.distribution = stats::distribution(values, r.points);
            else
                r.distribution.assign(static_cast<std::size_t>(r.points), 0);
        }
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<std::optional<double>> construct_scores(const store::SurveyData& data,
                                                    const guides::Construct& construct) {
    std::vector<std::optional<double>> scores;
    scores.reserve(data.respondents.size());
    for (const auto& r : data.respondents) {
        double sum = 0;
        bool complete = !construct.items.empty();
        for (const auto& id : construct.items) {
            const auto* item = data.instrument.item(id);
            auto v = item ? scored(data, r, *item) : std::nullopt;
            if (!v) {
                complete = false;
                break;
            }
            sum += *v;
        }
        scores.push_back(complete ? std::optional(sum / double(construct.items.size()))
                                  : std::nullopt);
    }
    return scores;
}

std::vector<ConstructResult> construct_results(const store::SurveyData& data) {
    std::vector<ConstructResult> out;
    for (const auto& c : data.instrument.constructs) {
        ConstructResult r;
        r.id = c.id;
        r.label = c.label;
        r.items = c.items.size();
        std::vector<double> scores;
        for (const auto& s : construct_scores(data, c))
            if (s) scores.push_back(*s);
        r.n = scores.size();
        if (!scores.empty()) r.score = stats::describe(scores);
        // Alpha over complete cases (NaN marks a missing item; the function drops those rows).
        std::vector<std::vector<double>> rows;
        for (const auto& resp : data.respondents) {
            std::vector<double> row;
            for (const auto& id : c.items) {
                auto v = scored(data, resp, *data.instrument.item(id));
                row.push_back(v ? *v : std::nan(""));
            }
            rows.push_back(std::move(row));
        }
        try {
            if (c.items.size() >= 2) r.alpha = stats::cronbach_alpha(rows).alpha;
        } catch (const std::invalid_argument&) {
            // too few complete cases or no variance: alpha stays empty
        }
        out.push_back(std::move(r));
    }
    return out;
}

Comparison compare_groups(const store::SurveyData& data, const CompareRequest& req) {
    const auto* attr = data.instrument.attribute(req.attribute);
    if (!attr) {
        std::string known;
        for (const auto& a : data.instrument.attributes)
            known += (known.empty() ? "" : ", ") + a.id;
        throw std::invalid_argument("no attribute \"" + req.attribute + "\" in " +
                                    data.instrument.id + "; attributes are " + known);
    }
    std::vector<std::string> groups = req.groups;
    if (groups.empty()) {
        if (attr->choices.size() != 2)
            throw std::invalid_argument("attribute \"" + attr->id + "\" has " +
                                        std::to_string(attr->choices.size()) +
                                        " values; name the two to compare");
        groups = attr->choices;
    }
    if (groups.size() != 2) throw std::invalid_argument("a comparison needs exactly two groups");
    for (const auto& g : groups)
        if (std::find(attr->choices.begin(), attr->choices.end(), g) == attr->choices.end())
            throw std::invalid_argument("\"" + g + "\" is not a value of " + attr->id);

    auto items = target_items(data, req);
    std::vector<double> a, b;
    std::vector<std::optional<double>> construct_score;
    if (req.unit == Unit::Respondent && !req.construct.empty())
        construct_score = construct_scores(data, *data.instrument.construct(req.construct));
    for (std::size_t i = 0; i < data.respondents.size(); ++i) {
        const auto& r = data.respondents[i];
        auto it = r.attributes.find(attr->id);
        if (it == r.attributes.end()) continue;
        std::vector<double>* side = it->second == groups[0]   ? &a
                                    : it->second == groups[1] ? &b
                                                              : nullptr;
        if (!side) continue;
        if (req.unit == Unit::Item) {
            for (const auto* item : items)
                if (auto v = scored(data, r, *item)) side->push_back(*v);
        } else if (!req.construct.empty()) {
            if (construct_score[i]) side->push_back(*construct_score[i]);
        } else {
            // One value per respondent: the mean of the items they answered.
            double sum = 0;
            int n = 0;
            for (const auto* item : items)
                if (auto v = scored(data, r, *item)) {
                    sum += *v;
                    ++n;
                }
            if (n > 0) side->push_back(sum / n);
        }
    }
    Comparison out;
    out.attribute = attr->id;
    out.group_a = groups[0];
    out.group_b = groups[1];
    out.target = !req.item.empty()        ? req.item
                 : !req.construct.empty() ? req.construct
                                          : "all Likert items";
    out.unit = req.unit == Unit::Item ? "item" : "respondent";
    if (a.size() < 2 || b.size() < 2)
        throw std::invalid_argument("too few answers to compare: " + std::to_string(a.size()) +
                                    " in \"" + groups[0] + "\", " + std::to_string(b.size()) +
                                    " in \"" + groups[1] + "\"");
    out.student = stats::student_t(a, b);
    out.welch = stats::welch_t(a, b);
    out.mann_whitney = stats::mann_whitney(a, b);
    return out;
}

std::vector<Crosstab> crosstabs(const store::SurveyData& data, const std::string& by) {
    const auto* col = data.instrument.attribute(by);
    if (!col) throw std::invalid_argument("no attribute \"" + by + "\" in " + data.instrument.id);
    std::vector<Crosstab> out;
    const std::string missing = "(not given)";
    for (const auto& row_attr : data.instrument.attributes) {
        if (row_attr.id == by) continue;
        Crosstab t;
        t.row_attribute = row_attr.id;
        t.column_attribute = by;
        t.rows = row_attr.choices;
        t.columns = col->choices;
        t.rows.push_back(missing);
        t.columns.push_back(missing);
        t.counts.assign(t.rows.size(), std::vector<std::size_t>(t.columns.size(), 0));
        auto index = [&](const std::vector<std::string>& values, const store::Respondent& r,
                         const std::string& id) {
            auto it = r.attributes.find(id);
            if (it == r.attributes.end()) return values.size() - 1;
            auto pos = std::find(values.begin(), values.end(), it->second);
            return pos == values.end() ? values.size() - 1
                                       : static_cast<std::size_t>(pos - values.begin());
        };
        for (const auto& r : data.respondents)
            ++t.counts[index(t.rows, r, row_attr.id)][index(t.columns, r, by)];
        // Drop the "(not given)" row and column when nobody is in them.
        bool any_row = false, any_col = false;
        for (auto c : t.counts.back())
            any_row |= c > 0;
        for (const auto& row : t.counts)
            any_col |= row.back() > 0;
        if (!any_col) {
            t.columns.pop_back();
            for (auto& row : t.counts)
                row.pop_back();
        }
        if (!any_row) {
            t.rows.pop_back();
            t.counts.pop_back();
        }
        out.push_back(std::move(t));
    }
    return out;
}

} // namespace convene::exporting
