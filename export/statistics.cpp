#include "export/statistics.hpp"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>

namespace convene::exporting::stats {

namespace {

[[noreturn]] void fail(const char* function, const std::string& reason) {
    throw std::invalid_argument(std::string("statistics: ") + function + ": " + reason);
}

void require_finite(const char* function, std::span<const double> values, const char* what) {
    for (double v : values)
        if (!std::isfinite(v)) fail(function, std::string(what) + " holds a non-finite value");
}

double mean_of(std::span<const double> values) {
    double n = static_cast<double>(values.size());
    double m = std::accumulate(values.begin(), values.end(), 0.0) / n;
    // One refinement pass removes most of the rounding error of the plain sum.
    double residual = 0.0;
    for (double v : values)
        residual += v - m;
    return m + residual / n;
}

// Sample variance (divisor n - 1), two-pass around the mean.
double variance_of(std::span<const double> values, double mean) {
    double ss = 0.0;
    double sum = 0.0;
    for (double v : values) {
        ss += (v - mean) * (v - mean);
        sum += v - mean;
    }
    double n = static_cast<double>(values.size());
    return (ss - sum * sum / n) / (n - 1.0); // corrected two-pass formula
}

bool is_constant(std::span<const double> values) {
    auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    return *lo == *hi;
}

struct Group {
    std::size_t n;
    double mean;
    double var;
};

Group group_of(const char* function, std::span<const double> values, const char* name) {
    if (values.size() < 2)
        fail(function, std::string("group ") + name + " needs at least 2 values, has " +
                           std::to_string(values.size()));
    require_finite(function, values, (std::string("group ") + name).c_str());
    double m = mean_of(values);
    double var = is_constant(values) ? 0.0 : variance_of(values, m);
    return {values.size(), m, var};
}

double t_quantile_975(double df) {
    boost::math::students_t dist(df);
    return boost::math::quantile(boost::math::complement(dist, 0.025));
}

TTest t_test(const char* function, std::span<const double> a, std::span<const double> b,
             bool welch) {
    Group g1 = group_of(function, a, "a");
    Group g2 = group_of(function, b, "b");
    if (g1.var == 0.0 && g2.var == 0.0)
        fail(function, "both groups have zero variance, so t is undefined");

    double n1 = static_cast<double>(g1.n);
    double n2 = static_cast<double>(g2.n);
    double pooled_df = n1 + n2 - 2.0;
    double pooled_var = ((n1 - 1.0) * g1.var + (n2 - 1.0) * g2.var) / pooled_df;

    TTest r;
    r.n1 = g1.n;
    r.n2 = g2.n;
    r.mean1 = g1.mean;
    r.mean2 = g2.mean;
    r.sd1 = std::sqrt(g1.var);
    r.sd2 = std::sqrt(g2.var);
    r.mean_diff = g1.mean - g2.mean;
    if (welch) {
        double v1 = g1.var / n1;
        double v2 = g2.var / n2;
        r.se = std::sqrt(v1 + v2);
        r.df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (n1 - 1.0) + v2 * v2 / (n2 - 1.0));
    } else {
        r.se = std::sqrt(pooled_var * (1.0 / n1 + 1.0 / n2));
        r.df = pooled_df;
    }
    r.t = r.mean_diff / r.se;
    r.p_two_sided = two_sided_p_from_t(r.t, r.df);
    double half_width = t_quantile_975(r.df) * r.se;
    r.ci_low = r.mean_diff - half_width;
    r.ci_high = r.mean_diff + half_width;
    r.cohens_d = r.mean_diff / std::sqrt(pooled_var);
    r.hedges_g = r.cohens_d * hedges_correction(pooled_df);
    return r;
}

// Runs of equal values in ascending order, each with how many come from each group, handed
// to `run(value, per_group_counts, t)`; false when there are more than max_distinct values.
template <typename Run>
bool by_distinct_value(std::span<const std::span<const double>> groups, std::size_t max_distinct,
                       Run&& run) {
    const std::size_t k = groups.size();
    std::vector<double> distinct;
    std::vector<std::size_t> counts; // [value * k + group]
    std::size_t last = 0;
    for (std::size_t g = 0; g < k; ++g)
        for (double v : groups[g]) {
            if (last >= distinct.size() || !(distinct[last] == v)) {
                last = static_cast<std::size_t>(std::find(distinct.begin(), distinct.end(), v) -
                                                distinct.begin());
                if (last == distinct.size()) {
                    if (distinct.size() == max_distinct || std::isnan(v)) return false;
                    distinct.push_back(v);
                    counts.resize(counts.size() + k, 0);
                }
            }
            ++counts[last * k + g];
        }
    std::vector<std::size_t> order(distinct.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t x, std::size_t y) { return distinct[x] < distinct[y]; });
    for (std::size_t d : order) {
        std::size_t t = 0;
        for (std::size_t g = 0; g < k; ++g)
            t += counts[d * k + g];
        run(distinct[d], std::span<const std::size_t>(counts.data() + d * k, k), t);
    }
    return true;
}

