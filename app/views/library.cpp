// Library: conversation guides, protocols, micro-credential profiles and the codebook.
#include "app/views/view.hpp"
#include "app/widgets.hpp"

namespace convene::app {
namespace {

class LibraryView final : public View {
  public:
    void draw(ViewContext&) override {
        widgets::screen_title("Library");
        widgets::empty_state("The library is empty",
                             "Conversation guides, your own protocols, micro-credential profiles "
                             "and the shared codebook will be browsed and edited here.");
    }
};

} // namespace

std::unique_ptr<View> make_library_view() {
    return std::make_unique<LibraryView>();
}

} // namespace convene::app
