// The demo survey's numbers go through the k-group comparison, the pooled comparison and the
// crosstab tests as SciPy and statsmodels compute them from the same CSV
// (tests/data/survey_stats/reference.py, its output in reference_output.txt), and the plain
// reading says what a research office needs to hear.
#include "export/survey_comparison.hpp"
#include "guides/data_dir.hpp"
#include "store/demo.hpp"
#include "store/seed.hpp"
#include "store/surveys.hpp"
#include "store/workspace.hpp"
#include "temp_dir.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

using namespace convene;
using namespace convene::exporting;
using Catch::Contains;

namespace {

struct DemoSurvey {
    test::TempDir dir;
    std::unique_ptr<store::Workspace> ws = store::open_workspace(dir / "demo.db");
    store::SurveyData data;
    SurveyTable table;
    DemoSurvey() {
        store::load_demo_project(*ws, guides::data_dir());
        data = store::load_survey(*ws, "pl-standards");
        table = make_table(data);
    }
};

Approx close(double v) {
    return Approx(v).epsilon(1e-6);
}

} // namespace

TEST_CASE("three school levels of the demo survey match SciPy and statsmodels", "[survey]") {
    DemoSurvey demo;
    CompareRequest req{"school_level", {}, "communities", "", Unit::Respondent};
    auto c = compare_k_groups(demo.table, req);
    REQUIRE(c.groups.size() == 3);
    CHECK(c.groups[0].name == "elementary");
    CHECK(c.groups[0].n == 30);
    CHECK(c.groups[1].n == 32);
    CHECK(c.groups[2].n == 30);
    CHECK(c.groups[0].respondents == 32);
    CHECK(c.groups[1].left_out == 3);
    REQUIRE(c.anova);
    CHECK(c.anova->f == close(0.07817325264366011));
    CHECK(c.anova->p == close(0.9248676161519972));
    REQUIRE(c.welch);
    CHECK(c.welch->f == close(0.08160121463503466));
    CHECK(c.welch->df2 == close(58.98118311826515));
    CHECK(c.welch->p == close(0.9217432857404081));
    REQUIRE(c.kruskal);
    CHECK(c.kruskal->h == close(0.24760730528057817));
    CHECK(c.kruskal->p == close(0.8835533072114006));
    REQUIRE(c.pairwise.size() == 3);
    for (const auto& p : c.pairwise)
        CHECK(p.p_holm == close(1.0));
    CHECK_FALSE(c.two);

    auto text = reading(c);
    CHECK_THAT(text, Contains("the Learning Communities scale"));
    CHECK_THAT(text, Contains("Welch's ANOVA gives F(2, 59.0) = 0.08, p = .922"));
    CHECK_THAT(text, Contains("a negligible effect"));
    CHECK_THAT(text, Contains("No pair of groups differs after Holm's correction."));
    CHECK_THAT(text, Contains("8 of 100 respondents in these groups were left out"));
    CHECK_THAT(text, Contains("on a scale from 1 (Strongly disagree) to 5 (Strongly agree)"));
}

TEST_CASE("the pooled demo comparison warns and shows the cluster-robust difference", "[survey]") {
    DemoSurvey demo;
    CompareRequest req{"pl_format", {}, "", "", Unit::Item};
    auto c = compare_k_groups(demo.table, req);
    REQUIRE(c.two);
    CHECK(c.groups[0].n + c.groups[1].n == 3440);
    CHECK_THAT(c.pooled_warning, Contains("overstates significance"));
    REQUIRE(c.cluster);
    CHECK(c.cluster->difference == close(0.18924647004678563));
    CHECK(c.cluster->se == close(0.09133361119669466));
    CHECK(c.cluster->p_two_sided == close(0.04086159784329974));
    CHECK(c.cluster->df == 99);
    // The pooled t treats 3440 ratings as independent: a far smaller p than the clustered one.
    CHECK(c.two->welch.p_two_sided < c.cluster->p_two_sided / 100);
    auto text = reading(c);
    CHECK_THAT(text, Contains("\u201cmicro-credential\u201d (mean"));
    CHECK_THAT(text, Contains("0.19 points higher than \u201cother\u201d"));
    CHECK_THAT(text, Contains("respondents as clusters, p = .041"));
    CHECK_THAT(text, Contains("The 3440 ratings were pooled"));
}

