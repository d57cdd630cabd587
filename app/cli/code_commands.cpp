// convene-cli code list | add | rename | describe | colour | move | merge | delete | restore,
// coder add | list: editing the workspace's codebook and its people.
#include "app/cli/coding_lookup.hpp"
#include "app/cli/context.hpp"
#include "store/code_edits.hpp"
#include "store/people.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <ostream>

namespace convene::cli {
namespace {

using nlohmann::ordered_json;

int list_codes(Context& ctx, bool trash) {
    auto& db = ctx.workspace().db();
    auto rows = trash ? store::list_trashed_codes(db) : store::list_codes(db);
    auto counts = store::segment_counts(db);
    if (ctx.json) {
        ordered_json a = ordered_json::array();
        for (const auto& r : rows)
            a.push_back({{"uuid", r.uuid},
                         {"slug", r.slug},
                         {"name", r.name},
                         {"path", r.path},
                         {"parent_uuid", r.parent_uuid},
                         {"depth", r.depth},
                         {"description", r.description},
                         {"colour", r.colour},
                         {"segments", counts[r.uuid]},
                         {"deleted_at", r.deleted_at}});
        ctx.out << a.dump(2) << "\n";
        return 0;
    }
    if (rows.empty()) ctx.out << (trash ? "No codes in the trash.\n" : "No codes.\n");
    for (const auto& r : rows) {
        ctx.out << r.uuid.substr(0, 8) << "  " << std::string(2 * r.depth, ' ')
                << (trash ? r.path : r.name);
        if (counts[r.uuid]) ctx.out << "  (" << counts[r.uuid] << ")";
        if (trash) ctx.out << "  deleted " << r.deleted_at;
        ctx.out << "\n";
    }
    return 0;
}

struct AddArgs {
    std::string name, parent, description, colour;
};

int add(Context& ctx, const AddArgs& a) {
    auto& db = ctx.workspace().db();
    std::string parent = a.parent.empty() ? "" : require_code(ctx, a.parent).uuid;
    ctx.out << store::add_code(db, {a.name, parent, a.description, a.colour}) << "\n";
    return 0;
}

int move(Context& ctx, const std::string& code, const std::string& parent) {
    auto row = require_code(ctx, code);
    std::string parent_uuid, where = "to the top level";
    if (!parent.empty()) {
        auto p = require_code(ctx, parent);
        parent_uuid = p.uuid;
        where = "under \"" + p.name + "\"";
    }
    store::move_code(ctx.workspace().db(), row.uuid, parent_uuid);
    ctx.out << "Moved \"" << row.name << "\" " << where << ".\n";
    return 0;
}

int merge(Context& ctx, const std::string& from, const std::string& into) {
    auto a = require_code(ctx, from), b = require_code(ctx, into);
    auto r = store::merge_codes(ctx.workspace().db(), a.uuid, b.uuid);
    if (ctx.json) {
        ctx.out << ordered_json{{"from", a.uuid},
                                {"into", b.uuid},
                                {"segments_moved", r.segments_moved},
                                {"duplicates_removed", r.duplicates_removed},
                                {"children_moved", r.children_moved}}
                       .dump(2)
                << "\n";
        return 0;
    }
    ctx.out << "Merged \"" << a.path << "\" into \"" << b.path << "\": " << r.segments_moved
            << " segments and " << r.children_moved << " sub-codes moved";
    if (r.duplicates_removed) ctx.out << ", " << r.duplicates_removed << " duplicates removed";
    ctx.out << ". \"" << a.name << "\" is in the trash (code restore " << a.uuid.substr(0, 8)
            << ").\n";
    return 0;
}

template <typename F> void on(CLI::App* cmd, Context& ctx, F f) {
    cmd->callback([&ctx, f] { ctx.action = [&ctx, f] { return f(ctx); }; });
}

void add_edit_commands(CLI::App* code, Context& ctx) {
    auto two = [](CLI::App* cmd, const char* a, const char* ha, const char* b, const char* hb) {
        auto args = std::make_shared<std::pair<std::string, std::string>>();
        cmd->add_option(a, args->first, ha)->required();
        cmd->add_option(b, args->second, hb)->required();
        return args;
    };
    auto* rename = code->add_subcommand("rename", "Rename a code (its uuid stays)");
    auto r = two(rename, "CODE", "The code: name, path or uuid", "NAME", "Its new name");
    on(rename, ctx, [r](Context& c) {
        store::rename_code(c.workspace().db(), require_code(c, r->first).uuid, r->second);
        return 0;
    });
    auto* describe = code->add_subcommand("describe", "Say when to apply a code");
    auto d = two(describe, "CODE", "The code", "TEXT", "When to apply it");
    on(describe, ctx, [d](Context& c) {
        store::describe_code(c.workspace().db(), require_code(c, d->first).uuid, d->second);
        return 0;
    });
    auto* colour = code->add_subcommand("colour", "Set a code's colour");
    auto k = two(colour, "CODE", "The code", "COLOUR", "#RRGGBB");
    on(colour, ctx, [k](Context& c) {
        store::set_code_colour(c.workspace().db(), require_code(c, k->first).uuid, k->second);
        return 0;
    });
    auto* mv = code->add_subcommand("move", "Move a code under another, or to the top level");
    auto m = std::make_shared<std::pair<std::string, std::string>>();
    mv->add_option("CODE", m->first, "The code to move")->required();
    mv->add_option("PARENT", m->second, "Its new parent (none: the top level)");
    on(mv, ctx, [m](Context& c) { return move(c, m->first, m->second); });
    auto* mg = code->add_subcommand("merge", "Merge one code into another (segments follow)");
    auto g = two(mg, "FROM", "The code that goes", "INTO", "The code that stays");
    on(mg, ctx, [g](Context& c) { return merge(c, g->first, g->second); });
}

void add_trash_commands(CLI::App* code, Context& ctx) {
    auto* del = code->add_subcommand("delete", "Move a code and its sub-codes to the trash");
    auto dc = std::make_shared<std::string>();
    del->add_option("CODE", *dc, "The code")->required();
    on(del, ctx, [dc](Context& c) {
        auto row = require_code(c, *dc);
        int n = store::delete_code(c.workspace().db(), row.uuid);
        c.out << "Moved \"" << row.path << "\" to the trash" << (n > 1 ? " with its sub-codes" : "")
              << "; bring it back with: convene-cli code restore " << row.uuid.substr(0, 8) << "\n";
        return 0;
    });
    auto* restore = code->add_subcommand("restore", "Bring a code back from the trash");
    auto rc = std::make_shared<std::string>();
    restore->add_option("CODE", *rc, "The code (name or uuid)")->required();
    on(restore, ctx, [rc](Context& c) {
        auto row = require_code(c, *rc, true);
        int n = store::restore_code(c.workspace().db(), row.uuid);
        c.out << "Restored \"" << row.name << "\""
              << (n > 1 ? " (" + std::to_string(n) + " codes)" : "") << ".\n";
        return 0;
    });
}

void add_coder_commands(CLI::App& app, Context& ctx) {
    auto* coder = app.add_subcommand("coder", "The people who code answers");
    coder->require_subcommand(1);
    auto* add_cmd = coder->add_subcommand("add", "Add a coder; prints their uuid");
    auto name = std::make_shared<std::string>();
    add_cmd->add_option("NAME", *name, "Their name")->required();
    on(add_cmd, ctx, [name](Context& c) {
        c.out << store::add_person(c.workspace().db(), *name) << "\n";
        return 0;
    });
    auto* list_cmd = coder->add_subcommand("list", "List the coders");
    on(list_cmd, ctx, [](Context& c) {
        auto people = store::list_people(c.workspace().db());
        if (c.json) {
            ordered_json a = ordered_json::array();
            for (const auto& p : people)
                a.push_back({{"uuid", p.uuid}, {"name", p.name}});
            c.out << a.dump(2) << "\n";
        } else {
            if (people.empty()) c.out << "No coders yet: convene-cli coder add NAME\n";
            for (const auto& p : people)
                c.out << p.uuid.substr(0, 8) << "  " << p.name << "\n";
        }
        return 0;
    });
}

} // namespace

void add_code_commands(CLI::App& app, Context& ctx) {
    auto* code = app.add_subcommand("code", "The codebook, and coding answers with it");
    code->require_subcommand(1);
    auto* list_cmd = code->add_subcommand("list", "List the codes as a tree, with segment counts");
    auto trash = std::make_shared<bool>(false);
    list_cmd->add_flag("--trash", *trash, "List the codes in the trash instead");
    on(list_cmd, ctx, [trash](Context& c) { return list_codes(c, *trash); });

    auto* add_cmd = code->add_subcommand("add", "Add a code; prints its uuid");
    auto a = std::make_shared<AddArgs>();
    add_cmd->add_option("NAME", a->name, "Its name")->required();
    add_cmd->add_option("--parent", a->parent, "The code it goes under (name, path or uuid)");
    add_cmd->add_option("--description", a->description, "When to apply it");
    add_cmd->add_option("--colour,--color", a->colour, "Its colour as #RRGGBB");
    on(add_cmd, ctx, [a](Context& c) { return add(c, *a); });
    add_edit_commands(code, ctx);
    add_trash_commands(code, ctx);
    add_coding_commands(code, ctx);
    add_coder_commands(app, ctx);
}

} // namespace convene::cli
