// A workbook Convene wrote, read back as a reader's spreadsheet would: tests/read_workbook.py
// opens it with openpyxl (Debian's python3-openpyxl) and prints it as JSON; these helpers find a
// sheet, a column by its header and a row by a cell's value.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace convene::test {

// The output of a shell command; the command must succeed.
std::string run_command(const std::string& command);

// {"sheets": [{"name", "freeze", "autofilter", "heights", "rows": [[{"v", "t", "link"?}]]}], "charts",
// "zip_ok"}
nlohmann::json read_workbook(const std::filesystem::path& file);
// tests/read_workbook.py with the interpreter, followed by a space.
std::string read_workbook_script();

const nlohmann::json& sheet(const nlohmann::json& workbook, const std::string& name);
// The first row of a sheet whose column `col` holds value, or nullptr.
const nlohmann::json* row_with(const nlohmann::json& sheet, std::size_t col,
                               const std::string& value);
// The column whose header (first row) is `header`.
std::size_t column(const nlohmann::json& sheet, const std::string& header);

} // namespace convene::test
