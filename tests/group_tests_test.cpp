// k-group comparisons, crosstab tests and the cluster-robust difference against SciPy and
// statsmodels. The reference values come from tests/data/survey_stats/reference.py (its output
// is reference_output.txt beside it) and cluster_k_groups.py (cluster_k_groups_output.txt), run
// with Debian 12's /usr/bin/python3.
#include "export/cluster_robust.hpp"
#include "export/crosstab_tests.hpp"
#include "export/group_tests.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

using namespace convene::exporting::stats;

namespace {

const Groups kSchoolLevels = {
    {3.2, 4.0, 3.6, 4.4, 3.8, 4.2, 3.0, 4.6, 3.4, 4.0},
    {2.8, 3.4, 3.0, 3.6, 2.6, 3.2, 3.8, 3.0},
    {3.0, 2.2, 3.6, 2.4, 4.2, 2.0, 3.2, 2.8, 3.8, 2.6, 3.4},
};

Approx close(double v) {
    return Approx(v).epsilon(1e-6);
}

} // namespace

TEST_CASE("one-way ANOVA with eta and omega squared matches SciPy's f_oneway", "[stats]") {
    auto a = one_way_anova(kSchoolLevels);
    CHECK(a.f == close(5.6473009813902975));
    CHECK(a.p == close(0.009188737197416497));
    CHECK(a.df_between == 2);
    CHECK(a.df_within == 26);
    CHECK(a.eta_squared == close(0.30284817020040616));
    CHECK(a.omega_squared == close(0.24271311063147272));
}

TEST_CASE("Welch's ANOVA matches statsmodels' anova_oneway with unequal variances", "[stats]") {
    auto w = welch_anova(kSchoolLevels);
    CHECK(w.f == close(5.842017304923113));
    CHECK(w.df1 == 2);
    CHECK(w.df2 == close(17.31141956657076));
    CHECK(w.p == close(0.011511845545562517));
}

TEST_CASE("Kruskal-Wallis H with tie correction matches SciPy's kruskal", "[stats]") {
    auto k = kruskal_wallis(kSchoolLevels);
    CHECK(k.h == close(8.264705616963667));
    CHECK(k.p == close(0.016045083369049553));
    CHECK(k.df == 2);
}

TEST_CASE("pairwise Welch t with Holm's correction matches statsmodels' multipletests", "[stats]") {
    auto pairs = pairwise_welch_holm(kSchoolLevels);
    REQUIRE(pairs.size() == 3);
    CHECK(pairs[0].welch.p_two_sided == close(0.009342821284001065));
    CHECK(pairs[1].welch.p_two_sided == close(0.007422776732495071));
    CHECK(pairs[2].welch.p_two_sided == close(0.5456754275150264));
    CHECK(pairs[0].p_holm == close(0.022268330197485215));
    CHECK(pairs[1].p_holm == close(0.022268330197485215));
    CHECK(pairs[2].p_holm == close(0.5456754275150264));
}

TEST_CASE("Holm's step-down adjustment on a worked example", "[stats]") {
    // Holm (1979), "A simple sequentially rejective multiple test procedure", Scand. J.
    // Statist. 6: with m = 4, sorted p = .005, .01, .03, .04 are multiplied by 4, 3, 2, 1 and
    // made monotone: .02, .03, .06, .06 (worked by hand; statsmodels agrees).
    auto adj = holm_adjust({0.01, 0.04, 0.03, 0.005});
    CHECK(adj[0] == close(0.03));
    CHECK(adj[1] == close(0.06));
    CHECK(adj[2] == close(0.06));
    CHECK(adj[3] == close(0.02));
}

