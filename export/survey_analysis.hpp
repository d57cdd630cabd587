// Survey results as pure functions over the loaded survey: per item and per construct
// summaries, group comparisons (Student's and Welch's t, Mann-Whitney U, effect sizes) by a
// respondent attribute, and crosstabs of attributes. The Surveys screen draws these; the CLI and
// the workbook write them.
#pragma once

#include "export/statistics.hpp"
#include "store/surveys.hpp"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace convene::exporting {

// The answers as a dense table, built once: one row per respondent, one column per Likert or
// number item; `scored` has reverse items flipped, `raw` the answers as given; NaN = no answer.
// Every function below has an overload taking it, so many analyses of one survey share it.
// A survey table's cells: kept as float while every value is exactly one (Likert answers, and
// the whole or halved numbers most answers are: half the memory of 10,000 x 60 doubles), as
// double from the first value that is not. NaN marks a cell with no answer.
class TableCells {
  public:
    void reserve(std::size_t cells);
    void append_missing(std::size_t cells); // cells more, each NaN
    void set(std::size_t cell, double value);
    double operator[](std::size_t cell) const {
        return wide_ ? doubles_[cell] : static_cast<double>(floats_[cell]);
    }
    std::size_t size() const { return wide_ ? doubles_.size() : floats_.size(); }
    bool wide() const { return wide_; } // held as double

  private:
    std::vector<float> floats_;
    std::vector<double> doubles_;
    bool wide_ = false;
};

struct SurveyTable {
    const store::SurveyData* data = nullptr; // the instrument (and respondents, unless loaded
                                             // for analysis: then only this table has them)
    std::size_t respondents = 0;             // rows
    std::vector<const guides::Item*> items;
    TableCells raw; // [respondent * items.size() + item], NaN: no answer
    // Per item: points + 1 of a reverse-scored Likert item (its score is that minus the answer),
    // else 0. Scores are made when read: one table of 600,000 answers is enough.
    std::vector<int> reverse_from;
    int column(std::string_view item_id) const;
    double raw_at(std::size_t respondent, std::size_t item) const {
        return raw[respondent * items.size() + item];
    }
    double scored_at(std::size_t respondent, std::size_t item) const {
        double v = raw_at(respondent, item);
        return reverse_from[item] > 0 ? reverse_from[item] - v : v;
    }
    // Each attribute the instrument declares: the values given, and per respondent an index
    // into them (-1: not given). 10,000 respondents' attributes take 40 KB a column instead of
    // a map each.
    struct AttributeColumn {
        std::string id;
        std::vector<std::string> values; // in order of first appearance
        std::vector<int> of;             // [respondent]
        const std::string* at(std::size_t respondent) const {
            int v = of[respondent];
            return v < 0 ? nullptr : &values[static_cast<std::size_t>(v)];
        }
    };
    std::vector<AttributeColumn> attributes;
    // nullptr when the instrument declares no such attribute.
    const AttributeColumn* attribute(std::string_view id) const;
};
SurveyTable make_table(const store::SurveyData& data);

// A survey read for analysis only, as the workbook export does: the answers and attributes go
// straight into the table, one respondent at a time, and no respondent is kept: 10,000
// respondents x 60 items take ~5 MB instead of ~130 MB.
struct SurveyForAnalysis {
    std::unique_ptr<store::SurveyData> data; // the instrument; no respondents
    SurveyTable table;                       // points into *data
};
SurveyForAnalysis load_for_analysis(store::Workspace& ws, const std::string& instrument_id);
// The same with the instrument already read, through any connection to the workspace.
// `respondents`: how many there are, when known, so the table is allocated once at its size
// (grown one respondent at a time it would pass through twice its size).
SurveyForAnalysis load_for_analysis(store::Database& db, guides::Instrument instrument,
                                    std::size_t respondents = 0);

struct ItemResult {
    std::string item_id, text, construct_id;
    bool likert = false;
    bool reverse = false;
    int points = 0; // scale points (Likert)
    std::size_t n = 0;
    std::optional<stats::Descriptives> stats; // of the answers as given (not reverse-scored)
    std::vector<std::size_t> distribution;    // Likert: count per scale value 1..points
};
// A Likert item as survey services report it: the share of each answer (percent of those who
// answered, index 0 = scale value 1), and the top two boxes (agreeing) and bottom two
// (disagreeing) as percents. Scales of fewer than four points have one box on each side.
struct AnswerShares {
    std::vector<double> percent;
    double top_two = 0.0, bottom_two = 0.0;
};
AnswerShares answer_shares(const ItemResult& item);

// Which respondents answered every Likert and number item (survey services call them complete;
// the others are partial), index as in data.respondents.
std::vector<bool> complete_respondents(const SurveyTable& table);
// The survey with only the respondents whose flag equals `keep`.
store::SurveyData only(const store::SurveyData& data, const std::vector<bool>& flags, bool keep);

// Likert and number items, in the instrument's order.
std::vector<ItemResult> item_results(const store::SurveyData& data);
std::vector<ItemResult> item_results(const SurveyTable& table);

struct ConstructResult {
    std::string id, label;
    std::size_t items = 0;
    std::size_t n = 0; // respondents who answered every item of the construct
    std::optional<stats::Descriptives> score; // construct score: mean of its reverse-handled items
    std::optional<double> alpha;              // Cronbach's alpha over complete cases
};
std::vector<ConstructResult> construct_results(const store::SurveyData& data);
std::vector<ConstructResult> construct_results(const SurveyTable& table);

// One score per respondent (index as in data.respondents): the mean of the construct's items,
// reverse-scored items flipped; nullopt unless every item was answered.
std::vector<std::optional<double>> construct_scores(const store::SurveyData& data,
                                                    const guides::Construct& construct);
std::vector<std::optional<double>> construct_scores(const SurveyTable& table,
                                                    const guides::Construct& construct);

enum class Unit { Respondent, Item };

struct CompareRequest {
    std::string attribute;           // split respondents by this attribute
    std::vector<std::string> groups; // its two values to compare (empty: its only two choices)
    std::string construct, item;     // what to compare (both empty: every Likert item)
    Unit unit = Unit::Respondent;    // respondent scores, or all item ratings pooled
};

// The table columns a request compares (its item, its construct's items, or every Likert item).
// Throws std::invalid_argument for an unknown item or construct.
std::vector<int> compare_columns(const SurveyTable& table, const CompareRequest& request);

struct Comparison {
    std::string attribute, group_a, group_b, target, unit;
    stats::TTest student, welch;
    stats::MannWhitney mann_whitney;
};

// Throws std::invalid_argument with a clear reason (unknown attribute, not two groups, too few
// answers in a group).
Comparison compare_groups(const store::SurveyData& data, const CompareRequest& request);
Comparison compare_groups(const SurveyTable& table, const CompareRequest& request);

struct Crosstab {
    std::string row_attribute, column_attribute;
    std::vector<std::string> rows, columns;       // attribute values ("(not given)" last if any)
    std::vector<std::vector<std::size_t>> counts; // [row][column]
};
// Every other attribute against `by`, like KVEC's table of the teachers studied.
std::vector<Crosstab> crosstabs(const store::SurveyData& data, const std::string& by);
std::vector<Crosstab> crosstabs(const SurveyTable& table, const std::string& by);

} // namespace convene::exporting