TEST_CASE("pooled ratings of three school levels get cluster-robust contrasts and a joint test",
          "[survey]") {
    // tests/data/survey_stats/cluster_k_groups.py ("demo all", "demo communities").
    DemoSurvey demo;
    auto all = compare_k_groups(demo.table, {"school_level", {}, "", "", Unit::Item});
    REQUIRE(all.cluster_groups);
    CHECK_FALSE(all.cluster);
    const auto& cr = *all.cluster_groups;
    REQUIRE(cr.contrasts.size() == 2);
    CHECK(cr.contrasts[0].difference == close(-0.09544526365239783));
    CHECK(cr.contrasts[0].se == close(0.11598624565073098));
    CHECK(cr.contrasts[0].p_two_sided == close(0.4125417385967656));
    CHECK(cr.contrasts[1].difference == close(-0.017017473169820448));
    CHECK(cr.contrasts[1].se == close(0.1026062237587861));
    CHECK(cr.contrasts[1].ci_low == close(-0.22061048168229677));
    CHECK(cr.f == close(0.35681341118848436));
    CHECK(cr.df2 == 99);
    CHECK(cr.p == close(0.700799439100735));
    CHECK(cr.ratings == 3440);
    // The verdict comes from the clustered test, not from the pooled Welch ANOVA (p = .033).
    auto text = reading(all);
    CHECK_THAT(text, Contains("With respondents as clusters, F(2, 99) = 0.36, p = .701: "
                              "no difference between the groups is shown."));
    CHECK_THAT(text, !Contains("Welch's ANOVA") && !Contains("Pairs that differ"));
    CHECK_THAT(text, Contains("The pooled tests count every rating as independent"));

    // A construct pooled: only respondents who answered every item of it, as clusters.
    auto communities =
        compare_k_groups(demo.table, {"school_level", {}, "communities", "", Unit::Item});
    REQUIRE(communities.cluster_groups);
    CHECK(communities.cluster_groups->contrasts[0].se == close(0.15373302838364894));
    CHECK(communities.cluster_groups->contrasts[1].difference == close(-0.04666666666667787));
    CHECK(communities.cluster_groups->f == close(0.08403612690066245));
    CHECK(communities.cluster_groups->df2 == 91);
    CHECK(communities.cluster_groups->p == close(0.9194693055663943));
    CHECK(communities.cluster_groups->clusters == 92);

    // Per respondent there is nothing to cluster.
    CHECK_FALSE(compare_k_groups(demo.table, {"school_level", {}, "", "", Unit::Respondent})
                    .cluster_groups);
}

TEST_CASE("a pooled reading names the groups that differ from the first with respondents as "
          "clusters",
          "[survey]") {
    GroupComparison c;
    c.target_label = "all Likert items";
    c.pooled = true;
    for (const char* name : {"elementary", "middle", "high"})
        c.groups.push_back({name, 10, 0, 40, {}});
    c.groups[0].stats.mean = 3.1;
    c.groups[1].stats.mean = 3.6;
    c.groups[2].stats.mean = 3.2;
    stats::ClusterRobustGroups cr;
    cr.df1 = 2;
    cr.df2 = 29;
    cr.f = 4.2;
    cr.p = 0.025;
    cr.contrasts.resize(2);
    cr.contrasts[0].difference = 0.5;
    cr.contrasts[0].p_two_sided = 0.012;
    cr.contrasts[1].difference = 0.1;
    cr.contrasts[1].p_two_sided = 0.6;
    c.cluster_groups = cr;
    auto text = reading(c);
    CHECK_THAT(text, Contains("F(2, 29) = 4.20, p = .025: the groups differ."));
    CHECK_THAT(text, Contains("Against \u201celementary\u201d, with respondents as clusters: "
                              "\u201cmiddle\u201d (difference 0.50, p = .012)."));
    CHECK_THAT(text, !Contains("\u201chigh\u201d (difference"));
}

TEST_CASE("a two-group reading names the item by its text, the size in words and the CI",
          "[survey]") {
    DemoSurvey demo;
    CompareRequest req{"pl_format", {}, "", "lc.regular_time", Unit::Respondent};
    auto c = compare_k_groups(demo.table, req);
    REQUIRE(c.two);
    auto text = reading(c);
    CHECK_THAT(text, Contains("On \u201cTeachers at my school have a set time each month"));
    CHECK_THAT(text, Contains("The 95% confidence interval of the difference runs from"));
    CHECK_THAT(text, Contains(std::string(size_word_d(c.two->student.hedges_g)) + " difference"));
    CHECK_THAT(text, Contains("Welch's t"));
}

