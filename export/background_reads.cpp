#include "export/background_reads.hpp"

#include "export/workbook_export.hpp"

#include <exception>
#include <sys/resource.h>
#include <unistd.h>
#include <utility>

namespace convene::exporting {
namespace {

// The two sheet threads (the caller reading rows, the writer writing them) are what an export
// waits for; this thread's work is needed only at the summaries and the survey sheets. At a low
// priority (nice 10: still about a tenth of a busy core, so a cancel is seen at once) it takes a
// processor mostly when they wait for each other instead of taking one from them: on two cores
// export_bench's sheets were written 5-8% sooner. Linux gives a thread a nice value of its own;
// a refusal leaves it at the normal priority, which is fine.
void yield_to_sheet_threads() {
#ifdef __linux__
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
#endif
}

} // namespace

BackgroundReads::BackgroundReads(const store::Workspace& ws, std::vector<SurveyToAnalyse> surveys,
                                 Filters filters)
    : to_analyse_(std::move(surveys)), surveys_(surveys_promise_.get_future().share()),
      coding_(coding_promise_.get_future()),
      thread_([this, &ws, filters = std::move(filters)](std::stop_token stop) {
          yield_to_sheet_threads();
          std::unique_ptr<store::Database> db;
          try {
              db = ws.open_reader();
              coding_promise_.set_value(load_coding_for_summaries(*db, filters, stop));
          } catch (...) {
              coding_promise_.set_exception(std::current_exception());
          }
          try {
              if (stop.stop_requested()) throw ExportCancelled();
              if (!db) db = ws.open_reader();
              surveys_promise_.set_value(analyse_surveys(*db, to_analyse_, stop));
          } catch (...) {
              surveys_promise_.set_exception(std::current_exception());
          }
      }) {}

const std::vector<SurveyResults>& BackgroundReads::surveys() {
    return surveys_.get();
}

CodingForSummaries BackgroundReads::take_coding() {
    return coding_.get();
}

} // namespace convene::exporting
