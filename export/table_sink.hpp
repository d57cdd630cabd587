// One table of an export, streamed row by row to whoever writes it: a workbook sheet, a CSV
// file, or both. Columns have a stable snake_case id (the CSV header, documented in the README),
// a header for people (the sheet's header row) and a kind that decides the cell format. Rows are
// handed over one at a time, so a table of a million rows never sits in memory.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace convene::exporting {

enum class ColumnKind : std::uint8_t {
    Text,     // short text
    LongText, // notes, quotes: wrapped in a wide column
    Integer,
    Number,
    Percent, // a fraction 0..1, shown as 12.5%
    Date,    // "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"
};

struct Column {
    std::string id;     // snake_case: the CSV header
    std::string header; // the sheet's header
    ColumnKind kind = ColumnKind::Text;
};

struct Cell {
    enum class Kind : std::uint8_t { Empty, Text, Number };
    Kind kind = Kind::Empty;
    std::string text;
    double number = 0;
    std::string answer; // an answer's uuid: the sheet links the cell to its row in Answers

    static Cell empty() { return {}; }
    static Cell of(std::string s) {
        Cell c;
        c.kind = Kind::Text;
        c.text = std::move(s);
        return c;
    }
    static Cell of(double v) {
        Cell c;
        c.kind = Kind::Number;
        c.number = v;
        return c;
    }
    // Text linking to an answer's row in the Answers sheet (plain text in CSV).
    static Cell link(std::string s, std::string answer_uuid) {
        Cell c = of(std::move(s));
        c.answer = std::move(answer_uuid);
        return c;
    }
};

struct TableInfo {
    std::string sheet;       // the sheet's name (31 characters at most)
    std::string file;        // the CSV file's name without ".csv", snake_case
    std::string description; // one sentence, shown on the About sheet
    std::vector<Column> columns;
    // When >= 0: this column holds answer uuids, and links to those answers point at this
    // table's rows (the Answers sheet).
    int answer_column = -1;
};

class TableSink {
  public:
    virtual ~TableSink() = default;
    virtual void begin(const TableInfo& table) = 0;
    virtual void row(const std::vector<Cell>& cells) = 0;
    virtual void end() = 0;
};

} // namespace convene::exporting
