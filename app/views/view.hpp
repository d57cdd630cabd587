// A screen of the app. Each view lives in its own file under app/views/, keeps a small cached
// model rebuilt only when the workspace revision (or its own filter) changed, and draws from it.
#pragma once

#include <cstdint>
#include <memory>

namespace convene::store {
class Workspace;
}

namespace convene::app {

struct ViewContext {
    store::Workspace* workspace = nullptr; // null when no workspace is open
    std::uint64_t revision = 0;            // raised by every committed write
};

class View {
  public:
    virtual ~View() = default;
    virtual void draw(ViewContext& ctx) = 0;
};

std::unique_ptr<View> make_conversations_view();
std::unique_ptr<View> make_surveys_view();
std::unique_ptr<View> make_quality_review_view();
std::unique_ptr<View> make_library_view();
std::unique_ptr<View> make_summaries_view();

} // namespace convene::app
