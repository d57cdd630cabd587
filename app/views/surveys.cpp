// Participant surveys: instruments, respondents and group comparisons.
#include "app/views/view.hpp"
#include "app/widgets.hpp"

namespace convene::app {
namespace {

class SurveysView final : public View {
  public:
    void draw(ViewContext&) override {
        widgets::screen_title("Surveys");
        widgets::empty_state("No survey instruments yet",
                             "Likert instruments, responses collected on this laptop or imported "
                             "from a survey service's CSV, and group comparisons will appear here "
                             "in a coming version.");
    }
};

} // namespace

std::unique_ptr<View> make_surveys_view() {
    return std::make_unique<SurveysView>();
}

} // namespace convene::app
