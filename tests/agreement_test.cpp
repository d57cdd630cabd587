// Agreement statistics against published worked examples. Every published figure, and the
// hand-worked figures of the coding fixture at the end, was also recomputed from the definitions
// alone by tests/data/agreement/reference.py (exact fractions, no statistics package; Cohen's and
// Fleiss' kappa cross-checked with statsmodels); its output is
// tests/data/agreement/reference_output.txt. Published figures are compared to 1e-3 (their
// rounding), the script's exact values to 1e-9.
#include "export/agreement.hpp"
#include "export/coding_agreement.hpp"
#include "export/krippendorff.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using namespace convene::exporting::agreement;

namespace {

constexpr std::nullopt_t na = std::nullopt; // a missing value

// Builds reliability data from one row per rater (the papers' layout), transposing it.
ReliabilityData by_rater(const std::vector<std::vector<std::optional<int>>>& rows) {
    ReliabilityData data;
    data.raters = rows.size();
    for (std::size_t u = 0; u < rows.front().size(); ++u) {
        std::vector<std::optional<int>> unit;
        for (const auto& row : rows)
            unit.push_back(row[u]);
        data.units.push_back(unit);
    }
    return data;
}

// Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. Annenberg School for
// Communication, University of Pennsylvania, departmental paper 43. Section C: observers A-D,
// units 1-12, missing values; the paper gives nominal alpha = 0.743 and, for the same data,
// ordinal 0.815 and interval 0.849.
ReliabilityData krippendorff_2011_c() {
    return by_rater({
        {1, 2, 3, 3, 2, 1, 4, 1, 2, na, na, na},
        {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, na, 3},
        {na, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, na},
        {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, na},
    });
}

Approx exact(double reference) {
    return Approx(reference).margin(1e-9);
}

Approx published(double reference) {
    return Approx(reference).margin(1e-3);
}

} // namespace

TEST_CASE("Krippendorff 2011 section C gives nominal alpha 0.743 with missing values",
          "[agreement]") {
    auto result = krippendorff_alpha(krippendorff_2011_c(), Metric::nominal);
    REQUIRE(result.alpha);
    CHECK(*result.alpha == published(0.743));
    CHECK(*result.alpha == exact(113.0 / 152.0));
    // Unit 12 has a single value: not pairable, dropped.
    CHECK(result.pairable_units == 11);
    CHECK(result.pairable_values == 40);
    CHECK(result.values == std::vector<int>{1, 2, 3, 4, 5});
    // The paper's coincidence matrix and its marginals n_c = 9, 13, 10, 5, 3.
    const std::vector<std::vector<double>> o{{7, 4.0 / 3, 1.0 / 3, 1.0 / 3, 0},
                                             {4.0 / 3, 10, 4.0 / 3, 1.0 / 3, 0},
                                             {1.0 / 3, 4.0 / 3, 8, 1.0 / 3, 0},
                                             {1.0 / 3, 1.0 / 3, 1.0 / 3, 4, 0},
                                             {0, 0, 0, 0, 3}};
    for (std::size_t c = 0; c < 5; ++c)
        for (std::size_t k = 0; k < 5; ++k)
            CHECK(result.coincidences[c][k] == exact(o[c][k]));
    const std::vector<double> n_c{9, 13, 10, 5, 3};
    for (std::size_t c = 0; c < 5; ++c)
        CHECK(result.value_totals[c] == exact(n_c[c]));
    REQUIRE(result.observed_disagreement);
    REQUIRE(result.expected_disagreement);
    CHECK(1.0 - *result.observed_disagreement / *result.expected_disagreement ==
          exact(*result.alpha));
}

TEST_CASE("Krippendorff 2011 section C gives ordinal alpha 0.815 and interval alpha 0.849",
          "[agreement]") {
    auto ordinal = krippendorff_alpha(krippendorff_2011_c(), Metric::ordinal);
    REQUIRE(ordinal.alpha);
    CHECK(*ordinal.alpha == published(0.815));
    CHECK(*ordinal.alpha == exact(108577.0 / 133160.0));

    auto interval = krippendorff_alpha(krippendorff_2011_c(), Metric::interval);
    REQUIRE(interval.alpha);
    CHECK(*interval.alpha == published(0.849));
    CHECK(*interval.alpha == exact(951.0 / 1120.0));
}