TEST_CASE("chi-square and Cramér's V match SciPy's chi2_contingency without correction",
          "[stats]") {
    // KVEC's Table 3 shape: earners 25 less / 25 more experienced, others 13 / 37.
    auto x = chi_square({{25, 13}, {25, 37}});
    CHECK(x.chi2 == close(6.112054329371817));
    CHECK(x.p == close(0.013426298293326986));
    CHECK(x.df == 1);
    CHECK(x.expected[0][0] == close(19.0));
    CHECK(x.expected[1][1] == close(31.0));
    CHECK(x.cramers_v == close(0.24722569302909875));
    CHECK(x.expected_ok);
    auto y = chi_square({{12, 5, 9}, {7, 14, 6}, {3, 8, 16}});
    CHECK(y.chi2 == close(15.281448495307515));
    CHECK(y.p == close(0.00415169811792395));
    CHECK(y.cramers_v == close(0.3090453900249476));
    auto small = chi_square({{3, 1}, {1, 3}});
    CHECK_FALSE(small.expected_ok); // every expected count is 2
    CHECK(small.cells_below_5 == 4);
    CHECK_THROWS_WITH(chi_square({{0, 0}, {1, 3}}), Catch::Contains("row has no counts"));
}

TEST_CASE("Fisher's exact test on the lady tasting tea and against SciPy", "[stats]") {
    // Fisher (1935), The Design of Experiments, ch. 2: 8 cups, 4 with milk first; 3 of 4 right.
    // P(3 or 4 right) = (16 + 1) / 70 = 0.2429; two-sided 34/70 = 0.4857.
    auto tea = fisher_exact(3, 1, 1, 3);
    CHECK(tea.p_greater == close(17.0 / 70.0));
    CHECK(tea.p_two_sided == close(34.0 / 70.0));
    CHECK(tea.odds_ratio == close(9.0));
    auto kvec = fisher_exact(25, 13, 25, 37);
    CHECK(kvec.p_two_sided == close(0.02284245297041857));
    CHECK(kvec.p_less == close(0.9964901925277092));
    CHECK(kvec.odds_ratio == close(2.8461538461538463));
    CHECK(fisher_exact(7, 2, 1, 9).p_two_sided == close(0.005477494641581328));
    CHECK(std::isinf(fisher_exact(4, 0, 1, 3).odds_ratio));
}

TEST_CASE("Fisher's exact test of thousands of respondents and of either tail matches SciPy",
          "[stats]") {
    struct Case {
        unsigned a, b, c, d;
        double two_sided, less, greater;
    };
    // tests/data/survey_stats/reference.py, "fisher [[a, b], [c, d]]".
    for (const auto& t : std::vector<Case>{
             {2600, 2400, 1700, 3300, 4.046747189863504e-74, 1.0, 2.023373594931752e-74},
             {2540, 2460, 2460, 2540, 0.11410235620257957, 0.94738621604702, 0.05705117810128978},
             {1700, 3300, 2600, 2400, 4.046747189863504e-74, 2.023373594931752e-74, 1.0},
             {0, 40, 25, 35, 2.307287922298736e-07, 2.1406726992949862e-07, 1.0},
             {12, 8, 10, 10, 0.7511863074565595, 0.8296781426200588, 0.3755931537282797}}) {
        INFO(t.a << " " << t.b << " " << t.c << " " << t.d);
        auto f = fisher_exact(t.a, t.b, t.c, t.d);
        CHECK(f.p_two_sided == close(t.two_sided));
        CHECK(f.p_less == close(t.less));
        CHECK(f.p_greater == close(t.greater));
    }
}

TEST_CASE("the cluster-robust difference matches statsmodels OLS with clustered errors",
          "[stats]") {
    std::vector<std::vector<double>> a = {
        {4, 5, 4}, {3, 4, 4, 5}, {5, 5, 4, 4, 5}, {2, 3, 3}, {4, 4, 5, 3}};
    std::vector<std::vector<double>> b = {{3, 3, 2},       {4, 3, 3, 4}, {2, 2, 3},
                                          {3, 4, 2, 3, 3}, {4, 4, 3},    {3, 2, 2, 3}};
    auto r = cluster_robust_difference(a, b);
    CHECK(r.difference == close(1.0454545454545447));
    CHECK(r.se == close(0.34734944486584524));
    CHECK(r.t == close(3.0098062942300787));
    CHECK(r.df == 10);
    CHECK(r.p_two_sided == close(0.013121954206503724));
    CHECK(r.ci_low == close(0.2715117521405016));
    CHECK(r.ci_high == close(1.8193973387685878));
    CHECK(r.clusters == 11);
    CHECK(r.ratings == 41);
}