TEST_CASE("picking the same group twice explains itself", "[survey]") {
    DemoSurvey demo;
    CompareRequest req{"school_level", {"middle", "middle"}, "communities", "", Unit::Respondent};
    CHECK_THROWS_WITH(compare_k_groups(demo.table, req),
                      Contains("\u201cmiddle\u201d is picked twice") &&
                          Contains("Pick two different values of School level"));
}

TEST_CASE("effect size words follow Cohen's thresholds", "[survey]") {
    CHECK(std::string(size_word_d(0.19)) == "negligible");
    CHECK(std::string(size_word_d(-0.2)) == "small");
    CHECK(std::string(size_word_d(0.5)) == "medium");
    CHECK(std::string(size_word_d(0.8)) == "large");
    CHECK(std::string(size_word_eta(0.005)) == "negligible");
    CHECK(std::string(size_word_eta(0.01)) == "small");
    CHECK(std::string(size_word_eta(0.06)) == "medium");
    CHECK(std::string(size_word_eta(0.14)) == "large");
}

TEST_CASE("the demo crosstab carries chi-square, Fisher's exact test and totals", "[survey]") {
    DemoSurvey demo;
    auto tables = crosstabs(demo.data, "pl_format");
    const Crosstab* exp = nullptr;
    for (const auto& t : tables)
        if (t.row_attribute == "experience") exp = &t;
    REQUIRE(exp);
    auto tests = test_crosstab(*exp, demo.data.instrument);
    CHECK(tests.total == 100);
    CHECK(tests.column_totals == std::vector<std::size_t>{50, 50});
    CHECK(tests.row_totals == std::vector<std::size_t>{43, 57});
    REQUIRE(tests.chi_square);
    CHECK(tests.chi_square->chi2 == close(3.3047735618115057));
    CHECK(tests.chi_square->p == close(0.06907886535272519));
    REQUIRE(tests.fisher);
    CHECK(tests.fisher->p_two_sided == close(0.10562426671247177));
    CHECK(tests.caution.empty());
    CHECK_THAT(reading(*exp, tests, demo.data.instrument),
               Contains("52% of \u201cmicro-credential\u201d (26 of 50)") &&
                   Contains("No association is shown (p = .106)"));
}

TEST_CASE("KVEC's Table 3 gives a caution about confounding", "[survey]") {
    DemoSurvey demo;
    // KVEC: 25 of 50 MC earners had 10 years or fewer, against 13 of 50 others.
    Crosstab t{"experience",
               "pl_format",
               {"10 or fewer", "more than 10"},
               {"micro-credential", "other"},
               {{25, 13}, {25, 37}}};
    auto tests = test_crosstab(t, demo.data.instrument);
    REQUIRE(tests.fisher);
    CHECK(tests.fisher->p_two_sided == close(0.02284245297041857));
    CHECK(tests.chi_square->cramers_v == close(0.24722569302909875));
    CHECK_THAT(tests.caution, Contains("Years of experience is associated with "
                                       "Professional-learning format (Fisher's exact p = .023") &&
                                  Contains("(confounding)"));
}

TEST_CASE("an item's answer shares and top two boxes match the demo CSV", "[survey]") {
    DemoSurvey demo;
    auto items = item_results(demo.table);
    const ItemResult* item = nullptr;
    for (const auto& r : items)
        if (r.item_id == "lc.regular_time") item = &r;
    REQUIRE(item);
    CHECK(item->n == 99);
    auto s = answer_shares(*item);
    REQUIRE(s.percent.size() == 5);
    CHECK(s.percent[0] == 0.0);
    CHECK(s.percent[2] == close(31.31313131313131));
    CHECK(s.percent[3] == close(47.474747474747474));
    CHECK(s.top_two == close(57.57575757575758));
    CHECK(s.bottom_two == close(11.11111111111111));
    ItemResult three;
    three.n = 4;
    three.distribution = {1, 1, 2};
    auto t = answer_shares(three);
    CHECK(t.top_two == 50.0); // one box each side on a three-point scale
    CHECK(t.bottom_two == 25.0);
}

