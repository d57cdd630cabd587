// convene-cli survey new-from-csv | validate | add | export: instruments of one's own, inferred
// from a survey service's export or kept as JSON files.
#include "app/cli/survey_common.hpp"
#include "export/atomic_file.hpp"
#include "guides/guide_json.hpp"
#include "guides/json_reader.hpp"
#include "store/instrument_inference.hpp"
#include "store/survey_import_parts.hpp"
#include "store/surveys.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>

namespace convene::cli {
namespace {

using nlohmann::ordered_json;

struct NewArgs {
    std::string file, id, title;
    bool dry_run = false;
};

std::size_t count_type(const guides::Instrument& inst, guides::ItemType type) {
    return static_cast<std::size_t>(std::count_if(inst.items.begin(), inst.items.end(),
                                                  [&](const auto& i) { return i.type == type; }));
}

void print_proposal(Context& ctx, const store::InstrumentProposal& p) {
    const auto& inst = p.instrument;
    ctx.out << "A " << guides::service_name(p.service) << " export: " << inst.items.size()
            << " items (" << count_type(inst, guides::ItemType::Likert) << " Likert), "
            << inst.constructs.size()
            << (inst.constructs.size() == 1 ? " construct, " : " constructs, ")
            << inst.attributes.size()
            << (inst.attributes.size() == 1 ? " attribute\n" : " attributes\n");
    for (const auto& c : p.columns)
        ctx.out << "  " << c.header << "  ->  " << c.target << "  (" << c.why << ")\n";
}

ordered_json proposal_json(const store::InstrumentProposal& p) {
    ordered_json j;
    j["service"] = guides::service_name(p.service);
    j["instrument"] = ordered_json::parse(guides::instrument_to_json(p.instrument));
    j["columns"] = ordered_json::array();
    for (const auto& c : p.columns)
        j["columns"].push_back(
            {{"column", c.header}, {"question", c.question}, {"target", c.target}, {"why", c.why}});
    return j;
}

void fail_on_problems(Context& ctx, const std::string& file,
                      const std::vector<store::ImportProblem>& problems, const std::string& what) {
    if (problems.empty()) return;
    for (const auto& line : store::group_problems(problems))
        ctx.err << file << ": " << line << "\n";
    throw CommandError(file + ": " + std::to_string(problems.size()) +
                       (problems.size() == 1 ? " problem; " : " problems; ") + what);
}

int new_from_csv(Context& ctx, const NewArgs& a) {
    if (!guides::JsonReader::valid_id(a.id))
        throw CommandError("\"" + a.id + "\" is not a valid instrument id; use lower-case " +
                           "letters, digits, '-', '_' and '.'");
    if (store::current_instrument(ctx.workspace(), a.id))
        throw CommandError("an instrument \"" + a.id + "\" already exists in " + ctx.db +
                           "; choose another --id");
    const std::string bytes = guides::read_text_file(a.file);
    const std::string name = std::filesystem::path(a.file).filename().string();
    auto result = store::propose_instrument_from_csv(
        bytes, a.id, a.title.empty() ? "Survey from " + name : a.title);
    fail_on_problems(ctx, a.file, result.problems, "no instrument was made");
    auto& p = *result.proposal;
    auto check = guides::parse_instrument(guides::instrument_to_json(p.instrument));
    if (!check.instrument)
        throw CommandError(guides::describe(check.problems, "the instrument proposed for " + name));

    // Check the responses against the proposal before anything is written.
    store::ImportOptions options;
    options.mapping = p.mapping();
    options.source = name;
    options.dry_run = true;
    auto checked = store::import_survey_csv(ctx.workspace(), p.instrument, bytes, options);
    fail_on_problems(ctx, a.file, checked.problems, "no instrument was made");
    if (a.dry_run) {
        if (ctx.json) {
            ctx.out << proposal_json(p).dump(2) << "\n";
            return 0;
        }
        print_proposal(ctx, p);
        ctx.out << a.file << ": " << checked.rows
                << " responses checked (dry run: nothing was added)\n";
        return 0;
    }
    store::store_instrument(ctx.workspace(), p.instrument);
    options.dry_run = false;
    auto report = store::import_survey_csv(ctx.workspace(), p.instrument, bytes, options);
    fail_on_problems(ctx, a.file, report.problems, "the instrument was added without responses");
    if (ctx.json) {
        auto j = proposal_json(p);
        j["respondents_added"] = report.added;
        j["responses"] = report.responses;
        j["notes"] = report.notes;
        ctx.out << j.dump(2) << "\n";
        return 0;
    }
    for (const auto& n : result.notes)
        ctx.out << "Note: " << n << "\n";
    print_proposal(ctx, p);
    ctx.out << "Added instrument " << a.id << " and imported " << report.added << " respondents ("
            << report.responses << " answers); its column mapping is "
            << "remembered for its next import\n";
    return 0;
}

guides::InstrumentLoad load_checked(const std::string& file) {
    return guides::load_instrument_file(file);
}

int validate(Context& ctx, const std::string& file) {
    auto load = load_checked(file);
    if (!load.instrument) {
        for (const auto& p : load.problems)
            ctx.err << file << ": " << p.to_string() << "\n";
        throw CommandError(file + " is not a valid instrument (" +
                           std::to_string(load.problems.size()) +
                           (load.problems.size() == 1 ? " problem)" : " problems)"));
    }
    const auto& i = *load.instrument;
    ctx.out << file << ": ok (instrument " << i.id << " v" << i.version << ", " << i.items.size()
            << " items, " << i.constructs.size() << " constructs, " << i.attributes.size()
            << " attributes)\n";
    return 0;
}

int add(Context& ctx, const std::string& file) {
    auto load = load_checked(file);
    if (!load.instrument) throw CommandError(guides::describe(load.problems, file));
    const auto& i = *load.instrument;
    auto r = store::store_instrument(ctx.workspace(), i);
    if (ctx.json)
        ctx.out << ordered_json{{"id", i.id}, {"hash", r.hash}, {"added", r.added}}.dump() << "\n";
    else
        ctx.out << (r.added ? "Added " : "Already present: ") << i.id << " v" << i.version << " ("
                << r.hash.substr(0, 12) << ")\n";
    return 0;
}

int export_instrument(Context& ctx, const std::string& id, const std::string& file) {
    auto inst = require_instrument(ctx, id);
    exporting::write_file_atomically(file, guides::instrument_to_json(inst));
    ctx.out << "Wrote " << file << "\n";
    return 0;
}

} // namespace

void add_survey_instrument_commands(CLI::App& survey, Context& ctx) {
    auto n = std::make_shared<NewArgs>();
    auto* new_cmd = survey.add_subcommand(
        "new-from-csv", "Make an instrument from a survey service's export and import its "
                        "responses");
    new_cmd->add_option("FILE", n->file, "CSV file as the survey service exported it")->required();
    new_cmd->add_option("--id", n->id, "Id of the new instrument")->required();
    new_cmd->add_option("--title", n->title, "Its title (default: \"Survey from FILE\")");
    new_cmd->add_flag("--dry-run", n->dry_run, "Show the proposed instrument, add nothing");
    new_cmd->callback([&ctx, n] { ctx.action = [&ctx, n] { return new_from_csv(ctx, *n); }; });

    auto file = std::make_shared<std::string>();
    auto id = std::make_shared<std::string>();
    auto* validate_cmd =
        survey.add_subcommand("validate", "Check an instrument file; adds nothing");
    validate_cmd->add_option("FILE", *file, "Instrument JSON file")->required();
    validate_cmd->callback(
        [&ctx, file] { ctx.action = [&ctx, file] { return validate(ctx, *file); }; });

    auto* add_cmd = survey.add_subcommand("add", "Validate an instrument file and add it");
    add_cmd->add_option("FILE", *file, "Instrument JSON file")->required();
    add_cmd->callback([&ctx, file] { ctx.action = [&ctx, file] { return add(ctx, *file); }; });

    auto* export_cmd = survey.add_subcommand("export", "Write an instrument as JSON");
    export_cmd->add_option("ID", *id, "Instrument id")->required();
    export_cmd->add_option("FILE", *file, "Output JSON file")->required();
    export_cmd->callback([&ctx, id, file] {
        ctx.action = [&ctx, id, file] { return export_instrument(ctx, *id, *file); };
    });
}

} // namespace convene::cli
