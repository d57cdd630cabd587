// Tests of association in a contingency table: Pearson's chi-square with the expected counts
// checked (Cochran's rule: no expected count below 1 and at most 20% below 5), Cramér's V, and
// Fisher's exact test for 2x2 tables (two-sided as Fisher's and SciPy's: the probabilities of
// every table with the same margins that is no more likely than the observed one). Boost.Math's
// chi-squared and hypergeometric distributions; nothing hand-rolled.
#pragma once

#include <cstddef>
#include <vector>

namespace convene::exporting::stats {

using CountTable = std::vector<std::vector<double>>; // rows x columns of counts

struct ChiSquare {
    double chi2 = 0.0;
    double df = 0.0;
    double p = 0.0;
    double cramers_v = 0.0; // sqrt(chi2 / (N (min(r, c) - 1)))
    double n = 0.0;
    CountTable expected;
    double min_expected = 0.0;
    std::size_t cells_below_5 = 0;
    bool expected_ok = true; // Cochran's rule holds: the chi-square p can be trusted
};
// Pearson's chi-square without continuity correction. Rows or columns that are all zero are
// refused (their expected counts would be zero). Throws std::invalid_argument for a table
// smaller than 2x2, ragged, or with a negative or non-finite count.
ChiSquare chi_square(const CountTable& table);

struct FisherExact {
    double p_two_sided = 0.0;
    double p_less = 0.0;     // P(a' <= a): the first cell this small or smaller
    double p_greater = 0.0;  // P(a' >= a)
    double odds_ratio = 0.0; // a d / (b c); +infinity when only b c is 0, NaN when both are
};
// Fisher's exact test of [[a, b], [c, d]]. Throws for negative counts or a zero margin.
FisherExact fisher_exact(unsigned a, unsigned b, unsigned c, unsigned d);

} // namespace convene::exporting::stats
