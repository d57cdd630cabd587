// The panels of the Quality review screen, one file each: rating (quality_rating.cpp), the
// compiled review of one profile (quality_compiled.cpp) and the profiles x criteria overview
// (quality_overview.cpp). The screen (quality_review.cpp) keeps the model, rebuilt only when the
// workspace revision or the selection changed, and carries out what the panels ask after drawing.
#pragma once

#include "app/view_cache.hpp"
#include "app/views/view.hpp"
#include "app/wrapped_input.hpp"
#include "export/quality_compilation.hpp"
#include "guides/criteria.hpp"
#include "guides/profiles.hpp"
#include "store/criteria_sets.hpp"
#include "store/people.hpp"
#include "store/ratings.hpp"

#include <imgui.h>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace convene::app {

// What the screen shows: read from the store when stale, drawn from memory every frame.
struct QualityModel {
    std::vector<guides::Profile> profiles;
    std::vector<store::CriteriaSetRow> sets;
    std::vector<store::Person> people;
    std::string profile_slug, set_hash, reviewer_uuid; // the selection ("" none)
    std::optional<guides::CriteriaSet> set;
    std::vector<store::Rating> ratings; // of the profile against the set
    exporting::ProfileCompilation compiled;
    exporting::QualityOverview overview;

    std::string profile_title(const std::string& slug) const;
    std::string reviewer_name() const;
    // The stored rating of the selected reviewer for a criterion, if any.
    const store::Rating* own_rating(const std::string& criterion_id) const;
};

// What a panel asks the screen to do after drawing.
struct QualityRequest {
    enum class Kind {
        None,
        SelectProfile,
        SelectSet,
        SelectReviewer,
        AddReviewer,
        Rate,
        Note,
        ShowCompiled
    };
    Kind kind = Kind::None;
    std::string text; // the profile slug, set hash, reviewer uuid or name, or the note
    std::string criterion_id;
    std::optional<int> level;
};

// Level colours from the lowest (warm) to the highest (green), for buttons and the overview.
ImVec4 level_colour(int level, std::size_t levels);

class QualityRating {
  public:
    // Draws the criteria of the set with level buttons and evidence notes for the reviewer.
    void draw(const QualityModel& model, std::vector<QualityRequest>& requests);
    // 1..9 rate the selected criterion, Up / Down move between criteria.
    bool handle(Command command, const QualityModel& model, std::vector<QualityRequest>& requests);
    // The selection (profile, set, reviewer) changed: forget notes typed for another one.
    void reset();
    // Levels just given (shown at once, before the autosaver has written them).
    void rated(const std::string& criterion_id, std::optional<int> level);
    // The model was rebuilt: take stored notes and levels for what this panel is not editing.
    void refreshed(const QualityModel& model, bool writes_pending);
    bool hide_others() const { return hide_others_; }
    // The reviewer has given a level to every criterion of the set.
    bool done(const QualityModel& model) const;

  private:
    std::optional<int> level_of(const QualityModel& model, const std::string& criterion_id) const;
    void draw_criterion(const QualityModel& model, const guides::CriteriaSet::Entry& e,
                        std::size_t i, std::vector<QualityRequest>& requests);
    void draw_others(const QualityModel& model, const std::string& criterion_id);

    std::size_t selected_ = 0;
    bool scroll_to_selected_ = false;
    bool hide_others_ = false;
    std::map<std::string, std::optional<int>> levels_; // given here, maybe not yet stored
    std::map<std::string, std::string> notes_;         // as typed here
    std::map<std::string, WrappedInputState> note_state_;
};

class QualityCompiled {
  public:
    // hidden: the reviewer asked not to see the others' ratings before rating everything.
    void draw(const QualityModel& model, bool hidden);
};

class QualityOverviewPanel {
  public:
    void draw(const QualityModel& model, std::vector<QualityRequest>& requests);
};

} // namespace convene::app
