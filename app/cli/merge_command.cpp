// convene-cli merge OTHER.db [--dry-run], backup FILE, conflict list | flip ID | keep ID:
// combining workspaces, safe copies, and reviewing what a merge did not keep.
#include "app/cli/context.hpp"
#include "store/backup.hpp"
#include "store/merge.hpp"
#include "store/merge_conflicts.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>

namespace convene::cli {
namespace {

using nlohmann::ordered_json;

ordered_json counts_json(const store::MergeCounts& c) {
    return {{"added", c.added},
            {"updated", c.updated},
            {"unchanged", c.unchanged},
            {"conflicts", c.conflicts},
            {"removed", c.removed}};
}

ordered_json report_json(const store::MergeReport& r) {
    ordered_json tables = ordered_json::array();
    for (const auto& t : r.tables) {
        auto j = counts_json(t.counts);
        j["table"] = t.table;
        tables.push_back(j);
    }
    ordered_json dups = ordered_json::array();
    for (const auto& d : r.duplicate_codes)
        dups.push_back({{"path", d.path}, {"uuids", d.uuids}});
    return {{"other", r.other},     {"dry_run", r.dry_run},
            {"tables", tables},     {"total", counts_json(r.total)},
            {"unified", r.unified}, {"duplicate_codes", dups}};
}

std::string row(const std::string& name, const store::MergeCounts& c) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%-20s %7d %8d %10d %10d %8d\n", name.c_str(), c.added,
                  c.updated, c.unchanged, c.conflicts, c.removed);
    return buf;
}

void print_report(std::ostream& out, const store::MergeReport& r) {
    out << (r.dry_run ? "Would merge " : "Merged ") << r.other
        << (r.dry_run ? " (dry run: nothing was changed)" : "") << "\n";
    out << "                       added  updated  unchanged  conflicts  removed\n";
    for (const auto& t : r.tables)
        if (t.counts.added || t.counts.updated || t.counts.unchanged || t.counts.conflicts ||
            t.counts.removed)
            out << row(t.table, t.counts);
    out << row("total", r.total);
    if (r.unified)
        out << r.unified << " rows made apart in both workspaces were recognised as one.\n";
    if (r.total.conflicts)
        out << r.total.conflicts << (r.total.conflicts == 1 ? " row was" : " rows were")
            << " edited in both workspaces: the later edit was kept; review the other with "
               "`convene-cli conflict list`.\n";
    for (const auto& d : r.duplicate_codes)
        out << "Codes with the same path made apart: \"" << d.path << "\" (" << d.uuids.size()
            << " codes); unify them with `convene-cli code merge`.\n";
}

int merge(Context& ctx, const std::string& other, bool dry_run) {
    store::MergeOptions options;
    options.dry_run = dry_run;
    auto report = store::merge_workspace(ctx.workspace(), other, options);
    if (ctx.json)
        ctx.out << report_json(report).dump(2) << "\n";
    else
        print_report(ctx.out, report);
    return 0;
}

int backup(Context& ctx, const std::string& file) {
    store::save_copy(ctx.workspace().db(), file);
    if (ctx.json)
        ctx.out << ordered_json{{"copy", file}}.dump(2) << "\n";
    else
        ctx.out << "Saved a copy of " << ctx.db << " to " << file << "\n";
    return 0;
}

int list(Context& ctx, bool all) {
    auto conflicts = store::list_conflicts(ctx.workspace().db(), all);
    if (ctx.json) {
        ordered_json a = ordered_json::array();
        for (const auto& c : conflicts)
            a.push_back({{"uuid", c.uuid},
                         {"table", c.table},
                         {"row", c.row_key},
                         {"kept", ordered_json::parse(c.kept)},
                         {"other", ordered_json::parse(c.other)},
                         {"source", c.source},
                         {"recorded_at", c.recorded_at},
                         {"resolved_at",
                          c.resolved_at ? ordered_json(*c.resolved_at) : ordered_json(nullptr)}});
        ctx.out << a.dump(2) << "\n";
        return 0;
    }
    if (conflicts.empty()) ctx.out << "No conflicts to review.\n";
    for (const auto& c : conflicts)
        ctx.out << c.uuid.substr(0, 8) << "  " << c.table << " " << c.row_key << "  from "
                << c.source << (c.resolved_at ? "  (resolved)" : "") << "\n    kept:  " << c.kept
                << "\n    other: " << c.other << "\n";
    return 0;
}

std::string require_conflict(Context& ctx, const std::string& id) {
    auto c = store::find_conflict(ctx.workspace().db(), id);
    if (!c) throw CommandError("no conflict starts with \"" + id + "\" (see conflict list --all)");
    return c->uuid;
}

template <typename F> void on(CLI::App* cmd, Context& ctx, F f) {
    cmd->callback([&ctx, f] { ctx.action = [&ctx, f] { return f(ctx); }; });
}

} // namespace

void add_merge_commands(CLI::App& app, Context& ctx) {
    auto* m = app.add_subcommand("merge", "Merge another workspace into this one");
    auto other = std::make_shared<std::string>();
    auto dry = std::make_shared<bool>(false);
    m->add_option("OTHER", *other, "The workspace file to merge in (it is only read)")->required();
    m->add_flag("--dry-run", *dry, "Report what would change, change nothing");
    on(m, ctx, [other, dry](Context& c) { return merge(c, *other, *dry); });

    auto* b = app.add_subcommand("backup", "Write a consistent copy of the workspace");
    auto file = std::make_shared<std::string>();
    b->add_option("FILE", *file, "Where the copy goes (a new file)")->required();
    on(b, ctx, [file](Context& c) { return backup(c, *file); });

    auto* conflict = app.add_subcommand("conflict", "Review rows a merge found edited twice");
    conflict->require_subcommand(1);
    auto* ls = conflict->add_subcommand("list", "The versions merges did not keep");
    auto all = std::make_shared<bool>(false);
    ls->add_flag("--all", *all, "Resolved ones too");
    on(ls, ctx, [all](Context& c) { return list(c, *all); });
    auto id = std::make_shared<std::string>();
    auto* flip = conflict->add_subcommand("flip", "Take the version the merge did not keep");
    flip->add_option("ID", *id, "The conflict (a unique start of its id)")->required();
    on(flip, ctx, [id](Context& c) {
        store::flip_conflict(c.workspace().db(), require_conflict(c, *id));
        c.out << "Flipped: the row now holds the other version.\n";
        return 0;
    });
    auto* keep = conflict->add_subcommand("keep", "Keep what the merge kept");
    keep->add_option("ID", *id, "The conflict (a unique start of its id)")->required();
    on(keep, ctx, [id](Context& c) {
        store::keep_conflict(c.workspace().db(), require_conflict(c, *id));
        c.out << "Kept.\n";
        return 0;
    });
}

} // namespace convene::cli
