// The cross-conversation summaries: each a pure function of a loaded snapshot and the filters,
// returning one SummaryTable (export/summary_table.hpp explains how the pieces fit). One file
// each under export/summaries/. The CLI (`convene-cli summary NAME`), the Summaries screen and
// the workbook all go through compute_summary, so no summary is computed twice.
#pragma once

#include "export/summary_filters.hpp"
#include "export/summary_table.hpp"
#include "store/coding_snapshot.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace convene::exporting {

using Snapshot = store::CodingSnapshot;

// A summary whose rows are made one at a time: built into the table (each cell with the answers
// and segments behind it, for the screen) or handed over one at a time without them (for the
// export, where a large workspace's table with its drill-down would take tens of MB).
class RowByRowSummary {
  public:
    virtual ~RowByRowSummary() = default;
    virtual SummaryTable head() const = 0; // id, title, note, columns; no rows
    SummaryTable table() const;
    void for_each_row(RowRef row) const { rows(false, row); }
    // The ids of the columns of long text (wide and wrapped in the workbook): by default those
    // with a text longer than long_text() allows, found by making every row once; a summary
    // whose rows read their words from the workspace names its prose columns instead.
    virtual std::vector<std::string> long_text_columns() const;

  protected:
    RowByRowSummary() = default;
    RowByRowSummary(const RowByRowSummary&) = default;
    RowByRowSummary& operator=(const RowByRowSummary&) = delete;
    // `drill_down`: each cell keeps the answers and segments behind it.
    virtual void rows(bool drill_down, RowRef row) const = 0;
};

// Per code and stakeholder group: segments, conversations, and the share of that group's
// conversations (long form: one row per code and group).
SummaryTable code_frequencies(const Snapshot& s, const Filters& f);
// Conversations (rows) x question areas (columns): each cell the notes (and quotes) of the
// area's answers and the codes applied to them.
SummaryTable framework_matrix(const Snapshot& s, const Filters& f);
// The same rows made one conversation at a time (the whole matrix holds every note).
class FrameworkMatrix : public RowByRowSummary {
  public:
    FrameworkMatrix(const Snapshot& s, const Filters& f); // s must outlive this
    SummaryTable head() const override;
    std::vector<std::string> long_text_columns() const override; // the areas

  private:
    void rows(bool drill_down, RowRef row) const override;
    const Snapshot& s_;
    Selection sel_;
};
// Codes (rows) x question areas (columns): segment counts.
SummaryTable code_by_area(const Snapshot& s, const Filters& f);
// Each quote under each code it carries (a segment on the quote, or a whole-answer segment of
// its answer), with conversation, organisation, group, state and speaker.
SummaryTable quotes_by_code(const Snapshot& s, const Filters& f);
struct QuoteKey {
    int code, answer, quote; // quote: index in the answer's quotes
    auto operator<=>(const QuoteKey&) const = default;
};
// The same rows, the coded quotes found once.
class QuotesByCode : public RowByRowSummary {
  public:
    QuotesByCode(const Snapshot& s, const Filters& f); // s must outlive this
    SummaryTable head() const override;
    std::vector<std::string> long_text_columns() const override; // the quote, if long

  private:
    void rows(bool drill_down, RowRef row) const override;
    const Snapshot& s_;
    std::vector<std::pair<QuoteKey, std::uint32_t>> coded_; // (quote, code), segment; sorted
    mutable std::vector<std::string> groups_; // group label per conversation, made when needed
};
// The guide's structured answers across conversations, by group: tallies of choices, yes/no
// and scales; numbers (n, median, range) normalised to clock hours through the currency table.
SummaryTable structured_answers(const Snapshot& s, const Filters& f);
// Pairs of codes applied to the same answer, with the number of answers.
SummaryTable co_occurrence(const Snapshot& s, const Filters& f);
// The same pairs, counted once (a large workspace has a hundred thousand).
class CoOccurrence : public RowByRowSummary {
  public:
    CoOccurrence(const Snapshot& s, const Filters& f); // s must outlive this
    SummaryTable head() const override;

  private:
    void rows(bool drill_down, RowRef row) const override;
    struct Run {
        std::uint32_t begin, count; // into hits_
    };
    // The pair of codes of a hit: a * codes + b.
    std::uint64_t pair_of(std::size_t hit) const { return hits_[hit] / n_answers_; }
    const std::string& label(std::uint64_t pair, bool second) const;
    const Snapshot& s_;
    std::uint64_t n_codes_, n_answers_;
    std::vector<std::uint64_t> hits_; // pair * answers + answer, sorted
    std::vector<Run> runs_;           // most frequent pair first
};

// What is behind a cell of a table computed from s, as uuids (a cell keeps indexes into s).
std::vector<std::string> segment_uuids(const Snapshot& s, const Cell& cell);
std::vector<std::string> answer_uuids(const Snapshot& s, const Cell& cell);

struct SummaryKind {
    std::string_view name; // the CLI's name: "code-frequencies"
    std::string_view title;
    SummaryTable (*compute)(const Snapshot&, const Filters&);
};
// Every summary, in the order the screen and the workbook show them.
const std::vector<SummaryKind>& summary_kinds();
const SummaryKind* find_summary(std::string_view name);

} // namespace convene::exporting
