// convene-cli currency list | add-unit | set-unit | remove-unit | set-conversion |
// remove-conversion: the units of professional-learning credit and each state's conversions
// into clock hours, which summaries use. Each edit writes only what it is given.
#include "app/cli/context.hpp"
#include "store/currency.hpp"
#include "store/currency_edits.hpp"

#include <CLI/CLI.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>

namespace convene::cli {
namespace {

using nlohmann::ordered_json;

template <typename F> void on(CLI::App* cmd, Context& ctx, F f) {
    cmd->callback([&ctx, f] { ctx.action = [&ctx, f] { return f(ctx); }; });
}

int list(Context& ctx, const std::string& state_wanted) {
    auto t = store::load_currency(ctx.workspace());
    std::string state = state_wanted.empty() ? "" : store::checked_state(state_wanted);
    std::map<std::string, std::string> names(t.states.begin(), t.states.end());
    if (ctx.json) {
        ordered_json units = ordered_json::array(), conversions = ordered_json::array();
        for (const auto& u : t.units)
            units.push_back({{"slug", u.id}, {"label", u.label}, {"clock_hours", u.clock_hours}});
        for (const auto& c : t.conversions)
            if (state.empty() || c.state == state)
                conversions.push_back({{"state", c.state},
                                       {"state_name", names[c.state]},
                                       {"unit", c.unit},
                                       {"clock_hours", c.clock_hours},
                                       {"source", c.source}});
        ctx.out << ordered_json{{"units", units}, {"conversions", conversions}}.dump(2) << "\n";
        return 0;
    }
    ctx.out << "Units (clock hours in one, where a state has no conversion of its own):\n";
    for (const auto& u : t.units)
        ctx.out << "  " << u.id << "  " << u.clock_hours << "  " << u.label << "\n";
    ctx.out << "Conversions by state:\n";
    for (const auto& c : t.conversions)
        if (state.empty() || c.state == state)
            ctx.out << "  " << c.state << "  " << c.unit << "  " << c.clock_hours << "  "
                    << c.source << "\n";
    return 0;
}

struct UnitArgs {
    std::string slug, label;
    std::optional<double> hours;
};

struct ConversionArgs {
    std::string state, unit;
    std::optional<std::string> state_name, source;
    std::optional<double> hours;
};

void add_unit_commands(CLI::App* currency, Context& ctx) {
    auto* add = currency->add_subcommand("add-unit", "Add a unit; prints its slug");
    auto a = std::make_shared<UnitArgs>();
    add->add_option("LABEL", a->label, "Its name")->required();
    add->add_option("--hours", a->hours, "Clock hours in one unit (its default)")->required();
    add->add_option("--slug", a->slug, "Its id (made from the name when not given)");
    on(add, ctx, [a](Context& c) {
        c.out << store::add_unit(c.workspace().db(), a->label, *a->hours, a->slug) << "\n";
        return 0;
    });
    auto* set = currency->add_subcommand("set-unit", "Rename a unit or change its default");
    auto s = std::make_shared<UnitArgs>();
    set->add_option("UNIT", s->slug, "The unit's slug")->required();
    set->add_option("--label", s->label, "Its new name");
    set->add_option("--hours", s->hours, "Clock hours in one unit");
    on(set, ctx, [s](Context& c) {
        store::UnitChange ch{s->slug, {}, s->hours};
        if (!s->label.empty()) ch.label = s->label;
        if (!store::set_unit(c.workspace().db(), ch)) c.out << "Nothing to change.\n";
        return 0;
    });
    auto* remove = currency->add_subcommand("remove-unit", "Remove a unit no state converts");
    auto r = std::make_shared<std::string>();
    remove->add_option("UNIT", *r, "The unit's slug")->required();
    on(remove, ctx, [r](Context& c) {
        auto u = store::remove_unit(c.workspace().db(), *r);
        c.out << "Removed \"" << u.label << "\" (" << u.clock_hours << " clock hours).\n";
        return 0;
    });
}

void add_conversion_commands(CLI::App* currency, Context& ctx) {
    auto* set = currency->add_subcommand(
        "set-conversion", "Add a state's conversion of a unit, or change the parts given");
    auto a = std::make_shared<ConversionArgs>();
    set->add_option("STATE", a->state, "Two-letter state code")->required();
    set->add_option("UNIT", a->unit, "The unit's slug")->required();
    set->add_option("--hours", a->hours, "Clock hours in one unit in this state");
    set->add_option("--source", a->source, "The rule or guidance the figure comes from");
    set->add_option("--state-name", a->state_name, "The state's name (for a new state)");
    on(set, ctx, [a](Context& c) {
        bool wrote = store::set_conversion(c.workspace().db(),
                                           {a->state, a->unit, a->state_name, a->hours, a->source});
        if (!wrote) c.out << "Nothing to change.\n";
        return 0;
    });
    auto* remove =
        currency->add_subcommand("remove-conversion", "Remove a state's conversion of a unit");
    auto r = std::make_shared<ConversionArgs>();
    remove->add_option("STATE", r->state, "Two-letter state code")->required();
    remove->add_option("UNIT", r->unit, "The unit's slug")->required();
    on(remove, ctx, [r](Context& c) {
        auto gone = store::remove_conversion(c.workspace().db(), r->state, r->unit);
        c.out << "Removed " << gone.conversion.state << "'s conversion of " << gone.conversion.unit
              << " (" << gone.conversion.clock_hours
              << " clock hours); the unit's default applies there now.\n";
        return 0;
    });
}

} // namespace

void add_currency_commands(CLI::App& app, Context& ctx) {
    auto* currency =
        app.add_subcommand("currency", "Units of credit and each state's conversions to hours");
    currency->require_subcommand(1);
    auto* list_cmd = currency->add_subcommand("list", "List the units and conversions");
    auto state = std::make_shared<std::string>();
    list_cmd->add_option("--state", *state, "Only this state's conversions");
    on(list_cmd, ctx, [state](Context& c) { return list(c, *state); });
    add_unit_commands(currency, ctx);
    add_conversion_commands(currency, ctx);
}

} // namespace convene::cli
