// The spreadsheet export: one xlsx workbook with every table of the workspace (About,
// conversations, participants, answers, coded segments, codebook, survey results, crosstabs, and
// the coding summaries), and optionally the same tables as tidy CSV files in a folder. Everything
// is written under temporary names beside its target and renamed only when all of it was
// written, so a failure or a cancel leaves no half-written file and an earlier export intact.
#pragma once

#include "store/workspace.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace convene::exporting {

struct ExportFilter {
    std::string group, state, status; // conversations: stakeholder group id, state, status
    std::string from, to;             // conversations: inclusive dates "YYYY-MM-DD"
    std::string guide;                // conversations run with this guide id
    std::string instrument;           // surveys: this instrument id only
    std::string coder;                // coded segments: this coder's (name or uuid) only
    bool empty() const {
        return group.empty() && state.empty() && status.empty() && from.empty() && to.empty() &&
               guide.empty() && instrument.empty() && coder.empty();
    }
};
// "group = licensing; from 2024-01-01" or "none".
std::string describe_filter(const ExportFilter& filter);

struct ExportOptions {
    std::filesystem::path xlsx;    // the workbook
    std::filesystem::path csv_dir; // empty: no CSV files (created if missing)
    bool pseudonymize = false;
    ExportFilter filter;
};

struct WrittenSheet {
    std::string sheet, file, description;
    std::size_t rows = 0;
};

struct ExportResult {
    std::filesystem::path xlsx;
    std::vector<std::filesystem::path> csv_files;
    std::vector<WrittenSheet> sheets;
};

// Progress: called often with work done of total (any unit) and the sheet being written;
// returning false cancels the export.
using ExportProgress =
    std::function<bool(std::size_t done, std::size_t total, const std::string& sheet)>;

class ExportCancelled : public std::runtime_error {
  public:
    ExportCancelled() : std::runtime_error("export cancelled; nothing was written") {}
};

// Throws std::runtime_error with the reason (an unwritable folder, an unknown coder, a
// libxlsxwriter error with its sheet) or ExportCancelled; nothing is left behind then.
ExportResult export_workspace(store::Workspace& ws, const ExportOptions& options,
                              const ExportProgress& progress = {});

// The progress stage after the last sheet: the workbook is being assembled and renamed into place.
inline constexpr const char* kWritingTheFile = "Writing the file";

// The sheets an export writes, in order, with what each holds (for the Export panel).
std::vector<WrittenSheet> export_sheet_plan();

} // namespace convene::exporting
