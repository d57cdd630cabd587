// convene-cli summary NAME [filters]: a cross-conversation summary (export/summaries.hpp) as an
// aligned table, or with --json as {summary, title, note, filters, columns, rows}.
#include "app/cli/coding_lookup.hpp"
#include "app/cli/context.hpp"
#include "app/cli/table_output.hpp"
#include "export/intercoder_agreement.hpp"
#include "export/summaries.hpp"
#include "guides/text.hpp"
#include "store/people.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>

namespace convene::cli {
namespace {

using nlohmann::ordered_json;

struct SummaryArgs {
    std::string name, coder;
    exporting::Filters filters;
};

ordered_json table_json(const SummaryArgs& a, const exporting::SummaryTable& t) {
    const auto& f = a.filters;
    ordered_json filters = ordered_json::object();
    for (auto [key, value] : {std::pair{"group", &f.group},
                              {"state", &f.state},
                              {"from", &f.from},
                              {"to", &f.to},
                              {"guide", &f.guide},
                              {"status", &f.status}})
        if (!value->empty()) filters[key] = *value;
    if (!a.coder.empty()) filters["coder"] = a.coder;
    ordered_json j = {{"summary", a.name}, {"filters", filters}};
    j.update(summary_json(t));
    return j;
}

// A group or guide that nothing in the workspace names is a typo, not an empty answer. (A state
// is not checked: one with no conversation yet is a fair question, answered by empty tables.)
void check_known(const std::string& what, const std::string& given,
                 const std::set<std::string>& known) {
    if (given.empty() || known.count(given)) return;
    throw CommandError("no " + what + " \"" + given + "\" in this workspace" +
                       (known.empty() ? "" : " (" + guides::join_by(known, [](const auto& k) {
                                                 return k;
                                             }) + ")"));
}

void check_filters(const store::CodingSnapshot& s, const exporting::Filters& f) {
    std::set<std::string> groups, guide_ids;
    for (const auto& g : s.guides) {
        guide_ids.insert(g.id);
        for (const auto& group : g.groups)
            groups.insert(group.id);
    }
    for (const auto& c : s.conversations)
        groups.insert(c.group);
    check_known("stakeholder group", f.group, groups);
    check_known("guide in use", f.guide, guide_ids);
}

// Checks the filters, resolves the coder, and loads the snapshot they apply to.
store::CodingSnapshot resolve(Context& ctx, SummaryArgs& a) {
    check_status(a.filters.status);
    for (const auto* d : {&a.filters.from, &a.filters.to})
        if (!d->empty() && !valid_date(*d, false))
            throw CommandError("\"" + *d + "\" is not a date like 2026-11-23");
    if (!a.coder.empty()) {
        auto person = store::find_person(ctx.workspace().db(), a.coder);
        if (!person)
            throw CommandError("no coder \"" + a.coder + "\" (see convene-cli coder list)");
        a.filters.coder = person->uuid;
        a.coder = person->name;
    }
    auto snapshot = store::load_coding_snapshot(ctx.workspace());
    check_filters(snapshot, a.filters);
    return snapshot;
}

int summary(Context& ctx, SummaryArgs a) {
    const auto* kind = exporting::find_summary(a.name);
    if (!kind) {
        std::vector<std::string> names;
        for (const auto& k : exporting::summary_kinds())
            names.emplace_back(k.name);
        throw CommandError("no summary \"" + a.name + "\" (summaries are " +
                           guides::join_by(names, [](const auto& k) { return k; }) + ")");
    }
    auto snapshot = resolve(ctx, a);
    auto table = kind->compute(snapshot, a.filters);
    if (ctx.json)
        ctx.out << table_json(a, table).dump(2) << "\n";
    else
        print_table(ctx.out, table);
    return 0;
}

struct AgreementArgs {
    SummaryArgs base{"agreement", {}, {}};
    std::string coders, code;
};

exporting::AgreementOptions agreement_options(Context& ctx, const AgreementArgs& a) {
    exporting::AgreementOptions o;
    std::string rest = a.coders;
    while (!rest.empty()) {
        auto comma = rest.find(',');
        auto name = guides::trim(rest.substr(0, comma));
        rest = comma == std::string::npos ? "" : rest.substr(comma + 1);
        if (name.empty()) continue;
        auto person = store::find_person(ctx.workspace().db(), name);
        if (!person) throw CommandError("no coder \"" + name + "\" (see convene-cli coder list)");
        o.coders.push_back(person->uuid);
    }
    if (o.coders.size() == 1) throw CommandError("--coders needs two or more coders");
    if (!a.code.empty()) o.code = require_code(ctx, a.code).uuid;
    return o;
}

int agreement(Context& ctx, AgreementArgs a) {
    auto snapshot = resolve(ctx, a.base);
    auto options = agreement_options(ctx, a);
    auto computed = exporting::compute_agreement(snapshot, a.base.filters, options);
    auto table = exporting::intercoder_agreement(snapshot, computed);
    auto disagreements = exporting::coder_disagreements(snapshot, computed);
    if (ctx.json) {
        auto j = table_json(a.base, table);
        j["disagreements"] = summary_json(disagreements);
        ctx.out << j.dump(2) << "\n";
        return 0;
    }
    print_table(ctx.out, table);
    ctx.out << "\n";
    print_table(ctx.out, disagreements);
    return 0;
}

void add_filter_options(CLI::App* cmd, SummaryArgs& a, bool coder) {
    cmd->add_option("--group", a.filters.group, "Only this stakeholder group (id)");
    cmd->add_option("--state", a.filters.state, "Only conversations in this state");
    cmd->add_option("--from", a.filters.from, "From this date (YYYY-MM-DD)");
    cmd->add_option("--to", a.filters.to, "To this date (YYYY-MM-DD), inclusive");
    cmd->add_option("--guide", a.filters.guide, "Only conversations run with this guide (id)");
    cmd->add_option("--status", a.filters.status, "planned, in_progress or complete");
    if (coder) cmd->add_option("--coder", a.coder, "Only this coder's segments (name or uuid)");
}

} // namespace

void add_summary_commands(CLI::App& app, Context& ctx) {
    auto a = std::make_shared<SummaryArgs>();
    auto* cmd = app.add_subcommand(
        "summary", "A summary across conversations: code-frequencies, framework-matrix, "
                   "code-by-area, quotes-by-code, structured-answers, co-occurrence");
    cmd->add_option("NAME", a->name, "Which summary")->required();
    add_filter_options(cmd, *a, true);
    cmd->callback([&ctx, a] { ctx.action = [&ctx, a] { return summary(ctx, *a); }; });

    auto g = std::make_shared<AgreementArgs>();
    auto* agree = app.add_subcommand(
        "agreement", "Intercoder agreement per code (percent, Cohen's kappa, Krippendorff's "
                     "alpha) and the answers coders disagree on");
    agree->add_option("--coders", g->coders,
                      "Two or more coders, comma-separated (default: "
                      "everyone who coded)");
    agree->add_option("--code", g->code, "Only this code (name, path or uuid)");
    add_filter_options(agree, g->base, false);
    agree->callback([&ctx, g] { ctx.action = [&ctx, g] { return agreement(ctx, *g); }; });
}

} // namespace convene::cli