// The median by selection, not a whole sort: the same values in linear time. A handful of
// distinct values (Likert answers) are counted instead of copied.
double median_of(std::span<const double> values) {
    std::size_t n = values.size();
    std::size_t lower_at = (n - 1) / 2, upper_at = n / 2;
    double lower = 0.0, upper = 0.0;
    std::size_t before = 0; // values smaller than this run
    const std::span<const double> one[] = {values};
    bool counted = by_distinct_value(one, 64, [&](double v, auto, std::size_t t) {
        if (lower_at >= before && lower_at < before + t) lower = v;
        if (upper_at >= before && upper_at < before + t) upper = v;
        before += t;
    });
    if (!counted) {
        std::vector<double> work(values.begin(), values.end());
        auto middle = work.begin() + static_cast<std::ptrdiff_t>(upper_at);
        std::nth_element(work.begin(), middle, work.end());
        upper = *middle;
        lower = n % 2 == 1 ? upper : *std::max_element(work.begin(), middle);
    }
    return n % 2 == 1 ? upper : (lower + upper) / 2.0;
}

} // namespace

Descriptives describe(std::span<const double> values) {
    if (values.empty()) fail("describe", "no values");
    require_finite("describe", values, "the input");
    std::size_t n = values.size();
    auto [min, max] = std::minmax_element(values.begin(), values.end());

    Descriptives d;
    d.n = n;
    d.mean = mean_of(values);
    d.sd = n < 2                 ? std::numeric_limits<double>::quiet_NaN()
           : is_constant(values) ? 0.0
                                 : std::sqrt(variance_of(values, d.mean));
    d.median = median_of(values);
    d.min = *min;
    d.max = *max;
    return d;
}

std::vector<std::size_t> distribution(std::span<const double> values, int k) {
    if (k < 1) fail("distribution", "k must be at least 1, is " + std::to_string(k));
    std::vector<std::size_t> counts(static_cast<std::size_t>(k), 0);
    for (double v : values) {
        if (!(v >= 1.0 && v <= static_cast<double>(k) && v == std::floor(v)))
            fail("distribution",
                 "value " + std::to_string(v) + " is not an integer in 1.." + std::to_string(k));
        ++counts[static_cast<std::size_t>(v) - 1];
    }
    return counts;
}

CronbachAlpha cronbach_alpha(const std::vector<std::vector<double>>& items_by_respondent) {
    const char* fn = "cronbach_alpha";
    if (items_by_respondent.empty()) fail(fn, "no respondents");
    std::size_t k = items_by_respondent.front().size();
    if (k < 2) fail(fn, "needs at least 2 items, has " + std::to_string(k));

    // columns[j] = answers to item j of the complete cases; totals = their total scores.
    std::vector<std::vector<double>> columns(k);
    std::vector<double> totals;
    CronbachAlpha r;
    r.items = k;
    for (std::size_t i = 0; i < items_by_respondent.size(); ++i) {
        const auto& row = items_by_respondent[i];
        if (row.size() != k)
            fail(fn, "respondent " + std::to_string(i) + " has " + std::to_string(row.size()) +
                         " items, expected " + std::to_string(k));
        bool complete = true;
        for (double v : row) {
            if (std::isnan(v))
                complete = false;
            else if (!std::isfinite(v))
                fail(fn, "respondent " + std::to_string(i) + " has an infinite value");
        }
        if (!complete) {
            ++r.excluded;
            continue;
        }
        for (std::size_t j = 0; j < k; ++j)
            columns[j].push_back(row[j]);
        totals.push_back(std::accumulate(row.begin(), row.end(), 0.0));
    }
    r.respondents = totals.size();
    if (r.respondents < 2)
        fail(fn, "needs at least 2 complete cases, has " + std::to_string(r.respondents));
    if (is_constant(totals)) fail(fn, "the total score has zero variance");

    double item_variances = 0.0;
    for (const auto& column : columns)
        if (!is_constant(column)) item_variances += variance_of(column, mean_of(column));
    double total_variance = variance_of(totals, mean_of(totals));
    double kd = static_cast<double>(k);
    r.alpha = kd / (kd - 1.0) * (1.0 - item_variances / total_variance);
    return r;
}

