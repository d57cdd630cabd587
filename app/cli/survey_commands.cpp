// convene-cli survey list | show | import (new-from-csv, validate, add and export:
// survey_instrument_commands.cpp; summary: survey_summary_command.cpp; compare and crosstab:
// survey_compare_commands.cpp)
#include "app/cli/context.hpp"
#include "app/cli/survey_common.hpp"
#include "export/atomic_file.hpp"
#include "export/survey_analysis.hpp"
#include "guides/guide_json.hpp"
#include "guides/text.hpp"
#include "store/import_mappings.hpp"
#include "store/survey_import.hpp"
#include "store/survey_import_parts.hpp"
#include "store/surveys.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>

namespace convene::cli {
namespace {

using nlohmann::ordered_json;

int list(Context& ctx) {
    auto rows = store::list_instruments(ctx.workspace());
    if (ctx.json) {
        ordered_json a = ordered_json::array();
        for (const auto& r : rows)
            a.push_back({{"id", r.instrument_id},
                         {"version", r.version},
                         {"title", r.title},
                         {"items", r.items},
                         {"constructs", r.constructs},
                         {"respondents", r.respondents}});
        ctx.out << a.dump(2) << "\n";
        return 0;
    }
    for (const auto& r : rows)
        ctx.out << r.instrument_id << "  v" << r.version << "  " << r.title << "  (" << r.items
                << " items, " << r.constructs << " constructs, " << r.respondents
                << " respondents)\n";
    return 0;
}

int show(Context& ctx, const std::string& id) {
    auto inst = require_instrument(ctx, id);
    if (ctx.json) {
        // The instrument itself, plus the respondent count.
        auto j = ordered_json::parse(guides::instrument_to_json(inst));
        j["respondents"] = store::count_respondents(ctx.workspace().db(), id);
        ctx.out << j.dump(2) << "\n";
        return 0;
    }
    ctx.out << inst.title << " (" << inst.id << " v" << inst.version << ")\n";
    for (const auto& c : inst.constructs) {
        ctx.out << "\n" << c.label << " [" << c.id << "]\n";
        for (const auto& i : c.items) {
            const auto* item = inst.item(i);
            ctx.out << "  " << item->id << (item->reverse ? " (reversed)" : "") << ": "
                    << item->text << "\n";
        }
    }
    ctx.out << "\nOther items\n";
    for (const auto& item : inst.items)
        if (!inst.construct_of(item.id))
            ctx.out << "  " << item.id << " [" << guides::item_type_name(item.type)
                    << "]: " << item.text << "\n";
    ctx.out << "\nAttributes\n";
    for (const auto& a : inst.attributes) {
        ctx.out << "  " << a.id << ": " << a.label << " (";
        for (std::size_t i = 0; i < a.choices.size(); ++i)
            ctx.out << (i ? " / " : "") << a.choices[i];
        ctx.out << ")\n";
    }
    return 0;
}

struct ImportArgs {
    std::string id, file, map, save_map;
    bool dry_run = false, all_problems = false;
};

int import(Context& ctx, const ImportArgs& a) {
    auto inst = require_instrument(ctx, a.id);
    if (!a.save_map.empty()) exporting::check_writable_target(a.save_map);
    std::string bytes = guides::read_text_file(a.file);
    store::ImportOptions options;
    options.dry_run = a.dry_run;
    options.source = std::filesystem::path(a.file).filename().string();
    if (!a.map.empty()) options.mapping = store::load_mapping(a.map);
    options.remembered = store::remembered_mapping(ctx.workspace().db(), a.id);
    auto report = store::import_survey_csv(ctx.workspace(), inst, bytes, options);
    std::string warning; // trouble after the import committed: the data is in, so exit 0
    if (!a.save_map.empty()) {
        try {
            exporting::write_file_atomically(a.save_map, store::mapping_to_json(report.mapping));
        } catch (const std::exception& e) {
            if (!report.imported) throw;
            warning = std::string(e.what()) + " (the responses were imported; only the mapping "
                                              "file is missing)";
        }
    }
    if (ctx.json) {
        ordered_json j;
        j["rows"] = report.rows;
        j["imported"] = report.imported;
        j["added"] = report.added;
        j["updated"] = report.updated;
        j["responses"] = report.responses;
        j["problems"] = ordered_json::array();
        for (const auto& p : report.problems)
            j["problems"].push_back({{"row", p.line},
                                     {"column", p.column},
                                     {"column_name", p.column_name},
                                     {"value", p.value},
                                     {"reason", p.reason}});
        j["problem_summary"] = store::group_problems(report.problems);
        j["notes"] = report.notes;
        ctx.out << j.dump(2) << "\n";
    }
    if (!report.problems.empty()) {
        if (!ctx.json && a.all_problems)
            for (const auto& p : report.problems)
                ctx.err << a.file << ": " << p.to_string() << "\n";
        else if (!ctx.json)
            for (const auto& line : store::group_problems(report.problems))
                ctx.err << a.file << ": " << line << "\n";
        throw CommandError(a.file + ": " + std::to_string(report.problems.size()) +
                           (report.problems.size() == 1 ? " problem" : " problems") +
                           "; nothing was imported");
    }
    if (!ctx.json) {
        for (const auto& n : report.notes)
            ctx.out << "Note: " << n << "\n";
        if (a.dry_run)
            ctx.out << a.file << ": " << report.rows
                    << " responses checked, no problems: " << report.added << " new respondents, "
                    << report.updated << " would be overwritten (dry run: nothing imported)\n";
        else
            ctx.out << "Imported " << report.rows << " responses (" << report.added
                    << " new respondents, " << report.updated << " updated, " << report.responses
                    << " answers)\n";
    }
    if (!warning.empty()) ctx.err << "convene-cli: warning: " << warning << "\n";
    return 0;
}

} // namespace

void add_survey_commands(CLI::App& app, Context& ctx) {
    auto* survey =
        app.add_subcommand("survey", "Participant surveys: instruments, imports, comparisons");
    survey->require_subcommand(1);
    auto* list_cmd = survey->add_subcommand("list", "List survey instruments");
    list_cmd->callback([&ctx] { ctx.action = [&ctx] { return list(ctx); }; });

    auto id = std::make_shared<std::string>();
    auto* show_cmd =
        survey->add_subcommand("show", "Show an instrument's items, constructs and attributes");
    show_cmd->add_option("ID", *id, "Instrument id")->required();
    show_cmd->callback([&ctx, id] { ctx.action = [&ctx, id] { return show(ctx, *id); }; });

    auto im = std::make_shared<ImportArgs>();
    auto* import_cmd = survey->add_subcommand("import", "Import responses from a CSV file");
    import_cmd->add_option("ID", im->id, "Instrument id")->required();
    import_cmd->add_option("FILE", im->file, "CSV file as the survey service exported it")
        ->required();
    import_cmd->add_option("--map", im->map, "Column mapping file (JSON)");
    import_cmd->add_option("--save-map", im->save_map,
                           "Write the mapping used (to edit and reuse)");
    import_cmd->add_flag("--dry-run", im->dry_run, "Check everything, import nothing");
    import_cmd->add_flag("--all-problems", im->all_problems,
                         "List every problem, not one line per kind");
    import_cmd->callback([&ctx, im] { ctx.action = [&ctx, im] { return import(ctx, *im); }; });

    add_survey_instrument_commands(*survey, ctx);
    add_survey_summary_command(*survey, ctx);
    add_survey_compare_commands(*survey, ctx);
}

} // namespace convene::cli
