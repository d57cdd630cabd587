// Summary tables on the command line: an aligned text table (long cells cut with "…") or JSON
// ({title, note, columns, rows}), shared by `summary`, `agreement` and any other table command.
#pragma once

#include "export/summary_table.hpp"

#include <iosfwd>
#include <nlohmann/json.hpp>

namespace convene::cli {

void print_table(std::ostream& out, const exporting::SummaryTable& table);
nlohmann::ordered_json summary_json(const exporting::SummaryTable& table);

} // namespace convene::cli
