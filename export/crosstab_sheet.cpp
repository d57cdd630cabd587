// The Crosstabs sheet (declared in export/survey_sheets.hpp): each crosstab as a report table,
// counts with row and column totals, then column percentages, then its tests, note, caution and
// plain reading, as Surveys > Compare groups shows it. crosstabs.csv holds one row per cell.
#include "export/survey_sheets.hpp"
#include "export/survey_tables.hpp"
#include "export/table_writers.hpp"
#include "export/xlsx_workbook.hpp"

#include <algorithm>
#include <cstdio>
#include <string_view>
#include <utility>

namespace convene::exporting {
namespace {

std::string tests_line(const CrosstabTests& t) {
    char buf[256];
    if (!t.chi_square) return t.note;
    const auto& c = *t.chi_square;
    std::snprintf(buf, sizeof buf,
                  "Chi-square(%.0f) = %.3f, p = %.3g, Cram\u00e9r's V = %.3f; smallest expected "
                  "count %.2f",
                  c.df, c.chi2, c.p, c.cramers_v, c.min_expected);
    std::string line = buf;
    if (t.fisher) {
        std::snprintf(buf, sizeof buf, "; Fisher's exact p = %.3g", t.fisher->p_two_sided);
        line += buf;
    }
    return line;
}

// Code points, not bytes: curly quotes and accents take one character's room.
std::size_t chars(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

// Text broken at spaces into lines of at most `width` characters (a longer word stays whole).
std::vector<std::string> wrap(const std::string& text, std::size_t width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto end = std::min(text.find(' ', pos), text.size());
        std::string word = text.substr(pos, end - pos);
        if (!line.empty() && chars(line) + 1 + chars(word) > width)
            lines.push_back(std::exchange(line, ""));
        line += (line.empty() ? "" : " ") + word;
        pos = end + 1;
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

constexpr double kValueWidth = 16; // a count or percent column: "micro-credential" fits

class CrosstabWriter {
  public:
    CrosstabWriter(XlsxWorkbook& wb, CsvTableWriter* csv, double label_width)
        : wb_(wb), f_(wb.formats()), sheet_(wb.add_sheet("Crosstabs")), csv_(csv),
          label_width_(label_width) {}

    void write(const SurveyResults& s, const TestedCrosstab& x) {
        const auto& t = x.table;
        sheet_.text(row_++, 0, s.title + ": " + t.row_attribute + " by " + t.column_attribute,
                    f_.bold);
        counts(s, x);
        percents(x);
        // The sentences under the table, broken into rows as wide as the table (no merged
        // cells in constant-memory mode), so none runs past its edge on screen or on paper.
        // (Text is narrower than the digits column widths count in: a fifth more fits.)
        auto width = static_cast<std::size_t>(
            1.2 * (label_width_ + kValueWidth * double(t.columns.size() + 1)) - 2);
        auto lines = [&](const std::string& text) {
            for (const auto& line : wrap(text, width))
                sheet_.text(row_++, 0, line);
        };
        lines(tests_line(x.tests));
        if (x.tests.chi_square && !x.tests.note.empty()) lines(x.tests.note);
        if (!x.tests.caution.empty()) lines("Caution: " + x.tests.caution);
        lines(x.reading);
        columns_ = std::max(columns_, t.columns.size() + 1);
        ++row_;
    }

    std::size_t cells() const { return cells_; }
    void finish() {
        sheet_.set_width(0, label_width_);
        for (std::size_t c = 1; c <= columns_; ++c)
            sheet_.set_width(static_cast<std::uint16_t>(c), kValueWidth);
        // Landscape, one page wide, the sheet's name and page numbers in the footer; the tables
        // have headers of their own, so no row repeats.
        sheet_.print_setup(0, false);
    }

  private:
    void header(const Crosstab& t, const std::string& first) {
        std::vector<std::string> h{first};
        h.insert(h.end(), t.columns.begin(), t.columns.end());
        h.push_back("Total");
        sheet_.header(row_++, h);
    }

    void put(std::uint16_t col, double v, lxw_format* format) {
        sheet_.number(row_, col, v, format);
    }

    void csv_row(const SurveyResults& s, const Crosstab& t, const std::string& rv,
                 const std::string& cv, std::size_t n, std::size_t of) {
        ++cells_;
        if (!csv_) return;
        csv_->row({text_cell(s.instrument_id), text_cell(t.row_attribute), text_cell(rv),
                   text_cell(t.column_attribute), text_cell(cv), Cell(n),
                   of ? Cell(double(n) / double(of)) : Cell()});
    }

    void counts(const SurveyResults& s, const TestedCrosstab& x) {
        const auto& t = x.table;
        const auto& tests = x.tests;
        auto last = static_cast<std::uint16_t>(t.columns.size() + 1);
        header(t, t.row_attribute);
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            sheet_.text(row_, 0, t.rows[r]);
            for (std::size_t c = 0; c < t.columns.size(); ++c) {
                put(static_cast<std::uint16_t>(c + 1), double(t.counts[r][c]), f_.integer);
                csv_row(s, t, t.rows[r], t.columns[c], t.counts[r][c], tests.column_totals[c]);
            }
            put(last, double(tests.row_totals[r]), f_.total_int);
            csv_row(s, t, t.rows[r], "Total", tests.row_totals[r], tests.total);
            ++row_;
        }
        sheet_.text(row_, 0, "Total", f_.total);
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            put(static_cast<std::uint16_t>(c + 1), double(tests.column_totals[c]), f_.total_int);
            csv_row(s, t, "Total", t.columns[c], tests.column_totals[c], tests.column_totals[c]);
        }
        put(last, double(tests.total), f_.total_int);
        csv_row(s, t, "Total", "Total", tests.total, tests.total);
        ++row_;
    }

    // Each count as a share of its column (the Total column: of everyone).
    void percents(const TestedCrosstab& x) {
        const auto& t = x.table;
        const auto& tests = x.tests;
        auto* pct = wb_.percent_format(0);
        header(t, "Column %");
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            sheet_.text(row_, 0, t.rows[r]);
            for (std::size_t c = 0; c < t.columns.size(); ++c)
                if (tests.column_totals[c] > 0)
                    put(static_cast<std::uint16_t>(c + 1),
                        double(t.counts[r][c]) / double(tests.column_totals[c]), pct);
            if (tests.total > 0)
                put(static_cast<std::uint16_t>(t.columns.size() + 1),
                    double(tests.row_totals[r]) / double(tests.total), pct);
            ++row_;
        }
    }

