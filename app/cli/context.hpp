// What every convene-cli command gets: the global options, the output streams and a lazily
// opened workspace. A command sets `action`; run() calls it after parsing.
#pragma once

#include "store/workspace.hpp"

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

namespace CLI {
class App;
}

namespace convene::cli {

// A command's failure: the message becomes convene-cli's one line on stderr.
class CommandError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct Context {
    Context(std::string db_path, std::ostream& o, std::ostream& e)
        : db(std::move(db_path)), out(o), err(e) {}

    std::string db;
    bool json = false;
    bool verbose = false;
    std::ostream& out;
    std::ostream& err;
    std::function<int()> action;

    store::Workspace& workspace(); // opens (and seeds) on first use

  private:
    std::unique_ptr<store::Workspace> ws_;
};

// A conversation's full uuid from a unique start of it; CommandError naming the candidates.
std::string require_conversation_uuid(Context& ctx, const std::string& given);

// "YYYY-MM-DD", or with time_allowed also "YYYY-MM-DDTHH:MM"; a real day of the calendar.
bool valid_date(const std::string& s, bool time_allowed);
// CommandError unless status is empty or one of planned, in_progress, complete.
void check_status(const std::string& status);

void add_info_command(CLI::App& app, Context& ctx);
void add_guide_commands(CLI::App& app, Context& ctx);
void add_conversation_commands(CLI::App& app, Context& ctx);
void add_survey_commands(CLI::App& app, Context& ctx);
void add_code_commands(CLI::App& app, Context& ctx);
void add_currency_commands(CLI::App& app, Context& ctx);
// conversation report | protocol (cli/conversation_document_commands.cpp), under `conversation`.
void add_conversation_document_commands(CLI::App& conversation, Context& ctx);

// "Wrote FILE" with FILE made absolute or, with --json, {"written": FILE}.
void report_written(Context& ctx, const std::string& file);
void add_summary_commands(CLI::App& app, Context& ctx);
void add_export_command(CLI::App& app, Context& ctx);
void add_quality_commands(CLI::App& app, Context& ctx); // criteria, reviewer, review, profile
void add_merge_commands(CLI::App& app, Context& ctx);

} // namespace convene::cli
