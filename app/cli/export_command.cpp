// convene-cli export FILE.xlsx [--csv DIR] [--pseudonymize] [filters]
#include "app/cli/context.hpp"
#include "export/workbook_export.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <ostream>
#include <unistd.h>

namespace convene::cli {
namespace {

struct ExportArgs {
    std::string file, csv;
    bool pseudonymize = false;
    exporting::ExportFilter filter;
};

int run_export(Context& ctx, const ExportArgs& args) {
    exporting::ExportOptions options{args.file, args.csv, args.pseudonymize, args.filter};
    // Progress only for a person watching: on a terminal, one line rewritten in place.
    bool show = ::isatty(STDERR_FILENO) == 1;
    int last = -1;
    auto progress = [&](std::size_t done, std::size_t total, const std::string& sheet) {
        int percent = static_cast<int>(done * 100 / (total ? total : 1));
        if (show && percent != last) {
            ctx.err << "\rExporting " << percent << "% (" << sheet << ")\x1b[K" << std::flush;
            last = percent;
        }
        return true;
    };
    auto result = exporting::export_workspace(ctx.workspace(), options, progress);
    if (show) ctx.err << "\r\x1b[K" << std::flush;
    if (ctx.json) {
        nlohmann::ordered_json j{{"xlsx", result.xlsx.string()},
                                 {"csv_files", nlohmann::json::array()},
                                 {"sheets", nlohmann::json::array()}};
        for (const auto& f : result.csv_files)
            j["csv_files"].push_back(f.string());
        for (const auto& s : result.sheets)
            j["sheets"].push_back(
                nlohmann::ordered_json{{"sheet", s.sheet}, {"csv", s.file}, {"rows", s.rows}});
        ctx.out << j.dump(2) << "\n";
        return 0;
    }
    ctx.out << "Wrote " << result.xlsx.string() << "\n";
    for (const auto& s : result.sheets)
        ctx.out << "  " << s.sheet << ": " << s.rows << " rows\n";
    if (!result.csv_files.empty())
        ctx.out << "and " << result.csv_files.size() << " CSV files in " << args.csv << "\n";
    return 0;
}

} // namespace

void add_export_command(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<ExportArgs>();
    auto* cmd = app.add_subcommand("export", "Write every table as an xlsx workbook (and CSV)");
    cmd->add_option("file", args->file, "The workbook to write (FILE.xlsx)")->required();
    cmd->add_option("--csv", args->csv, "Also write the tables as CSV files into this folder");
    cmd->add_flag("--pseudonymize", args->pseudonymize,
                  "Replace every person's name with a code (P01, P02, ...)");
    cmd->add_option("--group", args->filter.group, "Only conversations with this group");
    cmd->add_option("--state", args->filter.state, "Only conversations in this state");
    cmd->add_option("--status", args->filter.status, "Only planned | in_progress | complete");
    cmd->add_option("--from", args->filter.from, "Only conversations on or after YYYY-MM-DD");
    cmd->add_option("--to", args->filter.to, "Only conversations on or before YYYY-MM-DD");
    cmd->add_option("--guide", args->filter.guide, "Only conversations run with this guide id");
    cmd->add_option("--instrument", args->filter.instrument, "Only this survey instrument");
    cmd->add_option("--coder", args->filter.coder, "Only this coder's codings");
    cmd->callback([&ctx, args] { ctx.action = [&ctx, args] { return run_export(ctx, *args); }; });
}

} // namespace convene::cli
