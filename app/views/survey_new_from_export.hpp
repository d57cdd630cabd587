// Surveys > "New from a survey export...": a CSV file from Google Forms, Qualtrics, SurveyMonkey,
// LimeSurvey or KoboToolbox read, the instrument it suggests reviewed (what each column is taken
// as, reverse scoring, constructs), then saved and its responses imported.
#pragma once

#include "app/job.hpp"
#include "app/path_input.hpp"
#include "store/instrument_review.hpp"
#include "store/survey_import.hpp"

#include <optional>
#include <string>

namespace convene::app {

class NewFromExportDialog {
  public:
    void open();
    void draw();
    // Carries out what draw() asked for (reading the file, saving and importing); returns the
    // id of an instrument whose responses were imported, once, else "".
    std::string act(store::Workspace& ws);
    // Also true from a job's end until act() took what it made: the app keeps drawing frames
    // until then instead of sleeping with the result unseen.
    bool busy() const { return read_job_.running() || import_job_.running() || awaiting_; }

  private:
    void draw_file_step();
    void draw_review();
    void draw_column(std::size_t c);

    bool open_request_ = false;
    bool read_request_ = false, save_request_ = false;
    bool awaiting_ = false; // a job was started and what it made is not taken yet
    std::string file_, id_, title_;
    PathInput file_input_;
    std::optional<store::InstrumentProposal> proposal_;
    std::optional<store::ImportReport> report_;
    std::string error_;
    std::vector<std::string> construct_labels_; // per column (Likert items), as typed
    Job<store::ProposalResult> read_job_;
    Job<store::ImportReport> import_job_;
};

} // namespace convene::app
