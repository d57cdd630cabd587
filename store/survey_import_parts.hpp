// The steps of a survey CSV import that need no database (import_survey_csv runs them, then
// writes): the Qualtrics extra rows, column matching with a mapping file's override, and cell
// checking, where every problem names its row, column, header and value.
#pragma once

#include "guides/csv_reader.hpp"
#include "guides/instrument.hpp"
#include "guides/likert_labels.hpp"
#include "store/survey_import.hpp"
#include "store/surveys.hpp"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace convene::store {

// Columns that survey services add on their own (timestamps, IP address, progress, Kobo's
// _submission_time, ...) and columns holding a response id (Response ID, ResponseId, _uuid, id).
bool is_metadata_header(std::string_view header);
bool is_respondent_id_header(std::string_view header);

// Qualtrics puts the question texts and {"ImportId": ...} cells in the two rows under the header
// (which holds short names like Q1). When the table has them: takes both rows out of the table
// and returns the question texts; otherwise nullopt and the table is left alone.
std::optional<std::vector<std::string>> take_qualtrics_rows(guides::CsvTable& table);

// What the columns of a file are taken as.
struct ColumnMatch {
    ColumnMapping mapping;            // every header (and nothing else) -> its target, "" unknown
    std::vector<std::string> targets; // per column: its target, "" when it has a problem
    std::vector<ImportProblem> problems;
    std::vector<std::string> notes;
    bool any_item = false; // some column holds answers to an item; without one nothing is read
};

// Matches the header automatically (by id, then text, then known metadata columns; a Qualtrics
// file also by its question texts), then lets the mapping file override what it names.
// A remembered mapping comes between the two: it sets the columns it names that the file has, to
// targets that are still items or attributes of the instrument.
ColumnMatch match_file_columns(const guides::Instrument& instrument,
                               const std::vector<std::string>& header,
                               const std::vector<std::string>* question_texts,
                               const std::optional<ColumnMapping>& mapping_file,
                               const ColumnMapping* remembered = nullptr);

// One column as the rows are read: what its cells hold.
struct ImportColumn {
    // Option: one choice of a multi-choice item, chosen when the cell is not empty, 0, N, No or
    // false (SurveyMonkey and Qualtrics write the choice's text, LimeSurvey Y, Kobo 1).
    enum class Kind { Skip, RespondentId, Attribute, Item, Option };
    Kind kind = Kind::Skip;
    std::string name; // the header
    const guides::Attribute* attribute = nullptr;
    const guides::Item* item = nullptr;
    const guides::RatingScale* scale = nullptr;        // of a Likert item
    std::shared_ptr<const guides::ScaleReader> reader; // of a Likert item's scale
    std::string choice;                                // of an Option column
};

// The columns for match_file_columns' targets, resolved once rather than once a cell.
std::vector<ImportColumn> resolve_columns(const guides::Instrument& instrument,
                                          const std::vector<std::string>& header,
                                          const std::vector<std::string>& targets);

// The answer in one (trimmed, non-empty) cell of an item's column, or why it is not one.
struct CellCheck {
    ResponseValue value;
    std::string problem;  // empty: value holds the answer, unless missing
    bool missing = false; // "N/A", "Not applicable": no answer, and no problem
};
CellCheck check_item_cell(const ImportColumn& column, const std::string& cell);
// The attribute choice a cell names, or why it names none.
CellCheck check_attribute_cell(const guides::Attribute& attribute, const std::string& cell);

// One respondent as read from one row.
struct ParsedRow {
    std::string external_id;
    std::map<std::string, std::string> attributes;
    std::vector<std::pair<const guides::Item*, ResponseValue>> values;
};

// Reads one row (starting on physical line `line`); every cell that is not a valid answer adds a
// problem to `problems`. first_line_of_id holds the respondent ids of earlier rows: a repeated id
// is a problem naming the row that had it first.
ParsedRow check_row(const std::vector<ImportColumn>& columns, const std::vector<std::string>& row,
                    std::size_t line, std::map<std::string, std::size_t>& first_line_of_id,
                    std::vector<ImportProblem>& problems);

// Reads every row; the first kMaxDetailedProblems cell problems are added to problems, the rest
// counted in one. progress is called every 500 rows with (rows done, rows * 2: writing is
// the other half); nullopt when it asks to cancel.
std::optional<std::vector<ParsedRow>>
check_rows(const guides::CsvTable& table, const std::vector<ImportColumn>& columns,
           const std::function<bool(std::size_t, std::size_t)>& progress,
           std::vector<ImportProblem>& problems);

// Cell problems kept one by one (for --all-problems); beyond this they are only counted.
inline constexpr std::size_t kMaxDetailedProblems = 100000;

// Problems grouped by kind, one line each: cell problems with the same value and reason become
// `"Neither agree nor disagree" is not a scale value: 69,516 cells in 35 columns, first at row 2
// column 19 (...)`; any other problem is a line of its own. At most max_lines lines, the last
// then counting the kinds left out.
std::vector<std::string> group_problems(const std::vector<ImportProblem>& problems,
                                        std::size_t max_lines = 20);

// 69516 -> "69,516".
std::string with_thousands(std::size_t n);

} // namespace convene::store
