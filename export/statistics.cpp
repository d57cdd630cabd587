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

} // namespace

Descriptives describe(std::span<const double> values) {
    if (values.empty()) fail("describe", "no values");
    require_finite("describe", values, "the input");
    std::vector<double> sorted(values.begin(), values.end());
    std::sort(sorted.begin(), sorted.end());
    std::size_t n = sorted.size();

    Descriptives d;
    d.n = n;
    d.mean = mean_of(values);
    d.sd = n < 2                 ? std::numeric_limits<double>::quiet_NaN()
           : is_constant(values) ? 0.0
                                 : std::sqrt(variance_of(values, d.mean));
    d.median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    d.min = sorted.front();
    d.max = sorted.back();
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

    // Pool the values (remembering which came from a), sort, and give ties their mid-rank.
    struct Item {
        double value;
        bool from_a;
    };
    std::vector<Item> pooled;
    pooled.reserve(a.size() + b.size());
    for (double v : a)
        pooled.push_back({v, true});
    for (double v : b)
        pooled.push_back({v, false});
    std::sort(pooled.begin(), pooled.end(),
              [](const Item& x, const Item& y) { return x.value < y.value; });

    double rank_sum_a = 0.0;
    double tie_term = 0.0; // sum over tie groups of t^3 - t
    for (std::size_t i = 0; i < pooled.size();) {
        std::size_t j = i;
        while (j < pooled.size() && pooled[j].value == pooled[i].value)
            ++j;
        // Positions i..j-1 (0-based) share ranks i+1..j, whose mean is (i + 1 + j) / 2.
        double mid_rank = static_cast<double>(i + 1 + j) / 2.0;
        double t = static_cast<double>(j - i);
        tie_term += t * t * t - t;
        for (std::size_t m = i; m < j; ++m)
            if (pooled[m].from_a) rank_sum_a += mid_rank;
        i = j;
    }

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

} // namespace convene::exporting::stats
