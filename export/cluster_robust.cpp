#include "export/cluster_robust.hpp"

#include <boost/math/distributions/students_t.hpp>

#include <cmath>
#include <stdexcept>
#include <string>

namespace convene::exporting::stats {
namespace {

[[noreturn]] void fail(const std::string& reason) {
    throw std::invalid_argument("statistics: cluster_robust_difference: " + reason);
}

} // namespace

ClusterRobustDifference cluster_robust_difference(const std::vector<std::vector<double>>& a,
                                                  const std::vector<std::vector<double>>& b) {
    // The model: rating = b0 + b1 x, x = 1 in group a, 0 in group b. With this design b1 is the
    // difference of the two groups' mean ratings and (X'X)^-1 has a closed form.
    double n_a = 0, n_b = 0, sum_a = 0, sum_b = 0;
    std::size_t clusters = 0;
    for (const auto* group : {&a, &b})
        for (const auto& r : *group) {
            if (r.empty()) continue;
            ++clusters;
            for (double v : r) {
                if (!std::isfinite(v)) fail("a rating is not finite");
                (group == &a ? sum_a : sum_b) += v;
                (group == &a ? n_a : n_b) += 1;
            }
        }
    if (n_a == 0 || n_b == 0) fail("each group needs at least one rating");
    double mean_a = sum_a / n_a, mean_b = sum_b / n_b;
    double n = n_a + n_b;
    // (X'X) = [[n, n_a], [n_a, n_a]]; its inverse / det with det = n n_a - n_a^2 = n_a n_b.
    double det = n * n_a - n_a * n_a;
    double inv[2][2] = {{n_a / det, -n_a / det}, {-n_a / det, n / det}};
    // Meat: sum over clusters of (X_g' u_g)(X_g' u_g)'.
    double meat[2][2] = {{0, 0}, {0, 0}};
    for (const auto* group : {&a, &b})
        for (const auto& r : *group) {
            double x = group == &a ? 1.0 : 0.0, mean = group == &a ? mean_a : mean_b;
            double s0 = 0, s1 = 0;
            for (double v : r) {
                s0 += v - mean;
                s1 += x * (v - mean);
            }
            meat[0][0] += s0 * s0;
            meat[0][1] += s0 * s1;
            meat[1][0] += s1 * s0;
            meat[1][1] += s1 * s1;
        }
    // Row 1 of inv * meat * inv gives the slope's variance.
    double v11 = 0;
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 2; ++j)
            v11 += inv[1][i] * meat[i][j] * inv[j][1];
    double g = static_cast<double>(clusters);
    if (g < 2) fail("needs at least 2 respondents");
    double factor = g / (g - 1) * (n - 1) / (n - 2);
    ClusterRobustDifference r;
    r.difference = mean_a - mean_b;
    r.se = std::sqrt(factor * v11);
    if (!(r.se > 0)) fail("the standard error is zero");
    r.t = r.difference / r.se;
    r.df = g - 1;
    boost::math::students_t dist(r.df);
    r.p_two_sided = 2 * boost::math::cdf(boost::math::complement(dist, std::fabs(r.t)));
    double q = boost::math::quantile(boost::math::complement(dist, 0.025));
    r.ci_low = r.difference - q * r.se;
    r.ci_high = r.difference + q * r.se;
    r.ratings = static_cast<std::size_t>(n);
    r.clusters = clusters;
    return r;
}

} // namespace convene::exporting::stats
