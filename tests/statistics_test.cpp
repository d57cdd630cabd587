// Reference values: the published example below, and values computed independently with SciPy
// 1.10.1 / NumPy 1.24.2 (Debian 12's python3-scipy, run with /usr/bin/python3) for the fixtures
// in this file. The script and its full output are in tests/data/statistics_reference.md; each
// test names the SciPy or NumPy call its numbers come from. All comparisons are to 1e-6 relative.
#include "export/statistics.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

using namespace convene::exporting;

namespace {

Approx rel(double reference) {
    return Approx(reference).epsilon(1e-6);
}

// Fixture 1: answers to one 1..5 Likert item by MC earners (a) and others (b); many ties.
const std::vector<double> earners{4, 5, 3, 4, 4, 5, 2, 4, 5, 3, 4, 5};
const std::vector<double> others{3, 2, 4, 3, 3, 1, 2, 4, 3, 2};

// Fixture 2: continuous values (clock hours), unequal group sizes and spreads, no ties.
const std::vector<double> hours_a{12.5, 14.1, 9.8, 15.0, 13.2, 11.7, 16.4, 12.9, 14.8};
const std::vector<double> hours_b{8.2, 11.5, 6.9, 13.8, 7.4, 10.1, 9.6,
                                  5.3, 12.2, 8.8, 10.9, 4.7, 11.1, 9.0};

} // namespace

TEST_CASE("the published t = 3.5274 with df = 98 gives two-sided p = .00064", "[statistics]") {
    double p = stats::two_sided_p_from_t(3.5274, 98.0);
    // Published to two significant digits...
    CHECK(std::round(p * 1e5) / 1e5 == Approx(0.00064).margin(1e-12));
    // ...and scipy: 2 * scipy.stats.t.sf(3.5274, 98)
    CHECK(p == rel(0.0006403953904038622));
    CHECK(stats::two_sided_p_from_t(-3.5274, 98.0) == rel(0.0006403953904038622));
}

TEST_CASE("two-sided p from t handles the edges", "[statistics]") {
    CHECK(stats::two_sided_p_from_t(0.0, 10.0) == 1.0);
    CHECK(stats::two_sided_p_from_t(std::numeric_limits<double>::infinity(), 10.0) == 0.0);
    // Infinite df is the standard normal: 2 * scipy.stats.norm.sf(1.96)
    CHECK(stats::two_sided_p_from_t(1.96, std::numeric_limits<double>::infinity()) ==
          rel(0.04999579029644087));
    CHECK_THROWS_AS(stats::two_sided_p_from_t(1.0, 0.0), std::invalid_argument);
    CHECK_THROWS_AS(stats::two_sided_p_from_t(std::nan(""), 5.0), std::invalid_argument);
}

TEST_CASE("describe matches numpy mean and sd and median", "[statistics]") {
    // numpy.mean(x), numpy.std(x, ddof=1), numpy.median(x)
    auto a = stats::describe(hours_a);
    CHECK(a.n == 9);
    CHECK(a.mean == rel(13.377777777777776));
    CHECK(a.sd == rel(1.9670903498427426));
    CHECK(a.median == rel(13.2));
    CHECK(a.min == 9.8);
    CHECK(a.max == 16.4);

    auto b = stats::describe(hours_b); // even n: median is the mean of the two middle values
    CHECK(b.n == 14);
    CHECK(b.mean == rel(9.25));
    CHECK(b.sd == rel(2.602883016964074));
    CHECK(b.median == rel(9.3));

    auto e = stats::describe(earners);
    CHECK(e.mean == rel(4.0));
    CHECK(e.sd == rel(0.9534625892455924));
    CHECK(e.median == rel(4.0));
    auto o = stats::describe(others);
    CHECK(o.mean == rel(2.7));
    CHECK(o.sd == rel(0.9486832980505138));
    CHECK(o.median == rel(3.0));
}

