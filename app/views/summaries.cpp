// Summaries & export: coded summaries by stakeholder group and the spreadsheet export.
#include "app/views/export_panel.hpp"
#include "app/views/view.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

namespace convene::app {
namespace {

class SummariesView final : public View {
  public:
    void draw(ViewContext& ctx) override {
        widgets::screen_title("Summaries & export");
        widgets::wrapped("Counts by stakeholder group and the quotes behind each code will be "
                         "here once conversations are coded.");
        if (!ctx.workspace) return;
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::TextUnformatted("Export");
        export_.draw();
        export_.act(*ctx.workspace);
    }
    bool busy() const override { return export_.busy(); }
    double next_frame_in() const override { return export_.busy() ? 0.1 : 1e9; }
    void workspace_closing() override { export_.workspace_closing(); }

  private:
    ExportPanel export_;
};

} // namespace

std::unique_ptr<View> make_summaries_view() {
    return std::make_unique<SummariesView>();
}

} // namespace convene::app
