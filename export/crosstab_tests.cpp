#include "export/crosstab_tests.hpp"

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/hypergeometric.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace convene::exporting::stats {
namespace {

[[noreturn]] void fail(const char* function, const std::string& reason) {
    throw std::invalid_argument(std::string("statistics: ") + function + ": " + reason);
}

void check_table(const CountTable& t) {
    if (t.size() < 2 || t[0].size() < 2) fail("chi_square", "needs at least a 2x2 table");
    for (const auto& row : t) {
        if (row.size() != t[0].size()) fail("chi_square", "rows of different lengths");
        for (double v : row)
            if (!std::isfinite(v) || v < 0) fail("chi_square", "a count is negative or not finite");
    }
}

} // namespace

ChiSquare chi_square(const CountTable& t) {
    check_table(t);
    std::size_t r = t.size(), c = t[0].size();
    std::vector<double> rows(r, 0.0), cols(c, 0.0);
    ChiSquare x;
    for (std::size_t i = 0; i < r; ++i)
        for (std::size_t j = 0; j < c; ++j) {
            rows[i] += t[i][j];
            cols[j] += t[i][j];
            x.n += t[i][j];
        }
    for (double m : rows)
        if (m == 0) fail("chi_square", "a row has no counts");
    for (double m : cols)
        if (m == 0) fail("chi_square", "a column has no counts");
    x.expected.assign(r, std::vector<double>(c, 0.0));
    x.min_expected = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < r; ++i)
        for (std::size_t j = 0; j < c; ++j) {
            double e = rows[i] * cols[j] / x.n;
            x.expected[i][j] = e;
            x.chi2 += (t[i][j] - e) * (t[i][j] - e) / e;
            x.min_expected = std::min(x.min_expected, e);
            if (e < 5) ++x.cells_below_5;
        }
    x.df = static_cast<double>((r - 1) * (c - 1));
    x.p = boost::math::cdf(boost::math::complement(boost::math::chi_squared(x.df), x.chi2));
    x.cramers_v = std::sqrt(x.chi2 / (x.n * static_cast<double>(std::min(r, c) - 1)));
    x.expected_ok = x.min_expected >= 1 &&
                    static_cast<double>(x.cells_below_5) <= 0.2 * static_cast<double>(r * c);
    return x;
}

namespace {

// The probability of every table no more likely than the observed one (with a relative tolerance
// for rounding). The hypergeometric distribution is unimodal, so those tables are the two tails
// below and above the mode; each tail's edge is found by bisection and its probability read from
// the cdf, instead of adding every table's probability one at a time (slow for thousands of
// respondents: each pdf call factorises its binomials).
double two_sided(const boost::math::hypergeometric_distribution<double>& h, unsigned a, unsigned lo,
                 unsigned hi) {
    auto pdf = [&](unsigned x) { return boost::math::pdf(h, x); };
    double limit = pdf(a) * (1 + 1e-7);
    auto r = h.sample_count(), k = h.defective(), n = h.total();
    auto mode = static_cast<unsigned>((double(r) + 1) * (double(k) + 1) / (double(n) + 2));
    mode = std::clamp(mode, lo, hi);
    // The last x in [from, to] (pdf rising) or the first (pdf falling) with pdf(x) <= limit.
    auto last_low = [&](unsigned from, unsigned to) { // pdf non-decreasing on [from, to]
        while (from < to) {
            unsigned mid = from + (to - from + 1) / 2;
            if (pdf(mid) <= limit)
                from = mid;
            else
                to = mid - 1;
        }
        return from;
    };
    auto first_high = [&](unsigned from, unsigned to) { // pdf non-increasing on [from, to]
        while (from < to) {
            unsigned mid = from + (to - from) / 2;
            if (pdf(mid) <= limit)
                to = mid;
            else
                from = mid + 1;
        }
        return from;
    };
    double p = 0;
    if (a <= mode) {
        unsigned low_edge = last_low(a, mode);
        p += boost::math::cdf(h, low_edge);
        unsigned from = std::max(mode, low_edge + 1);
        if (from <= hi && pdf(hi) <= limit) {
            unsigned high_edge = first_high(from, hi);
            p += boost::math::cdf(boost::math::complement(h, high_edge - 1));
        }
    } else {
        unsigned high_edge = first_high(mode, a);
        p += high_edge == lo ? 1.0 : boost::math::cdf(boost::math::complement(h, high_edge - 1));
        if (high_edge > lo && pdf(lo) <= limit) {
            unsigned low_edge = last_low(lo, std::min(mode, high_edge - 1));
            p += boost::math::cdf(h, low_edge);
        }
    }
    return std::min(1.0, p);
}

} // namespace

FisherExact fisher_exact(unsigned a, unsigned b, unsigned c, unsigned d) {
    unsigned n = a + b + c + d, row1 = a + b, col1 = a + c;
    if (row1 == 0 || c + d == 0 || col1 == 0 || b + d == 0)
        fail("fisher_exact", "a row or column of the table has no counts");
    // a follows the hypergeometric distribution: col1 "successes" among n, row1 drawn.
    boost::math::hypergeometric_distribution<double> h(col1, row1, n);
    unsigned lo = row1 + col1 > n ? row1 + col1 - n : 0, hi = std::min(row1, col1);
    FisherExact f;
    f.p_less = std::min(1.0, boost::math::cdf(h, a));
    f.p_greater =
        a == lo ? 1.0 : std::min(1.0, boost::math::cdf(boost::math::complement(h, a - 1)));
    f.p_two_sided = two_sided(h, a, lo, hi);
    double ad = static_cast<double>(a) * d, bc = static_cast<double>(b) * c;
    f.odds_ratio = bc != 0   ? ad / bc
                   : ad != 0 ? std::numeric_limits<double>::infinity()
                             : std::numeric_limits<double>::quiet_NaN();
    return f;
}

} // namespace convene::exporting::stats
