// What the export reads and computes beside its sheets, on a thread of its own through a
// connection of its own while the first sheets are written: the coding snapshot with intercoder
// agreement, then the surveys' analyses. In that order because the summaries, which need the
// snapshot, come right after the Answers and Coded segments sheets, and the survey sheets last.
// The thread runs at a low priority (see background_reads.cpp).
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
    // Asks the thread to stop (it stops between the snapshot and the agreement and between
    // surveys: a cancelled export waits a fraction of a second at most) and waits for it.
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
