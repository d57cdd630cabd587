// convene-cli profile list | show: the workspace's micro-credential profiles (what reviewers rate).
#include "app/cli/quality_lookup.hpp"
#include "store/mc_profiles.hpp"

#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>

namespace convene::cli {
namespace {

using nlohmann::ordered_json;

int list(Context& ctx) {
    auto lib = store::load_profiles(ctx.workspace());
    if (ctx.json) {
        ordered_json a = ordered_json::array();
        for (const auto& p : lib.profiles)
            a.push_back({{"id", p.id},
                         {"title", p.title},
                         {"issuer", p.issuer},
                         {"stack", p.stack},
                         {"currency_granted", p.currency_granted},
                         {"estimated_hours", p.estimated_hours ? ordered_json(*p.estimated_hours)
                                                               : ordered_json(nullptr)}});
        ctx.out << a.dump(2) << "\n";
        return 0;
    }
    if (lib.profiles.empty()) ctx.out << "No MC profiles.\n";
    for (const auto& p : lib.profiles)
        ctx.out << p.id << "  " << p.title << (p.issuer.empty() ? "" : "  (" + p.issuer + ")")
                << "\n";
    return 0;
}

void print_list(Context& ctx, const char* heading, const std::vector<std::string>& items) {
    if (items.empty()) return;
    ctx.out << heading << ":\n";
    for (const auto& i : items)
        ctx.out << "  - " << i << "\n";
}

int show(Context& ctx, const std::string& slug) {
    auto p = require_profile(ctx, slug);
    if (ctx.json) {
        guides::ProfileLibrary one;
        one.profiles.push_back(p);
        ctx.out << nlohmann::json::parse(guides::profiles_to_json(one))["profiles"][0].dump(2)
                << "\n";
        return 0;
    }
    ctx.out << p.title << "  (" << p.id << ")\n";
    for (auto [label, value] : {std::pair{"Issuer", &p.issuer},
                                {"Developer", &p.developer},
                                {"Competency", &p.competency},
                                {"Key method", &p.key_method},
                                {"Stack", &p.stack},
                                {"Currency", &p.currency_granted}})
        if (!value->empty()) ctx.out << label << ": " << *value << "\n";
    if (p.estimated_hours) ctx.out << "Estimated hours: " << *p.estimated_hours << "\n";
    print_list(ctx, "Method components", p.method_components);
    print_list(ctx, "Research and resources", p.research_resources);
    print_list(ctx, "Submission criteria", p.submission_criteria);
    if (!p.rubric.empty()) ctx.out << "Rubric:\n";
    for (const auto& r : p.rubric)
        ctx.out << "  - " << r.criterion << ": " << r.proficient << "\n";
    return 0;
}

} // namespace

void add_profile_commands(CLI::App& app, Context& ctx) {
    auto* profile = app.add_subcommand("profile", "Micro-credential profiles");
    profile->require_subcommand(1);
    profile->add_subcommand("list", "List the MC profiles")->callback([&ctx] {
        ctx.action = [&ctx] { return list(ctx); };
    });
    auto slug = std::make_shared<std::string>();
    auto* show_cmd = profile->add_subcommand("show", "Show one MC profile");
    show_cmd->add_option("ID", *slug, "Profile id")->required();
    show_cmd->callback([&ctx, slug] { ctx.action = [&ctx, slug] { return show(ctx, *slug); }; });
}

} // namespace convene::cli
