// The coding summaries (export/summaries.hpp) as sheets and CSV files, and the "Charts" sheet:
// code frequencies by stakeholder group as clustered bars, and the numbers of hours suggested
// (in clock hours) by group. Names in the summaries' text are pseudonymised like every sheet.
#pragma once

#include "export/intercoder_agreement.hpp"
#include "export/summaries.hpp"
#include "export/table_sink.hpp"
#include "store/coding_snapshot.hpp"

#include <map>
#include <optional>
#include <stop_token>
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

// What the summaries read: the coding snapshot and the intercoder agreement (computed once for
// its two sheets), made from a connection of their own, so the export makes them on a thread of
// their own while the sheets before them are written.
struct CodingForSummaries {
    store::CodingSnapshot snapshot;
    AgreementResult agreement;
};
// The snapshot leaves the answers' words out (the export reads them row by row: give it a
// connection with read_texts_through before writing). Asked to stop, it throws ExportCancelled
// between the snapshot and the agreement.
CodingForSummaries load_coding_for_summaries(store::Database& db, const Filters& filters,
                                             std::stop_token stop = {});
// The export's filters as the summaries take them.
Filters summary_filters(const ExportContext& ctx);

// What a chart of the Charts sheet shows: a small wide table (categories down, series across).
struct Pivot {
    std::string title, value_header;
    std::vector<std::string> categories, series;
    std::map<std::pair<std::string, std::string>, double> values; // (category, series)
    bool percent = false;
};
// The chart made of a summary: code frequencies by stakeholder group (the 15 codes applied most
// often) and the hours suggested by group (structured answers); nullopt for the others.
std::optional<Pivot> chart_of(const SummaryTable& t);

// Computes every summary with the export's filters and writes each as soon as it is made (names
// replaced), keeping only the charts made of them in `charted` (not the tables: a large codebook's
// frequencies are thousands of rows). The disagreements are written row by row as they are made.
// Returns each sheet's name and rows.
std::vector<std::pair<std::string, std::size_t>> write_summaries(ExportContext& ctx,
                                                                 const CodingForSummaries& coding,
                                                                 TableSink& sink,
                                                                 std::vector<Pivot>& charted);

// The Charts sheet: each chart as its table and a bar chart; returns its rows.
std::size_t write_charts(const std::vector<Pivot>& charts, XlsxWorkbook& wb);

} // namespace convene::exporting
