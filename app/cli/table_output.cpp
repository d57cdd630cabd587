#include "app/cli/table_output.hpp"

#include <algorithm>
#include <ostream>

namespace convene::cli {

using nlohmann::ordered_json;

namespace {

constexpr std::size_t kMaxCellWidth = 40; // characters shown of a cell in text mode

std::size_t width(std::string_view s) { // characters, not bytes
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// One line, at most kMaxCellWidth characters, cut with "…" (never inside a character).
std::string fit(std::string s) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    if (width(s) <= kMaxCellWidth) return s;
    std::size_t chars = 0, i = 0;
    for (; i < s.size(); ++i) {
        if ((s[i] & 0xC0) != 0x80 && chars++ == kMaxCellWidth - 1) break;
    }
    return s.substr(0, i) + "\u2026";
}

std::string pad(const std::string& s, std::size_t w, bool right) {
    std::string gap(w - std::min(w, width(s)), ' ');
    return right ? gap + s : s + gap;
}

} // namespace

void print_table(std::ostream& out, const exporting::SummaryTable& t) {
    out << t.title << "\n";
    if (t.rows.empty()) {
        out << "(nothing to show)\n";
        return;
    }
    std::vector<std::vector<std::string>> cells;
    std::vector<std::size_t> w;
    for (const auto& c : t.columns)
        w.push_back(width(fit(c.header)));
    for (const auto& row : t.rows) {
        auto& line = cells.emplace_back();
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            line.push_back(fit(exporting::format_cell(t.columns[c], row[c])));
            w[c] = std::max(w[c], width(line.back()));
        }
    }
    auto numeric = [&](std::size_t c) {
        auto type = t.columns[c].type;
        return type != exporting::ColumnType::Text && type != exporting::ColumnType::Date;
    };
    auto print_line = [&](const std::vector<std::string>& line) {
        std::string text;
        for (std::size_t c = 0; c < line.size(); ++c)
            text += (c ? "  " : "") + pad(line[c], w[c], numeric(c));
        while (!text.empty() && text.back() == ' ')
            text.pop_back();
        out << text << "\n";
    };
    std::vector<std::string> header;
    for (const auto& c : t.columns)
        header.push_back(fit(c.header));
    print_line(header);
    for (const auto& line : cells)
        print_line(line);
}

namespace {

ordered_json cell_json(const exporting::Cell& cell) {
    if (const auto* text = cell.text()) return *text;
    if (const auto* n = std::get_if<std::int64_t>(&cell.value)) return *n;
    if (const auto* x = std::get_if<double>(&cell.value)) return *x;
    return nullptr;
}

} // namespace

ordered_json summary_json(const exporting::SummaryTable& t) {
    ordered_json columns = ordered_json::array();
    const char* types[] = {"text", "integer", "real", "percent", "date"};
    for (const auto& c : t.columns)
        columns.push_back({{"id", c.id},
                           {"header", c.header},
                           {"type", types[static_cast<int>(c.type)]},
                           {"unit", c.unit}});
    ordered_json rows = ordered_json::array();
    for (const auto& row : t.rows) {
        ordered_json r = ordered_json::object();
        for (std::size_t c = 0; c < t.columns.size(); ++c)
            r[t.columns[c].id] = cell_json(row[c]);
        rows.push_back(std::move(r));
    }
    return {{"title", t.title}, {"note", t.note}, {"columns", columns}, {"rows", rows}};
}

} // namespace convene::cli