TEST_CASE("the median is the same whether its values are counted or selected", "[statistics]") {
    // A handful of distinct values (Likert answers) are counted; many are selected from a copy.
    std::vector<double> likert_even{5, 1, 2, 4, 2, 3}; // ordered 1 2 2 3 4 5
    CHECK(stats::describe(likert_even).median == 2.5);
    std::vector<double> likert_odd{4, 4, 1, 5, 4};
    CHECK(stats::describe(likert_odd).median == 4.0);
    std::vector<double> pooled; // 600 ratings, two middle ones differ: 300 twos, 300 fours
    for (int i = 0; i < 300; ++i) {
        pooled.push_back(4);
        pooled.push_back(2);
    }
    CHECK(stats::describe(pooled).median == 3.0);
    std::vector<double> many; // 100 distinct values, shuffled: numpy.median(range(100)) = 49.5
    for (int i = 0; i < 100; ++i)
        many.push_back(double((i * 37) % 100));
    CHECK(stats::describe(many).median == 49.5);
    many.push_back(1000.0);
    CHECK(stats::describe(many).median == 50.0);
}

TEST_CASE("describe of one value has NaN sd and of none throws", "[statistics]") {
    std::vector<double> one{3.5};
    auto d = stats::describe(one);
    CHECK(d.n == 1);
    CHECK(d.mean == 3.5);
    CHECK(d.median == 3.5);
    CHECK(std::isnan(d.sd));

    std::vector<double> same{2, 2, 2};
    CHECK(stats::describe(same).sd == 0.0);

    CHECK_THROWS_AS(stats::describe(std::vector<double>{}), std::invalid_argument);
    std::vector<double> with_nan{1.0, std::nan("")};
    CHECK_THROWS_WITH(stats::describe(with_nan), Catch::Contains("non-finite"));
}

TEST_CASE("distribution counts the answers 1 to k", "[statistics]") {
    CHECK(stats::distribution(earners, 5) == std::vector<std::size_t>{0, 1, 2, 5, 4});
    CHECK(stats::distribution(others, 5) == std::vector<std::size_t>{1, 3, 4, 2, 0});
    CHECK(stats::distribution(std::vector<double>{}, 4) == std::vector<std::size_t>{0, 0, 0, 0});
    CHECK_THROWS_WITH(stats::distribution(earners, 4), Catch::Contains("1..4"));
    CHECK_THROWS_AS(stats::distribution(std::vector<double>{2.5}, 5), std::invalid_argument);
    CHECK_THROWS_AS(stats::distribution(std::vector<double>{0}, 5), std::invalid_argument);
    CHECK_THROWS_AS(stats::distribution(std::vector<double>{std::nan("")}, 5),
                    std::invalid_argument);
    CHECK_THROWS_AS(stats::distribution(earners, 0), std::invalid_argument);
}

TEST_CASE("Cronbach alpha matches the formula and uses complete cases only", "[statistics]") {
    std::vector<std::vector<double>> items{{4, 5, 4, 4}, {3, 3, 4, 3}, {5, 5, 5, 4}, {2, 3, 2, 3},
                                           {4, 4, 3, 4}, {3, 2, 3, 3}, {5, 4, 5, 5}, {1, 2, 2, 1}};
    // numpy: k/(k-1) * (1 - items.var(axis=0, ddof=1).sum() / items.sum(axis=1).var(ddof=1))
    const double reference = 0.9431438127090301;
    auto r = stats::cronbach_alpha(items);
    CHECK(r.alpha == rel(reference));
    CHECK(r.items == 4);
    CHECK(r.respondents == 8);
    CHECK(r.excluded == 0);
    CHECK(stats::alpha(items) == rel(reference));

    // A respondent who skipped an item is left out entirely: alpha is unchanged.
    items.push_back({1, std::nan(""), 5, 1});
    r = stats::cronbach_alpha(items);
    CHECK(r.alpha == rel(reference));
    CHECK(r.respondents == 8);
    CHECK(r.excluded == 1);
}