TEST_CASE("Krippendorff 2011 section A gives alpha 0.095 for two observers of binary data",
          "[agreement]") {
    auto data = by_rater({{0, 1, 0, 0, 0, 0, 0, 0, 1, 0}, {1, 1, 1, 0, 0, 1, 0, 0, 0, 0}});
    auto result = krippendorff_alpha(data, Metric::nominal);
    REQUIRE(result.alpha);
    CHECK(*result.alpha == published(0.095));
    CHECK(*result.alpha == exact(2.0 / 21.0));
    CHECK(result.pairable_values == 20);
}

TEST_CASE("the ordinal metric depends only on the order of the values", "[agreement]") {
    // Relabel 1..5 as 10, 20, 40, 80, 160: ordinal and nominal alpha stay, interval alpha moves.
    ReliabilityData relabelled = krippendorff_2011_c();
    for (auto& unit : relabelled.units)
        for (auto& v : unit)
            if (v) v = 10 << (*v - 1);
    auto original = krippendorff_2011_c();
    for (Metric m : {Metric::nominal, Metric::ordinal})
        CHECK(*krippendorff_alpha(relabelled, m).alpha ==
              exact(*krippendorff_alpha(original, m).alpha));
    CHECK(*krippendorff_alpha(relabelled, Metric::interval).alpha !=
          exact(*krippendorff_alpha(original, Metric::interval).alpha));
}

TEST_CASE("alpha is undefined when every pairable value is the same", "[agreement]") {
    // Krippendorff: with no variation D_e = 0 and alpha is undefined, not 1.
    auto data = by_rater({{2, 2, 2, na}, {2, 2, na, 7}, {2, na, 2, na}});
    for (Metric m : {Metric::nominal, Metric::ordinal, Metric::interval}) {
        auto result = krippendorff_alpha(data, m);
        CHECK(result.pairable_units == 3);
        CHECK(result.values == std::vector<int>{2}); // the 7 is in an unpairable unit
        REQUIRE(result.expected_disagreement);
        CHECK(*result.expected_disagreement == 0.0);
        CHECK(*result.observed_disagreement == 0.0);
        CHECK_FALSE(result.alpha);
    }
}

TEST_CASE("alpha is 1 when raters agree on every unit and use two or more values", "[agreement]") {
    auto data = by_rater({{1, 2, 3, na}, {1, 2, na, 4}, {1, na, 3, 4}});
    for (Metric m : {Metric::nominal, Metric::ordinal, Metric::interval}) {
        auto result = krippendorff_alpha(data, m);
        REQUIRE(result.alpha);
        CHECK(*result.alpha == exact(1.0));
    }
}

TEST_CASE("alpha is undefined without pairable units, for one rater, and for no units",
          "[agreement]") {
    auto each_unit_once = by_rater({{1, na, na}, {na, 2, na}, {na, na, 3}});
    auto one_rater = by_rater({{1, 2, 3, 1}});
    ReliabilityData no_units{.raters = 3, .units = {}};
    for (const auto& data : {each_unit_once, one_rater, no_units}) {
        auto result = krippendorff_alpha(data, Metric::nominal);
        CHECK(result.pairable_units == 0);
        CHECK(result.pairable_values == 0);
        CHECK(result.values.empty());
        CHECK_FALSE(result.observed_disagreement);
        CHECK_FALSE(result.expected_disagreement);
        CHECK_FALSE(result.alpha);
        CHECK_FALSE(percent_agreement(data).proportion);
    }
}

TEST_CASE("percent agreement averages the share of agreeing pairs over pairable units",
          "[agreement]") {
    // Worked by hand on Krippendorff's section C data: units 2 and 8 have 6 agreeing ordered
    // pairs of 12 (one value differs among four), unit 6 has none (four different values), the
    // other eight pairable units agree fully, unit 12 is not pairable. Mean share = 9 / 11.
    // Pairs: eight units of 4 values (12 each), two of 3 (6 each), one of 2 (2) = 110.
    auto result = percent_agreement(krippendorff_2011_c());
    CHECK(result.pairable_units == 11);
    CHECK(result.pairs == 110);
    REQUIRE(result.proportion);
    CHECK(*result.proportion == exact(9.0 / 11.0));
    CHECK(disagreeing_units(krippendorff_2011_c()) == std::vector<std::size_t>{1, 5, 7});
}

