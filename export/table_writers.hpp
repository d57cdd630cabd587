// The two writers of a TableSink: a sheet of a workbook (bold frozen header, autofilter, cell
// formats by column kind, widths fitted to the content, links to answers) and a CSV file in a
// folder (RFC 4180, UTF-8, formula-looking text neutralised). TableTee hands every table to both.
#pragma once

#include "export/atomic_file.hpp"
#include "export/table_sink.hpp"
#include "export/xlsx_workbook.hpp"

#include <cstdio>
#include <filesystem>
#include <memory>
#include <vector>

namespace convene::exporting {

// Writes each table as a sheet. The table with answer_column set (Answers) records the row of
// every answer; later tables' links point there.
class XlsxTableWriter final : public TableSink {
  public:
    explicit XlsxTableWriter(XlsxWorkbook& workbook) : wb_(workbook) {}
    void begin(const TableInfo& table) override;
    void row(const std::vector<Cell>& cells) override;
    void end() override;

    // The sheet of the table being written, or of the last one written.
    XlsxSheet* sheet() { return sheet_; }
    std::uint32_t rows_written() const { return row_ - 1; } // data rows of that sheet

  private:
    // How a text cell is laid out: measured for the whole row before any cell is written, since
    // a short text's format depends on whether its row is taller than a line.
    struct Layout {
        bool wrap = false, long_text = false;
        double width = 0, lines = 1; // characters of its longest line; lines it takes
    };
    Layout layout(std::uint16_t col, const std::string& s) const;
    // `tall`: the row takes more than a line, so a short text needs a top-aligned format.
    void write_cell(std::uint16_t col, const Cell& cell, const Layout& layout, bool tall);

    XlsxWorkbook& wb_;
    XlsxSheet* sheet_ = nullptr;
    TableInfo table_;
    std::uint32_t row_ = 1;
    std::string answers_sheet_;
    // Answer uuid hash -> row in the Answers sheet, sorted once that table ends (8 + 4 bytes an
    // answer: 60,000 answers take under a megabyte).
    std::vector<std::pair<std::uint64_t, std::uint32_t>> answer_rows_;
    bool recording_answers_ = false;
    std::vector<char> long_;      // per column: long text (wide, wrapped)
    std::vector<Layout> layouts_; // of the row being written
};

// Writes each table to FOLDER/<file>.csv under a temporary name; commit() renames them all.
class CsvTableWriter final : public TableSink {
  public:
    explicit CsvTableWriter(std::filesystem::path folder);
    ~CsvTableWriter() override;
    void begin(const TableInfo& table) override;
    void row(const std::vector<Cell>& cells) override;
    void end() override;
    void commit();
    std::vector<std::filesystem::path> files() const;

  private:
    void put(const std::string& s);

    std::filesystem::path folder_;
    std::vector<std::unique_ptr<PendingFile>> pending_;
    std::FILE* file_ = nullptr;
    TableInfo table_;
    std::string line_;
    std::vector<std::string> fields_;
};

// Hands every table to several sinks (null ones are skipped).
class TableTee final : public TableSink {
  public:
    explicit TableTee(std::vector<TableSink*> sinks);
    void begin(const TableInfo& table) override;
    void row(const std::vector<Cell>& cells) override;
    void end() override;

  private:
    std::vector<TableSink*> sinks_;
};

// The number as CSV writes it: the shortest text that reads back as the same double.
std::string csv_number(double value);

} // namespace convene::exporting
