// Compiling a quality review: several reviewers' ratings of one MC profile against a criteria
// set, per criterion (distribution, consensus, disagreement, what stakeholders said) and for the
// profile as a whole (percent agreement, Fleiss' kappa, Krippendorff's alpha); and the
// profiles x criteria overview of one set. Pure functions over store records; the Quality
// review screen and convene-cli both call them, so they cannot disagree.
#pragma once

#include "export/agreement.hpp"
#include "export/krippendorff.hpp"
#include "guides/criteria.hpp"
#include "store/ratings.hpp"
#include "store/stakeholder_excerpts.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace convene::exporting {

// The consensus of a criterion's levels: their median. With an even number of ratings the two
// middle levels may differ; the consensus is then the lower of the two, so a criterion is called
// met only when at least half of the reviewers found it met. nullopt without ratings.
inline constexpr const char* kConsensusRule =
    "Consensus is the median level; when it falls between two levels, the lower of the two.";
std::optional<int> consensus_level(std::vector<int> levels);

// How far apart the reviewers are on a criterion: the mean distance, in levels, between the two
// ratings of every pair of reviewers (0 when all agree). nullopt with fewer than two ratings.
inline constexpr const char* kDisagreementRule =
    "Most disagreement first: the mean distance, in levels, between two reviewers' ratings.";
std::optional<double> mean_pair_distance(const std::vector<int>& levels);

struct ReviewerRating {
    std::string reviewer_uuid, reviewer_name;
    std::optional<int> level;
    std::string note;
};

struct CriterionCompilation {
    std::string criterion_id, category, text, guidance;
    std::size_t position = 0;              // in the set's order
    std::vector<std::size_t> distribution; // ratings per level, lowest level first
    std::size_t rated = 0;                 // reviewers who gave a level
    std::optional<int> consensus;
    std::optional<double> disagreement;                  // mean_pair_distance
    std::vector<ReviewerRating> reviewers;               // everyone with a level or a note, by name
    std::vector<store::StakeholderExcerpt> stakeholders; // under the criterion's codes
};

struct ProfileCompilation {
    std::string profile_slug;
    std::vector<std::string> reviewers;         // names of those who gave a level, by name
    std::vector<CriterionCompilation> criteria; // most disagreement first, then set order
    std::size_t ratings = 0;                    // levels given in all
    bool complete = false; // every reviewer above rated every criterion of the set
    // Reliability data: one unit per criterion (set order), one rater per reviewer, the value
    // the level's position (an ordinal rank).
    agreement::ReliabilityData data;
    agreement::PercentAgreement percent;
    // Fleiss' kappa with each criterion as a subject: only when every criterion has the same
    // number (at least two) of ratings; fleiss_note says why not otherwise.
    std::optional<agreement::FleissKappa> fleiss;
    std::string fleiss_note;
    agreement::KrippendorffAlpha alpha; // ordinal; copes with criteria some reviewers left out
};

// ratings: the profile's ratings against set (store::ratings_for_profile); excerpts: what
// stakeholders said under the set's codes (store::excerpts_under_codes), matched by code_slug.
ProfileCompilation compile_profile(const guides::CriteriaSet& set, const std::string& profile_slug,
                                   std::span<const store::Rating> ratings,
                                   std::span<const store::StakeholderExcerpt> excerpts = {});

// Every code any criterion of the set names, once, in set order.
std::vector<std::string> criteria_codes(const guides::CriteriaSet& set);

// Profiles x criteria: the consensus level of each cell, for comparing several MCs.
struct OverviewRow {
    std::string profile_slug;
    std::size_t reviewers = 0;                 // who rated at least one criterion
    std::vector<std::optional<int>> consensus; // one per criterion, in set order
    std::vector<std::size_t> rated;            // ratings per criterion
};
struct QualityOverview {
    std::vector<std::string> criteria; // ids, in set order
    std::vector<OverviewRow> rows;     // profiles with at least one level, by slug
};
QualityOverview overview(const guides::CriteriaSet& set, std::span<const store::Rating> ratings);

} // namespace convene::exporting
