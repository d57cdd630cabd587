#include "app/cli/commands.hpp"

#include "store/meta.hpp"
#include "store/paths.hpp"
#include "store/workspace.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

namespace convene::cli {
namespace {

struct Globals {
    std::string db;
    bool json = false;
};

int info(const Globals& g, std::ostream& out) {
    store::Workspace ws(g.db);
    auto i = store::read_workspace_info(ws);
    if (g.json) {
        out << nlohmann::json{{"path", i.path},
                              {"format", i.format},
                              {"uuid", i.uuid},
                              {"created_at", i.created_at}}
                   .dump(2)
            << "\n";
    } else {
        out << "Workspace: " << i.path << "\nFormat:    " << i.format << "\nUUID:      " << i.uuid
            << "\nCreated:   " << i.created_at << "\n";
    }
    return 0;
}

} // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    CLI::App app{"convene-cli: Convene's command line (workspaces, guides, conversations, surveys)",
                 "convene-cli"};
    Globals g;
    g.db = store::default_workspace_path().string();
    app.add_option("--db", g.db, "Workspace file (created if missing)")->capture_default_str();
    app.add_flag("--json", g.json, "Machine-readable output");
    app.set_version_flag("--version", CONVENE_VERSION);
    app.require_subcommand(1);
    auto* info_cmd = app.add_subcommand("info", "Show the workspace file's format and identity");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e, out, err);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e, out, err);
    } catch (const CLI::ParseError& e) {
        err << "convene-cli: " << e.what() << " (see convene-cli --help)\n";
        return 2;
    }
    try {
        if (info_cmd->parsed()) return info(g, out);
    } catch (const std::exception& e) {
        err << "convene-cli: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

int run(int argc, const char* const* argv) {
    return run(argc, argv, std::cout, std::cerr);
}

} // namespace convene::cli
