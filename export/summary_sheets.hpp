// The coding summaries (export/summaries.hpp) as sheets and CSV files, and the "Charts" sheet:
// code frequencies by stakeholder group as clustered bars, and the numbers of hours suggested
// (in clock hours) by group. Names in the summaries' text are pseudonymised like every sheet.
#pragma once

#include "export/summaries.hpp"
#include "export/table_sink.hpp"

#include <string>
#include <vector>

namespace convene::exporting {

struct ExportContext;
class XlsxWorkbook;

// The summaries the workbook writes: every summary of the registry, then intercoder agreement
// per code and the answers the coders disagree on (export/intercoder_agreement.hpp).
const std::vector<SummaryKind>& export_summary_kinds();

// The sheet name of a summary ("Code × area"), within Excel's 31 characters.
std::string summary_sheet_name(const SummaryKind& kind);

// Computes every summary on the snapshot with the export's filters and writes each; returns the
// tables (for the charts), names already replaced.
std::vector<SummaryTable> compute_summaries(ExportContext& ctx);

// Writes the Charts sheet from the code frequencies and structured answers; returns its rows.
std::size_t write_charts(const std::vector<SummaryTable>& tables, XlsxWorkbook& wb);

} // namespace convene::exporting
