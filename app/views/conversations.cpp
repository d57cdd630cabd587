// Conversations: the list of interviews and focus groups, and the open conversation's set-up,
// walkthrough and review.
#include "app/views/conversation_panels.hpp"
#include "app/widgets.hpp"
#include "guides/data_dir.hpp"
#include "store/demo.hpp"
#include "store/guides.hpp"

#include <imgui.h>

namespace convene::app {
namespace {

class ConversationsView final : public View {
  public:
    void draw(ViewContext& ctx) override {
        if (!ctx.workspace) {
            widgets::screen_title("Conversations");
            widgets::empty_state("No workspace is open",
                                 "Use File > New workspace or File > Open workspace to choose the "
                                 "file your conversations are kept in.");
            return;
        }
        if (ctx.workspace != workspace_) {
            session_.reset();
            mode_ = ConversationMode::List;
            workspace_ = ctx.workspace;
        }
        // Another writer's commit shows up here (the reload runs only when the revision moved).
        if (session_) session_->refresh(ctx.revision);
        ConversationRequest request;
        if (!session_ || mode_ == ConversationMode::List) {
            mode_ = ConversationMode::List;
            request = list_.draw(ctx);
        } else if (mode_ == ConversationMode::Setup) {
            request = setup_.draw(ctx, *session_);
            setup_.act();
        } else if (mode_ == ConversationMode::Walkthrough) {
            request = walkthrough_.draw(ctx, *session_);
        } else {
            request = review_.draw(ctx, *session_);
            review_.act(ctx, *session_);
        }
        if (request.fold_panels && ctx.settings) {
            bool show = !(ctx.settings->navigation_shown && ctx.settings->walkthrough_side_panel);
            ctx.settings->navigation_shown = ctx.settings->walkthrough_side_panel = show;
            ctx.settings_changed = true;
        }
        act(ctx, request);
        remember(ctx);
    }

    bool handle(Command command) override {
        if (!session_ || mode_ != ConversationMode::Walkthrough) return false;
        return walkthrough_.handle(command, *session_);
    }

    double next_frame_in() const override {
        double t = 1e9;
        if (session_ && session_->save_status().pending()) t = 0.25; // "Saving..." → "Saved"
        if (mode_ == ConversationMode::List) return std::min(t, list_.next_frame_in());
        if (mode_ == ConversationMode::Walkthrough)
            t = std::min(t, walkthrough_.next_frame_in()); // the area timers
        return t;
    }

    bool busy() const override { return list_.searching(); }

    std::string status_text() const override {
        if (!session_) return {};
        auto st = session_->save_status();
        if (!st.error.empty()) return "Not saved yet: " + st.error + " (retrying)";
        if (st.pending()) return "Saving...";
        if (!st.saved_at.empty()) return "Saved " + st.saved_at;
        return "Saved";
    }

    std::string save_everything() override {
        if (!session_ || session_->flush()) return {};
        return "The last edits of this conversation could not be saved yet (" +
               session_->save_status().error +
               "). They are kept in memory and retried; free some disk space or close the "
               "other program using the workspace, then try again.";
    }

    void workspace_closing() override {
        // Refuse to let go of a conversation whose edits are not in the file yet.
        if (auto why = save_everything(); !why.empty()) throw std::runtime_error(why);
        session_.reset();
        workspace_ = nullptr;
        mode_ = ConversationMode::List;
    }

    bool open_part(store::Workspace& ws, std::string_view part) override {
        // "conversation:UUID:MODE": what was open when the app last ran (after a crash too).
        if (part.starts_with("conversation:")) {
            part.remove_prefix(13);
            auto colon = part.find(':');
            std::string uuid(part.substr(0, colon));
            std::string_view mode = colon == part.npos ? "" : part.substr(colon + 1);
            auto c = store::get_conversation(ws.db(), uuid);
            if (!c || c->deleted_at) return false;
            workspace_ = &ws;
            session_ = std::make_unique<ConversationSession>(ws, uuid);
            mode_ = mode == "review"  ? ConversationMode::Review
                    : mode == "setup" ? ConversationMode::Setup
                                      : ConversationMode::Walkthrough;
            return true;
        }
        if (part != "walkthrough" && part != "review") return false;
        bool complete = part == "review";
        for (const auto& r : store::list_conversations(ws.db()))
            if ((r.status == store::Status::Complete) == complete &&
                r.status != store::Status::Planned) {
                workspace_ = &ws;
                session_ = std::make_unique<ConversationSession>(ws, r.uuid);
                mode_ = complete ? ConversationMode::Review : ConversationMode::Walkthrough;
                return true;
            }
        return false;
    }