namespace {

// Wikipedia, "Cohen's kappa", section "Simple example" (50 grant proposals read by A and B:
// both yes 20, both no 15, A yes B no 5, A no B yes 10; po = 0.7, pe = 0.5, kappa = 0.4).
// Yes = 1, no = 0. Two more units each read by one reader only must be left out.
ReliabilityData wikipedia_cohen() {
    ReliabilityData data{.raters = 2, .units = {}};
    auto add = [&](std::optional<int> a, std::optional<int> b, int times) {
        for (int i = 0; i < times; ++i)
            data.units.push_back({a, b});
    };
    add(1, 1, 20);
    add(1, 0, 5);
    add(0, 1, 10);
    add(0, 0, 15);
    add(1, na, 1);
    add(na, 0, 1);
    return data;
}

} // namespace

TEST_CASE("Cohen's kappa matches the Wikipedia simple example of 50 proposals", "[agreement]") {
    auto result = cohen_kappa(wikipedia_cohen(), 0, 1);
    CHECK(result.n == 50);
    REQUIRE(result.po);
    REQUIRE(result.pe);
    REQUIRE(result.kappa);
    CHECK(*result.po == published(0.7));
    CHECK(*result.pe == published(0.5));
    CHECK(*result.kappa == published(0.4));
    CHECK(*result.kappa == exact(0.4));
    // Kappa is symmetric in the two raters, and po is the pairwise percent agreement.
    CHECK(*cohen_kappa(wikipedia_cohen(), 1, 0).kappa == exact(0.4));
    CHECK(*percent_agreement(wikipedia_cohen()).proportion == exact(0.7));
}

TEST_CASE("Cohen's kappa is undefined when both raters used one same category", "[agreement]") {
    auto data = by_rater({{3, 3, 3, na}, {3, 3, 3, 4}});
    auto result = cohen_kappa(data, 0, 1);
    CHECK(result.n == 3);
    CHECK(*result.po == 1.0);
    CHECK(*result.pe == 1.0);
    CHECK_FALSE(result.kappa);

    // One category each, but different ones: pe = 0, po = 0, kappa = 0.
    auto apart = cohen_kappa(by_rater({{1, 1}, {2, 2}}), 0, 1);
    REQUIRE(apart.kappa);
    CHECK(*apart.kappa == 0.0);

    auto none = cohen_kappa(by_rater({{1, na}, {na, 2}}), 0, 1);
    CHECK(none.n == 0);
    CHECK_FALSE(none.po);
    CHECK_FALSE(none.pe);
    CHECK_FALSE(none.kappa);
}

TEST_CASE("Cohen's kappa refuses rater indices it cannot use", "[agreement]") {
    CHECK_THROWS_AS(cohen_kappa(wikipedia_cohen(), 0, 2), std::invalid_argument);
    CHECK_THROWS_AS(cohen_kappa(wikipedia_cohen(), 1, 1), std::invalid_argument);
    CHECK_THROWS_AS(cohen_kappa(by_rater({{1, 2, 3}}), 0, 1), std::invalid_argument);
}

namespace {

// Wikipedia, "Fleiss' kappa", section "Worked example": 10 subjects, 14 raters, 5 categories,
// P-bar = 0.378, P-bar_e = 0.213, kappa = 0.210.
CategoryCounts wikipedia_fleiss() {
    return {{1, 2, 3, 4, 5},
            {{0, 0, 0, 0, 14},
             {0, 2, 6, 4, 2},
             {0, 0, 3, 5, 6},
             {0, 3, 9, 2, 0},
             {2, 2, 8, 1, 1},
             {7, 7, 0, 0, 0},
             {3, 2, 6, 3, 0},
             {2, 5, 3, 2, 2},
             {6, 5, 2, 1, 0},
             {0, 2, 2, 3, 7}}};
}

} // namespace

