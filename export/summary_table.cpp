#include "export/summary_table.hpp"

#include <cstdio>

namespace convene::exporting {

double Cell::number() const {
    if (const auto* n = std::get_if<std::int64_t>(&value)) return static_cast<double>(*n);
    if (const auto* x = std::get_if<double>(&value)) return *x;
    return 0;
}

int SummaryTable::column(std::string_view column_id) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].id == column_id) return static_cast<int>(i);
    return -1;
}

namespace {

std::string fixed(double x, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
    return buf;
}

} // namespace

std::string format_cell(const Column& column, const Cell& cell) {
    if (const auto* t = cell.text()) return *t;
    if (cell.empty()) return {};
    if (const auto* n = std::get_if<std::int64_t>(&cell.value)) {
        if (column.type == ColumnType::Percent)
            return fixed(static_cast<double>(*n) * 100, column.decimals) + "%";
        return std::to_string(*n);
    }
    double x = std::get<double>(cell.value);
    switch (column.type) {
    case ColumnType::Percent:
        return fixed(x * 100, column.decimals) + "%";
    case ColumnType::Integer:
        return fixed(x, 0);
    default:
        return fixed(x, column.decimals);
    }
}

} // namespace convene::exporting