    XlsxWorkbook& wb_;
    const XlsxFormats& f_;
    XlsxSheet& sheet_;
    CsvTableWriter* csv_;
    double label_width_;
    std::uint32_t row_ = 0;
    std::size_t cells_ = 0, columns_ = 0;
};

// Column A holds the attributes and their values: as wide as the longest of them.
double label_width(const std::vector<SurveyResults>& surveys) {
    std::size_t w = 12;
    for (const auto& s : surveys)
        for (const auto& x : s.crosstabs) {
            w = std::max(w, chars(x.table.row_attribute));
            for (const auto& r : x.table.rows)
                w = std::max(w, chars(r));
        }
    return double(std::min<std::size_t>(w, 40) + 2);
}

} // namespace

std::size_t write_crosstabs(const std::vector<SurveyResults>& surveys, XlsxWorkbook& wb,
                            CsvTableWriter* csv) {
    TableInfo t{"Crosstabs",
                "crosstabs",
                "Respondents by two attributes at a time, with row and column totals, column "
                "percentages, chi-square, Fisher's exact test and a plain reading (in CSV: one row "
                "per cell, totals labelled Total).",
                {{"instrument_id", "Instrument", ColumnType::Text},
                 {"row_attribute", "Row attribute", ColumnType::Text},
                 {"row_value", "Row value", ColumnType::Text},
                 {"column_attribute", "Column attribute", ColumnType::Text},
                 {"column_value", "Column value", ColumnType::Text},
                 {"respondents", "Respondents", ColumnType::Integer},
                 {"column_percent", "Column %", ColumnType::Percent}}};
    CrosstabWriter writer(wb, csv, label_width(surveys));
    if (csv) csv->begin(t);
    for (const auto& s : surveys)
        for (const auto& x : s.crosstabs)
            writer.write(s, x);
    if (csv) csv->end();
    writer.finish();
    return writer.cells();
}

} // namespace convene::exporting
