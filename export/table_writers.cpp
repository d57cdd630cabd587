#include "export/table_writers.hpp"

#include "export/csv_writer.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <utility>

namespace convene::exporting {
namespace {

std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

constexpr std::size_t kWrapAbove = 40; // text longer than this wraps in its cell
constexpr double kTextWidth = 40, kLongWidth = 60, kUuidWidth = 13;
constexpr double kMaxLines = 27; // 409 points, the tallest row Excel allows
// Letters of prose per character of column width (a width counts the digit 0, wider than most
// letters): without it wrapped rows print half empty.
constexpr double kProseChars = 1.15;

bool uuid_column(const Column& c) {
    return c.id.size() > 5 && c.id.compare(c.id.size() - 5, 5, "_uuid") == 0;
}

} // namespace

std::string csv_number(double value) {
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, value);
    return std::string(buf, r.ptr);
}

void XlsxTableWriter::begin(const TableInfo& table) {
    table_ = table;
    sheet_ = &wb_.add_sheet(table.sheet);
    std::vector<std::string> headers;
    std::vector<bool> narrow; // numbers: the header wraps rather than widen the column
    for (const auto& c : table.columns) {
        headers.push_back(c.header);
        narrow.push_back(c.type != ColumnType::Text && c.type != ColumnType::Date);
    }
    sheet_->header(0, headers, narrow);
    row_ = 1;
    long_.assign(table.columns.size(), 0);
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        for (const auto& id : table.long_text)
            if (table.columns[c].id == id) long_[c] = 1;
    recording_answers_ = table.answer_column >= 0;
    if (recording_answers_) {
        answers_sheet_ = sheet_->name();
        answer_rows_.clear();
    }
}

XlsxTableWriter::Layout XlsxTableWriter::layout(std::uint16_t col, const std::string& s) const {
    Layout l;
    bool one_line = s.find('\n') == std::string::npos;
    l.long_text = col < long_.size() && long_[col];
    l.wrap = l.long_text || s.size() > kWrapAbove || !one_line;
    l.width = one_line ? static_cast<double>(code_points(s)) : text_width(s);
    if (l.wrap) { // long-text columns are 60 characters wide, other columns at most 60
        double column_chars = kProseChars * ((l.long_text ? kLongWidth : kTextWidth) - 3);
        l.lines = one_line ? std::min(std::max(1.0, std::ceil(l.width / column_chars)), kMaxLines)
                           : wrapped_lines(s, column_chars, kMaxLines);
    }
    return l;
}

void XlsxTableWriter::write_cell(std::uint16_t col, const Cell& cell, const Layout& l, bool tall) {
    if (cell.empty()) return;
    const Column* column = col < table_.columns.size() ? &table_.columns[col] : nullptr;
    ColumnType type = column ? column->type : ColumnType::Text;
    const auto& f = wb_.formats();
    if (const auto* s = cell.text()) {
        // Text that wraps is not linked: LibreOffice shows a linked cell on one line.
        if (!l.wrap && !cell.link.empty() && !answers_sheet_.empty()) {
            std::pair<std::uint64_t, std::uint32_t> key{fnv1a(cell.link), 0};
            auto it = std::lower_bound(answer_rows_.begin(), answer_rows_.end(), key,
                                       [](auto& a, auto& b) { return a.first < b.first; });
            if (it != answer_rows_.end() && it->first == key.first) {
                sheet_->link(row_, col, *s, answers_sheet_, it->second);
                return;
            }
        }
        if (type == ColumnType::Date)
            sheet_->date(row_, col, *s);
        else // a row of one line needs no alignment: its short texts carry no style attribute
            sheet_->measured_text(row_, col, *s, l.width,
                                  l.wrap ? f.wrap
                                  : tall ? f.text
                                         : f.plain);
        return;
    }
    int decimals = column ? column->decimals : 2;
    lxw_format* fmt =
        type == ColumnType::Percent ? wb_.percent_format(decimals)
        : type == ColumnType::Real  ? wb_.real_format(decimals)
        : std::holds_alternative<std::int64_t>(cell.value) || type == ColumnType::Integer
            ? f.integer
            : wb_.real_format(decimals);
    sheet_->number(row_, col, cell.number(), fmt);
}

