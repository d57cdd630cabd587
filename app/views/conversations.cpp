// Home screen: the conversations of this workspace.
#include "app/views/view.hpp"
#include "app/widgets.hpp"
#include "store/meta.hpp"

#include <imgui.h>
#include <string>

namespace convene::app {
namespace {

class ConversationsView final : public View {
  public:
    void draw(ViewContext& ctx) override {
        refresh(ctx);
        widgets::screen_title("Conversations");
        if (!ctx.workspace) {
            widgets::empty_state("No workspace is open",
                                 "Use File > New workspace or File > Open workspace to choose the "
                                 "file your conversations are kept in.");
            return;
        }
        widgets::empty_state(
            "No conversations yet",
            "Interviews and focus groups with licensing staff and associations will be listed "
            "here. Setting up and running a conversation arrives in a coming version of Convene; "
            "this workspace is ready for them.");
        ImGui::Spacing();
        ImGui::TextDisabled("Workspace file: %s", info_.path.c_str());
        ImGui::TextDisabled("Created %s, format %d", info_.created_at.c_str(), info_.format);
    }

  private:
    void refresh(ViewContext& ctx) {
        if (ctx.workspace == workspace_ && ctx.revision == revision_ && loaded_) return;
        workspace_ = ctx.workspace;
        revision_ = ctx.revision;
        loaded_ = true;
        info_ = ctx.workspace ? store::read_workspace_info(*ctx.workspace) : store::WorkspaceInfo{};
    }

    store::Workspace* workspace_ = nullptr;
    std::uint64_t revision_ = 0;
    bool loaded_ = false;
    store::WorkspaceInfo info_;
};

} // namespace

std::unique_ptr<View> make_conversations_view() {
    return std::make_unique<ConversationsView>();
}

} // namespace convene::app