TEST_CASE("complete and partial responses split the demo survey as the CSV does", "[survey]") {
    DemoSurvey demo;
    auto complete = complete_respondents(demo.table);
    auto n = std::count(complete.begin(), complete.end(), true);
    CHECK(n == 52); // reference.py: "demo complete respondents 52 of 100"
    auto kept = only(demo.data, complete, true);
    CHECK(kept.respondents.size() == 52);
    CHECK(only(demo.data, complete, false).respondents.size() == 48);
    for (const auto& r : item_results(make_table(kept)))
        CHECK(r.n == 52);
}

TEST_CASE("a survey read for analysis has the whole survey's table and attributes, not its answers",
          "[survey]") {
    DemoSurvey demo;
    auto loaded = load_for_analysis(*demo.ws, "pl-standards");
    const auto& data = *loaded.data;
    CHECK(data.respondents.empty()); // everything analysed is in the table
    REQUIRE(loaded.table.respondents == demo.data.respondents.size());
    REQUIRE(loaded.table.items.size() == demo.table.items.size());
    CHECK(loaded.table.data == loaded.data.get());
    REQUIRE(loaded.table.attributes.size() == data.instrument.attributes.size());
    for (const auto& declared : data.instrument.attributes) {
        const auto* column = loaded.table.attribute(declared.id);
        REQUIRE(column);
        for (std::size_t i = 0; i < loaded.table.respondents; ++i) {
            const auto& given = demo.data.respondents[i].attributes;
            auto it = given.find(declared.id);
            const auto* value = column->at(i);
            REQUIRE((value != nullptr) == (it != given.end()));
            if (value) CHECK(*value == it->second);
        }
    }
    CHECK_FALSE(loaded.table.attribute("no-such-attribute"));
    // NaN (no answer) compares unequal to itself: compare the cells one by one.
    auto same = [](const exporting::TableCells& a, const exporting::TableCells& b) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i])))) return false;
        return true;
    };
    CHECK(same(loaded.table.raw, demo.table.raw));
    CHECK(loaded.table.reverse_from == demo.table.reverse_from);
    std::size_t gaps = 0;
    for (std::size_t i = 0; i < demo.table.raw.size(); ++i)
        gaps += std::isnan(demo.table.raw[i]);
    CHECK(gaps > 0);       // the demo has gaps
    bool reversed = false; // and reverse-scored items
    std::size_t items = loaded.table.items.size();
    for (std::size_t i = 0; i < loaded.table.raw.size(); ++i) {
        double raw = loaded.table.raw_at(i / items, i % items);
        double scored = loaded.table.scored_at(i / items, i % items);
        reversed |= raw != scored && !std::isnan(raw);
        // A reverse-scored item's score is its scale's points + 1 minus the answer.
        const auto& item = *loaded.table.items[i % items];
        const auto* scale = item.reverse ? data.instrument.scale(item.scale) : nullptr;
        if (!std::isnan(raw)) CHECK(scored == (scale ? scale->points() + 1 - raw : raw));
    }
    CHECK(reversed);
    auto a =
        compare_k_groups(loaded.table, {"school_level", {}, "communities", "", Unit::Respondent});
    auto b =
        compare_k_groups(demo.table, {"school_level", {}, "communities", "", Unit::Respondent});
    REQUIRE(a.anova);
    CHECK(a.anova->f == b.anova->f);
    CHECK_THROWS_WITH(load_for_analysis(*demo.ws, "no-such-survey"), Contains("no-such-survey"));
}

TEST_CASE("a survey table keeps its answers as floats until one needs a double") {
    TableCells cells;
    cells.reserve(4);
    cells.append_missing(4);
    cells.set(0, 4);    // a Likert answer
    cells.set(1, 12.5); // a number a float holds exactly
    CHECK_FALSE(cells.wide());
    CHECK(std::isnan(cells[2]));
    cells.set(3, 0.1); // not exactly a float: every cell as double from now on
    CHECK(cells.wide());
    CHECK(cells[0] == 4);
    CHECK(cells[1] == 12.5);
    CHECK(std::isnan(cells[2]));
    CHECK(cells[3] == 0.1); // exactly the double given, not the float nearest to it
    cells.append_missing(2);
    CHECK(cells.size() == 6);
    CHECK(std::isnan(cells[5]));
    cells.set(5, 1e300); // out of a float's range
    CHECK(cells[5] == 1e300);
    TableCells narrow;
    narrow.append_missing(1);
    narrow.set(0, 1e300);
    CHECK(narrow.wide());
    CHECK(narrow[0] == 1e300);
}
