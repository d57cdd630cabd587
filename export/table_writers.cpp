#include "export/table_writers.hpp"

#include "export/csv_writer.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
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

constexpr std::size_t kWrapAbove = 60; // text longer than this wraps in its cell

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
    for (const auto& c : table.columns)
        headers.push_back(c.header);
    sheet_->header(0, headers);
    row_ = 1;
    recording_answers_ = table.answer_column >= 0;
    if (recording_answers_) {
        answers_sheet_ = sheet_->name();
        answer_rows_.clear();
    }
}

void XlsxTableWriter::write_cell(std::uint16_t col, const Cell& cell) {
    const auto& f = wb_.formats();
    ColumnKind kind = col < table_.columns.size() ? table_.columns[col].kind : ColumnKind::Text;
    if (cell.kind == Cell::Kind::Empty) return;
    if (cell.kind == Cell::Kind::Number) {
        lxw_format* fmt = kind == ColumnKind::Integer   ? f.integer
                          : kind == ColumnKind::Percent ? f.percent
                                                        : f.number;
        return sheet_->number(row_, col, cell.number, fmt);
    }
    if (!cell.answer.empty() && !answers_sheet_.empty()) {
        std::pair<std::uint64_t, std::uint32_t> key{fnv1a(cell.answer), 0};
        auto it = std::lower_bound(answer_rows_.begin(), answer_rows_.end(), key,
                                   [](auto& a, auto& b) { return a.first < b.first; });
        if (it != answer_rows_.end() && it->first == key.first)
            return sheet_->link(row_, col, cell.text, answers_sheet_, it->second);
    }
    if (kind == ColumnKind::Date) return sheet_->date(row_, col, cell.text);
    bool wrap = kind == ColumnKind::LongText || cell.text.size() > kWrapAbove ||
                cell.text.find('\n') != std::string::npos;
    sheet_->text(row_, col, cell.text, wrap ? f.wrap : f.text);
}

void XlsxTableWriter::row(const std::vector<Cell>& cells) {
    for (std::size_t c = 0; c < cells.size(); ++c)
        write_cell(static_cast<std::uint16_t>(c), cells[c]);
    if (recording_answers_ && static_cast<std::size_t>(table_.answer_column) < cells.size())
        answer_rows_.emplace_back(fnv1a(cells[table_.answer_column].text), row_);
    ++row_;
}

void XlsxTableWriter::end() {
    auto columns = static_cast<std::uint16_t>(table_.columns.size());
    sheet_->table_frame(0, row_ - 1, columns);
    sheet_->fit_columns();
    // Long text gets a wide column even when this export's notes happen to be short.
    for (std::uint16_t c = 0; c < columns; ++c)
        if (table_.columns[c].kind == ColumnKind::LongText) sheet_->set_width(c, 60);
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
        fields_[i] = c.kind == Cell::Kind::Number ? csv_number(c.number)
                     : c.kind == Cell::Kind::Text ? csv_neutralise(c.text)
                                                  : std::string();
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
