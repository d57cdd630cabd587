#include "app/cli/quality_lookup.hpp"

#include "guides/text.hpp"
#include "store/criteria_sets.hpp"
#include "store/mc_profiles.hpp"

namespace convene::cli {

using nlohmann::ordered_json;

guides::Profile require_profile(Context& ctx, const std::string& slug) {
    auto lib = store::load_profiles(ctx.workspace());
    if (const auto* p = lib.profile(slug)) return *p;
    throw CommandError("no MC profile \"" + slug + "\" (profiles are " +
                       guides::join_by(lib.profiles, [](const auto& p) { return p.id; }) + ")");
}

NamedSet require_criteria_set(Context& ctx, const std::string& text) {
    auto& db = ctx.workspace().db();
    if (auto hash = store::find_criteria_set(db, text))
        return {*hash, *store::criteria_by_hash(db, *hash)};
    auto rows = store::list_criteria_sets(db);
    throw CommandError("no criteria set \"" + text + "\" (sets are " +
                       (rows.empty()
                            ? std::string("none; import one with criteria import FILE")
                            : guides::join_by(rows, [](const auto& r) { return r.criteria_id; })) +
                       ")");
}

store::Person require_reviewer(Context& ctx, const std::string& name) {
    if (auto p = store::find_person(ctx.workspace().db(), name)) return *p;
    throw CommandError("no reviewer \"" + name +
                       "\" (add one with: convene-cli reviewer add NAME)");
}

std::string level_label(const guides::CriteriaSet& set, std::optional<int> level) {
    if (!level || *level < 0 || static_cast<std::size_t>(*level) >= set.levels.size()) return {};
    return set.levels[static_cast<std::size_t>(*level)].label;
}

namespace {

ordered_json optional_number(const std::optional<double>& v) {
    return v ? ordered_json(*v) : ordered_json(nullptr);
}

ordered_json criterion_json(const guides::CriteriaSet& set,
                            const exporting::CriterionCompilation& c) {
    ordered_json j{{"id", c.criterion_id},
                   {"category", c.category},
                   {"text", c.text},
                   {"rated", c.rated},
                   {"distribution", c.distribution}};
    j["consensus"] = c.consensus ? ordered_json(*c.consensus + 1) : ordered_json(nullptr);
    j["consensus_label"] = level_label(set, c.consensus);
    j["disagreement"] = optional_number(c.disagreement);
    j["ratings"] = ordered_json::array();
    for (const auto& r : c.reviewers)
        j["ratings"].push_back(
            {{"reviewer", r.reviewer_name},
             {"level", r.level ? ordered_json(*r.level + 1) : ordered_json(nullptr)},
             {"level_label", level_label(set, r.level)},
             {"note", r.note}});
    j["stakeholders"] = ordered_json::array();
    for (const auto& s : c.stakeholders)
        j["stakeholders"].push_back({{"code", s.code_slug},
                                     {"code_name", s.code_name},
                                     {"excerpt", s.excerpt},
                                     {"org", s.org},
                                     {"group", s.group_id},
                                     {"quote", s.quote}});
    return j;
}

} // namespace

ordered_json compilation_json(const NamedSet& named, const exporting::ProfileCompilation& p) {
    const auto& set = named.set;
    ordered_json j{
        {"profile", p.profile_slug},
        {"criteria_set", {{"id", set.id}, {"version", set.version}, {"hash", named.hash}}},
        {"reviewers", p.reviewers},
        {"ratings", p.ratings},
        {"complete", p.complete}};
    j["levels"] = ordered_json::array();
    for (const auto& l : set.levels)
        j["levels"].push_back(l.label);
    j["agreement"] = {{"percent_agreement", optional_number(p.percent.proportion)},
                      {"fleiss_kappa", optional_number(p.fleiss ? p.fleiss->kappa : std::nullopt)},
                      {"fleiss_note", p.fleiss_note},
                      {"krippendorff_alpha_ordinal", optional_number(p.alpha.alpha)},
                      {"pairable_criteria", p.alpha.pairable_units}};
    j["consensus_rule"] = exporting::kConsensusRule;
    j["order"] = exporting::kDisagreementRule;
    j["criteria"] = ordered_json::array();
    for (const auto& c : p.criteria)
        j["criteria"].push_back(criterion_json(set, c));
    return j;
}

} // namespace convene::cli