TEST_CASE("Fleiss' kappa matches the Wikipedia worked example", "[agreement]") {
    auto result = fleiss_kappa(wikipedia_fleiss());
    CHECK(result.subjects == 10);
    CHECK(result.raters == 14);
    REQUIRE(result.kappa);
    CHECK(*result.kappa == published(0.210));
    CHECK(*result.kappa == exact(0.209930704421955));
    CHECK(*result.P_bar == published(0.378));
    CHECK(*result.P_e == published(0.213));
    // The article's p_j row and the first P_i values.
    const std::vector<double> p_j{0.143, 0.200, 0.279, 0.150, 0.229};
    REQUIRE(result.p_j.size() == 5);
    for (std::size_t j = 0; j < 5; ++j)
        CHECK(result.p_j[j] == published(p_j[j]));
    REQUIRE(result.P_i.size() == 10);
    CHECK(result.P_i[0] == exact(1.0));
    CHECK(result.P_i[1] == published(0.253));
    CHECK(result.P_i[9] == published(0.286));
}

TEST_CASE("Fleiss' kappa from reliability data equals kappa from the counts", "[agreement]") {
    // Spread each subject's counts over 14 raters (who rated what does not matter to Fleiss).
    ReliabilityData data{.raters = 14, .units = {}};
    for (const auto& row : wikipedia_fleiss().counts) {
        std::vector<std::optional<int>> unit;
        for (std::size_t j = 0; j < row.size(); ++j)
            for (std::size_t i = 0; i < row[j]; ++i)
                unit.push_back(static_cast<int>(j + 1));
        data.units.push_back(unit);
    }
    auto result = fleiss_kappa(data);
    CHECK(result.categories == std::vector<int>{1, 2, 3, 4, 5});
    CHECK(*result.kappa == exact(0.209930704421955));
    // With the same m raters on every unit, percent agreement is Fleiss' P-bar.
    CHECK(*percent_agreement(data).proportion == exact(*result.P_bar));
}

TEST_CASE("Fleiss' kappa is undefined with one category, one rater or no subjects", "[agreement]") {
    auto one_category = fleiss_kappa(CategoryCounts{{1, 2}, {{3, 0}, {3, 0}}});
    CHECK(*one_category.P_bar == 1.0);
    CHECK(*one_category.P_e == 1.0);
    CHECK_FALSE(one_category.kappa);

    auto one_rater = fleiss_kappa(by_rater({{1, 2, 1}}));
    CHECK(one_rater.raters == 1);
    CHECK(one_rater.P_i.empty());
    CHECK_FALSE(one_rater.P_bar);
    CHECK_FALSE(one_rater.kappa);

    auto no_subjects = fleiss_kappa(CategoryCounts{{1, 2}, {}});
    CHECK(no_subjects.subjects == 0);
    CHECK_FALSE(no_subjects.kappa);
}

TEST_CASE("malformed reliability data and Fleiss tables are refused", "[agreement]") {
    ReliabilityData ragged{.raters = 2, .units = {{1, 2}, {1}}};
    CHECK_THROWS_AS(krippendorff_alpha(ragged, Metric::nominal), std::invalid_argument);
    CHECK_THROWS_AS(percent_agreement(ragged), std::invalid_argument);
    CHECK_THROWS_AS(disagreeing_units(ragged), std::invalid_argument);
    CHECK_THROWS_AS(fleiss_kappa(ragged), std::invalid_argument);
    // Fleiss needs the same number of ratings on every subject.
    CHECK_THROWS_AS(fleiss_kappa(by_rater({{1, 2, 1}, {1, na, 2}})), std::invalid_argument);
    CHECK_THROWS_AS(fleiss_kappa(CategoryCounts{{1, 2}, {{1, 1}, {1}}}), std::invalid_argument);
}

namespace {

const std::vector<CodeApplication> applications{
    {"a1", "ann", "cost"},  {"a1", "ann", "time"},  {"a2", "ann", "quality"},
    {"a3", "ann", "cost"},  {"a3", "ann", "cost"}, // a second segment with the same code
    {"a1", "ben", "cost"},  {"a2", "ben", "cost"},  {"a3", "ben", "time"},
    {"a4", "cleo", "cost"}, {"a5", "dana", "cost"}, // dana is not asked for
};
const std::vector<std::string> coders{"ann", "ben", "cleo"};
const std::vector<std::string> codes{"cost", "time", "unused"};

using Row = std::vector<std::optional<int>>;

} // namespace

