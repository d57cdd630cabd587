#include "export/survey_comparison.hpp"
#include "guides/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace convene::exporting {
namespace {

std::string curly(const std::string& s) {
    return "\u201c" + s + "\u201d";
}

// The values of each group: one per respondent, or every rating of each respondent (pooled).
struct Collected {
    std::vector<stats::ClusterTotals> clusters; // [group][respondent] (pooled)
    std::vector<std::vector<double>> values;    // [group][value]
    std::vector<std::size_t> respondents, left_out;
};

Collected collect(const SurveyTable& t, const CompareRequest& req,
                  const std::vector<std::string>& groups) {
    const auto& data = *t.data;
    auto cols = compare_columns(t, req);
    std::vector<std::optional<double>> construct_score;
    if (!req.construct.empty())
        construct_score = construct_scores(t, *data.instrument.construct(req.construct));
    Collected c;
    c.clusters.resize(groups.size());
    c.values.resize(groups.size());
    c.respondents.assign(groups.size(), 0);
    c.left_out.assign(groups.size(), 0);
    // Each respondent's group first (-1: none), so the values are allocated once at their
    // size: a pooled comparison of 10,000 respondents x 60 items copies 600,000 ratings.
    std::vector<int> group_of(t.respondents, -1);
    const auto* given = t.attribute(req.attribute);
    for (std::size_t i = 0; given && i < t.respondents; ++i) {
        const auto* value = given->at(i);
        if (!value) continue;
        auto g = std::find(groups.begin(), groups.end(), *value);
        if (g == groups.end()) continue;
        group_of[i] = static_cast<int>(g - groups.begin());
        ++c.respondents[static_cast<std::size_t>(group_of[i])];
    }
    for (std::size_t k = 0; k < groups.size(); ++k) {
        c.values[k].reserve(c.respondents[k] * (req.unit == Unit::Item ? cols.size() : 1));
        if (req.unit == Unit::Item) c.clusters[k].reserve(c.respondents[k]);
    }
    std::vector<double> mine; // one respondent's ratings
    mine.reserve(cols.size());
    for (std::size_t i = 0; i < t.respondents; ++i) {
        if (group_of[i] < 0) continue;
        auto k = static_cast<std::size_t>(group_of[i]);
        mine.clear();
        for (int col : cols)
            if (double v = t.scored_at(i, static_cast<std::size_t>(col)); !std::isnan(v))
                mine.push_back(v);
        bool has = !req.construct.empty() ? construct_score[i].has_value() : !mine.empty();
        if (!has) {
            ++c.left_out[k];
            continue;
        }
        if (req.unit == Unit::Item) {
            c.values[k].insert(c.values[k].end(), mine.begin(), mine.end());
            stats::ClusterTotal total{0.0, mine.size()};
            for (double v : mine)
                total.sum += v;
            c.clusters[k].push_back(total);
        } else if (!req.construct.empty()) {
            c.values[k].push_back(*construct_score[i]);
        } else {
            double sum = 0;
            for (double v : mine)
                sum += v;
            c.values[k].push_back(sum / double(mine.size()));
        }
    }
    return c;
}

std::vector<std::string> chosen_groups(const guides::Attribute& attr, const CompareRequest& req) {
    std::vector<std::string> groups = req.groups.empty() ? attr.choices : req.groups;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        if (std::find(attr.choices.begin(), attr.choices.end(), groups[i]) == attr.choices.end())
            throw std::invalid_argument(
                curly(groups[i]) + " is not a value of " + attr.label + "; its values are " +
                guides::join_by(attr.choices, [](const auto& x) { return x; }));
        for (std::size_t j = 0; j < i; ++j)
            if (groups[j] == groups[i])
                throw std::invalid_argument(
                    curly(groups[i]) + " is picked twice: a group compared with itself " +
                    "cannot differ. Pick two different values of " + attr.label + ".");
    }
    if (groups.size() < 2)
        throw std::invalid_argument("Pick at least two values of " + attr.label + " to compare.");
    return groups;
}

std::string scale_text(const SurveyTable& t, const CompareRequest& req) {
    const guides::RatingScale* scale = nullptr;
    for (int c : compare_columns(t, req)) {
        const auto* item = t.items[static_cast<std::size_t>(c)];
        const auto* s = item->type == guides::ItemType::Likert
                            ? t.data->instrument.scale(item->scale)
                            : nullptr;
        if (!s || (scale && s != scale)) return "";
        scale = s;
    }
    if (!scale || scale->labels.empty()) return "";
    return "1 (" + scale->labels.front() + ") to " + std::to_string(scale->points()) + " (" +
           scale->labels.back() + ")";
}

