// One table of an export, streamed row by row to whoever writes it: a workbook sheet, a CSV
// file, or both. Columns and cells are the summaries' types (export/summary_table.hpp): a stable
// snake_case id (the CSV header, documented in the README), a header for people, a type that
// decides the cell format, and text cells that may name an answer (Cell::link: the sheet links
// the cell to that answer's row in Answers). Rows are handed over one at a time, so a table of a
// million rows never sits in memory; a SummaryTable is written through the same interface.
#pragma once

#include "export/summary_table.hpp"

#include <string>
#include <vector>

namespace convene::exporting {

struct TableInfo {
    std::string sheet;       // the sheet's name (31 characters at most)
    std::string file;        // the CSV file's name without ".csv", snake_case
    std::string description; // one sentence, shown on the About sheet
    std::vector<Column> columns;
    // When >= 0: this column holds answer uuids, and links to those answers point at this
    // table's rows (the Answers sheet).
    int answer_column = -1;
    std::vector<std::string> long_text; // ids of columns of long text: wide and wrapped
};

class TableSink {
  public:
    virtual ~TableSink() = default;
    virtual void begin(const TableInfo& table) = 0;
    virtual void row(const std::vector<Cell>& cells) = 0;
    virtual void end() = 0;
};

// Text, or an empty cell for "".
inline Cell text_cell(std::string s) {
    return s.empty() ? Cell() : Cell(std::move(s));
}
// Text that links to an answer's row in the Answers sheet (plain text in CSV).
inline Cell link_cell(std::string s, std::string answer_uuid) {
    Cell c(std::move(s));
    c.link = std::move(answer_uuid);
    return c;
}

// Whether a column holding text of this many bytes is written wide and wrapped.
bool long_text(std::size_t bytes);
// Writes a whole summary table as one sheet / CSV file.
void write_summary(const SummaryTable& table, const std::string& sheet, TableSink& sink);

} // namespace convene::exporting
