// Importing survey responses from a CSV file as survey services export it (Google Forms,
// Qualtrics, KoboToolbox): columns are matched to items and attributes by id or by text (or by
// a saved mapping), text answers are turned into scale values, and a respondent-id column makes
// re-importing the same file change nothing. Every problem is reported with its row, column,
// value and reason; by default nothing is imported while any problem remains.
#pragma once

#include "guides/csv_reader.hpp"
#include "guides/instrument.hpp"
#include "store/workspace.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace convene::store {

// What a CSV column holds: an item id, "attribute:<id>", "respondent_id", or "ignore".
using ColumnMapping = std::map<std::string, std::string>; // CSV header -> target

// Reads a mapping file: {"columns": {"CSV header": "target", ...}}.
ColumnMapping load_mapping(const std::filesystem::path& file);
// The mapping as a file to save and edit (columns nothing matched are written as "ignore").
std::string mapping_to_json(const ColumnMapping& mapping);

struct ImportProblem {
    std::size_t line = 0;   // physical line in the file (0: the whole file)
    std::size_t column = 0; // 1-based column (0: the whole row)
    std::string column_name, value, reason;
    std::string to_string() const;
};

struct ImportReport {
    std::size_t rows = 0;
    std::size_t added = 0, updated = 0; // respondents (a dry run counts what an import would do)
    std::size_t responses = 0;
    ColumnMapping mapping;          // what each column was taken as
    std::vector<std::string> notes; // things worth knowing that are not problems
    std::vector<ImportProblem> problems;
    bool imported = false;
};

struct ImportOptions {
    std::optional<ColumnMapping> mapping; // overrides the automatic matching for its columns
    // The instrument's remembered mapping (store/import_mappings.hpp): used for the columns the
    // file has whose target still exists, under any `mapping`. A real import that commits
    // remembers the mapping it used.
    std::optional<ColumnMapping> remembered;
    bool dry_run = false;
    std::string source; // recorded with each respondent (the file name)
    // Called now and then with (rows done, rows in all); return false to cancel.
    std::function<bool(std::size_t, std::size_t)> progress;
};

// Matches columns to the instrument automatically (id, then text, then known metadata columns).
ColumnMapping match_columns(const guides::Instrument& instrument,
                            const std::vector<std::string>& header);

// The bytes of a file as UTF-8 text: as they are when they are UTF-8 (or not text at all: the CSV
// reader says so), else read as Windows-1252, with a note saying so.
std::string import_text(std::string_view bytes, std::vector<std::string>& notes);

ImportReport import_survey_csv(Workspace& ws, const guides::Instrument& instrument,
                               std::string_view csv_bytes, const ImportOptions& options);

} // namespace convene::store
