// The one table type every summary returns, and that every front end shows or writes.
//
// How it fits together:
//   store/coding_snapshot.hpp  load_coding_snapshot(ws): everything a summary reads, loaded
//                              once (conversations, participants, answers, guides, codes,
//                              coders, live segments, the currency table). No filtering there.
//   export/summary_filters.hpp Filters {group, state, from, to, guide, status, coder} and
//                              select(snapshot, filters): which conversations and segments count.
//   export/summaries.hpp       the summaries, each a pure function
//                                  SummaryTable f(const store::CodingSnapshot&, const Filters&)
//                              in its own file under export/summaries/, and a registry
//                              (summary_kinds(), compute_summary(name, ...)) for the CLI, the
//                              Summaries screen and the workbook, so none computes one twice.
//   export/summary_table.hpp   this file: typed columns and rows of cells.
//
// A table is rectangular: every row has one Cell per column. A cell's value is empty, text, an
// integer or a real; the column says how to show it (a Percent column holds a fraction, 0.25 shows
// as 25.0%; a Date column holds "YYYY-MM-DD" text).
//
// A cell may say what is behind its value: the coded segments and the answers, as indexes into
// the snapshot the table was computed from (store::CodingSnapshot::segments and ::answers).
// Indexes, not uuids: a summary of 150,000 segments then hands over small integers instead of
// copying a million uuid strings, and the screen turns them into segments only when the user
// opens a count (export/summaries.hpp: segment_uuids, answer_uuids). A text cell may also link
// to an answer's row in the workbook's Answers sheet (link: that answer's uuid).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace convene::exporting {

enum class ColumnType { Text, Integer, Real, Percent, Date };

struct Column {
    std::string id;     // snake_case, stable: the CSV header and the --json key
    std::string header; // for people: the screen's and the workbook's header
    ColumnType type = ColumnType::Text;
    std::string unit; // what a number counts ("segments", "clock hours"); "" for text
    int decimals = 1; // Real and Percent: digits after the point when shown
};

struct Cell {
    std::variant<std::monostate, std::string, std::int64_t, double> value;
    std::vector<std::uint32_t> segments; // indexes into the snapshot's segments behind the value
    std::vector<std::uint32_t> answers;  // indexes into the snapshot's answers behind the value
    std::string link; // uuid of the answer whose row in the Answers sheet this text links to

    Cell() = default;
    Cell(std::string text) : value(std::move(text)) {}
    Cell(const char* text) : value(std::string(text)) {}
    Cell(std::int64_t n) : value(n) {}
    Cell(int n) : value(static_cast<std::int64_t>(n)) {}
    Cell(std::size_t n) : value(static_cast<std::int64_t>(n)) {}
    Cell(double x) : value(x) {}

    bool empty() const { return std::holds_alternative<std::monostate>(value); }
    const std::string* text() const { return std::get_if<std::string>(&value); }
    // The value as a number (integers widened); 0 for empty or text.
    double number() const;
};

// A borrowed callback taking a row's cells, for functions that hand rows over one at a time:
// like std::function but never allocating or copying the callable, which must outlive the call
// it is passed to (a lambda written at the call site does).
class RowRef {
  public:
    template <typename F>
    requires(!std::is_same_v<std::remove_cvref_t<F>, RowRef>) RowRef(F&& f)
        : callable_(const_cast<void*>(static_cast<const void*>(std::addressof(f)))),
          call_(&call<std::remove_reference_t<F>>) {}
    void operator()(std::vector<Cell>& row) const { call_(callable_, row); }

  private:
    template <typename F> static void call(void* callable, std::vector<Cell>& row) {
        (*static_cast<F*>(callable))(row);
    }
    void* callable_;
    void (*call_)(void*, std::vector<Cell>&);
};

struct SummaryTable {
    std::string id;    // snake_case: the CSV file name and the sheet's key ("code_frequencies")
    std::string title; // the sheet and screen title
    std::string note;  // one or two sentences: what is counted, and how
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;

    // The column with this id, -1 if none.
    int column(std::string_view column_id) const;
};

// A cell as text for people: integers as digits, reals with the column's decimals, percents as
// "25.0%", empty as "". No thousands separators (the workbook formats numbers itself).
std::string format_cell(const Column& column, const Cell& cell);

} // namespace convene::exporting
