// The Export panel: the spreadsheet export (export/workbook_export.hpp) from the app. The
// filters, the sheets the workbook will hold, where it goes (the folder shown in full), whether
// names are replaced by codes and whether CSV files are written too; the export runs as a Job
// with a progress bar and Cancel, and ends with the full path written or why nothing was.
// Hosted by the Summaries screen: draw() inside its window, then act() with the workspace.
#pragma once

#include "app/job.hpp"
#include "app/path_input.hpp"
#include "export/workbook_export.hpp"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace convene::app {

class ExportPanel {
  public:
    ExportPanel();
    ~ExportPanel();
    ExportPanel(const ExportPanel&) = delete;
    ExportPanel& operator=(const ExportPanel&) = delete;

    // Draws the panel; records what was asked (probes "export.*"). No SQL, no writing.
    void draw();
    // The sheets the workbook will hold, for the screen's side column: while an export runs,
    // those written so far, the one being written (highlighted) and those still to come (dim);
    // each sheet's description on hover (probes "export.plan", "export.sheet.NAME").
    void draw_sheets();
    // After draw: starts the export asked for, cancels it, or collects its result.
    void act(store::Workspace& ws);
    bool busy() const;
    // The workspace is closing: cancel and wait for a running export.
    void workspace_closing();

  private:
    struct Stage {
        std::mutex mutex;
        std::string sheet;
    };
    void draw_filters();
    void draw_target();
    void draw_run();
    std::string current_sheet() const;

    exporting::ExportFilter filter_;
    std::string folder_, name_ = "convene-export.xlsx";
    bool pseudonymize_ = false, csv_ = false;
    std::string csv_folder_;
    PathInput folder_input_, csv_folder_input_;
    std::vector<exporting::WrittenSheet> plan_;
    bool start_request_ = false, cancel_request_ = false;
    std::unique_ptr<Job<exporting::ExportResult>> job_;
    std::shared_ptr<Stage> stage_ = std::make_shared<Stage>();
    std::string message_;
    bool ok_ = false;
    std::size_t last_writing_ = 0; // the plan's sheet last seen being written
    std::size_t scrolled_to_ = 0;  // the sheet the list was last scrolled to
};

} // namespace convene::app
