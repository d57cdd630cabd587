// convene-cli conversation report | protocol: the documents of one conversation, written
// atomically (readable by the owner only) as HTML or Markdown.
#include "app/cli/context.hpp"
#include "export/atomic_file.hpp"
#include "export/conversation_report.hpp"
#include "export/protocol_document.hpp"
#include "store/guides.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>

namespace convene::cli {
namespace {

bool markdown_file(const std::string& file, const char* what) {
    auto ext = std::filesystem::path(file).extension().string();
    if (ext == ".md" || ext == ".markdown") return true;
    if (ext == ".html" || ext == ".htm") return false;
    throw CommandError(std::string("write the ") + what + " to a .html or .md file (got " + file +
                       ")");
}

std::string absolute(const std::string& file) {
    std::error_code ec;
    auto p = std::filesystem::absolute(file, ec);
    return ec ? file : p.lexically_normal().string();
}

struct ReportArgs {
    std::string uuid, out;
    bool pseudonymize = false, for_participants = false, no_facilitator_notes = false;
};

int report(Context& ctx, const ReportArgs& a) {
    markdown_file(a.out, "report");
    auto uuid = require_conversation_uuid(ctx, a.uuid);
    exporting::check_writable_target(a.out);
    auto input = exporting::load_report_input(ctx.workspace(), uuid);
    exporting::ReportOptions o;
    o.pseudonymize = a.pseudonymize;
    o.for_participants = a.for_participants;
    o.facilitator_notes = !a.no_facilitator_notes;
    exporting::write_conversation_report(input, o, a.out);
    report_written(ctx, a.out);
    return 0;
}

struct ProtocolArgs {
    std::string uuid, out, place;
};

int protocol(Context& ctx, const ProtocolArgs& a) {
    bool md = markdown_file(a.out, "protocol");
    auto uuid = require_conversation_uuid(ctx, a.uuid);
    exporting::check_writable_target(a.out);
    auto& ws = ctx.workspace();
    auto c = store::get_conversation(ws.db(), uuid);
    auto guide = c ? store::guide_by_hash(ws, c->guide_hash) : std::nullopt;
    if (!guide) throw CommandError("the guide of conversation " + uuid + " is missing");
    auto o = exporting::protocol_options_for(ws, *c);
    o.place = a.place;
    exporting::write_file_atomically(a.out, md ? exporting::protocol_markdown(*guide, o)
                                               : exporting::protocol_html(*guide, o));
    report_written(ctx, a.out);
    return 0;
}

} // namespace

void report_written(Context& ctx, const std::string& written) {
    std::string file = absolute(written);
    if (ctx.json)
        ctx.out << nlohmann::ordered_json{{"written", file}}.dump(2) << "\n";
    else
        ctx.out << "Wrote " << file << "\n";
}

void add_conversation_document_commands(CLI::App& conv, Context& ctx) {
    auto r = std::make_shared<ReportArgs>();
    auto* report_cmd = conv.add_subcommand(
        "report", "Write a conversation's report (HTML or Markdown) to file or send back");
    report_cmd->add_option("UUID", r->uuid, "Conversation uuid (or a unique start of it)")
        ->required();
    report_cmd->add_option("--out", r->out, "Output file (.html or .md)")->required();
    report_cmd->add_flag("--pseudonymize", r->pseudonymize,
                         "Participants as Participant 1, 2, ... (in notes and quotes too)");
    report_cmd->add_flag("--for-participants", r->for_participants,
                         "The version participants check: a cover note, only what was "
                         "discussed, no facilitator's notes");
    report_cmd->add_flag("--no-facilitator-notes", r->no_facilitator_notes,
                         "Leave out the conversation notes, probes covered and times");
    report_cmd->callback([&ctx, r] { ctx.action = [&ctx, r] { return report(ctx, *r); }; });

    auto p = std::make_shared<ProtocolArgs>();
    auto* protocol_cmd = conv.add_subcommand(
        "protocol", "Write the printable protocol with this conversation's set-up filled in");
    protocol_cmd->add_option("UUID", p->uuid, "Conversation uuid (or a unique start of it)")
        ->required();
    protocol_cmd->add_option("--out", p->out, "Output file (.html or .md)")->required();
    protocol_cmd->add_option("--place", p->place, "Where the conversation takes place");
    protocol_cmd->callback([&ctx, p] { ctx.action = [&ctx, p] { return protocol(ctx, *p); }; });
}

} // namespace convene::cli
