// Quality review: reviewers rate MC profiles against a quality criteria set, criterion by
// criterion with an evidence note each; the compiled review of a profile and the overview of all
// profiles. Ratings are autosaved part by part (level, note) like answers.
#include "app/ui_probe.hpp"
#include "app/views/quality_panels.hpp"
#include "app/widgets.hpp"
#include "store/autosaver.hpp"
#include "store/mc_profiles.hpp"
#include "store/stakeholder_excerpts.hpp"
#include "store/workspace.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>
#include <memory>

namespace convene::app {

std::string QualityModel::profile_title(const std::string& slug) const {
    for (const auto& p : profiles)
        if (p.id == slug) return p.title;
    return slug;
}

std::string QualityModel::reviewer_name() const {
    for (const auto& p : people)
        if (p.uuid == reviewer_uuid) return p.name;
    return {};
}

const store::Rating* QualityModel::own_rating(const std::string& criterion_id) const {
    for (const auto& r : ratings)
        if (r.criterion_id == criterion_id && r.reviewer_uuid == reviewer_uuid) return &r;
    return nullptr;
}

ImVec4 level_colour(int level, std::size_t levels) {
    float t = levels > 1 ? static_cast<float>(level) / static_cast<float>(levels - 1) : 1.0f;
    // From a muted red through amber to green.
    if (t < 0.5f) return ImVec4(0.80f, 0.33f + 0.5f * t, 0.28f, 1.0f);
    return ImVec4(0.80f - 0.9f * (t - 0.5f), 0.58f + 0.12f * (t - 0.5f), 0.28f + 0.2f * (t - 0.5f),
                  1.0f);
}

namespace {

enum class Tab { Rate, Compiled, Overview };

// How the criteria picker names a stored version of a set: the version first, so a narrow
// picker cuts the title rather than the version.
std::string set_label(const store::CriteriaSetRow& s) {
    return "v" + s.version + (s.current ? "" : " (earlier)") + " · " + s.title;
}

// The hash of the first current set ("" when none): what the screen opens on.
std::string first_current(const std::vector<store::CriteriaSetRow>& sets) {
    for (const auto& s : sets)
        if (s.current) return s.hash;
    return sets.empty() ? "" : sets.front().hash;
}

template <typename Rows, typename Key, typename Label>
bool pick(const char* label, const char* probe_name, const std::string& current, const Rows& rows,
          Key key, Label show, std::string& chosen, float ems = 16) {
    std::string preview = "(none)";
    for (const auto& r : rows)
        if (key(r) == current) preview = show(r);
    bool changed = false;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * ems);
    bool open = ImGui::BeginCombo(label, preview.c_str());
    probe(probe_name, preview);
    if (open) {
        for (const auto& r : rows) {
            if (ImGui::Selectable(show(r).c_str(), key(r) == current)) {
                chosen = key(r);
                changed = true;
            }
            probe(std::string(probe_name) + "." + show(r));
        }
        ImGui::EndCombo();
    }
    return changed;
}

class QualityReviewView final : public View {
  public:
    void draw(ViewContext& ctx) override {
        widgets::screen_title("Quality review");
        if (!ctx.workspace) {
            widgets::empty_state("No workspace is open",
                                 "Open or create a workspace to review micro-credentials.");
            return;
        }
        if (ctx.workspace != ws_) open(*ctx.workspace);
        refresh(ctx);
        if (model_.profiles.empty() || model_.sets.empty()) {
            widgets::empty_state("Nothing to review yet",
                                 "Add MC profiles and a quality criteria set in the Library "
                                 "(or convene-cli criteria import FILE) to rate profiles here.");
            return;
        }
        draw_selection();
        draw_tabs();
        act();
    }

    bool handle(Command command) override {
        if (!ws_ || tab_ != Tab::Rate || !model_.set || model_.reviewer_uuid.empty()) return false;
        return rating_.handle(command, model_, requests_);
    }

    double next_frame_in() const override {
        return saver_ && saver_->status().pending() ? 0.25 : 1e9;
    }

    std::string status_text() const override {
        if (!saver_) return {};
        auto st = saver_->status();
        if (!st.error.empty()) return "Not saved yet: " + st.error + " (retrying)";
        if (st.pending()) return "Saving...";
        return st.saved_at.empty() ? "" : "Saved " + st.saved_at;
    }

    std::string save_everything() override {
        if (!saver_ || saver_->flush()) return {};
        return "The last ratings could not be saved yet (" + saver_->status().error +
               "). They are kept and retried; free some disk space or close the other program "
               "using the workspace, then try again.";
    }

