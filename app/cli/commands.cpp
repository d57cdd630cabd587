#include "app/cli/commands.hpp"

#include "app/cli/context.hpp"
#include "app/cli/terminal_text.hpp"
#include "guides/text.hpp"
#include "store/conversations.hpp"
#include "store/error_text.hpp"
#include "store/paths.hpp"
#include "store/seed.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

namespace convene::cli {

store::Workspace& Context::workspace() {
    if (!ws_) ws_ = store::open_workspace(db);
    return *ws_;
}

std::string require_conversation_uuid(Context& ctx, const std::string& given) {
    auto matches = store::conversations_starting_with(ctx.workspace().db(), given, 6);
    if (matches.size() == 1) return matches.front();
    if (matches.size() > 1) {
        bool more = matches.size() > 5;
        if (more) matches.resize(5);
        throw CommandError("\"" + given + "\" is ambiguous: it starts the uuids of " +
                           (more ? "more than five conversations, among them "
                                 : std::to_string(matches.size()) + " conversations: ") +
                           guides::join_by(matches, [](const std::string& u) { return u; }) +
                           "; give more of it");
    }
    throw CommandError("no conversation " + given + " in " + ctx.db +
                       (given.size() < 4 ? " (give at least the first four characters of its uuid)"
                                         : " (give its uuid, or a unique start of it; see "
                                           "conversation list)"));
}

namespace {

int fail(std::ostream& err, std::string msg) {
    // One line on stderr: multi-line reasons (lists of problems) are joined.
    for (auto& c : msg)
        if (c == '\n') c = ' ';
    err << "convene-cli: " << msg << "\n";
    return 1;
}

} // namespace

int run(int argc, const char* const* argv, std::ostream& raw_out, std::ostream& raw_err) {
    // Every command's output, tables and error messages alike, goes through the escaping buffers:
    // printing a value that holds ESC must not send it to the terminal.
    TerminalSafeBuf out_buf(raw_out.rdbuf()), err_buf(raw_err.rdbuf());
    std::ostream out(&out_buf), err(&err_buf);
    CLI::App app{"convene-cli: Convene's command line (workspaces, guides, conversations, surveys)",
                 "convene-cli"};
    Context ctx(store::default_workspace_path().string(), out, err);
    app.add_option("--db", ctx.db, "Workspace file (created if missing)")->capture_default_str();
    app.add_flag("--json", ctx.json, "Machine-readable output");
    app.add_flag("--verbose", ctx.verbose, "Say more when something fails (the SQL that failed)");
    app.set_version_flag("--version", CONVENE_VERSION);
    app.require_subcommand(1);
    app.fallthrough(); // --db and --json may also follow the command
    add_info_command(app, ctx);
    add_guide_commands(app, ctx);
    add_conversation_commands(app, ctx);
    add_survey_commands(app, ctx);
    add_code_commands(app, ctx);
    add_currency_commands(app, ctx);
    add_summary_commands(app, ctx);
    add_export_command(app, ctx);
    add_quality_commands(app, ctx);
    add_merge_commands(app, ctx);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e, out, err);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e, out, err);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e, out, err);
    } catch (const CLI::ParseError& e) {
        err << "convene-cli: " << e.what() << " (see convene-cli --help)\n";
        return 2;
    }
    if (!ctx.action) return 0;
    try {
        return ctx.action();
    } catch (const store::Error& e) {
        std::string msg = store::user_message(e, ctx.db);
        if (ctx.verbose && !e.sql().empty())
            msg += " [SQLite " + std::to_string(e.code()) + " in: " + e.sql() + "]";
        return fail(err, msg);
    } catch (const std::exception& e) {
        return fail(err, e.what());
    }
}

int run(int argc, const char* const* argv) {
    return run(argc, argv, std::cout, std::cerr);
}

} // namespace convene::cli
