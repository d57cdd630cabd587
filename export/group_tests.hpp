// Comparing k >= 2 groups: one-way ANOVA (Fisher), Welch's ANOVA (Welch 1951), the Kruskal-Wallis
// H test (Kruskal & Wallis 1952), eta-squared and omega-squared, and pairwise follow-ups by
// Welch's t with Holm's (1979) step-down correction. (Games-Howell needs the studentized range
// distribution, which Boost.Math does not provide; we do not hand-roll one.) Distributions
// come from Boost.Math. The same input and error policy as export/statistics.hpp: values must be
// finite; undefined input throws std::invalid_argument naming the function and the reason.
#pragma once

#include "export/statistics.hpp"

#include <cstddef>
#include <vector>

namespace convene::exporting::stats {

using Groups = std::vector<std::vector<double>>;

struct Anova {
    double f = 0.0;
    double df_between = 0.0, df_within = 0.0;
    double p = 0.0;
    double ss_between = 0.0, ss_within = 0.0;
    double eta_squared = 0.0;   // SS_between / SS_total
    double omega_squared = 0.0; // (SS_between - df_between MS_within) / (SS_total + MS_within)
};
// Classic one-way ANOVA. Throws for fewer than 2 groups, a group with fewer than 2 values, or
// no variance within groups.
Anova one_way_anova(const Groups& groups);

struct WelchAnova {
    double f = 0.0;
    double df1 = 0.0, df2 = 0.0; // k - 1 and (k^2 - 1) / (3 Lambda)
    double p = 0.0;
};
// Welch's heteroscedastic F test. Throws as one_way_anova does, and for a group with zero
// variance (its weight n / s^2 is infinite).
WelchAnova welch_anova(const Groups& groups);

struct KruskalWallis {
    double h = 0.0; // corrected for ties: H / (1 - sum(t^3 - t) / (N^3 - N))
    double df = 0.0;
    double p = 0.0;               // chi-square with k - 1 df
    double epsilon_squared = 0.0; // H (N + 1) / (N^2 - 1), an effect size for H
};
// Throws for fewer than 2 groups, an empty group, or all values equal.
KruskalWallis kruskal_wallis(const Groups& groups);

// Holm's step-down adjusted p-values, in the order given: sort ascending, adjusted
// p_(i) = max over j <= i of min(1, (m - j + 1) p_(j)).
std::vector<double> holm_adjust(const std::vector<double>& p_values);

struct PairwiseComparison {
    std::size_t a = 0, b = 0; // group indexes, a < b
    TTest welch;              // Welch's t of group a against group b
    double p_holm = 0.0;      // welch.p_two_sided adjusted over all pairs
};
// Every pair of groups by Welch's t, p-values adjusted by Holm over the k(k-1)/2 pairs.
std::vector<PairwiseComparison> pairwise_welch_holm(const Groups& groups);

} // namespace convene::exporting::stats
