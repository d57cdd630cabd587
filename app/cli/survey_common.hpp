// What the survey commands share: finding an instrument by id, printing a number.
#pragma once

#include "app/cli/context.hpp"
#include "guides/instrument.hpp"

#include <string>

namespace convene::cli {

// The current instrument of that id; a CommandError naming the known ones when there is none.
guides::Instrument require_instrument(Context& ctx, const std::string& id);

// A number with `digits` significant digits ("%.*g").
std::string num(double v, int digits = 4);

// The survey subcommands kept in files of their own.
void add_survey_instrument_commands(CLI::App& survey, Context& ctx);
void add_survey_summary_command(CLI::App& survey, Context& ctx);
void add_survey_compare_commands(CLI::App& survey, Context& ctx);

} // namespace convene::cli
