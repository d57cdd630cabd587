#include "export/background_reads.hpp"

#include "export/workbook_export.hpp"

#include <exception>
#include <utility>

namespace convene::exporting {

BackgroundReads::BackgroundReads(const store::Workspace& ws, std::vector<SurveyToAnalyse> surveys,
                                 Filters filters)
    : to_analyse_(std::move(surveys)), surveys_(surveys_promise_.get_future().share()),
      coding_(coding_promise_.get_future()),
      thread_([this, &ws, filters = std::move(filters)](std::stop_token stop) {
          std::unique_ptr<store::Database> db;
          try {
              db = ws.open_reader();
              surveys_promise_.set_value(analyse_surveys(*db, to_analyse_, stop));
          } catch (...) {
              surveys_promise_.set_exception(std::current_exception());
          }
          try {
              if (stop.stop_requested()) throw ExportCancelled();
              if (!db) db = ws.open_reader();
              coding_promise_.set_value(load_coding_for_summaries(*db, filters, stop));
          } catch (...) {
              coding_promise_.set_exception(std::current_exception());
          }
      }) {}

const std::vector<SurveyResults>& BackgroundReads::surveys() {
    return surveys_.get();
}

CodingForSummaries BackgroundReads::take_coding() {
    return coding_.get();
}

} // namespace convene::exporting
