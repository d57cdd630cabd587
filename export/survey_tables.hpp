// The survey tables of an export, from export/survey_analysis: items (with their Likert
// distributions and a 100% stacked bar chart per instrument), constructs, group comparisons and
// crosstabs (a report table with row and column totals in the workbook, long form in CSV).
// Each survey is loaded, analysed and dropped before the next, so only its results are kept.
#pragma once

#include "export/survey_analysis.hpp"
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
    std::vector<Comparison> comparisons;
    std::vector<Crosstab> crosstabs;
};

// Every instrument with respondents (or the filter's instrument), analysed.
std::vector<SurveyResults> analyse_surveys(ExportContext& ctx);

std::size_t write_survey_items(const std::vector<SurveyResults>& surveys, TableSink& sink,
                               XlsxTableWriter& xlsx, XlsxWorkbook& wb);
std::size_t write_survey_constructs(const std::vector<SurveyResults>& surveys, TableSink& sink);
std::size_t write_group_comparisons(const std::vector<SurveyResults>& surveys, TableSink& sink);
std::size_t write_crosstabs(const std::vector<SurveyResults>& surveys, XlsxWorkbook& wb,
                            CsvTableWriter* csv);

} // namespace convene::exporting
