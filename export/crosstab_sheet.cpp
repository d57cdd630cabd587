// The Crosstabs sheet (declared in export/survey_sheets.hpp): each crosstab as a report table,
// counts with row and column totals, then column percentages, then its tests, note, caution and
// plain reading, as Surveys > Compare groups shows it. crosstabs.csv holds one row per cell.
#include "export/survey_sheets.hpp"
#include "export/survey_tables.hpp"
#include "export/table_writers.hpp"
#include "export/xlsx_workbook.hpp"

#include <cstdio>

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

class CrosstabWriter {
  public:
    CrosstabWriter(XlsxWorkbook& wb, CsvTableWriter* csv)
        : wb_(wb), f_(wb.formats()), sheet_(wb.add_sheet("Crosstabs")), csv_(csv) {}

    void write(const SurveyResults& s, const TestedCrosstab& x) {
        const auto& t = x.table;
        sheet_.text(row_++, 0, s.title + ": " + t.row_attribute + " by " + t.column_attribute,
                    f_.bold);
        counts(s, x);
        percents(x);
        sheet_.text(row_++, 0, tests_line(x.tests));
        if (x.tests.chi_square && !x.tests.note.empty()) sheet_.text(row_++, 0, x.tests.note);
        if (!x.tests.caution.empty()) sheet_.text(row_++, 0, "Caution: " + x.tests.caution);
        sheet_.text(row_++, 0, x.reading);
        ++row_;
    }

    std::size_t cells() const { return cells_; }
    void finish() { sheet_.fit_columns(10, 40); }

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
    std::uint32_t row_ = 0;
    std::size_t cells_ = 0;
};

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
    CrosstabWriter writer(wb, csv);
    if (csv) csv->begin(t);
    for (const auto& s : surveys)
        for (const auto& x : s.crosstabs)
            writer.write(s, x);
    if (csv) csv->end();
    writer.finish();
    return writer.cells();
}

} // namespace convene::exporting