TEST_CASE("Cronbach alpha rejects degenerate tables", "[statistics]") {
    using Table = std::vector<std::vector<double>>;
    CHECK_THROWS_AS(stats::alpha(Table{}), std::invalid_argument);
    CHECK_THROWS_WITH(stats::alpha(Table{{1}, {2}, {3}}), Catch::Contains("at least 2 items"));
    CHECK_THROWS_WITH(stats::alpha(Table{{1, 2}, {2, 3, 4}}), Catch::Contains("respondent 1"));
    CHECK_THROWS_WITH(stats::alpha(Table{{1, 2}, {2, std::nan("")}}),
                      Catch::Contains("complete cases"));
    CHECK_THROWS_WITH(stats::alpha(Table{{1, 3}, {2, 2}, {3, 1}}),
                      Catch::Contains("zero variance"));
    CHECK_THROWS_AS(stats::alpha(Table{{1, 2}, {2, std::numeric_limits<double>::infinity()}}),
                    std::invalid_argument);
}

TEST_CASE("Student t-test matches scipy with pooled variance", "[statistics]") {
    SECTION("Likert fixture") {
        // scipy.stats.ttest_ind(earners, others, equal_var=True); CI: diff -/+
        // scipy.stats.t.ppf(0.975, 20) * sp * sqrt(1/n1 + 1/n2)
        auto r = stats::student_t(earners, others);
        CHECK(r.t == rel(3.191525695209789));
        CHECK(r.df == 20.0);
        CHECK(r.p_two_sided == rel(0.004584000172675923));
        CHECK(r.mean_diff == rel(1.3));
        CHECK(r.ci_low == rel(0.4503272289125857));
        CHECK(r.ci_high == rel(2.149672771087414));
        CHECK(r.n1 == 12);
        CHECK(r.n2 == 10);
        CHECK(r.mean1 == rel(4.0));
        CHECK(r.mean2 == rel(2.7));
        CHECK(r.sd1 == rel(0.9534625892455924));
        CHECK(r.sd2 == rel(0.9486832980505138));
    }
    SECTION("continuous fixture") {
        // scipy.stats.ttest_ind(hours_a, hours_b, equal_var=True)
        auto r = stats::student_t(hours_a, hours_b);
        CHECK(r.t == rel(4.058056414844631));
        CHECK(r.df == 21.0);
        CHECK(r.p_two_sided == rel(0.0005655450188900627));
        CHECK(r.ci_low == rel(2.012434141049526));
        CHECK(r.ci_high == rel(6.243121414506026));
    }
}

TEST_CASE("Welch t-test matches scipy with Welch-Satterthwaite df", "[statistics]") {
    SECTION("Likert fixture") {
        // scipy.stats.ttest_ind(earners, others, equal_var=False); df by the Welch-Satterthwaite
        // formula; CI: diff -/+ scipy.stats.t.ppf(0.975, df) * sqrt(v1/n1 + v2/n2)
        auto r = stats::welch_t(earners, others);
        CHECK(r.t == rel(3.1930569101480537));
        CHECK(r.df == rel(19.325228552471657));
        CHECK(r.p_two_sided == rel(0.0047134549034026614));
        CHECK(r.ci_low == rel(0.44882966713749517));
        CHECK(r.ci_high == rel(2.1511703328625043));
    }
    SECTION("continuous fixture") {
        // scipy.stats.ttest_ind(hours_a, hours_b, equal_var=False)
        auto r = stats::welch_t(hours_a, hours_b);
        CHECK(r.t == rel(4.317922552118288));
        CHECK(r.df == rel(20.310013593012922));
        CHECK(r.p_two_sided == rel(0.00032447955366564374));
        CHECK(r.mean_diff == rel(4.127777777777776));
        CHECK(r.ci_low == rel(2.1356216839981004));
        CHECK(r.ci_high == rel(6.1199338715574525));
        CHECK(r.sd1 == rel(1.9670903498427426));
        CHECK(r.sd2 == rel(2.602883016964074));
    }
    SECTION("swapping the groups flips the signs") {
        auto r = stats::welch_t(hours_b, hours_a);
        CHECK(r.t == rel(-4.317922552118288));
        CHECK(r.ci_low == rel(-6.1199338715574525));
        CHECK(r.ci_high == rel(-2.1356216839981004));
        CHECK(r.cohens_d == rel(-1.7337909261358297));
    }
}