    void workspace_closing() override {
        if (auto why = save_everything(); !why.empty()) throw std::runtime_error(why);
        saver_.reset();
        ws_ = nullptr;
        model_ = {};
        rating_.reset();
    }

    bool open_part(store::Workspace& ws, std::string_view part) override {
        if (part != "compiled" && part != "overview") return false;
        open(ws);
        ViewContext ctx{&ws, ws.revision()};
        refresh(ctx);
        // The compiled view opens on the first profile anyone rated.
        if (part == "compiled" && !model_.overview.rows.empty()) {
            model_.profile_slug = model_.overview.rows.front().profile_slug;
            cache_.invalidate();
        }
        tab_ = part == "compiled" ? Tab::Compiled : Tab::Overview;
        select_tab_ = true;
        return true;
    }

  private:
    void open(store::Workspace& ws) {
        if (saver_) saver_->flush();
        ws_ = &ws;
        saver_ = std::make_unique<store::Autosaver>(ws);
        model_ = {};
        rating_.reset();
        cache_.invalidate();
    }

    void refresh(ViewContext& ctx) {
        if (!cache_.stale(ctx)) return;
        auto& db = ws_->db();
        auto& m = model_;
        m.profiles = store::load_profiles(*ws_).profiles;
        m.sets = store::list_criteria_sets(db, true); // every version: each keeps its ratings
        m.people = store::list_people(db);
        auto has = [](const auto& rows, auto key, const std::string& v) {
            for (const auto& r : rows)
                if (key(r) == v) return true;
            return false;
        };
        if (!has(
                m.profiles, [](auto& p) { return p.id; }, m.profile_slug))
            m.profile_slug = m.profiles.empty() ? "" : m.profiles.front().id;
        if (!has(
                m.sets, [](auto& s) { return s.hash; }, m.set_hash))
            m.set_hash = first_current(m.sets);
        if (!has(
                m.people, [](auto& p) { return p.uuid; }, m.reviewer_uuid))
            m.reviewer_uuid.clear();
        m.set.reset();
        if (m.set_hash.empty() || m.profile_slug.empty()) return;
        m.set = store::criteria_by_hash(db, m.set_hash);
        m.ratings = store::ratings_for_profile(db, m.profile_slug, m.set_hash);
        auto said = store::excerpts_under_codes(db, exporting::criteria_codes(*m.set));
        m.compiled = exporting::compile_profile(*m.set, m.profile_slug, m.ratings, said);
        m.overview = exporting::overview(*m.set, store::ratings_for_set(db, m.set_hash));
        rating_.refreshed(m, saver_ && saver_->status().pending());
    }

    void draw_selection() {
        using K = QualityRequest::Kind;
        std::string chosen;
        if (pick(
                "MC profile", "quality.profile", model_.profile_slug, model_.profiles,
                [](const auto& p) { return p.id; }, [](const auto& p) { return p.title; }, chosen))
            requests_.push_back({K::SelectProfile, chosen});
        ImGui::SameLine();
        if (pick(
                "Criteria", "quality.set", model_.set_hash, model_.sets,
                [](const auto& s) { return s.hash; }, set_label, chosen, 22))
            requests_.push_back({K::SelectSet, chosen});
        if (pick(
                "Reviewer", "quality.reviewer", model_.reviewer_uuid, model_.people,
                [](const auto& p) { return p.uuid; }, [](const auto& p) { return p.name; }, chosen))
            requests_.push_back({K::SelectReviewer, chosen});
        ImGui::SameLine();
        if (ImGui::Button("Add reviewer...")) ImGui::OpenPopup("Add reviewer");
        probe("quality.add_reviewer");
        draw_add_reviewer();
        if (!message_.empty()) {
            ImGui::SameLine();
            ImGui::TextColored(ImVec4(0.85f, 0.3f, 0.25f, 1), "%s", message_.c_str());
        }
        draw_newer_version();
    }

    // Rating against an earlier version of a set: say that a newer one exists.
    void draw_newer_version() {
        const store::CriteriaSetRow* shown = nullptr;
        for (const auto& s : model_.sets)
            if (s.hash == model_.set_hash) shown = &s;
        if (!shown || shown->current) return;
        for (const auto& s : model_.sets) {
            if (s.criteria_id != shown->criteria_id || !s.current) continue;
            std::string text = "These are ratings against v" + shown->version +
                               "; the set's current version is v" + s.version + ".";
            ImGui::AlignTextToFramePadding();
            ImGui::TextDisabled("%s", text.c_str());
            probe("quality.set.newer", text);
            ImGui::SameLine();
            std::string button = "Rate against v" + s.version;
            if (ImGui::SmallButton(button.c_str()))
                requests_.push_back({QualityRequest::Kind::SelectSet, s.hash});
            probe("quality.set.use_current");
        }
    }