  private:
    // Keeps the open conversation and panel in the settings, so the app reopens on them.
    void remember(ViewContext& ctx) {
        if (!ctx.settings) return;
        std::string uuid = session_ && mode_ != ConversationMode::List
                               ? session_->conversation().uuid
                               : std::string();
        std::string mode = uuid.empty()                        ? ""
                           : mode_ == ConversationMode::Review ? "review"
                           : mode_ == ConversationMode::Setup  ? "setup"
                                                               : "walkthrough";
        if (ctx.settings->open_conversation == uuid && ctx.settings->open_mode == mode) return;
        ctx.settings->open_conversation = uuid;
        ctx.settings->open_mode = mode;
        ctx.settings_changed = true;
    }

    void act(ViewContext& ctx, const ConversationRequest& r) {
        using K = ConversationRequest::Kind;
        switch (r.kind) {
        case K::None:
            return;
        case K::Open:
        case K::Setup:
        case K::Walkthrough:
        case K::Review: {
            if (!r.uuid.empty() && (!session_ || session_->conversation().uuid != r.uuid)) {
                if (auto why = save_everything(); !why.empty()) throw std::runtime_error(why);
                session_ = std::make_unique<ConversationSession>(*ctx.workspace, r.uuid);
            }
            if (!session_) return;
            if (!r.question_id.empty()) session_->go_to_question(r.question_id);
            if (r.kind == K::Setup) {
                mode_ = ConversationMode::Setup;
            } else if (r.kind == K::Review) {
                mode_ = ConversationMode::Review;
            } else if (r.kind == K::Walkthrough) {
                mode_ = ConversationMode::Walkthrough;
                if (session_->conversation().status == store::Status::Planned)
                    session_->set_status(store::Status::InProgress);
            } else {
                mode_ = session_->conversation().status == store::Status::Complete
                            ? ConversationMode::Review
                        : session_->conversation().status == store::Status::Planned
                            ? ConversationMode::Setup
                            : ConversationMode::Walkthrough;
            }
            return;
        }
        case K::New: {
            auto hash = store::current_guide_hash(*ctx.workspace, "air-2019");
            auto guides = store::list_guides(*ctx.workspace);
            if (!hash && !guides.empty()) hash = guides.front().hash;
            if (!hash)
                throw std::runtime_error("this workspace has no guide to run a conversation with");
            store::Conversation c;
            c.guide_hash = *hash;
            c.group = store::guide_by_hash(*ctx.workspace, *hash)->groups.front().id;
            auto uuid = store::create_conversation(ctx.workspace->db(), c);
            session_ = std::make_unique<ConversationSession>(*ctx.workspace, uuid);
            mode_ = ConversationMode::Setup;
            return;
        }
        case K::Close:
            if (auto why = save_everything(); !why.empty()) throw std::runtime_error(why);
            session_.reset();
            mode_ = ConversationMode::List;
            return;
        case K::LoadDemo:
            store::load_demo_project(*ctx.workspace, guides::data_dir());
            return;
        case K::Delete:
            if (session_ && session_->conversation().uuid == r.uuid) act(ctx, {K::Close});
            store::trash_conversation(ctx.workspace->db(), r.uuid);
            return;
        case K::Restore:
            store::restore_conversation(ctx.workspace->db(), r.uuid);
            return;
        }
    }

    store::Workspace* workspace_ = nullptr;
    std::unique_ptr<ConversationSession> session_;
    ConversationMode mode_ = ConversationMode::List;
    ConversationList list_;
    ConversationSetup setup_;
    Walkthrough walkthrough_;
    Review review_;
};

} // namespace

std::unique_ptr<View> make_conversations_view() {
    return std::make_unique<ConversationsView>();
}

} // namespace convene::app
