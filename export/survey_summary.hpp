// What the Results tab and `convene-cli survey summary` show for a survey: per item its answer
// count, descriptives (Likert and number items) and the count of each answer by its label (Likert,
// choice and multi-choice items); per construct its score summary and Cronbach's alpha (from
// survey_analysis.hpp).
#pragma once

#include "export/survey_analysis.hpp"

#include <string>
#include <utility>
#include <vector>

namespace convene::exporting {

struct ItemSummary {
    std::string item_id, text;
    guides::ItemType type = guides::ItemType::Text;
    std::size_t n = 0;                        // respondents who answered
    std::optional<stats::Descriptives> stats; // Likert and number items (raw answers)
    // Likert: every scale label with its count, in scale order; choice and multi: every choice
    // (a multi-choice answer counts once for each choice it holds).
    std::vector<std::pair<std::string, std::size_t>> counts;
};

struct SurveySummary {
    std::size_t respondents = 0;
    std::vector<ItemSummary> items; // in the instrument's order, every type
    std::vector<ConstructResult> constructs;
};

SurveySummary summarise_survey(const store::SurveyData& data);

} // namespace convene::exporting
