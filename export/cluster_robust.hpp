// The difference between two groups of ratings when each respondent gives several ratings
// (every item of a scale): the ordinary least squares slope of rating on group, with a
// cluster-robust standard error that treats each respondent as a cluster (Liang & Zeger 1986;
// the CR1 small-sample factor G/(G-1) (N-1)/(N-K) and t with G - 1 df, as statsmodels'
// OLS(...).fit(cov_type="cluster", use_t=True) computes them). Pooling every rating as if
// independent (KVEC's t(4835)) overstates significance; this is the honest companion figure.
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

// a and b: one vector of ratings per respondent. Respondents with no ratings are ignored.
// Throws std::invalid_argument when a group has no ratings, fewer than 2 respondents in all, a
// value is not finite, or the standard error is zero.
ClusterRobustDifference cluster_robust_difference(const std::vector<std::vector<double>>& a,
                                                  const std::vector<std::vector<double>>& b);

} // namespace convene::exporting::stats
