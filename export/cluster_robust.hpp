// The difference between two groups of ratings when each respondent gives several ratings
// (every item of a scale): the ordinary least squares slope of rating on group, with a
// cluster-robust standard error that treats each respondent as a cluster (Liang & Zeger 1986;
// the CR1 small-sample factor G/(G-1) (N-1)/(N-K) and t with G - 1 df, as statsmodels'
// OLS(...).fit(cov_type="cluster", use_t=True) computes them). Pooling every rating as if
// independent (KVEC's t(4835)) overstates significance; this is the honest companion figure.
// For k groups the model is rating on group with the first group as the reference (treatment
// coding): each other group's difference from it, and the joint Wald test that all k groups have
// the same mean rating, F with (k - 1, G - 1) df as statsmodels' f_test reports it.
#pragma once

#include <cstddef>
#include <vector>

namespace convene::exporting::stats {

struct ClusterRobustDifference {
    double difference = 0.0; // mean rating of group a minus mean rating of group b
    double se = 0.0;         // cluster-robust (CR1) standard error of the difference
    double t = 0.0;
    double df = 0.0; // G - 1, G = the number of respondents (clusters)
    double p_two_sided = 0.0;
    double ci_low = 0.0, ci_high = 0.0; // difference -/+ t(.975, df) se
    std::size_t ratings = 0, clusters = 0;
};

using ClusteredRatings = std::vector<std::vector<double>>; // one vector of ratings per respondent

// All the model needs of one respondent: the sum of their ratings and how many there are (the
// group means and each respondent's summed residual follow from these). A pooled comparison of
// 10,000 respondents x 60 items keeps 10,000 of these instead of 600,000 ratings twice.
struct ClusterTotal {
    double sum = 0.0;
    std::size_t n = 0;
};
using ClusterTotals = std::vector<ClusterTotal>; // one per respondent
ClusterTotals totals_of(const ClusteredRatings& ratings);

// a and b: one total per respondent. Respondents with no ratings are ignored. Throws
// std::invalid_argument when a group has no ratings, fewer than 2 respondents in all, a value
// is not finite, or the standard error is zero.
ClusterRobustDifference cluster_robust_difference(const ClusterTotals& a, const ClusterTotals& b);
// The same from every rating of every respondent.
ClusterRobustDifference cluster_robust_difference(const ClusteredRatings& a,
                                                  const ClusteredRatings& b);

struct ClusterRobustGroups {
    std::vector<ClusterRobustDifference> contrasts; // [j - 1]: group j minus group 0, j = 1..k-1
    double f = 0.0;                                 // joint Wald test: every contrast is zero
    double df1 = 0.0, df2 = 0.0;                    // k - 1 and G - 1
    double p = 0.0;
    std::size_t ratings = 0, clusters = 0;
};
// k >= 2 groups, each one vector of ratings per respondent (a respondent is in one group). Throws
// std::invalid_argument as cluster_robust_difference does, for fewer than 2 groups, and when the
// joint test's covariance is singular (two groups whose respondents' ratings do not vary around
// their group's mean, e.g. one respondent each).
ClusterRobustGroups cluster_robust_groups(const std::vector<ClusterTotals>& groups);
ClusterRobustGroups cluster_robust_groups(const std::vector<ClusteredRatings>& groups);

} // namespace convene::exporting::stats
