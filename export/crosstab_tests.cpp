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

FisherExact fisher_exact(unsigned a, unsigned b, unsigned c, unsigned d) {
    unsigned n = a + b + c + d, row1 = a + b, col1 = a + c;
    if (row1 == 0 || c + d == 0 || col1 == 0 || b + d == 0)
        fail("fisher_exact", "a row or column of the table has no counts");
    // a follows the hypergeometric distribution: col1 "successes" among n, row1 drawn.
    boost::math::hypergeometric_distribution<double> h(col1, row1, n);
    unsigned lo = row1 + col1 > n ? row1 + col1 - n : 0, hi = std::min(row1, col1);
    double observed = boost::math::pdf(h, a);
    FisherExact f;
    for (unsigned x = lo; x <= hi; ++x) {
        double p = boost::math::pdf(h, x);
        if (x <= a) f.p_less += p;
        if (x >= a) f.p_greater += p;
        // Tables no more likely than the observed one, with a relative tolerance for rounding.
        if (p <= observed * (1 + 1e-7)) f.p_two_sided += p;
    }
    f.p_less = std::min(1.0, f.p_less);
    f.p_greater = std::min(1.0, f.p_greater);
    f.p_two_sided = std::min(1.0, f.p_two_sided);
    double ad = static_cast<double>(a) * d, bc = static_cast<double>(b) * c;
    f.odds_ratio = bc != 0   ? ad / bc
                   : ad != 0 ? std::numeric_limits<double>::infinity()
                             : std::numeric_limits<double>::quiet_NaN();
    return f;
}

} // namespace convene::exporting::stats