TEST_CASE("Cohen d uses the pooled SD and Hedges g the exact gamma correction", "[statistics]") {
    // d = (mean1 - mean2) / sqrt(((n1-1) v1 + (n2-1) v2) / (n1+n2-2)); J =
    // scipy.special.gamma(df/2) / (sqrt(df/2) * scipy.special.gamma((df-1)/2)) with df = n1+n2-2; g
    // = d * J
    auto s = stats::student_t(earners, others);
    auto w = stats::welch_t(earners, others);
    CHECK(s.cohens_d == rel(1.3665296611918551));
    CHECK(s.hedges_g == rel(1.3145257377781023));
    CHECK(w.cohens_d == rel(1.3665296611918551)); // same effect sizes in both tests
    CHECK(w.hedges_g == rel(1.3145257377781023));

    auto h = stats::student_t(hours_a, hours_b);
    CHECK(h.cohens_d == rel(1.7337909261358297));
    CHECK(h.hedges_g == rel(1.6709969237810502));

    CHECK(stats::hedges_correction(20.0) == rel(0.9619445337407487));
    CHECK(stats::hedges_correction(21.0) == rel(0.9637822522841719));
    // The exact form is not the common approximation 1 - 3/(4(n1+n2) - 9), but close to it.
    CHECK(stats::hedges_correction(20.0) != rel(0.9620253164556962));
    CHECK(stats::hedges_correction(20.0) == Approx(0.9620253164556962).epsilon(1e-4));
    CHECK(stats::hedges_correction(10000.0) == Approx(1.0).epsilon(1e-4));
    CHECK_THROWS_AS(stats::hedges_correction(1.0), std::invalid_argument);
}

TEST_CASE("t-tests reject groups too small or without variance", "[statistics]") {
    std::vector<double> one{3};
    std::vector<double> constant_a{3, 3, 3};
    std::vector<double> constant_b{4, 4};
    std::vector<double> with_inf{1, std::numeric_limits<double>::infinity()};
    CHECK_THROWS_WITH(stats::student_t(one, others), Catch::Contains("group a needs at least 2"));
    CHECK_THROWS_WITH(stats::welch_t(others, one), Catch::Contains("group b needs at least 2"));
    CHECK_THROWS_AS(stats::welch_t(std::vector<double>{}, others), std::invalid_argument);
    CHECK_THROWS_WITH(stats::student_t(constant_a, constant_b), Catch::Contains("zero variance"));
    CHECK_THROWS_WITH(stats::welch_t(constant_a, constant_b), Catch::Contains("zero variance"));
    CHECK_THROWS_WITH(stats::student_t(with_inf, others), Catch::Contains("non-finite"));

    // One constant group is fine: Welch's df falls back to the other group's n - 1.
    auto r = stats::welch_t(constant_a, others);
    CHECK(r.df == rel(9.0));
    CHECK(r.sd1 == 0.0);
    CHECK(std::isfinite(r.p_two_sided));
}

