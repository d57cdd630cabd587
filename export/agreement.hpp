// Agreement between raters (coders, reviewers) who assign values to the same units (answers,
// criteria): percent agreement, Cohen's kappa and Fleiss' kappa. Krippendorff's alpha is in
// export/krippendorff.hpp. Pure functions, no I/O.
//
// Input and error policy, the same for every function here and in krippendorff.hpp:
// - Malformed input (a row whose length is not data.raters, a rater index out of range, rows of a
//   Fleiss table with different totals) throws std::invalid_argument naming the function.
// - A statistic that is undefined for well-formed input (no unit rated by two raters, no
//   variation to correct for chance) is std::nullopt, never NaN. Each result keeps the counts it
//   was computed from, so a caller can say why.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace convene::exporting::agreement {

// Reliability data in Krippendorff's layout, transposed to one row per unit: units[u][r] is the
// value rater r gave unit u, or std::nullopt when rater r gave it none. Values are category
// labels (nominal), ranks (ordinal) or numbers (interval) as the statistic requires.
struct ReliabilityData {
    std::size_t raters = 0;
    std::vector<std::vector<std::optional<int>>> units; // each row has exactly `raters` entries
};

// Throws std::invalid_argument (naming `function`) when a row's length differs from data.raters.
void require_well_formed(const ReliabilityData& data, const char* function);

// The values a unit received, missing ones left out, in rater order.
std::vector<int> values_of(const std::vector<std::optional<int>>& unit);

// Indices of the units that received at least two values that are not all equal: the units to
// settle. Units with fewer than two values are not listed (there is nothing to disagree with).
std::vector<std::size_t> disagreeing_units(const ReliabilityData& data);

// Percent agreement over every pair of raters. A unit is pairable when at least two raters
// gave it a value; within a pairable unit with m values, the unit's agreement is the share of
// its m(m - 1) ordered pairs of values (from different raters) that are equal. The proportion
// is the mean of that share over the pairable units, each unit weighing the same. With two
// raters it is the share of units both rated on which they agree (Cohen's po); with every unit
// rated by the same m raters it is Fleiss' P-bar.
struct PercentAgreement {
    std::size_t pairable_units = 0;
    std::size_t pairs = 0; // ordered pairs of values compared, summed over pairable units
    std::optional<double> proportion; // in [0, 1]; nullopt when no unit is pairable
};

PercentAgreement percent_agreement(const ReliabilityData& data);

// Cohen's kappa for raters a and b over the units both rated (Cohen 1960):
// po = share of those units on which a and b agree, pe = sum over categories c of
// p_a(c) * p_b(c) (each rater's own share of units in c), kappa = (po - pe) / (1 - pe).
struct CohenKappa {
    std::size_t n = 0;           // units rated by both a and b
    std::optional<double> po;    // nullopt when n == 0
    std::optional<double> pe;    // nullopt when n == 0
    std::optional<double> kappa; // nullopt when n == 0, or pe == 1 (both used one same category)
};

// Throws std::invalid_argument when a or b is not a rater of data, or a == b.
CohenKappa cohen_kappa(const ReliabilityData& data, std::size_t rater_a, std::size_t rater_b);

// Fleiss' kappa (Fleiss 1971) for N subjects each rated by the same number m of raters (not
// necessarily the same raters). counts[i][j] is how many raters put subject i in category j.
struct CategoryCounts {
    std::vector<int> categories;                  // the label of each column
    std::vector<std::vector<std::size_t>> counts; // one row per subject, one column per category
};

struct FleissKappa {
    std::size_t subjects = 0;    // N
    std::size_t raters = 0;      // m, ratings per subject
    std::vector<int> categories; // column labels, as given or in ascending order
    // p_j and P_i are empty, P_bar and P_e nullopt, when N == 0 or m < 2.
    std::vector<double> p_j;     // share of the N * m assignments made to category j
    std::vector<double> P_i;     // agreeing ordered rater pairs on subject i / m(m - 1)
    std::optional<double> P_bar; // mean of P_i
    std::optional<double> P_e;   // sum of p_j^2
    std::optional<double> kappa; // (P_bar - P_e) / (1 - P_e); nullopt also when P_e == 1
};

// Throws std::invalid_argument when a row's length differs from categories.size() or the row
// totals (m) differ between subjects.
FleissKappa fleiss_kappa(const CategoryCounts& table);

// The same from reliability data: units are subjects, the categories are the values used.
// Throws std::invalid_argument when the data is malformed or units received different numbers
// of values (use Krippendorff's alpha then: it copes with missing values).
FleissKappa fleiss_kappa(const ReliabilityData& data);

// The subjects x categories table of reliability data, categories in ascending order.
CategoryCounts category_counts(const ReliabilityData& data);

} // namespace convene::exporting::agreement
