// convene-cli survey summary ID: what the Results tab shows, per item and per construct.
#include "app/cli/survey_common.hpp"
#include "export/survey_summary.hpp"
#include "store/surveys.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <ostream>

namespace convene::cli {
namespace {

using nlohmann::ordered_json;

ordered_json descriptives_json(const std::optional<exporting::stats::Descriptives>& d) {
    if (!d) return {{"mean", nullptr}, {"sd", nullptr}, {"median", nullptr}};
    return {{"mean", d->mean},
            {"sd", d->n > 1 ? ordered_json(d->sd) : ordered_json(nullptr)},
            {"median", d->median}};
}

std::string descriptives_text(const std::optional<exporting::stats::Descriptives>& d) {
    if (!d) return "";
    return ", mean " + num(d->mean, 3) + (d->n > 1 ? ", SD " + num(d->sd, 3) : "") + ", median " +
           num(d->median, 3);
}

ordered_json summary_json(const std::string& id, const exporting::SurveySummary& s) {
    ordered_json j;
    j["instrument"] = id;
    j["respondents"] = s.respondents;
    j["items"] = ordered_json::array();
    for (const auto& i : s.items) {
        ordered_json item = {{"id", i.item_id},
                             {"text", i.text},
                             {"type", guides::item_type_name(i.type)},
                             {"n", i.n}};
        item.update(descriptives_json(i.stats));
        item["counts"] = ordered_json::array();
        for (const auto& [label, count] : i.counts)
            item["counts"].push_back({{"label", label}, {"count", count}});
        j["items"].push_back(std::move(item));
    }
    j["constructs"] = ordered_json::array();
    for (const auto& c : s.constructs) {
        ordered_json k = {{"id", c.id}, {"label", c.label}, {"items", c.items}, {"n", c.n}};
        k.update(descriptives_json(c.score));
        k["alpha"] = c.alpha ? ordered_json(*c.alpha) : ordered_json(nullptr);
        j["constructs"].push_back(std::move(k));
    }
    return j;
}

int summary(Context& ctx, const std::string& id) {
    require_instrument(ctx, id);
    auto data = store::load_survey(ctx.workspace(), id);
    auto s = exporting::summarise_survey(data);
    if (ctx.json) {
        ctx.out << summary_json(id, s).dump(2) << "\n";
        return 0;
    }
    ctx.out << data.instrument.title << " (" << id << "): " << s.respondents << " respondents\n";
    ctx.out << "\nItems\n";
    for (const auto& i : s.items) {
        ctx.out << "  " << i.item_id << " [" << guides::item_type_name(i.type) << "] " << i.text
                << "\n    n " << i.n << descriptives_text(i.stats) << "\n";
        if (i.counts.empty()) continue;
        ctx.out << "    ";
        for (std::size_t k = 0; k < i.counts.size(); ++k)
            ctx.out << (k ? " | " : "") << i.counts[k].first << ": " << i.counts[k].second;
        ctx.out << "\n";
    }
    if (s.constructs.empty()) return 0;
    ctx.out << "\nConstructs\n";
    for (const auto& c : s.constructs)
        ctx.out << "  " << c.id << " " << c.label << " (" << c.items << " items): n " << c.n
                << descriptives_text(c.score)
                << (c.alpha ? ", alpha " + num(*c.alpha, 3) : ", alpha not computable") << "\n";
    return 0;
}

} // namespace

void add_survey_summary_command(CLI::App& survey, Context& ctx) {
    auto id = std::make_shared<std::string>();
    auto* cmd = survey.add_subcommand(
        "summary", "Per item n, mean, SD, median and answer counts; per construct its score "
                   "and alpha");
    cmd->add_option("ID", *id, "Instrument id")->required();
    cmd->callback([&ctx, id] { ctx.action = [&ctx, id] { return summary(ctx, *id); }; });
}

} // namespace convene::cli
