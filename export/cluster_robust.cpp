#include "export/cluster_robust.hpp"

#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>
#include <string>

namespace convene::exporting::stats {
namespace {

[[noreturn]] void fail(const char* function, const std::string& reason) {
    throw std::invalid_argument(std::string("statistics: ") + function + ": " + reason);
}

// One group's part of the model: its ratings, mean, and the squared sums of its respondents'
// residuals (the sandwich's meat for this group's cell-mean coefficient).
struct Cell {
    double n = 0, mean = 0, meat = 0;
    std::size_t clusters = 0;
    double variance() const { return meat / (n * n); } // before the small-sample factor
};

Cell cell_of(const ClusterTotals& group, const char* function) {
    Cell c;
    double sum = 0;
    for (const auto& r : group) {
        if (!std::isfinite(r.sum)) fail(function, "a rating is not finite");
        sum += r.sum;
        c.n += double(r.n);
    }
    if (c.n == 0) fail(function, "each group needs at least one rating");
    c.mean = sum / c.n;
    for (const auto& r : group) {
        if (r.n == 0) continue;
        ++c.clusters;
        double s = r.sum - double(r.n) * c.mean; // the respondent's summed residual
        c.meat += s * s;
    }
    if (c.clusters == 1) c.meat = 0; // exactly: one respondent's residuals sum to zero
    return c;
}

// The joint Wald statistic d' V^-1 d of the contrasts against the group with the smallest
// variance (the statistic does not depend on which group is the reference). With cell means
// the covariance of the contrasts is diag(v_j) + v_r 11', inverted by Sherman-Morrison.
double wald(const std::vector<Cell>& cells, double factor, const char* function) {
    auto r = static_cast<std::size_t>(
        std::min_element(cells.begin(), cells.end(),
                         [](const Cell& x, const Cell& y) { return x.variance() < y.variance(); }) -
        cells.begin());
    double c = factor * cells[r].variance();
    double sum_w = 0, sum_wd = 0, sum_wdd = 0;
    for (std::size_t j = 0; j < cells.size(); ++j) {
        if (j == r) continue;
        double v = factor * cells[j].variance();
        if (!(v > 0)) fail(function, "two groups have no variation between respondents");
        double d = cells[j].mean - cells[r].mean;
        sum_w += 1 / v;
        sum_wd += d / v;
        sum_wdd += d * d / v;
    }
    return sum_wdd - c * sum_wd * sum_wd / (1 + c * sum_w);
}

// The groups by reference: a pooled comparison's groups hold every rating of every respondent.
using Groups = std::vector<std::reference_wrapper<const ClusterTotals>>;

ClusterRobustGroups fit(const Groups& groups, const char* function) {
    // The model: rating on group. Written with one mean per group (X'X = diag(n_j)), the
    // sandwich is diagonal, since every respondent is in one group: var(mean_j) = meat_j / n_j^2.
    // The treatment-coded contrasts statsmodels reports are differences of these means.
    if (groups.size() < 2) fail(function, "needs at least 2 groups");
    std::vector<Cell> cells;
    double n = 0, g = 0;
    for (const auto& group : groups) {
        cells.push_back(cell_of(group.get(), function));
        n += cells.back().n;
        g += double(cells.back().clusters);
    }
    if (g < 2) fail(function, "needs at least 2 respondents");
    double k = double(groups.size());
    if (n <= k) fail(function, "needs more ratings than groups");
    double factor = g / (g - 1) * (n - 1) / (n - k); // CR1, as statsmodels
    ClusterRobustGroups out;
    out.ratings = static_cast<std::size_t>(n);
    out.clusters = static_cast<std::size_t>(g);
    boost::math::students_t t_dist(g - 1);
    double q = boost::math::quantile(boost::math::complement(t_dist, 0.025));
    for (std::size_t j = 1; j < cells.size(); ++j) {
        ClusterRobustDifference d;
        d.difference = cells[j].mean - cells[0].mean;
        d.se = std::sqrt(factor * (cells[j].variance() + cells[0].variance()));
        if (!(d.se > 0)) fail(function, "the standard error is zero");
        d.t = d.difference / d.se;
        d.df = g - 1;
        d.p_two_sided = 2 * boost::math::cdf(boost::math::complement(t_dist, std::fabs(d.t)));
        d.ci_low = d.difference - q * d.se;
        d.ci_high = d.difference + q * d.se;
        d.ratings = static_cast<std::size_t>(cells[j].n + cells[0].n);
        d.clusters = cells[j].clusters + cells[0].clusters;
        out.contrasts.push_back(d);
    }
    out.df1 = k - 1;
    out.df2 = g - 1;
    out.f = wald(cells, factor, function) / out.df1;
    boost::math::fisher_f f_dist(out.df1, out.df2);
    out.p = boost::math::cdf(boost::math::complement(f_dist, out.f));
    return out;
}

} // namespace

ClusterTotals totals_of(const ClusteredRatings& ratings) {
    ClusterTotals out;
    out.reserve(ratings.size());
    for (const auto& r : ratings) {
        ClusterTotal t;
        for (double v : r)
            t.sum += v;
        t.n = r.size();
        out.push_back(t);
    }
    return out;
}

ClusterRobustGroups cluster_robust_groups(const std::vector<ClusterTotals>& groups) {
    return fit(Groups(groups.begin(), groups.end()), "cluster_robust_groups");
}

ClusterRobustGroups cluster_robust_groups(const std::vector<ClusteredRatings>& groups) {
    std::vector<ClusterTotals> totals;
    for (const auto& g : groups)
        totals.push_back(totals_of(g));
    return cluster_robust_groups(totals);
}

ClusterRobustDifference cluster_robust_difference(const ClusterTotals& a, const ClusterTotals& b) {
    // a minus b: the contrast of a against b as the reference.
    auto r = fit({std::cref(b), std::cref(a)}, "cluster_robust_difference");
    auto d = r.contrasts.front();
    d.ratings = r.ratings;
    d.clusters = r.clusters;
    return d;
}

ClusterRobustDifference cluster_robust_difference(const ClusteredRatings& a,
                                                  const ClusteredRatings& b) {
    return cluster_robust_difference(totals_of(a), totals_of(b));
}

} // namespace convene::exporting::stats
