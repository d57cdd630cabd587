// Compiling a quality review on hand-worked fixtures: consensus with its tie rule, the order of
// disagreement, Fleiss' kappa with criteria as subjects (export/agreement's Fleiss is checked
// against the Wikipedia worked example in agreement_test.cpp; here we check that the compilation
// feeds it the right table), Krippendorff's ordinal alpha when a reviewer left criteria out, and
// the profiles x criteria overview.
#include "export/quality_compilation.hpp"

#include <catch2/catch.hpp>

using namespace convene;
using exporting::compile_profile;
using exporting::consensus_level;

namespace {

guides::CriteriaSet four_criteria() {
    guides::CriteriaSet s;
    s.id = "t";
    s.levels = {{"Not evident", 0}, {"Partly evident", 1}, {"Fully evident", 2}};
    guides::CriteriaCategory cat{"all", "All", {}};
    for (const char* id : {"c1", "c2", "c3", "c4"})
        cat.criteria.push_back({id, std::string("Text of ") + id, "guidance", {}});
    cat.criteria[1].codes = {"evidence.rubrics"};
    s.categories.push_back(cat);
    return s;
}

store::Rating rating(const std::string& reviewer, const std::string& criterion,
                     std::optional<int> level, std::string note = {}, std::string profile = "p") {
    store::Rating r;
    r.profile_slug = std::move(profile);
    r.criterion_id = criterion;
    r.reviewer_uuid = "uuid-" + reviewer;
    r.reviewer_name = reviewer;
    r.level = level;
    r.note = std::move(note);
    return r;
}

std::vector<std::string> order(const exporting::ProfileCompilation& p) {
    std::vector<std::string> ids;
    for (const auto& c : p.criteria)
        ids.push_back(c.criterion_id);
    return ids;
}

} // namespace

TEST_CASE("consensus is the median level, the lower middle one on a tie") {
    CHECK_FALSE(consensus_level({}));
    CHECK(consensus_level({2}) == 2);
    CHECK(consensus_level({2, 0, 1}) == 1);
    CHECK(consensus_level({1, 2}) == 1);       // between partly and fully: partly
    CHECK(consensus_level({0, 2, 2, 0}) == 0); // two say not, two say fully: not evident
    CHECK(consensus_level({2, 2, 1, 0, 2}) == 2);
    CHECK(*exporting::mean_pair_distance({0, 1, 2}) == Approx(4.0 / 3));
    CHECK_FALSE(exporting::mean_pair_distance({1}));
}

// Three reviewers rated all four criteria:
//   c1: 2 2 2   counts [0 0 3]   P_i = (9 - 3) / 6 = 1
//   c2: 1 2 2   counts [0 1 2]   P_i = (1 + 4 - 3) / 6 = 1/3
//   c3: 0 1 2   counts [1 1 1]   P_i = (1 + 1 + 1 - 3) / 6 = 0
//   c4: 0 0 1   counts [2 1 0]   P_i = (4 + 1 - 3) / 6 = 1/3
// p_j = 3/12, 3/12, 6/12, P_e = 1/16 + 1/16 + 1/4 = 3/8, P_bar = (5/3) / 4 = 5/12,
// kappa = (5/12 - 3/8) / (1 - 3/8) = (1/24) / (15/24) = 1/15.
// Mean distance between pairs: c1 0, c2 2/3, c3 4/3, c4 2/3: c3 first, then c2 and c4 in set
// order, c1 last.
TEST_CASE("a complete review gives Fleiss' kappa with criteria as subjects") {
    std::vector<store::Rating> r;
    const int levels[4][3] = {{2, 2, 2}, {1, 2, 2}, {0, 1, 2}, {0, 0, 1}};
    const char* reviewers[3] = {"Ann", "Ben", "Cal"};
    for (int c = 0; c < 4; ++c)
        for (int k = 0; k < 3; ++k)
            r.push_back(rating(reviewers[k], "c" + std::to_string(c + 1), levels[c][k]));
    std::vector<store::StakeholderExcerpt> said{
        {"evidence.rubrics", "Rubrics and scoring", "Rubrics should be public.", "Board",
         "licensing", "conv", "q", true},
        {"evidence.assessors", "Assessors", "Not about c2.", "Board", "licensing", "conv", "q"}};
    auto p = compile_profile(four_criteria(), "p", r, said);
    CHECK(p.reviewers == std::vector<std::string>{"Ann", "Ben", "Cal"});
    CHECK(p.complete);
    CHECK(p.ratings == 12);
    CHECK(order(p) == std::vector<std::string>{"c3", "c2", "c4", "c1"});
    CHECK(p.criteria[0].consensus == 1);
    CHECK(p.criteria[0].distribution == std::vector<std::size_t>{1, 1, 1});
    CHECK(*p.criteria[0].disagreement == Approx(4.0 / 3));
    CHECK(p.criteria[1].consensus == 2);
    CHECK(p.criteria[2].consensus == 0);
    CHECK(*p.criteria[3].disagreement == Approx(0));
    REQUIRE(p.criteria[1].stakeholders.size() == 1);
    CHECK(p.criteria[1].stakeholders[0].excerpt == "Rubrics should be public.");
    REQUIRE(p.fleiss);
    CHECK(p.fleiss->subjects == 4);
    CHECK(p.fleiss->raters == 3);
    CHECK(*p.fleiss->P_bar == Approx(5.0 / 12));
    CHECK(*p.fleiss->P_e == Approx(3.0 / 8));
    CHECK(*p.fleiss->kappa == Approx(1.0 / 15));
    CHECK(*p.percent.proportion == Approx(5.0 / 12)); // with m raters on every unit: P_bar
    CHECK(p.fleiss_note.empty());
}