TEST_CASE("the cluster-robust comparison of three groups matches statsmodels' OLS on C(group)",
          "[stats]") {
    // tests/data/survey_stats/cluster_k_groups.py ("small"): the first group is the reference.
    std::vector<ClusteredRatings> groups = {
        {{4, 5, 4}, {3, 4, 4, 5}, {5, 5, 4, 4, 5}, {2, 3, 3}, {4, 4, 5, 3}},
        {{3, 3, 2}, {4, 3, 3, 4}, {2, 2, 3}, {3, 4, 2, 3, 3}, {4, 4, 3}, {3, 2, 2, 3}},
        {{3, 4}, {4, 4, 3}, {2, 3, 3, 3}, {5, 4, 4}, {3, 3, 4, 2}}};
    auto r = cluster_robust_groups(groups);
    REQUIRE(r.contrasts.size() == 2);
    const auto& b = r.contrasts[0];
    CHECK(b.difference == close(-1.0454545454545503));
    CHECK(b.se == close(0.34394109515597066));
    CHECK(b.t == close(-3.0396325422539485));
    CHECK(b.p_two_sided == close(0.008276620193941585));
    CHECK(b.ci_low == close(-1.7785476364239199));
    CHECK(b.ci_high == close(-0.3123614544851808));
    CHECK(b.df == 15);
    const auto& c = r.contrasts[1];
    CHECK(c.difference == close(-0.6250000000000051));
    CHECK(c.se == close(0.394577412573482));
    CHECK(c.p_two_sided == close(0.13405215610182955));
    CHECK(c.ci_high == close(0.21602184671771663));
    CHECK(r.f == close(4.650332414504936));
    CHECK(r.df1 == 2);
    CHECK(r.df2 == 15);
    CHECK(r.p == close(0.026825527915863283));
    CHECK(r.ratings == 57);
    CHECK(r.clusters == 16);
    // The joint test does not depend on which group is the reference.
    auto reordered = cluster_robust_groups({groups[2], groups[0], groups[1]});
    CHECK(reordered.f == close(r.f));
    CHECK(reordered.contrasts[0].difference == close(0.6250000000000051)); // a minus c
}

TEST_CASE("k-group tests refuse input they cannot compare", "[stats]") {
    CHECK_THROWS_WITH(one_way_anova({{1, 2, 3}}), Catch::Contains("at least 2 groups"));
    CHECK_THROWS_WITH(one_way_anova({{1, 1}, {2, 2}}), Catch::Contains("no variance"));
    CHECK_THROWS_WITH(welch_anova({{1, 1}, {2, 3}}), Catch::Contains("zero variance"));
    CHECK_THROWS_WITH(kruskal_wallis({{2, 2}, {2}}), Catch::Contains("all values are equal"));
    CHECK_THROWS_WITH(fisher_exact(0, 0, 1, 2), Catch::Contains("no counts"));
    using R = ClusteredRatings;
    CHECK_THROWS_WITH(cluster_robust_difference(R{{1, 2}}, R{}), Catch::Contains("each group"));
    CHECK_THROWS_WITH(cluster_robust_groups(std::vector<R>{{{1, 2}, {2, 3}}}),
                      Catch::Contains("2 groups"));
    // Two groups of one respondent each: their means have no variance between respondents.
    CHECK_THROWS_WITH(cluster_robust_groups(std::vector<R>{{{1, 2}, {2, 3}}, {{4, 5}}, {{2, 2}}}),
                      Catch::Contains("no variation"));
    double inf = std::numeric_limits<double>::infinity();
    CHECK_THROWS_WITH(cluster_robust_difference(R{{1, 2}, {3, inf}}, R{{1, 2}, {2, 2}}),
                      Catch::Contains("not finite"));
}
