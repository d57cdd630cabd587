#include "export/quality_compilation.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

namespace convene::exporting {
namespace {

// Reviewers who gave at least one level, by name (then uuid): the raters of the reliability data.
std::vector<std::pair<std::string, std::string>> raters_of(std::span<const store::Rating> ratings) {
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& r : ratings)
        if (r.level) seen.insert({r.reviewer_name, r.reviewer_uuid});
    return {seen.begin(), seen.end()};
}

CriterionCompilation start_criterion(const guides::CriteriaSet& set,
                                     const guides::CriteriaSet::Entry& e, std::size_t position) {
    CriterionCompilation c;
    c.criterion_id = e.criterion->id;
    c.category = e.category->title;
    c.text = e.criterion->text;
    c.guidance = e.criterion->guidance;
    c.position = position;
    c.distribution.assign(set.levels.size(), 0);
    return c;
}

void fill_fleiss(ProfileCompilation& p) {
    std::set<std::size_t> counts;
    for (const auto& unit : p.data.units)
        counts.insert(agreement::values_of(unit).size());
    if (p.data.units.empty() || counts.size() != 1 || *counts.begin() < 2) {
        p.fleiss_note = counts.size() > 1 ? "not every criterion has the same number of ratings: "
                                            "see Krippendorff's alpha"
                                          : "needs at least two ratings of every criterion";
        return;
    }
    p.fleiss = agreement::fleiss_kappa(p.data);
    if (!p.fleiss->kappa) p.fleiss_note = "undefined: every rating is the same level";
}

} // namespace

std::optional<int> consensus_level(std::vector<int> levels) {
    if (levels.empty()) return std::nullopt;
    std::sort(levels.begin(), levels.end());
    // Lower middle: index (n - 1) / 2 is the median for odd n and the lower of the two for even n.
    return levels[(levels.size() - 1) / 2];
}

std::optional<double> mean_pair_distance(const std::vector<int>& levels) {
    if (levels.size() < 2) return std::nullopt;
    double sum = 0;
    std::size_t pairs = 0;
    for (std::size_t i = 0; i < levels.size(); ++i)
        for (std::size_t j = i + 1; j < levels.size(); ++j, ++pairs)
            sum += std::abs(levels[i] - levels[j]);
    return sum / static_cast<double>(pairs);
}

std::vector<std::string> criteria_codes(const guides::CriteriaSet& set) {
    std::vector<std::string> codes;
    for (const auto& e : set.entries())
        for (const auto& code : e.criterion->codes)
            if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
    return codes;
}

ProfileCompilation compile_profile(const guides::CriteriaSet& set, const std::string& profile_slug,
                                   std::span<const store::Rating> ratings,
                                   std::span<const store::StakeholderExcerpt> excerpts) {
    ProfileCompilation p;
    p.profile_slug = profile_slug;
    auto raters = raters_of(ratings);
    std::map<std::string, std::size_t> rater_index;
    for (const auto& [name, uuid] : raters) {
        rater_index[uuid] = p.reviewers.size();
        p.reviewers.push_back(name);
    }
    p.data.raters = raters.size();
    auto entries = set.entries();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        auto c = start_criterion(set, entries[i], i);
        std::vector<std::optional<int>> unit(raters.size());
        std::vector<int> levels;
        for (const auto& r : ratings) {
            if (r.criterion_id != c.criterion_id || (!r.level && r.note.empty())) continue;
            c.reviewers.push_back({r.reviewer_uuid, r.reviewer_name, r.level, r.note});
            if (!r.level || static_cast<std::size_t>(*r.level) >= set.levels.size()) continue;
            ++c.distribution[static_cast<std::size_t>(*r.level)];
            levels.push_back(*r.level);
            unit[rater_index.at(r.reviewer_uuid)] = *r.level;
        }
        std::sort(c.reviewers.begin(), c.reviewers.end(), [](const auto& a, const auto& b) {
            return std::tie(a.reviewer_name, a.reviewer_uuid) <
                   std::tie(b.reviewer_name, b.reviewer_uuid);
        });
        c.rated = levels.size();
        p.ratings += levels.size();
        c.consensus = consensus_level(levels);
        c.disagreement = mean_pair_distance(levels);
        for (const auto& code : entries[i].criterion->codes)
            for (const auto& e : excerpts)
                if (e.code_slug == code) c.stakeholders.push_back(e);
        p.data.units.push_back(std::move(unit));
        p.criteria.push_back(std::move(c));
    }
    p.complete = !raters.empty() && p.ratings == raters.size() * entries.size();
    p.percent = agreement::percent_agreement(p.data);
    p.alpha = agreement::krippendorff_alpha(p.data, agreement::Metric::ordinal);
    fill_fleiss(p);
    // Most disagreement first; criteria with fewer than two ratings last; then the set's order.
    std::stable_sort(p.criteria.begin(), p.criteria.end(), [](const auto& a, const auto& b) {
        return a.disagreement.value_or(-1) > b.disagreement.value_or(-1);
    });
    return p;
}

QualityOverview overview(const guides::CriteriaSet& set, std::span<const store::Rating> ratings) {
    QualityOverview o;
    auto entries = set.entries();
    std::map<std::string, std::size_t> column;
    for (const auto& e : entries) {
        column[e.criterion->id] = o.criteria.size();
        o.criteria.push_back(e.criterion->id);
    }
    // profile -> criterion column -> levels; profile -> reviewers
    std::map<std::string, std::vector<std::vector<int>>> levels;
    std::map<std::string, std::set<std::string>> reviewers;
    for (const auto& r : ratings) {
        auto col = column.find(r.criterion_id);
        if (!r.level || col == column.end()) continue;
        auto& row = levels[r.profile_slug];
        row.resize(entries.size());
        row[col->second].push_back(*r.level);
        reviewers[r.profile_slug].insert(r.reviewer_uuid);
    }
    for (const auto& [slug, cells] : levels) {
        OverviewRow row{slug, reviewers[slug].size(), {}, {}};
        for (const auto& cell : cells) {
            row.consensus.push_back(consensus_level(cell));
            row.rated.push_back(cell.size());
        }
        o.rows.push_back(std::move(row));
    }
    return o;
}

} // namespace convene::exporting
