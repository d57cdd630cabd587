// The coding summaries (export/summaries.hpp) as sheets and CSV files, and the "Charts" sheet:
// code frequencies by stakeholder group as clustered bars, and the numbers of hours suggested
// (in clock hours) by group. Names in the summaries' text are pseudonymised like every sheet.
#pragma once

#include "export/summaries.hpp"
#include "export/table_sink.hpp"

#include <string>
#include <utility>
#include <vector>

namespace convene::exporting {

struct ExportContext;
class XlsxWorkbook;

// The summaries the workbook writes: every summary of the registry, then intercoder agreement
// per code and the answers the coders disagree on (export/intercoder_agreement.hpp).
const std::vector<SummaryKind>& export_summary_kinds();

// The sheet name of a summary ("Code × area"), within Excel's 31 characters.
std::string summary_sheet_name(const SummaryKind& kind);

// Loads the coding snapshot, computes every summary with the export's filters and writes each
// as soon as it is made (names replaced); only the two tables the charts need are kept, in
// `charted`. Intercoder agreement is computed once for its two sheets, and the disagreements
// are written row by row as they are made. Returns each sheet's name and rows.
std::vector<std::pair<std::string, std::size_t>>
write_summaries(ExportContext& ctx, TableSink& sink, std::vector<SummaryTable>& charted);

// The Charts sheet from the code frequencies and structured answers; returns its rows.
std::size_t write_charts(const std::vector<SummaryTable>& tables, XlsxWorkbook& wb);

} // namespace convene::exporting
