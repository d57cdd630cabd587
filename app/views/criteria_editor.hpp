// Library > Quality criteria: a criteria set edited as a draft held here (title, rating levels,
// categories, criteria with their guidance and codes). Drawing only changes the draft and records
// a request; act() carries it out after the frame. Saving runs the draft through the same checks
// as `criteria validate` (every problem shown with its JSON path, nothing stored while there is
// one) and stores a new version by content hash: ratings keep the version they were made
// against. The picker and the header are in criteria_editor.cpp, the draft's parts in
// criteria_draft.cpp.
#pragma once

#include "app/view_cache.hpp"
#include "app/views/view.hpp"
#include "app/wrapped_input.hpp"
#include "guides/criteria.hpp"
#include "guides/problems.hpp"
#include "store/criteria_sets.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace convene::app {

class CriteriaEditor {
  public:
    void draw(ViewContext& ctx);
    // Carries out what draw() asked for (choose, new, save, discard); called after drawing.
    void act(ViewContext& ctx);
    bool has_unsaved_changes() const { return dirty(); }

  private:
    struct Request {
        enum class Kind { None, Select, New, Save, Discard };
        Kind kind = Kind::None;
        std::string id;
    };
    // A change to the draft's structure, applied after its parts are drawn.
    struct Edit {
        enum class Kind {
            None,
            MoveLevel,
            RemoveLevel,
            MoveCategory,
            RemoveCategory,
            MoveCriterion,
            RemoveCriterion,
            CriterionTo
        };
        Kind kind = Kind::None;
        std::size_t index = 0, sub = 0; // level or category; criterion within the category
        int delta = 0;                  // -1 up, +1 down; CriterionTo: the target category
    };

    // criteria_editor.cpp
    void refresh(ViewContext& ctx);
    void select(const guides::CriteriaSet& set);
    bool dirty() const;
    void draw_picker();
    void draw_header();
    void draw_versions();
    void draw_problem_list();
    void save(ViewContext& ctx);
    // criteria_draft.cpp
    enum class Order { None, Up, Down, Remove };
    // Up, down and Remove buttons for entry i of a list of n; what was pressed.
    static Order order_buttons(const std::string& probe_prefix, std::size_t i, std::size_t n);
    // Records the edit the pressed button asks for.
    void ask(Order pressed, Edit::Kind move, Edit::Kind remove, std::size_t index,
             std::size_t sub = 0);
    void draw_levels();
    void draw_category(std::size_t c);
    void draw_criterion(std::size_t c, std::size_t k);
    void draw_criterion_place(std::size_t c, std::size_t k, const std::string& probe_prefix);
    // The title or text changed: a new entry's id follows it.
    void retitled(guides::CriteriaCategory& category);
    void retexted(guides::Criterion& criterion);
    void add_criterion(std::size_t c);
    void add_category();
    void apply(const Edit& edit);
    // The problem of the last failed save at path, drawn under its field while the draft still
    // has the shape it had then (so the path still names the same field).
    void draw_problem(const std::string& path, bool with_parts = false) const;
    std::vector<std::size_t> shape() const;

    ViewCache cache_;
    std::vector<store::CriteriaSetRow> rows_;            // every stored version
    std::map<std::string, guides::CriteriaSet> current_; // by id: each set's current version
    std::string selected_id_;
    std::optional<guides::CriteriaSet> draft_, base_; // base_: as stored (none for a new set)
    std::set<std::string> auto_ids_;                  // new criteria whose id follows their text
    std::set<std::string> auto_category_ids_;         // new categories whose id follows their title
    std::map<std::string, WrappedInputState> guidance_state_; // by "category.criterion"
    WrappedInputState description_state_;
    guides::Problems problems_; // of the last save, when it was refused
    std::vector<std::size_t> problem_shape_;
    std::string message_;
    Request request_;
    Edit edit_;
};

} // namespace convene::app
