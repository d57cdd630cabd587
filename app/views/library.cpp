// Library: conversation guides, protocols of one's own, MC profiles, quality criteria sets, the
// codebook and currency.
#include "app/ui_probe.hpp"
#include "app/views/criteria_editor.hpp"
#include "app/views/library_panels.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

namespace convene::app {
namespace {

class LibraryView final : public View {
  public:
    void draw(ViewContext& ctx) override {
        widgets::screen_title("Library");
        if (!ctx.workspace) {
            widgets::empty_state("No workspace is open",
                                 "Open or create a workspace to browse its guides and profiles.");
            return;
        }
        if (ImGui::BeginTabBar("##library")) {
            auto tab = [&](const char* label, const char* probe_name, auto&& body) {
                bool wanted = open_tab_ == label;
                bool open = ImGui::BeginTabItem(label, nullptr,
                                                wanted ? ImGuiTabItemFlags_SetSelected
                                                       : ImGuiTabItemFlags_None);
                if (wanted) open_tab_.clear();
                probe(probe_name);
                if (open) {
                    body();
                    ImGui::EndTabItem();
                }
            };
            tab("Guides", "library.tab.guides", [&] {
                if (editor_.active())
                    editor_.draw();
                else
                    guides_.draw(ctx, editor_);
            });
            tab("MC profiles", "library.tab.profiles", [&] { profiles_.draw(ctx); });
            tab("Quality criteria", "library.tab.criteria", [&] { criteria_.draw(ctx); });
            tab("Codebook", "library.tab.codebook", [&] { codebook_.draw(ctx); });
            tab("Currency", "library.tab.currency", [&] { currency_.draw(ctx); });
            ImGui::EndTabBar();
        }
        // The panels only asked; the writes happen here, after the frame is drawn.
        editor_.act(ctx);
        if (auto saved = editor_.take_saved_id(); !saved.empty())
            guides_.show_guide(saved, editor_.message());
        guides_.act();
        profiles_.act(ctx);
        criteria_.act(ctx);
        codebook_.act(ctx);
        currency_.act(ctx);
    }

    // `convene --view codebook`, `--view currency` or `--view criteria`: the Library on that tab.
    bool open_part(store::Workspace&, std::string_view part) override {
        if (part == "criteria") open_tab_ = "Quality criteria";
        if (part == "codebook") open_tab_ = "Codebook";
        if (part == "currency") open_tab_ = "Currency";
        return !open_tab_.empty();
    }

    std::string save_everything() override {
        if (criteria_.has_unsaved_changes())
            return "A quality criteria set in the Library has changes that are not saved: save or "
                   "discard them there first.";
        if (!profiles_.has_unsaved_changes()) return {};
        return "An MC profile in the Library has changes that are not saved: save or discard them "
               "there first.";
    }

  private:
    std::string open_tab_; // a tab to bring forward in the next frame
    GuideBrowser guides_;
    ProtocolEditor editor_;
    ProfileEditor profiles_;
    CriteriaEditor criteria_;
    CodebookEditor codebook_;
    CurrencyTableView currency_;
};

} // namespace

std::unique_ptr<View> make_library_view() {
    return std::make_unique<LibraryView>();
}

} // namespace convene::app