// Cal left c1 out and Ben c3; nobody rated c4:
//   c1: Ann 0, Ben 1       c2: Ann 2, Ben 2, Cal 1       c3: Ann 1, Cal 2
// Coincidences o_ck (pairs within a unit / (m_u - 1)): o01 = o10 = 1 (c1),
// o22 = 2/2, o12 = o21 = 2/2 (c2), o12 = o21 = 1 (c3): o12 = o21 = 2, o22 = 1.
// n_0 = 1, n_1 = 3, n_2 = 3, n = 7. Ordinal delta^2: (0,1) = (4/2)^2 = 4,
// (1,2) = (6/2)^2 = 9, (0,2) = (7 - 2)^2 = 25.
// D_o = (2*1*4 + 2*2*9) / 7 = 44/7; D_e = (2*1*3*4 + 2*3*3*9 + 2*1*3*25) / (7*6) = 336/42 = 8.
// alpha = 1 - (44/7) / 8 = 3/14. Percent agreement: (0 + 2/6 + 0) / 3 = 1/9.
TEST_CASE("an incomplete review gives ordinal alpha and explains the missing kappa") {
    std::vector<store::Rating> r{
        rating("Ann", "c1", 0), rating("Ben", "c1", 1),
        rating("Ann", "c2", 2), rating("Ben", "c2", 2),
        rating("Cal", "c2", 1), rating("Ann", "c3", 1),
        rating("Cal", "c3", 2), rating("Ben", "c4", std::nullopt, "Unsure")};
    auto p = compile_profile(four_criteria(), "p", r);
    CHECK_FALSE(p.complete);
    CHECK(p.ratings == 7);
    REQUIRE(p.alpha.alpha);
    CHECK(*p.alpha.alpha == Approx(3.0 / 14));
    CHECK(p.alpha.pairable_units == 3);
    CHECK(*p.percent.proportion == Approx(1.0 / 9));
    CHECK_FALSE(p.fleiss);
    CHECK_THAT(p.fleiss_note, Catch::Contains("same number of ratings"));
    auto find = [&](const std::string& id) {
        for (const auto& c : p.criteria)
            if (c.criterion_id == id) return c;
        FAIL("no " << id);
        return p.criteria.front();
    };
    CHECK(find("c1").consensus == 0); // 0 and 1: the lower
    CHECK(find("c2").consensus == 2);
    CHECK(find("c3").consensus == 1); // 1 and 2: the lower
    CHECK_FALSE(find("c4").consensus);
    REQUIRE(find("c4").reviewers.size() == 1); // a note alone is shown, not counted
    CHECK(find("c4").reviewers[0].note == "Unsure");
    CHECK(p.criteria.back().criterion_id == "c4"); // no pairs: last
}

TEST_CASE("the overview has one row per rated profile with the consensus per criterion") {
    std::vector<store::Rating> r{rating("Ann", "c1", 2, "", "a"), rating("Ben", "c1", 1, "", "a"),
                                 rating("Ann", "c3", 0, "", "a"), rating("Ann", "c2", 2, "", "b"),
                                 rating("Ben", "c2", std::nullopt, "note", "c")};
    auto o = exporting::overview(four_criteria(), r);
    CHECK(o.criteria == std::vector<std::string>{"c1", "c2", "c3", "c4"});
    REQUIRE(o.rows.size() == 2); // c has a note, no level
    CHECK(o.rows[0].profile_slug == "a");
    CHECK(o.rows[0].reviewers == 2);
    CHECK(o.rows[0].consensus == std::vector<std::optional<int>>{1, std::nullopt, 0, std::nullopt});
    CHECK(o.rows[0].rated == std::vector<std::size_t>{2, 0, 1, 0});
    CHECK(o.rows[1].consensus[1] == 2);
}