TEST_CASE("coding agreement data marks a code not applied only on answers the coder coded",
          "[agreement]") {
    auto per_code = code_reliability_data(applications, coders, codes);
    REQUIRE(per_code.size() == 3);
    for (const auto& c : per_code) {
        CHECK(c.answers == std::vector<std::string>{"a1", "a2", "a3", "a4"});
        CHECK(c.data.raters == 3);
    }
    CHECK(per_code[0].code == "cost");
    // ann coded a1-a3 (a2 with another code: 0), ben a1-a3, cleo only a4.
    CHECK(per_code[0].data.units ==
          std::vector<Row>{{1, 1, na}, {0, 1, na}, {1, 0, na}, {na, na, 1}});
    CHECK(per_code[1].data.units ==
          std::vector<Row>{{1, 0, na}, {0, 0, na}, {0, 1, na}, {na, na, 0}});
    CHECK(per_code[2].data.units ==
          std::vector<Row>{{0, 0, na}, {0, 0, na}, {0, 0, na}, {na, na, 0}});
}

TEST_CASE("coding agreement data feeds kappa and alpha per code", "[agreement]") {
    auto per_code = code_reliability_data(applications, coders, codes);
    // "cost", ann and ben, worked by hand: 3 answers coded by both, they agree on a1 only:
    // po = 1/3; each applied it to 2 of 3: pe = (2/3)(2/3) + (1/3)(1/3) = 5/9;
    // kappa = (1/3 - 5/9) / (1 - 5/9) = -1/2.
    auto kappa = cohen_kappa(per_code[0].data, 0, 1);
    CHECK(kappa.n == 3);
    CHECK(*kappa.po == exact(1.0 / 3.0));
    CHECK(*kappa.pe == exact(5.0 / 9.0));
    CHECK(*kappa.kappa == exact(-0.5));
    // cleo's only answer is unpairable: alpha uses a1-a3. Coincidences o_00 = 0, o_01 = o_10 = 2,
    // o_11 = 2; n_0 = 2, n_1 = 4, n = 6: alpha = 1 - 5 * (2 + 2) / (2 * 4 + 4 * 2) = -0.25.
    auto alpha = krippendorff_alpha(per_code[0].data, Metric::nominal);
    CHECK(alpha.pairable_units == 3);
    CHECK(*alpha.alpha == exact(-0.25));
    CHECK(disagreeing_units(per_code[0].data) == std::vector<std::size_t>{1, 2});
    // A code nobody applied: everyone agrees on "not applied", alpha and kappa undefined.
    CHECK_FALSE(krippendorff_alpha(per_code[2].data, Metric::nominal).alpha);
    CHECK_FALSE(cohen_kappa(per_code[2].data, 0, 1).kappa);
    CHECK(*percent_agreement(per_code[2].data).proportion == 1.0);
}

TEST_CASE("coding agreement data refuses a coder listed twice", "[agreement]") {
    const std::vector<std::string> twice{"ann", "ann"};
    CHECK_THROWS_AS(code_reliability_data(applications, twice, codes), std::invalid_argument);
}

