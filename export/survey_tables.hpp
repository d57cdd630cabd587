// The survey tables of an export, from export/survey_analysis: items (with their Likert
// distributions and a 100% stacked bar chart per instrument), constructs and two-group
// comparisons; analyse_surveys() also runs what export/survey_sheets.hpp writes.
// Each survey is read into a dense table (load_surveys, from the database); the analysis is then
// pure computing on those tables, so the export runs it beside its other work.
#pragma once

#include "export/survey_analysis.hpp"
#include "export/survey_comparison.hpp"
#include "export/table_sink.hpp"

#include <string>
#include <vector>

namespace convene::exporting {

struct ExportContext;
class XlsxTableWriter;
class XlsxWorkbook;
class CsvTableWriter;

struct SurveyResults {
    std::string instrument_id, version, title, hash;
    std::size_t respondents = 0;
    std::vector<std::string> scale_labels; // the Likert scale when every item shares one
    std::vector<ItemResult> items;
    std::vector<ConstructResult> constructs;
    std::vector<Comparison> comparisons;     // every pair of an attribute's values
    std::vector<ReadComparison> group_tests; // as Compare groups: export_comparisons()
    std::vector<TestedCrosstab> crosstabs;   // each pair of attributes once
};

// Every instrument with respondents (or the filter's instrument), read for analysis.
struct LoadedSurvey {
    std::string instrument_id, version, title, hash;
    SurveyForAnalysis survey;
};
std::vector<LoadedSurvey> load_surveys(ExportContext& ctx);
// Their results, in the same order. Touches neither the database nor the context: it may run on
// a thread of its own.
std::vector<SurveyResults> analyse_surveys(const std::vector<LoadedSurvey>& loaded);

std::size_t write_survey_items(const std::vector<SurveyResults>& surveys, TableSink& sink,
                               XlsxTableWriter& xlsx, XlsxWorkbook& wb);
std::size_t write_survey_constructs(const std::vector<SurveyResults>& surveys, TableSink& sink);
std::size_t write_group_comparisons(const std::vector<SurveyResults>& surveys, TableSink& sink);
// The k-group tests, crosstabs with their tests, and readings: export/survey_sheets.hpp.

} // namespace convene::exporting