TEST_CASE("Mann-Whitney U matches scipy asymptotic with tie and continuity correction",
          "[statistics]") {
    SECTION("Likert fixture with ties") {
        // scipy.stats.mannwhitneyu(earners, others, alternative='two-sided',
        //                          method='asymptotic', use_continuity=True)
        // z from the same formula as scipy's _get_mwu_z (mid-ranks, sum(t^3 - t) tie term).
        auto r = stats::mann_whitney(earners, others);
        CHECK(r.u == rel(99.5));
        CHECK(r.z == rel(2.6561703567082104));
        CHECK(r.p_two_sided == rel(0.007903367775237922));
        CHECK(r.rank_biserial == rel(0.6583333333333334));
        CHECK(r.n1 == 12);
        CHECK(r.n2 == 10);
    }
    SECTION("groups swapped") {
        // scipy.stats.mannwhitneyu(others, earners, ...same arguments)
        auto r = stats::mann_whitney(others, earners);
        CHECK(r.u == rel(20.5));
        CHECK(r.z == rel(-2.6561703567082104));
        CHECK(r.p_two_sided == rel(0.007903367775237922));
        CHECK(r.rank_biserial == rel(-0.6583333333333334));
    }
    SECTION("continuous fixture without ties") {
        // scipy.stats.mannwhitneyu(hours_a, hours_b, ...same arguments)
        auto r = stats::mann_whitney(hours_a, hours_b);
        CHECK(r.u == rel(115.0));
        CHECK(r.z == rel(3.244195059995867));
        CHECK(r.p_two_sided == rel(0.0011778305729911102));
        CHECK(r.rank_biserial == rel(0.8253968253968254));
    }
    SECTION("U at its mean gives z = 0 and p = 1") {
        // scipy.stats.mannwhitneyu([1, 2], [1, 2], ...same arguments) -> U = 2, p = 1
        std::vector<double> x{1, 2};
        auto r = stats::mann_whitney(x, x);
        CHECK(r.u == 2.0);
        CHECK(r.z == 0.0);
        CHECK(r.p_two_sided == 1.0);
        CHECK(r.rank_biserial == 0.0);
    }
}

TEST_CASE("Mann-Whitney U rejects empty groups and all-equal values", "[statistics]") {
    std::vector<double> empty;
    std::vector<double> threes{3, 3, 3};
    std::vector<double> with_nan{1, std::nan("")};
    CHECK_THROWS_WITH(stats::mann_whitney(empty, others), Catch::Contains("at least 1 value"));
    CHECK_THROWS_WITH(stats::mann_whitney(threes, threes), Catch::Contains("all values are equal"));
    CHECK_THROWS_WITH(stats::mann_whitney(others, with_nan), Catch::Contains("non-finite"));
}

TEST_CASE("rank sums give ties their mid-rank whether values are counted or sorted", "[stats]") {
    // 1 2 2 2 3 3 3 4 ranked together: 1; 3, 3, 3; 6, 6, 6; 8.
    std::vector<double> a{1, 2, 2, 3}, b{2, 3, 3, 4};
    const std::span<const double> few[] = {a, b};
    auto r = stats::rank_sums(few);
    CHECK(r.sums[0] == 13.0);
    CHECK(r.sums[1] == 23.0);
    CHECK(r.ties == 48.0);
    // 600 values with 300 distinct ones (more than are counted): the sorting path, checked
    // against ranks found the slow way.
    std::vector<double> x, y;
    for (int i = 0; i < 300; ++i) {
        x.push_back(i % 3 == 0 ? i : i * 0.5);
        y.push_back(299 - i);
    }
    const std::span<const double> many[] = {x, y};
    auto sorted = stats::rank_sums(many);
    std::vector<double> all(x);
    all.insert(all.end(), y.begin(), y.end());
    auto slow_rank = [&](double v) {
        double below = 0, equal = 0;
        for (double w : all) {
            below += w < v;
            equal += w == v;
        }
        return below + (equal + 1) / 2;
    };
    double sum_x = 0, sum_y = 0;
    for (double v : x)
        sum_x += slow_rank(v);
    for (double v : y)
        sum_y += slow_rank(v);
    CHECK(sorted.sums[0] == Approx(sum_x).epsilon(1e-12));
    CHECK(sorted.sums[1] == Approx(sum_y).epsilon(1e-12));
}
