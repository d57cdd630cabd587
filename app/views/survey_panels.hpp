// The panels of the Surveys screen, one file each: results (item and construct summaries with
// diverging bars), group comparison with crosstabs, and the CSV import with its progress bar.
#pragma once

#include "app/job.hpp"
#include "app/path_input.hpp"
#include "app/views/view.hpp"
#include "export/survey_analysis.hpp"
#include "export/survey_comparison.hpp"
#include "store/survey_import.hpp"
#include "store/surveys.hpp"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace convene::app {

// One answer to an open-text item, with who gave it.
struct OpenTextAnswer {
    std::string respondent; // the external id, else the start of the uuid
    std::string text;
};
struct OpenTextItem {
    std::string item_id, item_text;
    std::vector<OpenTextAnswer> answers;
};

// The loaded survey and everything computed from it, rebuilt when the workspace changes.
struct SurveyModel {
    // Raised for every model made (on any thread): a panel's cache of results computed from a
    // model is keyed on it, never on the model's address (a new model may reuse an old one's).
    std::uint64_t generation = 0;
    std::string instrument_id;
    store::SurveyData data;
    exporting::SurveyTable table;
    std::vector<exporting::ItemResult> items;
    std::vector<exporting::ConstructResult> constructs;
    // The same results for the complete responses (every Likert and number item answered) and
    // for the partial ones: what the Results tab's filter shows.
    struct Subset {
        std::size_t respondents = 0;
        std::vector<exporting::ItemResult> items;
        std::vector<exporting::ConstructResult> constructs;
    };
    Subset complete, partial;
    std::vector<OpenTextItem> open_text; // every text item, with its answers
};

// The survey loaded and analysed (no drawing): what the Surveys screen caches.
std::unique_ptr<SurveyModel> make_survey_model(store::Workspace& ws,
                                               const std::string& instrument_id);

// How a respondent is named on screen: the survey service's id, else the start of the uuid.
std::string respondent_name(const store::Respondent& r);
// An answer as a person reads it: "Agree (4)", "12.5 hours", "Other: coaching cycles", ...
std::string answer_text(const guides::Instrument& instrument, const guides::Item& item,
                        const store::ResponseValue& value);

// filter: 0 all responses, 1 complete, 2 partial (chosen in the tab, kept by the screen).
void draw_survey_results(const SurveyModel& model, int& filter);

class SurveyComparePanel {
  public:
    // Draws the choices and the comparison last made of this model; a changed choice (or a new
    // model) asks for a new one. No computing here: act() starts it.
    void draw(const std::shared_ptr<const SurveyModel>& model);
    // After draw: starts the comparison asked for on a worker (10,000 respondents' ratings
    // pooled take longer than a frame), the newest request waiting for a running one, or
    // collects a finished one.
    void act();
    bool busy() const { return job_.running() || pending_ != nullptr; }

  private:
    struct Computed {
        std::uint64_t generation = 0; // of the model it was computed from
        std::optional<exporting::GroupComparison> result;
        std::string reading, error;
        std::vector<exporting::TestedCrosstab> crosstabs;
    };
    static Computed compute(const SurveyModel& model, const exporting::CompareRequest& request);
    void collect(); // takes a finished comparison from the worker; waiting_: none yet

    void draw_controls(const SurveyModel& model);
    void draw_groups(const guides::Attribute& attribute);

    std::string attribute_, construct_, item_;
    std::vector<std::string> groups_; // the attribute's values compared (two or more)
    bool item_unit_ = false;
    bool dirty_ = true;
    // The worker was running when this frame collected: what is drawn is not its result yet,
    // even when it finishes before the frame ends (the next frame shows it).
    bool waiting_ = false;
    std::uint64_t last_generation_ = 0;          // of the model last drawn
    std::shared_ptr<const SurveyModel> pending_; // a comparison asked of this model
    std::optional<Computed> shown_;
    Job<Computed> job_;
};

// The drawing of one comparison's result and of one tested crosstab (survey_compare_tables.cpp).
void draw_group_comparison(const exporting::GroupComparison& result, const std::string& reading);
void draw_tested_crosstab(const guides::Instrument& instrument, const exporting::Crosstab& table,
                          const exporting::CrosstabTests& tests, const std::string& reading);

class SurveyImportDialog {
  public:
    void open(const std::string& instrument_id);
    void draw(const guides::Instrument& instrument);
    // Carries out what draw() asked for (starts a check or an import) and collects a finished
    // one; called by the screen after drawing. True when an import committed (the caller
    // refreshes).
    bool act(store::Workspace& ws);
    bool busy() const { return job_.running(); }

  private:
    // Check or Import was pressed for this instrument: act() starts it.
    struct Launch {
        bool dry = true;
        guides::Instrument instrument;
    };

    bool open_request_ = false;
    std::optional<Launch> launch_;
    void draw_mapping(const guides::Instrument& instrument);

    std::string file_, map_file_;
    PathInput file_input_, map_input_;
    std::optional<store::ImportReport> report_;
    // The mapping step: what each column of the last checked file was taken as, and the
    // columns the user changed since (used for the next Check or Import).
    store::ColumnMapping shown_mapping_, changed_;
    std::string error_;
    bool last_was_dry_ = false;
    Job<store::ImportReport> job_; // the import, on its own thread and connection
};

} // namespace convene::app
