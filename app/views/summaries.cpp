// Summaries & export: coded summaries by stakeholder group and the spreadsheet export.
#include "app/views/view.hpp"
#include "app/widgets.hpp"

namespace convene::app {
namespace {

class SummariesView final : public View {
  public:
    void draw(ViewContext&) override {
        widgets::screen_title("Summaries & export");
        widgets::empty_state("Nothing to summarise yet",
                             "Once conversations are coded, counts by stakeholder group, the "
                             "quotes behind each code and the xlsx and CSV exports will be here.");
    }
};

} // namespace

std::unique_ptr<View> make_summaries_view() {
    return std::make_unique<SummariesView>();
}

} // namespace convene::app