double alpha(const std::vector<std::vector<double>>& items_by_respondent) {
    return cronbach_alpha(items_by_respondent).alpha;
}

TTest student_t(std::span<const double> a, std::span<const double> b) {
    return t_test("student_t", a, b, false);
}

TTest welch_t(std::span<const double> a, std::span<const double> b) {
    return t_test("welch_t", a, b, true);
}

double two_sided_p_from_t(double t, double df) {
    if (std::isnan(t)) fail("two_sided_p_from_t", "t is NaN");
    if (!(df > 0.0)) fail("two_sided_p_from_t", "df must be > 0, is " + std::to_string(df));
    if (std::isinf(t)) return 0.0;
    boost::math::students_t dist(df);
    return std::min(1.0, 2.0 * boost::math::cdf(boost::math::complement(dist, std::fabs(t))));
}

double hedges_correction(double df) {
    if (!(df > 1.0) || std::isinf(df))
        fail("hedges_correction", "df must be finite and > 1, is " + std::to_string(df));
    // tgamma_ratio(a, b) = Gamma(a) / Gamma(b), computed without overflow for large df.
    return boost::math::tgamma_ratio(df / 2.0, (df - 1.0) / 2.0) / std::sqrt(df / 2.0);
}

MannWhitney mann_whitney(std::span<const double> a, std::span<const double> b) {
    const char* fn = "mann_whitney";
    if (a.empty() || b.empty()) fail(fn, "each group needs at least 1 value");
    require_finite(fn, a, "group a");
    require_finite(fn, b, "group b");

    const std::span<const double> both[] = {a, b};
    auto ranks = rank_sums(both);
    double rank_sum_a = ranks.sums[0];
    double tie_term = ranks.ties;

    double n1 = static_cast<double>(a.size());
    double n2 = static_cast<double>(b.size());
    double n = n1 + n2;
    double variance = n1 * n2 / 12.0 * ((n + 1.0) - tie_term / (n * (n - 1.0)));
    if (!(variance > 0.0)) fail(fn, "all values are equal, so the ranks carry no information");

    MannWhitney r;
    r.n1 = a.size();
    r.n2 = b.size();
    r.u = rank_sum_a - n1 * (n1 + 1.0) / 2.0;
    double deviation = r.u - n1 * n2 / 2.0;
    double corrected = std::max(std::fabs(deviation) - 0.5, 0.0);
    r.z = std::copysign(corrected, deviation) / std::sqrt(variance);
    if (corrected == 0.0) r.z = 0.0; // no negative zero
    boost::math::normal standard;
    r.p_two_sided =
        std::min(1.0, 2.0 * boost::math::cdf(boost::math::complement(standard, std::fabs(r.z))));
    r.rank_biserial = 2.0 * r.u / (n1 * n2) - 1.0;
    return r;
}

RankSums rank_sums(std::span<const std::span<const double>> groups) {
    RankSums r;
    r.sums.assign(groups.size(), 0.0);
    std::size_t before = 0; // values ranked so far
    auto add_run = [&](double, std::span<const std::size_t> per_group, std::size_t t) {
        // Positions before+1 .. before+t share their mean rank.
        double mid = (static_cast<double>(before + 1) + static_cast<double>(before + t)) / 2.0;
        for (std::size_t g = 0; g < per_group.size(); ++g)
            r.sums[g] += static_cast<double>(per_group[g]) * mid;
        double td = static_cast<double>(t);
        r.ties += td * td * td - td;
        before += t;
    };
    if (by_distinct_value(groups, 256, add_run)) return r;
    // Many distinct values: sort them with their group.
    r.sums.assign(groups.size(), 0.0);
    r.ties = 0.0;
    before = 0;
    std::vector<std::pair<double, std::size_t>> all;
    for (std::size_t g = 0; g < groups.size(); ++g)
        for (double v : groups[g])
            all.emplace_back(v, g);
    std::sort(all.begin(), all.end());
    std::vector<std::size_t> per_group(groups.size());
    for (std::size_t i = 0; i < all.size();) {
        std::size_t j = i;
        std::fill(per_group.begin(), per_group.end(), 0);
        while (j < all.size() && all[j].first == all[i].first)
            ++per_group[all[j++].second];
        add_run(all[i].first, per_group, j - i);
        i = j;
    }
    return r;
}

} // namespace convene::exporting::stats
