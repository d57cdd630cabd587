// CSV reading: never crashes; a table that reads has rows as wide as its header, and writing it
// with write_csv_row reads back as the same table. The first byte picks the delimiter (detected,
// ',', ';', tab, or any ASCII byte), the rest is the file.
#include "export/csv_writer.hpp"
#include "fuzz_check.hpp"
#include "guides/csv_reader.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace convene::guides;
    using convene::exporting::write_csv_row;
    if (size == 0) return 0;
    const char choices[] = {0, ',', ';', '\t'};
    char delimiter = data[0] < 128 ? choices[data[0] % 4] : static_cast<char>(data[0] - 128);
    std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    auto result = parse_csv(bytes, delimiter);
    FUZZ_CHECK(result.table.has_value() == result.problems.empty());
    if (!result.table) return 0;
    const auto& table = *result.table;
    FUZZ_CHECK(table.rows.size() == table.row_lines.size());
    std::string written = write_csv_row(table.header, table.delimiter);
    for (const auto& row : table.rows) {
        FUZZ_CHECK(row.size() == table.header.size());
        written += write_csv_row(row, table.delimiter);
    }
    auto again = parse_csv(written, table.delimiter);
    FUZZ_CHECK(again.table && again.table->header == table.header &&
               again.table->rows == table.rows);
    return 0;
}
