// convene-cli guide list | show | validate | import | export | print
#include "app/cli/context.hpp"
#include "export/atomic_file.hpp"
#include "export/protocol_document.hpp"
#include "guides/guide_json.hpp"
#include "guides/guide_view.hpp"
#include "guides/text.hpp"
#include "store/guides.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <ostream>

namespace convene::cli {
namespace {

using nlohmann::ordered_json;

guides::Guide require_guide(Context& ctx, const std::string& id) {
    auto g = store::current_guide(ctx.workspace(), id);
    if (!g) {
        std::string known = guides::join_by(store::list_guides(ctx.workspace()),
                                            [](const auto& x) { return x.guide_id; });
        throw CommandError("no guide \"" + id + "\" in " + ctx.db +
                           (known.empty() ? "" : "; guides are " + known));
    }
    return std::move(*g);
}

ordered_json field_json(const guides::Field& f) {
    ordered_json j;
    j["id"] = f.id;
    j["type"] = std::string(guides::field_type_name(f.type));
    j["label"] = f.label;
    if (!f.unit.empty()) j["unit"] = f.unit;
    if (f.min) j["min"] = *f.min;
    if (f.max) j["max"] = *f.max;
    auto values = f.allowed_values();
    if (!values.empty()) j["values"] = values;
    return j;
}

int list(Context& ctx, bool all) {
    auto rows = store::list_guides(ctx.workspace(), all);
    if (ctx.json) {
        ordered_json a = ordered_json::array();
        for (const auto& r : rows) {
            ordered_json j;
            j["id"] = r.guide_id;
            j["version"] = r.version;
            j["title"] = r.title;
            j["hash"] = r.hash;
            j["current"] = r.current;
            j["bundled"] = r.bundled;
            j["groups"] = r.groups;
            j["areas"] = r.areas;
            j["questions"] = r.questions;
            a.push_back(j);
        }
        ctx.out << a.dump(2) << "\n";
        return 0;
    }
    for (const auto& r : rows)
        ctx.out << r.guide_id << "  v" << r.version << "  " << r.title << "  (" << r.groups
                << " groups, " << r.areas << " areas, " << r.questions << " questions"
                << (r.bundled ? ", bundled" : "") << (r.current ? "" : ", older version") << ")  "
                << r.hash.substr(0, 12) << "\n";
    if (rows.empty()) ctx.out << "No guides in " << ctx.db << "\n";
    return 0;
}

int show(Context& ctx, const std::string& id, const std::string& group, const std::string& state,
         const std::string& org) {
    auto g = require_guide(ctx, id);
    std::vector<std::string> groups;
    if (group.empty()) {
        for (const auto& grp : g.groups)
            groups.push_back(grp.id);
    } else if (!g.group(group)) {
        std::string known = guides::join_by(g.groups, [](const auto& x) { return x.id; });
        throw CommandError("guide " + id + " has no group \"" + group + "\"; groups are " + known);
    } else {
        groups.push_back(group);
    }
    if (ctx.json) {
        auto group_json = [&](const std::string& grp) {
            ordered_json j;
            j["id"] = g.id;
            j["title"] = g.title;
            j["group"] = grp;
            j["areas"] = ordered_json::array();
            for (const auto& av : guides::view_for_group(g, grp, state, org)) {
                ordered_json aj;
                aj["id"] = av.area->id;
                aj["title"] = av.area->title;
                aj["minutes"] = av.area->minutes;
                aj["questions"] = ordered_json::array();
                for (const auto& qv : av.questions) {
                    ordered_json qj;
                    qj["id"] = qv.question->id;
                    qj["text"] = qv.text;
                    qj["probes"] = ordered_json::array();
                    for (const auto& p : qv.probes)
                        qj["probes"].push_back(p.text);
                    qj["condition"] = qv.question->condition.empty()
                                          ? ordered_json(nullptr)
                                          : ordered_json(qv.question->condition);
                    qj["fields"] = ordered_json::array();
                    for (const auto& f : qv.question->fields)
                        qj["fields"].push_back(field_json(f));
                    aj["questions"].push_back(qj);
                }
                j["areas"].push_back(aj);
            }
            return j;
        };
        if (groups.size() == 1) {
            ctx.out << group_json(groups[0]).dump(2) << "\n";
        } else {
            ordered_json all = ordered_json::array();
            for (const auto& grp : groups)
                all.push_back(group_json(grp));
            ctx.out << all.dump(2) << "\n";
        }
        return 0;
    }
    ctx.out << g.title << " (" << g.id << " v" << g.version << ")\n";
    for (const auto& grp : groups) {
        ctx.out << "\n== " << g.group(grp)->label << " ==\n";
        int n = 0;
        for (const auto& av : guides::view_for_group(g, grp, state, org)) {
            ctx.out << "\n" << av.area->title << " (" << av.area->minutes << " min)\n";
            for (const auto& qv : av.questions) {
                ctx.out << "  " << ++n << ". [" << qv.question->id << "] " << qv.text << "\n";
                if (!qv.condition_label.empty()) ctx.out << "     (" << qv.condition_label << ")\n";
                for (const auto& p : qv.probes)
                    ctx.out << "     - " << p.text << (p.optional ? " (optional)" : "") << "\n";
                for (const auto& f : qv.question->fields)
                    ctx.out << "     * " << f.id << ": " << f.label << " ["
                            << guides::field_type_name(f.type) << "]\n";
            }
        }
    }
    return 0;
}

guides::Guide validated(const std::string& file) {
    auto load = guides::load_guide_file(file);
    if (!load.guide) throw CommandError(guides::describe(load.problems, file));
    return std::move(*load.guide);
}

int validate(Context& ctx, const std::string& file) {
    auto load = guides::load_guide_file(file);
    if (!load.guide) {
        // Every problem on its own line for people; the last line is the one-line summary.
        for (const auto& p : load.problems)
            ctx.err << file << ": " << p.to_string() << "\n";
        throw CommandError(file + " is not a valid guide (" + std::to_string(load.problems.size()) +
                           (load.problems.size() == 1 ? " problem)" : " problems)"));
    }
    const auto& g = *load.guide;
    std::size_t q = 0;
    for (const auto& a : g.areas)
        q += a.questions.size();
    ctx.out << file << ": ok (guide " << g.id << " v" << g.version << ", " << g.groups.size()
            << " groups, " << g.areas.size() << " areas, " << q << " questions)\n";
    return 0;
}

int import(Context& ctx, const std::string& file) {
    auto g = validated(file);
    auto r = store::import_guide(ctx.workspace(), g);
    if (ctx.json) {
        ctx.out << nlohmann::json{{"id", g.id}, {"hash", r.hash}, {"added", r.added}}.dump()
                << "\n";
    } else {
        ctx.out << (r.added ? "Imported " : "Already present: ") << g.id << " v" << g.version
                << " (" << r.hash.substr(0, 12) << ")\n";
    }
    return 0;
}

int export_guide(Context& ctx, const std::string& id, const std::string& file) {
    auto g = require_guide(ctx, id);
    exporting::write_file_atomically(file, guides::guide_to_json(g));
    report_written(ctx, file);
    return 0;
}

int print(Context& ctx, const std::string& id, const exporting::ProtocolOptions& options,
          const std::string& file) {
    auto g = require_guide(ctx, id);
    bool markdown = file.ends_with(".md") || file.ends_with(".markdown");
    if (!markdown && !file.ends_with(".html") && !file.ends_with(".htm"))
        throw CommandError("write the protocol to a .html or .md file (got " + file + ")");
    std::string doc =
        markdown ? exporting::protocol_markdown(g, options) : exporting::protocol_html(g, options);
    exporting::write_file_atomically(file, doc);
    report_written(ctx, file);
    return 0;
}

} // namespace

void add_guide_commands(CLI::App& app, Context& ctx) {
    auto* guide = app.add_subcommand("guide", "Conversation guides and protocols");
    guide->require_subcommand(1);

    auto* list_cmd = guide->add_subcommand("list", "List the workspace's guides");
    auto all = std::make_shared<bool>(false);
    list_cmd->add_flag("--all", *all, "Include older versions kept for past conversations");
    list_cmd->callback([&ctx, all] { ctx.action = [&ctx, all] { return list(ctx, *all); }; });

    struct ShowArgs {
        std::string id, group, state, org;
    };
    auto s = std::make_shared<ShowArgs>();
    auto* show_cmd = guide->add_subcommand("show", "Show a guide's questions for a group");
    show_cmd->add_option("ID", s->id, "Guide id")->required();
    show_cmd->add_option("--group", s->group, "Stakeholder group (default: every group)");
    show_cmd->add_option("--state", s->state, "State put in for {state}");
    show_cmd->add_option("--org", s->org, "Organisation put in for {org}");
    show_cmd->callback([&ctx, s] {
        ctx.action = [&ctx, s] { return show(ctx, s->id, s->group, s->state, s->org); };
    });

    auto file = std::make_shared<std::string>();
    auto* validate_cmd = guide->add_subcommand("validate", "Check a guide file; imports nothing");
    validate_cmd->add_option("FILE", *file, "Guide JSON file")->required();
    validate_cmd->callback(
        [&ctx, file] { ctx.action = [&ctx, file] { return validate(ctx, *file); }; });

    auto* import_cmd = guide->add_subcommand("import", "Validate a guide file and add it");
    import_cmd->add_option("FILE", *file, "Guide JSON file")->required();
    import_cmd->callback(
        [&ctx, file] { ctx.action = [&ctx, file] { return import(ctx, *file); }; });

    auto* export_cmd = guide->add_subcommand("export", "Write a guide as JSON");
    export_cmd->add_option("ID", s->id, "Guide id")->required();
    export_cmd->add_option("FILE", *file, "Output JSON file")->required();
    export_cmd->callback([&ctx, s, file] {
        ctx.action = [&ctx, s, file] { return export_guide(ctx, s->id, *file); };
    });

    auto* print_cmd =
        guide->add_subcommand("print", "Write a printable protocol (HTML or Markdown)");
    print_cmd->add_option("ID", s->id, "Guide id")->required();
    print_cmd->add_option("--group", s->group, "Stakeholder group")->required();
    print_cmd->add_option("--state", s->state, "State put in for {state}");
    print_cmd->add_option("--org", s->org, "Organisation put in for {org}");
    print_cmd->add_option("--out", *file, "Output file (.html or .md)")->required();
    print_cmd->callback([&ctx, s, file] {
        ctx.action = [&ctx, s, file] {
            return print(ctx, s->id, {s->group, s->state, s->org}, *file);
        };
    });
}

} // namespace convene::cli
