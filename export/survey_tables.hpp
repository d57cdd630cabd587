// The survey tables of an export, from export/survey_analysis: items (with their Likert
// distributions and a 100% stacked bar chart per instrument), constructs and two-group
// comparisons; analyse_surveys() also runs what export/survey_sheets.hpp writes.
// The analysis reads the surveys through a connection of its own, so the export runs it on a
// thread beside its other work.
#pragma once

#include "export/survey_analysis.hpp"
#include "export/survey_comparison.hpp"
#include "export/table_sink.hpp"

#include <stop_token>
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

// Every instrument with respondents (or the filter's instrument), to be analysed.
struct SurveyToAnalyse {
    store::InstrumentRow row;
    guides::Instrument instrument;
};
std::vector<SurveyToAnalyse> surveys_to_analyse(ExportContext& ctx);
// Their results, in the same order: each survey is read into a dense table through `db` (a
// connection of the calling thread's own), analysed and dropped before the next. Touches neither
// the export's connection nor its context: it runs on a thread of its own.
// Asked to stop, it throws ExportCancelled before the next survey.
std::vector<SurveyResults> analyse_surveys(store::Database& db,
                                           const std::vector<SurveyToAnalyse>& surveys,
                                           std::stop_token stop = {});

std::size_t write_survey_items(const std::vector<SurveyResults>& surveys, TableSink& sink,
                               XlsxTableWriter& xlsx, XlsxWorkbook& wb);
std::size_t write_survey_constructs(const std::vector<SurveyResults>& surveys, TableSink& sink);
std::size_t write_group_comparisons(const std::vector<SurveyResults>& surveys, TableSink& sink);
// The k-group tests, crosstabs with their tests, and readings: export/survey_sheets.hpp.

} // namespace convene::exporting