template <typename F> void attempt(std::vector<std::string>& notes, const char* name, F&& f) {
    try {
        f();
    } catch (const std::invalid_argument& e) {
        notes.push_back(std::string(name) + " not computed: " + e.what());
    }
}

void run_tests(GroupComparison& out, const Collected& c) {
    const auto& v = c.values;
    if (v.size() == 2) {
        Comparison two;
        two.attribute = out.attribute;
        two.group_a = out.groups[0].name;
        two.group_b = out.groups[1].name;
        two.target = out.target;
        two.unit = out.pooled ? "item" : "respondent";
        two.student = stats::student_t(v[0], v[1]);
        two.welch = stats::welch_t(v[0], v[1]);
        two.mann_whitney = stats::mann_whitney(v[0], v[1]);
        out.two = two;
        if (out.pooled)
            attempt(out.notes, "Cluster-robust difference", [&] {
                out.cluster = stats::cluster_robust_difference(c.clusters[0], c.clusters[1]);
            });
    }
    attempt(out.notes, "One-way ANOVA", [&] { out.anova = stats::one_way_anova(v); });
    attempt(out.notes, "Welch's ANOVA", [&] { out.welch = stats::welch_anova(v); });
    attempt(out.notes, "Kruskal-Wallis", [&] { out.kruskal = stats::kruskal_wallis(v); });
    if (v.size() >= 3)
        attempt(out.notes, "Pairwise Welch t",
                [&] { out.pairwise = stats::pairwise_welch_holm(v); });
    if (v.size() >= 3 && out.pooled)
        attempt(out.notes, "Cluster-robust comparison",
                [&] { out.cluster_groups = stats::cluster_robust_groups(c.clusters); });
}

} // namespace

GroupComparison compare_k_groups(const SurveyTable& t, const CompareRequest& req) {
    const auto& inst = t.data->instrument;
    const auto* attr = inst.attribute(req.attribute);
    if (!attr)
        throw std::invalid_argument(
            "no attribute \"" + req.attribute + "\" in " + inst.id + "; attributes are " +
            guides::join_by(inst.attributes, [](const auto& x) { return x.id; }));
    auto groups = chosen_groups(*attr, req);
    GroupComparison out;
    out.attribute = attr->id;
    out.attribute_label = attr->label;
    out.pooled = req.unit == Unit::Item;
    if (!req.item.empty()) {
        out.target = req.item;
        const auto* item = inst.item(req.item);
        out.target_label = item ? curly(item->text) : req.item;
    } else if (!req.construct.empty()) {
        out.target = req.construct;
        const auto* construct = inst.construct(req.construct);
        out.target_label = construct ? "the " + construct->label + " scale" : req.construct;
    } else {
        out.target = "all Likert items";
        out.target_label = "all Likert items";
    }
    auto c = collect(t, req, groups);
    out.scale = scale_text(t, req);
    std::string too_few;
    for (std::size_t k = 0; k < groups.size(); ++k) {
        GroupSummary g{groups[k], c.respondents[k], c.left_out[k], c.values[k].size(), {}};
        if (!c.values[k].empty()) g.stats = stats::describe(c.values[k]);
        if (c.values[k].size() < 2)
            too_few += (too_few.empty() ? "" : ", ") + std::to_string(c.values[k].size()) + " in " +
                       curly(groups[k]);
        out.groups.push_back(std::move(g));
    }
    if (!too_few.empty()) throw std::invalid_argument("too few answers to compare: " + too_few);
    if (out.pooled)
        out.pooled_warning =
            "Every rating is counted as if independent, but each respondent gave several: "
            "pooling overstates significance. Read the cluster-robust rows, which treat each "
            "respondent as one cluster.";
    run_tests(out, c);
    return out;
}

const char* size_word_d(double d) {
    double a = std::fabs(d);
    return a < 0.2 ? "negligible" : a < 0.5 ? "small" : a < 0.8 ? "medium" : "large";
}

const char* size_word_eta(double eta_squared) {
    return eta_squared < 0.01   ? "negligible"
           : eta_squared < 0.06 ? "small"
           : eta_squared < 0.14 ? "medium"
                                : "large";
}

} // namespace convene::exporting
