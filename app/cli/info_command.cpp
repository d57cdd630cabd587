// convene-cli info: the workspace file's path, format and identity.
#include "app/cli/context.hpp"
#include "store/meta.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <ostream>

namespace convene::cli {

void add_info_command(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("info", "Show the workspace file's format and identity");
    cmd->callback([&ctx] {
        ctx.action = [&ctx] {
            auto i = store::read_workspace_info(ctx.workspace());
            if (ctx.json) {
                ctx.out << nlohmann::json{{"path", i.path},
                                          {"format", i.format},
                                          {"uuid", i.uuid},
                                          {"created_at", i.created_at}}
                               .dump(2)
                        << "\n";
            } else {
                ctx.out << "Workspace: " << i.path << "\nFormat:    " << i.format
                        << "\nUUID:      " << i.uuid << "\nCreated:   " << i.created_at << "\n";
            }
            return 0;
        };
    });
}

} // namespace convene::cli
