// What the export reads and computes beside its sheets, on a thread of its own through a
// connection of its own while the first sheets are written: the surveys' analyses, then the
// coding snapshot with intercoder agreement. In that order, so the survey tables are gone before
// the snapshot is read and the two never take memory at the same time; the summaries, which
// need the snapshot, come after the Answers and Coded segments sheets, long enough for both.
#pragma once

#include "export/summary_sheets.hpp"
#include "export/survey_tables.hpp"
#include "store/workspace.hpp"

#include <future>
#include <thread>
#include <vector>

namespace convene::exporting {

class BackgroundReads {
  public:
    BackgroundReads(const store::Workspace& ws, std::vector<SurveyToAnalyse> surveys,
                    Filters filters);
    // Asks the thread to stop (it stops between surveys and between the snapshot and the
    // agreement: a cancelled export waits a fraction of a second at most) and waits for it.
    ~BackgroundReads() = default;

    // Each waits until its part is made and rethrows what went wrong making it.
    const std::vector<SurveyResults>& surveys();
    CodingForSummaries take_coding(); // once

  private:
    std::vector<SurveyToAnalyse> to_analyse_;
    std::promise<std::vector<SurveyResults>> surveys_promise_;
    std::promise<CodingForSummaries> coding_promise_;
    std::shared_future<std::vector<SurveyResults>> surveys_;
    std::future<CodingForSummaries> coding_;
    std::jthread thread_; // last: joined first
};

} // namespace convene::exporting
