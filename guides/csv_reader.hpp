// Reads CSV as survey services (Google Forms, Qualtrics, KoboToolbox, Excel "CSV UTF-8") export
// it. (Writing is export/csv_writer.hpp.)
//
// Reading (parse_csv) accepts:
//   - UTF-8 with or without a BOM (the BOM is stripped);
//   - LF, CRLF and lone CR line ends, mixed freely;
//   - RFC 4180 quoting: "" inside a quoted field is one ", and delimiters and line breaks inside
//     quotes belong to the field. Line breaks inside a quoted field are returned as "\n" whatever
//     the file used, so answers look the same on every platform;
//   - ',' ';' or tab as the delimiter, detected from the header record (the one occurring most
//     often outside quotes; ties and a header without any of them give ',').
//
// Choices:
//   - The first record is the header. Every other record must have exactly as many fields as the
//     header: more fields or fewer fields are both problems naming the line (survey exports always
//     write full rows, so a short row means the file was damaged or cut, not an empty answer).
//     The one leniency: a record with one field too many whose last field is empty is read
//     without it (exports that end every row, but not the header, with the delimiter).
//   - Duplicate header names are problems; empty header names are allowed (some exports end every
//     line with a delimiter) and are not checked for duplicates -- the column mapping decides.
//   - Nothing is trimmed: unquoted fields keep their spaces, quoted fields keep everything. The
//     only leniency is that spaces before an opening quote and after a closing quote are ignored
//     (`a, "b c" ,d` gives "a", "b c", "d").
//   - A '"' in the middle of an unquoted field is taken literally (`5" screen`), as Excel does.
//     Text after a closing quote (`"ab"c`) is a problem.
//   - Blank lines (nothing but spaces) outside quotes are skipped wherever they are: at the end,
//     at the start and between records. row_lines still give the true physical lines.
//   - A header with no further records is a valid, empty table.
//   - A cell longer than kMaxCsvCellBytes (64 KiB, guides/limits.hpp) is a problem naming its line
//     and column: no survey answer is that long, a damaged file's runaway quote often is.
//   - The table is returned only when there are no problems. Problems are collected over the whole
//     file (at most max_csv_problems of them, then one summary problem) except for the fatal ones
//     -- empty file, not UTF-8 text, unterminated quote -- which stop the reading.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace convene::guides {

struct CsvTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows; // each exactly header.size() fields
    std::vector<std::size_t> row_lines;         // 1-based physical line where each row starts
    char delimiter = ',';
};

struct CsvProblem {
    std::size_t line = 0;   // 1-based physical line; 0 when it concerns the whole file
    std::size_t column = 0; // 1-based field index; 0 when it concerns the whole line
    std::string reason;
    // "line 3, column 2: reason", "line 3: reason" or "reason".
    std::string to_string() const;
};

struct CsvResult {
    std::optional<CsvTable> table; // set exactly when problems is empty
    std::vector<CsvProblem> problems;
};

// Record-level problems beyond this many are counted in one last summary problem.
inline constexpr std::size_t max_csv_problems = 50;

// Parses a whole file's bytes. delimiter 0 detects ',' ';' or tab from the header; any other value
// except '"', '\r' and '\n' is used as given.
CsvResult parse_csv(std::string_view bytes, char delimiter = 0);

// Reads the file and parses it; a file that cannot be read gives one problem (line 0) naming it.
CsvResult read_csv_file(const std::filesystem::path& path, char delimiter = 0);

} // namespace convene::guides
