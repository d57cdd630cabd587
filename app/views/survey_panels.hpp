// The panels of the Surveys screen, one file each: results (item and construct summaries with
// diverging bars), group comparison with crosstabs, and the CSV import with its progress bar.
#pragma once

#include "app/job.hpp"
#include "app/views/view.hpp"
#include "export/survey_analysis.hpp"
#include "store/survey_import.hpp"
#include "store/surveys.hpp"

#include <atomic>
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
    std::string instrument_id;
    store::SurveyData data;
    exporting::SurveyTable table;
    std::vector<exporting::ItemResult> items;
    std::vector<exporting::ConstructResult> constructs;
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

void draw_survey_results(const SurveyModel& model);

class SurveyComparePanel {
  public:
    void draw(const SurveyModel& model);

  private:
    void recompute(const SurveyModel& model);

    std::string attribute_, construct_, item_;
    std::vector<std::string> groups_;
    bool item_unit_ = false;
    bool dirty_ = true;
    const SurveyModel* last_model_ = nullptr;
    std::optional<exporting::Comparison> result_;
    std::string error_;
    std::vector<exporting::Crosstab> crosstabs_;
};

class SurveyImportDialog {
  public:
    void open(const std::string& instrument_id);
    // Returns true when an import committed (the caller refreshes).
    bool draw(store::Workspace& ws, const guides::Instrument& instrument);
    bool busy() const { return job_.running(); }

  private:
    bool open_request_ = false;
    std::string file_, map_file_;
    std::optional<store::ImportReport> report_;
    std::string error_;
    bool last_was_dry_ = false;
    Job<store::ImportReport> job_; // the import, on its own thread and connection
};

} // namespace convene::app