void XlsxTableWriter::row(const std::vector<Cell>& cells) {
    layouts_.resize(cells.size());
    double lines = 1;
    for (std::size_t c = 0; c < cells.size(); ++c) {
        const auto* s = cells[c].text();
        layouts_[c] = s ? layout(static_cast<std::uint16_t>(c), *s) : Layout{};
        lines = std::max(lines, layouts_[c].lines);
    }
    for (std::size_t c = 0; c < cells.size(); ++c)
        write_cell(static_cast<std::uint16_t>(c), cells[c], layouts_[c], lines > 1);
    sheet_->row_lines(row_, lines);
    if (recording_answers_ && static_cast<std::size_t>(table_.answer_column) < cells.size())
        if (const auto* uuid = cells[table_.answer_column].text())
            answer_rows_.emplace_back(fnv1a(*uuid), row_);
    ++row_;
}

void XlsxTableWriter::end() {
    auto columns = static_cast<std::uint16_t>(table_.columns.size());
    sheet_->table_frame(0, row_ - 1, columns);
    sheet_->fit_columns(6, kTextWidth);
    // Long text gets a wide column even when this export's notes happen to be short; uuids a
    // narrow one (their start tells them apart; the whole is in the cell).
    for (std::uint16_t c = 0; c < columns; ++c)
        if (long_[c])
            sheet_->set_width(c, kLongWidth);
        else if (uuid_column(table_.columns[c]))
            sheet_->set_width(c, kUuidWidth);
    sheet_->fit_print_width();
    if (recording_answers_) {
        std::sort(answer_rows_.begin(), answer_rows_.end());
        recording_answers_ = false;
    }
}

CsvTableWriter::CsvTableWriter(std::filesystem::path folder) : folder_(std::move(folder)) {}

CsvTableWriter::~CsvTableWriter() {
    if (file_) std::fclose(file_);
}

void CsvTableWriter::put(const std::string& s) {
    if (std::fwrite(s.data(), 1, s.size(), file_) != s.size())
        throw std::runtime_error("writing " + table_.file + ".csv: " + std::strerror(errno));
}

void CsvTableWriter::begin(const TableInfo& table) {
    table_ = table;
    pending_.push_back(std::make_unique<PendingFile>(folder_ / (table.file + ".csv")));
    file_ = std::fopen(pending_.back()->temp().c_str(), "wb");
    if (!file_)
        throw std::runtime_error("cannot write " + (folder_ / (table.file + ".csv")).string() +
                                 ": " + std::strerror(errno));
    fields_.clear();
    for (const auto& c : table.columns)
        fields_.push_back(c.id);
    put(write_csv_row(fields_, ','));
}

void CsvTableWriter::row(const std::vector<Cell>& cells) {
    fields_.resize(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const Cell& c = cells[i];
        if (const auto* s = c.text())
            fields_[i] = csv_neutralise(*s);
        else if (const auto* n = std::get_if<std::int64_t>(&c.value))
            fields_[i] = std::to_string(*n);
        else
            fields_[i] = c.empty() ? std::string() : csv_number(c.number());
    }
    put(write_csv_row(fields_, ','));
}

void CsvTableWriter::end() {
    std::FILE* f = std::exchange(file_, nullptr);
    if (std::fflush(f) != 0 || std::fclose(f) != 0)
        throw std::runtime_error("writing " + table_.file + ".csv: " + std::strerror(errno));
}

void CsvTableWriter::commit() {
    for (auto& p : pending_)
        p->commit();
}

std::vector<std::filesystem::path> CsvTableWriter::files() const {
    std::vector<std::filesystem::path> out;
    for (const auto& p : pending_)
        out.push_back(p->target());
    return out;
}

TableTee::TableTee(std::vector<TableSink*> sinks) {
    for (auto* s : sinks)
        if (s) sinks_.push_back(s);
}

bool long_text(std::size_t bytes) {
    return bytes > 2 * kWrapAbove;
}

void write_summary(const SummaryTable& table, const std::string& sheet, TableSink& sink) {
    // Columns of long text (the framework matrix's notes): wide and wrapped.
    std::vector<std::string> long_text;
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        if (std::any_of(table.rows.begin(), table.rows.end(), [&](const auto& row) {
                const auto* s = row[c].text();
                return s && exporting::long_text(s->size());
            }))
            long_text.push_back(table.columns[c].id);
    sink.begin({sheet, table.id, table.note, table.columns, -1, long_text});
    for (const auto& row : table.rows)
        sink.row(row);
    sink.end();
}

void TableTee::begin(const TableInfo& table) {
    for (auto* s : sinks_)
        s->begin(table);
}

void TableTee::row(const std::vector<Cell>& cells) {
    for (auto* s : sinks_)
        s->row(cells);
}

void TableTee::end() {
    for (auto* s : sinks_)
        s->end();
}

} // namespace convene::exporting
