// convene-cli criteria list | show | validate | import, reviewer add | list, review rate |
// compile | overview: quality criteria sets and reviewers' ratings of MC profiles.
#include "app/cli/quality_lookup.hpp"
#include "guides/text.hpp"
#include "store/criteria_sets.hpp"
#include "store/ratings.hpp"
#include "store/stakeholder_excerpts.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <ostream>

namespace convene::cli {
namespace {

using nlohmann::ordered_json;

std::string fixed(std::optional<double> v, const char* none = "-") {
    if (!v) return none;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", *v);
    return buf;
}

int list_sets(Context& ctx, bool all) {
    auto rows = store::list_criteria_sets(ctx.workspace().db(), all);
    if (ctx.json) {
        ordered_json a = ordered_json::array();
        for (const auto& r : rows)
            a.push_back({{"id", r.criteria_id},
                         {"version", r.version},
                         {"title", r.title},
                         {"hash", r.hash},
                         {"current", r.current},
                         {"bundled", r.bundled},
                         {"categories", r.categories},
                         {"criteria", r.criteria},
                         {"levels", r.levels},
                         {"added_at", r.added_at}});
        ctx.out << a.dump(2) << "\n";
        return 0;
    }
    if (rows.empty()) ctx.out << "No criteria sets.\n";
    for (const auto& r : rows)
        ctx.out << r.criteria_id << " v" << r.version << "  " << r.title << "  (" << r.criteria
                << " criteria, " << r.levels << " levels, " << r.hash.substr(0, 12)
                << (all && r.current ? ", current" : "") << ")\n";
    return 0;
}

int show_set(Context& ctx, const std::string& text) {
    auto named = require_criteria_set(ctx, text);
    const auto& s = named.set;
    if (ctx.json) {
        auto j = ordered_json::parse(guides::criteria_to_json(s));
        j["hash"] = named.hash;
        ctx.out << j.dump(2) << "\n";
        return 0;
    }
    ctx.out << s.title << "  (" << s.id << " v" << s.version << ", " << named.hash.substr(0, 12)
            << ")\nLevels: ";
    for (std::size_t i = 0; i < s.levels.size(); ++i)
        ctx.out << (i ? ", " : "") << i + 1 << " " << s.levels[i].label;
    ctx.out << "\n";
    for (const auto& cat : s.categories) {
        ctx.out << "\n" << cat.title << "\n";
        for (const auto& c : cat.criteria) {
            ctx.out << "  " << c.id << ": " << c.text << "\n";
            if (!c.codes.empty())
                ctx.out << "    stakeholders: "
                        << guides::join_by(c.codes, [](auto& x) { return x; }) << "\n";
        }
    }
    return 0;
}

guides::CriteriaSet validated(Context& ctx, const std::string& file) {
    auto load = guides::load_criteria_file(file);
    if (load.set) return *load.set;
    for (const auto& p : load.problems)
        ctx.err << file << ": " << p.to_string() << "\n";
    throw CommandError(file + " is not a valid criteria set (" +
                       std::to_string(load.problems.size()) +
                       (load.problems.size() == 1 ? " problem)" : " problems)"));
}

int validate(Context& ctx, const std::string& file) {
    auto s = validated(ctx, file);
    ctx.out << file << ": ok (criteria " << s.id << " v" << s.version << ", " << s.entries().size()
            << " criteria, " << s.levels.size() << " levels)\n";
    return 0;
}

int import(Context& ctx, const std::string& file) {
    auto s = validated(ctx, file);
    auto r = store::import_criteria(ctx.workspace().db(), s);
    if (ctx.json) {
        ctx.out << ordered_json{{"id", s.id},
                                {"version", s.version},
                                {"hash", r.hash},
                                {"added", r.added}}
                       .dump(2)
                << "\n";
        return 0;
    }
    ctx.out << (r.added ? "Imported " : "Already there: ") << s.id << " v" << s.version << " ("
            << r.hash.substr(0, 12) << "), now the current version.\n";
    return 0;
}

struct RateArgs {
    std::string profile, set, criterion, level, reviewer, note;
    bool has_note = false;
};

int rate(Context& ctx, const RateArgs& a) {
    auto profile = require_profile(ctx, a.profile);
    auto named = require_criteria_set(ctx, a.set);
    if (!named.set.criterion(a.criterion))
        throw CommandError("the criteria set " + named.set.id + " has no criterion \"" +
                           a.criterion + "\" (see criteria show " + named.set.id + ")");
    auto level = named.set.level_named(a.level);
    if (!level)
        throw CommandError(
            "\"" + a.level + "\" is not a level of " + named.set.id + " (give 1 to " +
            std::to_string(named.set.levels.size()) + " or a label: " +
            guides::join_by(named.set.levels, [](auto& l) { return l.label; }) + ")");
    auto reviewer = require_reviewer(ctx, a.reviewer);
    store::RatingChange c{profile.id, named.hash, a.criterion, reviewer.uuid};
    c.level = *level;
    if (a.has_note) c.note = a.note;
    store::record_rating_change(ctx.workspace().db(), c);
    if (ctx.json) {
        ctx.out << ordered_json{{"profile", profile.id},
                                {"criteria_set", named.hash},
                                {"criterion", a.criterion},
                                {"reviewer", reviewer.name},
                                {"level", *level + 1},
                                {"level_label", level_label(named.set, *level)}}
                       .dump(2)
                << "\n";
        return 0;
    }
    ctx.out << reviewer.name << " rated " << profile.id << " / " << a.criterion << ": "
            << level_label(named.set, *level) << "\n";
    return 0;
}

void print_compilation(Context& ctx, const NamedSet& named,
                       const exporting::ProfileCompilation& p) {
    ctx.out << p.profile_slug << " against " << named.set.id << " v" << named.set.version << ": "
            << p.reviewers.size() << " reviewers, " << p.ratings << " ratings"
            << (p.complete ? " (complete)" : "") << "\n";
    ctx.out << "Percent agreement " << fixed(p.percent.proportion) << ", Fleiss' kappa "
            << fixed(p.fleiss ? p.fleiss->kappa : std::nullopt)
            << (p.fleiss_note.empty() ? "" : " (" + p.fleiss_note + ")")
            << ", Krippendorff's alpha (ordinal) " << fixed(p.alpha.alpha) << "\n";
    ctx.out << exporting::kConsensusRule << "\n" << exporting::kDisagreementRule << "\n";
    for (const auto& c : p.criteria) {
        ctx.out << "\n"
                << c.criterion_id << ": " << c.text << "\n  consensus: "
                << (c.consensus ? level_label(named.set, c.consensus) : "not rated") << ", spread "
                << fixed(c.disagreement) << ", ratings";
        for (std::size_t i = 0; i < c.distribution.size(); ++i)
            ctx.out << (i ? " / " : " ") << c.distribution[i];
        ctx.out << "\n";
        for (const auto& r : c.reviewers)
            ctx.out << "  " << r.reviewer_name << ": "
                    << (r.level ? level_label(named.set, r.level) : "(no level)")
                    << (r.note.empty() ? "" : " - " + r.note) << "\n";
        for (const auto& s : c.stakeholders)
            ctx.out << "  said (" << s.org << ", " << s.group_id << "): " << s.excerpt << "\n";
    }
}

int compile(Context& ctx, const std::string& profile_slug, const std::string& set_text) {
    auto profile = require_profile(ctx, profile_slug);
    auto named = require_criteria_set(ctx, set_text);
    auto& db = ctx.workspace().db();
    auto ratings = store::ratings_for_profile(db, profile.id, named.hash);
    auto said = store::excerpts_under_codes(db, exporting::criteria_codes(named.set));
    auto p = exporting::compile_profile(named.set, profile.id, ratings, said);
    if (ctx.json)
        ctx.out << compilation_json(named, p).dump(2) << "\n";
    else
        print_compilation(ctx, named, p);
    return 0;
}

int overview(Context& ctx, const std::string& set_text) {
    auto named = require_criteria_set(ctx, set_text);
    auto o =
        exporting::overview(named.set, store::ratings_for_set(ctx.workspace().db(), named.hash));
    if (ctx.json) {
        ordered_json rows = ordered_json::array();
        for (const auto& r : o.rows) {
            ordered_json cells = ordered_json::object();
            for (std::size_t i = 0; i < o.criteria.size(); ++i)
                cells[o.criteria[i]] =
                    r.consensus[i] ? ordered_json(*r.consensus[i] + 1) : ordered_json(nullptr);
            rows.push_back(
                {{"profile", r.profile_slug}, {"reviewers", r.reviewers}, {"consensus", cells}});
        }
        ctx.out << ordered_json{{"criteria_set", named.hash},
                                {"criteria", o.criteria},
                                {"consensus_rule", exporting::kConsensusRule},
                                {"profiles", rows}}
                       .dump(2)
                << "\n";
        return 0;
    }
    if (o.rows.empty()) ctx.out << "No profile has been rated against " << named.set.id << ".\n";
    ctx.out << "Consensus level (1 to " << named.set.levels.size()
            << ", - not rated) per criterion: "
            << guides::join_by(
                   o.criteria, [](auto& c) { return c; }, " ")
            << "\n";
    for (const auto& r : o.rows) {
        ctx.out << r.profile_slug << " (" << r.reviewers << " reviewers):";
        for (const auto& c : r.consensus)
            ctx.out << " " << (c ? std::to_string(*c + 1) : "-");
        ctx.out << "\n";
    }
    return 0;
}

int reviewers(Context& ctx, const std::string& add) {
    auto& db = ctx.workspace().db();
    if (!add.empty()) {
        ctx.out << store::add_person(db, add) << "\n";
        return 0;
    }
    auto people = store::list_people(db);
    if (ctx.json) {
        ordered_json a = ordered_json::array();
        for (const auto& p : people)
            a.push_back({{"uuid", p.uuid}, {"name", p.name}});
        ctx.out << a.dump(2) << "\n";
        return 0;
    }
    if (people.empty()) ctx.out << "No reviewers.\n";
    for (const auto& p : people)
        ctx.out << p.uuid.substr(0, 8) << "  " << p.name << "\n";
    return 0;
}

void add_criteria(CLI::App& app, Context& ctx) {
    auto* criteria = app.add_subcommand("criteria", "Quality criteria sets");
    criteria->require_subcommand(1);
    auto all = std::make_shared<bool>(false);
    auto* list_cmd = criteria->add_subcommand("list", "List the criteria sets");
    list_cmd->add_flag("--all", *all, "Every version, not only the current ones");
    list_cmd->callback([&ctx, all] { ctx.action = [&ctx, all] { return list_sets(ctx, *all); }; });
    auto arg = std::make_shared<std::string>();
    auto* show_cmd = criteria->add_subcommand("show", "Show a set's levels and criteria");
    show_cmd->add_option("SET", *arg, "Set id or a start of its hash")->required();
    show_cmd->callback([&ctx, arg] { ctx.action = [&ctx, arg] { return show_set(ctx, *arg); }; });
    auto* validate_cmd =
        criteria->add_subcommand("validate", "Check a criteria file; imports nothing");
    validate_cmd->add_option("FILE", *arg, "Criteria JSON file")->required();
    validate_cmd->callback(
        [&ctx, arg] { ctx.action = [&ctx, arg] { return validate(ctx, *arg); }; });
    auto* import_cmd = criteria->add_subcommand("import", "Validate a criteria file and add it");
    import_cmd->add_option("FILE", *arg, "Criteria JSON file")->required();
    import_cmd->callback([&ctx, arg] { ctx.action = [&ctx, arg] { return import(ctx, *arg); }; });
}

void add_review(CLI::App& app, Context& ctx) {
    auto* review = app.add_subcommand("review", "Reviewers' ratings of MC profiles");
    review->require_subcommand(1);
    auto a = std::make_shared<RateArgs>();
    auto* rate_cmd = review->add_subcommand("rate", "Rate one criterion of a profile");
    rate_cmd->add_option("PROFILE", a->profile, "Profile id")->required();
    rate_cmd->add_option("SET", a->set, "Criteria set id or hash start")->required();
    rate_cmd->add_option("CRITERION", a->criterion, "Criterion id")->required();
    rate_cmd->add_option("LEVEL", a->level, "Level number (1 = lowest) or label")->required();
    rate_cmd->add_option("--reviewer", a->reviewer, "Who rates (a name or uuid start)")->required();
    rate_cmd->add_option("--note", a->note, "Evidence note");
    rate_cmd->callback([&ctx, a, rate_cmd] {
        a->has_note = rate_cmd->count("--note") > 0;
        ctx.action = [&ctx, a] { return rate(ctx, *a); };
    });
    auto profile = std::make_shared<std::string>(), set = std::make_shared<std::string>();
    auto* compile_cmd = review->add_subcommand("compile", "One profile's ratings compiled");
    compile_cmd->add_option("PROFILE", *profile, "Profile id")->required();
    compile_cmd->add_option("SET", *set, "Criteria set id or hash start")->required();
    compile_cmd->callback([&ctx, profile, set] {
        ctx.action = [&ctx, profile, set] { return compile(ctx, *profile, *set); };
    });
    auto* overview_cmd = review->add_subcommand("overview", "Consensus per profile and criterion");
    overview_cmd->add_option("SET", *set, "Criteria set id or hash start")->required();
    overview_cmd->callback(
        [&ctx, set] { ctx.action = [&ctx, set] { return overview(ctx, *set); }; });

    auto name = std::make_shared<std::string>();
    auto* reviewer = app.add_subcommand("reviewer", "The people who review (they may also code)");
    reviewer->require_subcommand(1);
    auto* add_cmd = reviewer->add_subcommand("add", "Add a reviewer; prints the uuid");
    add_cmd->add_option("NAME", *name, "Name")->required();
    add_cmd->callback(
        [&ctx, name] { ctx.action = [&ctx, name] { return reviewers(ctx, *name); }; });
    reviewer->add_subcommand("list", "List reviewers")->callback([&ctx] {
        ctx.action = [&ctx] { return reviewers(ctx, ""); };
    });
}

} // namespace

void add_quality_commands(CLI::App& app, Context& ctx) {
    add_profile_commands(app, ctx);
    add_criteria(app, ctx);
    add_review(app, ctx);
}

} // namespace convene::cli
