// Quality review: rating micro-credential profiles against quality criteria.
#include "app/views/view.hpp"
#include "app/widgets.hpp"

namespace convene::app {
namespace {

class QualityReviewView final : public View {
  public:
    void draw(ViewContext&) override {
        widgets::screen_title("Quality review");
        widgets::empty_state("No reviews yet",
                             "Reviewers will rate micro-credential profiles against the quality "
                             "criteria stakeholders name, with evidence notes, here.");
    }
};

} // namespace

std::unique_ptr<View> make_quality_review_view() {
    return std::make_unique<QualityReviewView>();
}

} // namespace convene::app