    void draw_add_reviewer() {
        if (!ImGui::BeginPopup("Add reviewer")) return;
        ImGui::TextUnformatted("Name of the reviewer (also listed among coders):");
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        bool enter =
            ImGui::InputText("##name", &new_reviewer_, ImGuiInputTextFlags_EnterReturnsTrue);
        probe("quality.add_reviewer.name");
        if (ImGui::Button("Add") || enter) {
            requests_.push_back({QualityRequest::Kind::AddReviewer, new_reviewer_});
            new_reviewer_.clear();
            ImGui::CloseCurrentPopup();
        }
        probe("quality.add_reviewer.add");
        ImGui::EndPopup();
    }

    void draw_tabs() {
        if (!ImGui::BeginTabBar("##quality")) return;
        auto tab = [&](const char* label, const char* probe_name, Tab which, auto&& body) {
            ImGuiTabItemFlags flags =
                select_tab_ && tab_ == which ? ImGuiTabItemFlags_SetSelected : 0;
            bool open = ImGui::BeginTabItem(label, nullptr, flags);
            probe(probe_name);
            if (!open) return;
            if (!select_tab_) tab_ = which;
            body();
            ImGui::EndTabItem();
        };
        tab("Rate", "quality.tab.rate", Tab::Rate, [&] {
            if (model_.reviewer_uuid.empty())
                widgets::empty_state("Who is reviewing?",
                                     "Choose yourself under Reviewer (or add yourself) to rate "
                                     "this profile.");
            else
                rating_.draw(model_, requests_);
        });
        tab("Compiled", "quality.tab.compiled", Tab::Compiled, [&] {
            bool hidden =
                rating_.hide_others() && !model_.reviewer_uuid.empty() && !rating_.done(model_);
            compiled_.draw(model_, hidden);
        });
        tab("Overview", "quality.tab.overview", Tab::Overview,
            [&] { overview_.draw(model_, requests_); });
        select_tab_ = false;
        ImGui::EndTabBar();
    }

    // The panels only asked; the writes and selection changes happen here, after drawing.
    void act() {
        using K = QualityRequest::Kind;
        for (auto& r : std::exchange(requests_, {})) {
            switch (r.kind) {
            case K::None:
                break;
            case K::SelectProfile:
                select(model_.profile_slug, r.text);
                break;
            case K::SelectSet:
                select(model_.set_hash, r.text);
                break;
            case K::SelectReviewer:
                select(model_.reviewer_uuid, r.text);
                break;
            case K::ShowCompiled:
                select(model_.profile_slug, r.text);
                tab_ = Tab::Compiled;
                select_tab_ = true;
                break;
            case K::AddReviewer:
                add_reviewer(r.text);
                break;
            case K::Rate:
            case K::Note:
                write(r);
                break;
            }
        }
    }

    void select(std::string& field, const std::string& value) {
        if (field == value) return;
        saver_->flush();
        field = value;
        rating_.reset();
        cache_.invalidate();
    }

    void add_reviewer(const std::string& name) {
        message_.clear();
        try {
            select(model_.reviewer_uuid, store::add_person(ws_->db(), name));
        } catch (const store::Error& e) {
            message_ = e.what();
        }
    }

    void write(const QualityRequest& r) {
        store::RatingChange c{model_.profile_slug, model_.set_hash, r.criterion_id,
                              model_.reviewer_uuid};
        if (r.kind == QualityRequest::Kind::Rate) {
            c.level = r.level;
            rating_.rated(r.criterion_id, r.level);
        } else {
            c.note = r.text;
        }
        std::vector<std::pair<std::string, store::Autosaver::Write>> writes;
        for (auto& [key, one] : store::split_by_part(c))
            writes.emplace_back(
                key, [one](store::Database& db) { store::record_rating_change(db, one); });
        saver_->put_all(std::move(writes));
    }

    store::Workspace* ws_ = nullptr;
    std::unique_ptr<store::Autosaver> saver_;
    ViewCache cache_; // invalidated when the selection changes
    QualityModel model_;
    std::vector<QualityRequest> requests_;
    Tab tab_ = Tab::Rate;
    bool select_tab_ = false;
    std::string new_reviewer_, message_;
    QualityRating rating_;
    QualityCompiled compiled_;
    QualityOverviewPanel overview_;
};

} // namespace

std::unique_ptr<View> make_quality_review_view() {
    return std::make_unique<QualityReviewView>();
}

} // namespace convene::app