namespace {

// The figures of one code the long way: its reliability data (units x raters values), then the
// statistics of export/agreement.hpp and export/krippendorff.hpp on it.
void check_against_reference(const std::vector<Coding>& codings, std::size_t units,
                             std::size_t raters, std::size_t code_count) {
    std::vector<CodeApplication> given;
    for (const auto& c : codings)
        given.push_back({"u" + std::to_string(1000 + c.unit), "r" + std::to_string(c.rater),
                         "c" + std::to_string(c.code)});
    std::vector<std::string> rater_ids, code_ids;
    for (std::size_t r = 0; r < raters; ++r)
        rater_ids.push_back("r" + std::to_string(r));
    for (std::size_t c = 0; c < code_count; ++c)
        code_ids.push_back("c" + std::to_string(c));
    auto reference = code_reliability_data(given, rater_ids, code_ids);
    CodeAgreement fast(units, raters, code_count, codings);
    for (std::size_t c = 0; c < code_count; ++c) {
        INFO("code " << c << ", " << raters << " raters");
        const auto& data = reference[c].data;
        auto unit_of = [&](std::size_t u) {
            return std::stoi(reference[c].answers[u].substr(1)) - 1000;
        };
        auto figures = fast.figures(static_cast<int>(c));
        auto percent = percent_agreement(data);
        CHECK(figures.pairable_units == percent.pairable_units);
        REQUIRE(figures.percent.has_value() == percent.proportion.has_value());
        if (percent.proportion) CHECK(*figures.percent == exact(*percent.proportion));
        auto alpha = krippendorff_alpha(data, Metric::nominal);
        REQUIRE(figures.alpha.has_value() == alpha.alpha.has_value());
        if (alpha.alpha) CHECK(*figures.alpha == exact(*alpha.alpha));
        if (raters == 2) {
            auto kappa = cohen_kappa(data, 0, 1);
            REQUIRE(figures.cohen_kappa.has_value() == kappa.kappa.has_value());
            if (kappa.kappa) CHECK(*figures.cohen_kappa == exact(*kappa.kappa));
        } else {
            CHECK_FALSE(figures.cohen_kappa);
        }
        std::vector<int> with_code, disagreeing;
        for (std::size_t u = 0; u < data.units.size(); ++u)
            for (const auto& v : data.units[u])
                if (v == 1) {
                    with_code.push_back(unit_of(u));
                    break;
                }
        for (auto u : disagreeing_units(data))
            disagreeing.push_back(unit_of(u));
        std::sort(with_code.begin(), with_code.end());
        std::sort(disagreeing.begin(), disagreeing.end());
        CHECK(figures.with_code == with_code);
        // Each list was allocated once at its size (counted before it was filled).
        CHECK(figures.with_code.capacity() == figures.with_code.size());
        CHECK(figures.disagreements.capacity() == figures.disagreements.size());
        CHECK(figures.split_raters.capacity() == figures.split_raters.size());
        std::vector<int> fast_disagreeing;
        for (const auto& d : figures.disagreements) {
            fast_disagreeing.push_back(d.unit);
            // Who applied it and who did not, as the reference row has them.
            std::size_t u = 0;
            while (unit_of(u) != d.unit)
                ++u;
            std::vector<int> applied, not_applied;
            for (std::size_t r = 0; r < raters; ++r)
                if (const auto& v = data.units[u][r])
                    (*v == 1 ? applied : not_applied).push_back(static_cast<int>(r));
            auto got = figures.applied(d);
            auto got_not = figures.not_applied(d);
            CHECK(std::vector<int>(got.begin(), got.end()) == applied);
            CHECK(std::vector<int>(got_not.begin(), got_not.end()) == not_applied);
        }
        CHECK(fast_disagreeing == disagreeing);
        CHECK(figures.units_with_code == with_code.size());
        CHECK(figures.disagreeing_units == disagreeing.size());
        // Without the lists: the same figures, nothing behind them.
        auto counts = fast.figures(static_cast<int>(c), false);
        CHECK(counts.units_with_code == with_code.size());
        CHECK(counts.disagreeing_units == disagreeing.size());
        CHECK(counts.percent == figures.percent);
        CHECK(counts.alpha == figures.alpha);
        CHECK(counts.cohen_kappa == figures.cohen_kappa);
        CHECK(counts.with_code.empty());
        CHECK(counts.disagreements.empty());
        CHECK(counts.split_raters.empty());
    }
}

} // namespace

TEST_CASE("agreement on every code at once gives the figures of the per-code reliability data",
          "[agreement]") {
    std::mt19937 rng(13);
    for (std::size_t raters : {2u, 3u, 4u}) {
        constexpr std::size_t units = 300, code_count = 12;
        std::vector<Coding> codings;
        for (std::size_t u = 0; u < units; ++u)
            for (std::size_t r = 0; r < raters; ++r) {
                if (rng() % 4 == 0) continue; // this rater did not code this answer
                int n = 1 + static_cast<int>(rng() % 3);
                for (int i = 0; i < n; ++i) // codes 0-2 often, so that coders often agree
                    codings.push_back(
                        {static_cast<int>(u), static_cast<int>(r),
                         static_cast<int>(rng() % 2 ? rng() % 3 : rng() % code_count)});
            }
        codings.push_back(codings.front()); // the same coding twice counts once
        check_against_reference(codings, units + 5, raters,
                                code_count + 1); // code 12: never applied
    }
    // Every rater applying one code to every answer: alpha and kappa undefined, agreement 1.
    std::vector<Coding> all;
    for (int u = 0; u < 5; ++u)
        for (int r = 0; r < 2; ++r)
            all.push_back({u, r, 0});
    check_against_reference(all, 5, 2, 1);
    CHECK_THROWS_AS(CodeAgreement(5, 2, 1, std::vector<Coding>{{5, 0, 0}}), std::invalid_argument);
}
