#include "export/group_tests.hpp"

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/fisher_f.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace convene::exporting::stats {
namespace {

[[noreturn]] void fail(const char* function, const std::string& reason) {
    throw std::invalid_argument(std::string("statistics: ") + function + ": " + reason);
}

struct Summary {
    double n, mean, var;
};

std::vector<Summary> summaries(const char* function, const Groups& groups, std::size_t min_n) {
    if (groups.size() < 2) fail(function, "needs at least 2 groups");
    std::vector<Summary> out;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const auto& g = groups[i];
        if (g.size() < min_n)
            fail(function, "group " + std::to_string(i + 1) + " needs at least " +
                               std::to_string(min_n) + " values, has " + std::to_string(g.size()));
        for (double v : g)
            if (!std::isfinite(v)) fail(function, "a group holds a non-finite value");
        double n = static_cast<double>(g.size());
        double mean = std::accumulate(g.begin(), g.end(), 0.0) / n;
        double ss = 0.0;
        for (double v : g)
            ss += (v - mean) * (v - mean);
        out.push_back({n, mean, n > 1 ? ss / (n - 1) : 0.0});
    }
    return out;
}

double f_upper(double f, double df1, double df2) {
    return boost::math::cdf(boost::math::complement(boost::math::fisher_f(df1, df2), f));
}

} // namespace

Anova one_way_anova(const Groups& groups) {
    auto s = summaries("one_way_anova", groups, 2);
    double n = 0.0, sum = 0.0;
    for (const auto& g : s) {
        n += g.n;
        sum += g.n * g.mean;
    }
    double grand = sum / n;
    Anova a;
    for (const auto& g : s) {
        a.ss_between += g.n * (g.mean - grand) * (g.mean - grand);
        a.ss_within += (g.n - 1) * g.var;
    }
    if (a.ss_within <= 0.0) fail("one_way_anova", "no variance within the groups");
    a.df_between = static_cast<double>(s.size()) - 1;
    a.df_within = n - static_cast<double>(s.size());
    double ms_within = a.ss_within / a.df_within;
    a.f = (a.ss_between / a.df_between) / ms_within;
    a.p = f_upper(a.f, a.df_between, a.df_within);
    double ss_total = a.ss_between + a.ss_within;
    a.eta_squared = a.ss_between / ss_total;
    a.omega_squared = (a.ss_between - a.df_between * ms_within) / (ss_total + ms_within);
    return a;
}

WelchAnova welch_anova(const Groups& groups) {
    auto s = summaries("welch_anova", groups, 2);
    double k = static_cast<double>(s.size());
    std::vector<double> w;
    double sum_w = 0.0, weighted = 0.0;
    for (const auto& g : s) {
        if (g.var <= 0.0) fail("welch_anova", "a group has zero variance");
        w.push_back(g.n / g.var);
        sum_w += w.back();
        weighted += w.back() * g.mean;
    }
    double mean_w = weighted / sum_w;
    double a = 0.0, lambda = 0.0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        a += w[i] * (s[i].mean - mean_w) * (s[i].mean - mean_w);
        lambda += (1 - w[i] / sum_w) * (1 - w[i] / sum_w) / (s[i].n - 1);
    }
    a /= k - 1;
    double b = 1 + 2 * (k - 2) / (k * k - 1) * lambda;
    WelchAnova r;
    r.f = a / b;
    r.df1 = k - 1;
    r.df2 = (k * k - 1) / (3 * lambda);
    r.p = f_upper(r.f, r.df1, r.df2);
    return r;
}

KruskalWallis kruskal_wallis(const Groups& groups) {
    summaries("kruskal_wallis", groups, 1);
    std::vector<std::span<const double>> spans(groups.begin(), groups.end());
    auto ranks = rank_sums(spans);
    double n = 0;
    for (const auto& g : groups)
        n += static_cast<double>(g.size());
    const auto& rank_sum = ranks.sums;
    double ties = ranks.ties;
    double correction = 1 - ties / (n * n * n - n);
    if (correction <= 0.0) fail("kruskal_wallis", "all values are equal");
    double h = 0.0;
    for (std::size_t i = 0; i < groups.size(); ++i)
        h += rank_sum[i] * rank_sum[i] / static_cast<double>(groups[i].size());
    h = (12.0 / (n * (n + 1)) * h - 3 * (n + 1)) / correction;
    KruskalWallis r;
    r.h = h;
    r.df = static_cast<double>(groups.size()) - 1;
    r.p = boost::math::cdf(boost::math::complement(boost::math::chi_squared(r.df), h));
    r.epsilon_squared = h * (n + 1) / (n * n - 1);
    return r;
}

std::vector<double> holm_adjust(const std::vector<double>& p) {
    std::vector<std::size_t> order(p.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return p[a] < p[b]; });
    std::vector<double> adjusted(p.size());
    double running = 0.0, m = static_cast<double>(p.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        running = std::max(running, std::min(1.0, (m - static_cast<double>(i)) * p[order[i]]));
        adjusted[order[i]] = running;
    }
    return adjusted;
}

std::vector<PairwiseComparison> pairwise_welch_holm(const Groups& groups) {
    std::vector<PairwiseComparison> out;
    for (std::size_t a = 0; a < groups.size(); ++a)
        for (std::size_t b = a + 1; b < groups.size(); ++b)
            out.push_back({a, b, welch_t(groups[a], groups[b]), 0.0});
    std::vector<double> p;
    for (const auto& c : out)
        p.push_back(c.welch.p_two_sided);
    auto adjusted = holm_adjust(p);
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i].p_holm = adjusted[i];
    return out;
}

} // namespace convene::exporting::stats
