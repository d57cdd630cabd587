// Statistics for comparing groups of survey respondents: descriptives, Likert distributions,
// Cronbach's alpha, Student's and Welch's t-tests with effect sizes, and the Mann-Whitney U test.
// Pure functions, no I/O. Every distribution function (Student's t, normal) comes from
// Boost.Math; nothing here hand-rolls a CDF or an incomplete beta function.
//
// Input and error policy, the same for every function here:
// - Values must be finite. Dropping missing answers is the caller's job, with one exception:
//   cronbach_alpha() takes whole respondent rows, in which NaN marks an unanswered item.
// - Input for which a statistic is undefined (an empty or too small group, zero variance, a
//   ragged table, an infinite value, ...) throws std::invalid_argument whose message names the
//   function and the reason. Results never carry NaN for degenerate input, with one documented
//   exception: describe() of a single value reports sd = NaN (its other fields are well defined).
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace convene::exporting::stats {

struct Descriptives {
    std::size_t n = 0;
    double mean = 0.0;
    double sd = 0.0;     // sample standard deviation (divisor n - 1); NaN when n == 1
    double median = 0.0; // mean of the two middle values when n is even
    double min = 0.0;
    double max = 0.0;
};

// Throws std::invalid_argument when values is empty or holds a non-finite value.
Descriptives describe(std::span<const double> values);

// Counts of the answers 1, 2, ..., k of a Likert item: result[i] is how many values equal i + 1.
// Throws std::invalid_argument when k < 1 or a value is not one of the integers 1..k.
std::vector<std::size_t> distribution(std::span<const double> values, int k);

struct CronbachAlpha {
    double alpha = 0.0;    // k/(k-1) * (1 - sum of item variances / variance of the total score)
    std::size_t items = 0; // k, the number of columns
    std::size_t respondents = 0; // complete cases used
    std::size_t excluded = 0;    // rows dropped because at least one item was NaN
};

// Cronbach's alpha of a scale. Rows are respondents, columns are items; every row must have the
// same number of columns. Complete cases only (listwise deletion): a row with any NaN item is
// left out entirely. Alpha may be negative (items that do not hang together); that is reported,
// not an error. Throws std::invalid_argument for fewer than 2 items, fewer than 2 complete
// cases, rows of different lengths, an infinite value, or a constant total score.
CronbachAlpha cronbach_alpha(const std::vector<std::vector<double>>& items_by_respondent);

// Shorthand for cronbach_alpha(items_by_respondent).alpha.
double alpha(const std::vector<std::vector<double>>& items_by_respondent);

// Independent-samples t-test of group a against group b.
struct TTest {
    double t = 0.0;
    double df = 0.0; // n1 + n2 - 2 (Student) or Welch-Satterthwaite (Welch)
    double p_two_sided = 0.0;
    double mean_diff = 0.0; // mean1 - mean2
    double se = 0.0;        // standard error of mean_diff: pooled (Student) or Welch
    double ci_low = 0.0;    // 95% confidence interval of mean_diff: mean_diff -/+ t(.975, df) * se
    double ci_high = 0.0;
    double cohens_d = 0.0; // mean_diff / pooled SD, in both tests
    double hedges_g = 0.0; // cohens_d * hedges_correction(n1 + n2 - 2), in both tests
    std::size_t n1 = 0;
    std::size_t n2 = 0;
    double mean1 = 0.0;
    double mean2 = 0.0;
    double sd1 = 0.0; // sample SDs (divisor n - 1)
    double sd2 = 0.0;
};

// Student's t-test with pooled variance. Throws std::invalid_argument when a group has fewer
// than 2 values, a value is not finite, or both groups have zero variance.
TTest student_t(std::span<const double> a, std::span<const double> b);

// Welch's t-test: unpooled standard error, Welch-Satterthwaite df; the confidence interval uses
// the same SE and df. Effect sizes still use the pooled SD (as in student_t) so that d and g do
// not depend on which test is reported. Throws as student_t does.
TTest welch_t(std::span<const double> a, std::span<const double> b);

// Two-sided p-value of a t statistic: 2 * P(T_df > |t|). Returns 0 for an infinite t. Throws
// std::invalid_argument when t is NaN or df is not > 0 (df may be +infinity: the normal case).
double two_sided_p_from_t(double t, double df);

// Hedges' small-sample correction J(df) = Gamma(df/2) / (sqrt(df/2) * Gamma((df-1)/2)), the exact
// gamma-function form (not the approximation 1 - 3/(4 df - 1)). Throws std::invalid_argument
// when df is not > 1.
double hedges_correction(double df);

// Mann-Whitney U test (Wilcoxon rank-sum) of group a against group b. Ties get mid-ranks.
struct MannWhitney {
    double u = 0.0; // U of group a: pairs (x in a, y in b) with x > y, plus half of the ties
    // Normal approximation, SciPy's mannwhitneyu(method="asymptotic", use_continuity=True):
    // sigma^2 = n1 n2 / 12 * ((n + 1) - sum(t^3 - t) / (n (n - 1))) with t the size of each tie
    // group; z = (U - n1 n2 / 2 -/+ 0.5) / sigma, the continuity correction moving U towards the
    // mean (z = 0 when |U - n1 n2 / 2| <= 0.5). Positive z: group a tends to be higher.
    double z = 0.0;
    double p_two_sided = 0.0;   // 2 * P(Z > |z|)
    double rank_biserial = 0.0; // 2U/(n1 n2) - 1 = P(a > b) - P(a < b), in [-1, 1]
    std::size_t n1 = 0;
    std::size_t n2 = 0;
};

// Throws std::invalid_argument when a group is empty, a value is not finite, or all values of
// both groups are equal (sigma = 0). The normal approximation is rough for very small groups;
// report it with the group sizes.
MannWhitney mann_whitney(std::span<const double> a, std::span<const double> b);

// The values of several groups ranked together, equal values sharing their mid-rank: each
// group's rank sum and the ties term, the sum over runs of t equal values of t^3 - t. Values
// with few distinct values (Likert answers) are counted, not sorted.
struct RankSums {
    std::vector<double> sums;
    double ties = 0.0;
};
RankSums rank_sums(std::span<const std::span<const double>> groups);

} // namespace convene::exporting::stats
