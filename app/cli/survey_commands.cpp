// convene-cli survey list | show | import | compare | crosstab (new-from-csv, validate, add and
// export: survey_instrument_commands.cpp; summary: survey_summary_command.cpp)
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

struct CompareArgs {
    std::string id, by, construct, item, unit = "respondent";
    std::vector<std::string> groups;
};

ordered_json ttest_json(const exporting::stats::TTest& t) {
    return {{"t", t.t},
            {"df", t.df},
            {"p", t.p_two_sided},
            {"mean_difference", t.mean_diff},
            {"ci95", {t.ci_low, t.ci_high}},
            {"cohens_d", t.cohens_d},
            {"hedges_g", t.hedges_g}};
}

int compare(Context& ctx, const CompareArgs& a) {
    if (a.unit != "respondent" && a.unit != "item")
        throw CommandError("--unit is respondent or item, not \"" + a.unit + "\"");
    if (!a.construct.empty() && !a.item.empty())
        throw CommandError("give --scale or --item, not both");
    require_instrument(ctx, a.id);
    auto data = store::load_survey(ctx.workspace(), a.id);
    exporting::CompareRequest req{a.by, a.groups, a.construct, a.item,
                                  a.unit == "item" ? exporting::Unit::Item
                                                   : exporting::Unit::Respondent};
    exporting::Comparison c;
    try {
        c = exporting::compare_groups(data, req);
    } catch (const std::invalid_argument& e) {
        throw CommandError(e.what());
    }
    const auto& s = c.student;
    if (ctx.json) {
        ordered_json j;
        j["instrument"] = a.id;
        j["attribute"] = c.attribute;
        j["target"] = c.target;
        j["unit"] = c.unit;
        j["groups"] = {{{"value", c.group_a}, {"n", s.n1}, {"mean", s.mean1}, {"sd", s.sd1}},
                       {{"value", c.group_b}, {"n", s.n2}, {"mean", s.mean2}, {"sd", s.sd2}}};
        j["student"] = ttest_json(c.student);
        j["welch"] = ttest_json(c.welch);
        j["mann_whitney"] = {{"u", c.mann_whitney.u},
                             {"z", c.mann_whitney.z},
                             {"p", c.mann_whitney.p_two_sided},
                             {"rank_biserial", c.mann_whitney.rank_biserial}};
        ctx.out << j.dump(2) << "\n";
        return 0;
    }
    ctx.out << "Comparing " << c.target << " by " << c.attribute << " (unit: " << c.unit << ")\n"
            << "  " << c.group_a << ": n = " << s.n1 << ", mean " << num(s.mean1) << ", SD "
            << num(s.sd1) << "\n"
            << "  " << c.group_b << ": n = " << s.n2 << ", mean " << num(s.mean2) << ", SD "
            << num(s.sd2) << "\n"
            << "Student's t(" << num(s.df, 6) << ") = " << num(s.t, 5)
            << ", p = " << num(s.p_two_sided, 3) << "; difference " << num(s.mean_diff)
            << ", 95% CI [" << num(s.ci_low) << ", " << num(s.ci_high) << "]\n"
            << "Welch's t(" << num(c.welch.df, 5) << ") = " << num(c.welch.t, 5)
            << ", p = " << num(c.welch.p_two_sided, 3) << "; 95% CI [" << num(c.welch.ci_low)
            << ", " << num(c.welch.ci_high) << "]\n"
            << "Cohen's d = " << num(s.cohens_d, 3) << ", Hedges' g = " << num(s.hedges_g, 3)
            << "\n"
            << "Mann-Whitney U = " << num(c.mann_whitney.u, 8)
            << ", z = " << num(c.mann_whitney.z, 4)
            << ", p = " << num(c.mann_whitney.p_two_sided, 3) << "\n";
    return 0;
}

int crosstab(Context& ctx, const std::string& id, const std::string& by) {
    require_instrument(ctx, id);
    auto data = store::load_survey(ctx.workspace(), id);
    std::vector<exporting::Crosstab> tables;
    try {
        tables = exporting::crosstabs(data, by);
    } catch (const std::invalid_argument& e) {
        throw CommandError(e.what());
    }
    if (ctx.json) {
        ordered_json a = ordered_json::array();
        for (const auto& t : tables)
            a.push_back({{"rows", t.row_attribute},
                         {"columns", t.column_attribute},
                         {"row_values", t.rows},
                         {"column_values", t.columns},
                         {"counts", t.counts}});
        ctx.out << a.dump(2) << "\n";
        return 0;
    }
    for (const auto& t : tables) {
        ctx.out << "\n"
                << t.row_attribute << " by " << t.column_attribute << "\n"
                << std::string(16, ' ');
        for (const auto& c : t.columns)
            ctx.out << "  " << c;
        ctx.out << "  total\n";
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            std::size_t total = 0;
            std::string label = t.rows[r];
            label.resize(std::max<std::size_t>(label.size(), 16), ' ');
            ctx.out << label;
            for (std::size_t c = 0; c < t.columns.size(); ++c) {
                std::string cell = std::to_string(t.counts[r][c]);
                ctx.out << "  "
                        << std::string(t.columns[c].size() > cell.size()
                                           ? t.columns[c].size() - cell.size()
                                           : 0,
                                       ' ')
                        << cell;
                total += t.counts[r][c];
            }
            ctx.out << "  " << total << "\n";
        }
    }
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

    auto cmp = std::make_shared<CompareArgs>();
    auto* compare_cmd = survey->add_subcommand("compare", "Compare two groups of respondents");
    compare_cmd->add_option("ID", cmp->id, "Instrument id")->required();
    compare_cmd->add_option("--by", cmp->by, "Respondent attribute that defines the groups")
        ->required();
    compare_cmd->add_option("--groups", cmp->groups, "The two attribute values to compare")
        ->expected(2);
    compare_cmd->add_option("--scale", cmp->construct, "Construct (scale) to compare");
    compare_cmd->add_option("--item", cmp->item, "Item to compare");
    compare_cmd->add_option("--unit", cmp->unit, "respondent (scores) or item (all ratings pooled)")
        ->capture_default_str();
    compare_cmd->callback([&ctx, cmp] { ctx.action = [&ctx, cmp] { return compare(ctx, *cmp); }; });

    auto by = std::make_shared<std::string>();
    auto* crosstab_cmd = survey->add_subcommand("crosstab", "Respondents by attribute, as a table");
    crosstab_cmd->add_option("ID", *id, "Instrument id")->required();
    crosstab_cmd->add_option("--by", *by, "Attribute for the columns")->required();
    crosstab_cmd->callback(
        [&ctx, id, by] { ctx.action = [&ctx, id, by] { return crosstab(ctx, *id, *by); }; });

    add_survey_instrument_commands(*survey, ctx);
    add_survey_summary_command(*survey, ctx);
}

} // namespace convene::cli
