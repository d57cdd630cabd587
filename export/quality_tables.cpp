// The quality review in the export: the criteria sets (one row per criterion, with its guidance
// and the set's levels) and every reviewer's rating of every MC profile with the criterion's
// consensus. Every set version that is current or was rated is written, so a rating always sits
// beside the exact criteria it was made against. Reviewer names are pseudonymised like the rest.
#include "export/export_context.hpp"
#include "export/quality_compilation.hpp"
#include "store/criteria_sets.hpp"
#include "store/ratings.hpp"

#include <map>

namespace convene::exporting {
namespace {

struct SetVersion {
    store::CriteriaSetRow row;
    guides::CriteriaSet set;
    std::vector<store::Rating> ratings;
};

// Current versions and rated older ones, by title then version.
std::vector<SetVersion> sets_to_export(store::Database& db) {
    std::vector<SetVersion> out;
    for (const auto& row : store::list_criteria_sets(db, true)) {
        auto ratings = store::ratings_for_set(db, row.hash);
        if (!row.current && ratings.empty()) continue;
        auto set = store::criteria_by_hash(db, row.hash);
        if (set) out.push_back({row, std::move(*set), std::move(ratings)});
    }
    return out;
}

std::string levels_text(const guides::CriteriaSet& set) {
    std::string out;
    for (std::size_t i = 0; i < set.levels.size(); ++i) {
        if (!out.empty()) out += "; ";
        char score[32];
        std::snprintf(score, sizeof score, "%g", set.levels[i].score);
        out += std::to_string(i + 1) + " " + set.levels[i].label + " (" + score + ")";
    }
    return out;
}

std::string level_label(const guides::CriteriaSet& set, std::optional<int> level) {
    if (!level || *level < 0 || static_cast<std::size_t>(*level) >= set.levels.size()) return {};
    return set.levels[static_cast<std::size_t>(*level)].label;
}

} // namespace

std::size_t write_quality_criteria(ExportContext& ctx, TableSink& sink) {
    TableInfo t{"Quality criteria",
                "quality_criteria",
                "The quality criteria sets MC profiles are rated against: one row per criterion, "
                "with its guidance and the set's rating levels (lowest first, with scores).",
                {{"set", "Set", ColumnType::Text},
                 {"set_version", "Version", ColumnType::Text},
                 {"set_title", "Set title", ColumnType::Text},
                 {"category", "Category", ColumnType::Text},
                 {"criterion_id", "Criterion id", ColumnType::Text},
                 {"criterion", "Criterion", ColumnType::Text},
                 {"guidance", "Guidance", ColumnType::Text},
                 {"levels", "Levels", ColumnType::Text}}};
    t.long_text = {"criterion", "guidance"};
    sink.begin(t);
    std::size_t n = 0;
    for (const auto& v : sets_to_export(ctx.ws.db())) {
        auto levels = levels_text(v.set);
        for (const auto& e : v.set.entries()) {
            sink.row({text_cell(v.set.id), text_cell(v.set.version), text_cell(v.set.title),
                      text_cell(e.category->title), text_cell(e.criterion->id),
                      text_cell(e.criterion->text), text_cell(e.criterion->guidance),
                      text_cell(levels)});
            ++n;
        }
    }
    ctx.tick(1, 1, t.sheet);
    sink.end();
    return n;
}

std::size_t write_quality_ratings(ExportContext& ctx, TableSink& sink) {
    TableInfo t{"Quality ratings",
                "quality_ratings",
                "Every reviewer's rating of every MC profile, criterion by criterion, with the "
                "evidence note and the criterion's consensus for the profile. " +
                    std::string(kConsensusRule),
                {{"profile", "MC profile", ColumnType::Text},
                 {"set", "Set", ColumnType::Text},
                 {"set_version", "Version", ColumnType::Text},
                 {"criterion_id", "Criterion id", ColumnType::Text},
                 {"criterion", "Criterion", ColumnType::Text},
                 {"reviewer", "Reviewer", ColumnType::Text},
                 {"level", "Level", ColumnType::Text},
                 {"score", "Score", ColumnType::Real, "", 2},
                 {"note", "Note", ColumnType::Text},
                 {"consensus", "Consensus", ColumnType::Text},
                 {"updated_at", "Updated", ColumnType::Text}}};
    t.long_text = {"criterion", "note"};
    sink.begin(t);
    std::size_t n = 0;
    for (const auto& v : sets_to_export(ctx.ws.db())) {
        // The consensus per profile and criterion, from every level given.
        std::map<std::pair<std::string, std::string>, std::vector<int>> levels;
        for (const auto& r : v.ratings)
            if (r.level) levels[{r.profile_slug, r.criterion_id}].push_back(*r.level);
        for (const auto& r : v.ratings) {
            const auto* criterion = v.set.criterion(r.criterion_id);
            auto it = levels.find({r.profile_slug, r.criterion_id});
            auto consensus = it == levels.end() ? std::nullopt : consensus_level(it->second);
            Cell score;
            if (r.level && static_cast<std::size_t>(*r.level) < v.set.levels.size())
                score = Cell(v.set.levels[static_cast<std::size_t>(*r.level)].score);
            sink.row({text_cell(r.profile_slug), text_cell(v.set.id), text_cell(v.set.version),
                      text_cell(r.criterion_id), text_cell(criterion ? criterion->text : ""),
                      text_cell(ctx.names.name(r.reviewer_name)),
                      text_cell(level_label(v.set, r.level)), score,
                      text_cell(ctx.names.text(r.note)), text_cell(level_label(v.set, consensus)),
                      text_cell(r.updated_at)});
            ++n;
        }
    }
    ctx.tick(1, 1, t.sheet);
    sink.end();
    return n;
}

} // namespace convene::exporting
