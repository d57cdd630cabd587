// The survey sheets of the export that hold what Surveys > Compare groups shows, computed by the
// same functions (export/survey_comparison.hpp): for every comparison the export makes, its
// tests (one row per comparison), its groups (one row per group) and its pairs (one row per pair
// or contrast), each with the pooled warning and the plain reading; and every crosstab with
// totals, column percentages, its tests and reading (a report sheet, and one row per crosstab).
#pragma once

#include "export/survey_comparison.hpp"
#include "export/table_sink.hpp"

#include <cstddef>
#include <vector>

namespace convene::exporting {

struct SurveyResults;
class XlsxWorkbook;
class CsvTableWriter;

// Attributes with more values than this are not compared (too many pairs to read).
inline constexpr std::size_t kMaxExportGroups = 8;

// What the export compares in one survey, in this order: each attribute with 2 to
// kMaxExportGroups values, all of its values as groups (as the tab does until one is unticked),
// on each construct and then on all Likert items, first per respondent, then with all ratings
// pooled. A comparison the tab would refuse (a group with fewer than two answers) is left out.
std::vector<ReadComparison> export_comparisons(const SurveyTable& table);

// Each attribute against every attribute after it (no pair twice), tested and read.
std::vector<TestedCrosstab> export_crosstabs(const SurveyTable& table);

// Each returns the rows it wrote.
std::size_t write_group_tests(const std::vector<SurveyResults>& surveys, TableSink& sink);
std::size_t write_group_means(const std::vector<SurveyResults>& surveys, TableSink& sink);
std::size_t write_group_contrasts(const std::vector<SurveyResults>& surveys, TableSink& sink);
std::size_t write_crosstab_tests(const std::vector<SurveyResults>& surveys, TableSink& sink);
// The Crosstabs report sheet (counts, totals, column percentages, tests, caution and reading
// under each table) and crosstabs.csv (one row per cell); returns the cells written.
std::size_t write_crosstabs(const std::vector<SurveyResults>& surveys, XlsxWorkbook& wb,
                            CsvTableWriter* csv);

} // namespace convene::exporting
