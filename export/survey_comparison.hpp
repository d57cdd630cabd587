// Comparing k >= 2 groups of respondents as a research office reads it: descriptives per group
// with the respondents left out for missing answers, one-way and Welch's ANOVA, Kruskal-Wallis,
// eta- and omega-squared, pairwise Welch t with Holm's correction; for two groups also the t tests
// of export/survey_analysis.hpp; for all ratings pooled a warning and the cluster-robust
// comparison beside the pooled tests (the difference for two groups; each group against the first
// and the joint Wald test for more). Crosstabs gain chi-square, Fisher's exact test, Cramér's V and
// totals. A plain-language reading of each result. The statistics are export/group_tests.hpp,
// export/crosstab_tests.hpp and export/cluster_robust.hpp; this file only wires them.
#pragma once

#include "export/cluster_robust.hpp"
#include "export/crosstab_tests.hpp"
#include "export/group_tests.hpp"
#include "export/survey_analysis.hpp"

#include <optional>
#include <string>
#include <vector>

namespace convene::exporting {

struct GroupSummary {
    std::string name;
    std::size_t respondents = 0; // in this group
    std::size_t left_out = 0;    // of them, without an answer to what is compared
    std::size_t n = 0;           // values compared (respondents, or ratings when pooled)
    stats::Descriptives stats;
};

struct GroupComparison {
    std::string attribute, attribute_label;
    std::string target, target_label; // id and what the reader sees (an item's text)
    std::string scale;                // "1 (Strongly disagree) to 5 (Strongly agree)" or empty
    bool pooled = false;              // all ratings pooled, not one value per respondent
    std::vector<GroupSummary> groups;
    std::optional<Comparison> two; // exactly two groups: Student, Welch, Mann-Whitney
    std::optional<stats::ClusterRobustDifference> cluster; // pooled, two groups
    // Pooled, three or more groups: each group against the first (groups[0]) and the joint test.
    std::optional<stats::ClusterRobustGroups> cluster_groups;
    std::string pooled_warning; // set when pooled
    std::optional<stats::Anova> anova;
    std::optional<stats::WelchAnova> welch;
    std::optional<stats::KruskalWallis> kruskal;
    std::vector<stats::PairwiseComparison> pairwise; // three or more groups
    std::vector<std::string> notes;                  // a test that could not be computed, and why
};

// Every choice of the attribute when request.groups is empty, else the groups named (two or
// more). Throws std::invalid_argument with a reason a reader understands: an unknown attribute
// or value, a group picked twice, fewer than two answers in a group.
GroupComparison compare_k_groups(const SurveyTable& table, const CompareRequest& request);

struct CrosstabTests {
    std::vector<std::size_t> row_totals, column_totals; // over every cell shown
    std::size_t total = 0;
    std::optional<stats::ChiSquare> chi_square; // over the given answers ("(not given)" left out)
    std::optional<stats::FisherExact> fisher;   // 2x2, or when expected counts are too small
    std::string note;                           // why a test is missing or which p to read
    std::string caution; // the attributes are associated: a confounding warning
};
CrosstabTests test_crosstab(const Crosstab& table, const guides::Instrument& instrument);

// A comparison with its plain reading, and a crosstab with its tests and reading: what Surveys >
// Compare groups shows, and what the export's survey sheets write.
struct ReadComparison {
    GroupComparison result;
    std::string reading;
};
struct TestedCrosstab {
    Crosstab table;
    CrosstabTests tests;
    std::string reading;
};
// crosstabs(data, by), each tested and read. Throws as crosstabs() does.
std::vector<TestedCrosstab> tested_crosstabs(const store::SurveyData& data, const std::string& by);
std::vector<TestedCrosstab> tested_crosstabs(const SurveyTable& table, const std::string& by);

// Cohen's (1988) words for a standardized difference (0.2 / 0.5 / 0.8) and for eta-squared
// (.01 / .06 / .14): "negligible", "small", "medium", "large".
const char* size_word_d(double d);
const char* size_word_eta(double eta_squared);

// The result in plain words, a few sentences: which group is higher, by how much on the scale,
// the 95% CI, the effect size in words, how many respondents were left out for missing answers.
std::string reading(const GroupComparison& comparison);
std::string reading(const Crosstab& table, const CrosstabTests& tests,
                    const guides::Instrument& instrument);

} // namespace convene::exporting
