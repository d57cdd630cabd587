// A thin RAII layer over libxlsxwriter: a workbook in constant-memory mode (rows are written in
// order and flushed to a temporary file as soon as the next row starts, so memory stays flat),
// the formats every sheet shares, and sheets that remember how wide their columns need to be.
// Text is always written with worksheet_write_string, never as a formula; every lxw_error becomes
// an XlsxError naming the sheet and what was being written, with lxw_strerror's reason.
//
// What constant-memory mode forbids, and how this layer keeps to it: a row cannot be written
// after a later row was started (XlsxSheet checks and throws rather than lose the cell), merged
// ranges are not written, and rows cannot be formatted after their cells. Column widths, the
// frozen header, the autofilter and charts are kept apart from the rows and written at close,
// so they may be set after the data.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;
struct lxw_chart;

namespace convene::exporting {

class XlsxError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The formats of a workbook; owned by the workbook.
struct XlsxFormats {
    lxw_format* header = nullptr; // bold, light fill, bottom border, wrapped
    lxw_format* text = nullptr;   // top-aligned
    // The workbook's own first format (xf 0): cells written with it carry no style attribute,
    // which keeps the sheets' XML smaller. LibreOffice ignores its alignment (such a cell sits
    // at the bottom of a tall row), so it is only for text in rows of one line.
    lxw_format* plain = nullptr;
    lxw_format* wrap = nullptr;    // top-aligned, wrapped
    lxw_format* integer = nullptr; // #,##0
    lxw_format* number = nullptr;  // 0.00
    lxw_format* percent = nullptr; // 0.0%
    lxw_format* date = nullptr;    // yyyy-mm-dd
    lxw_format* datetime = nullptr;
    lxw_format* link = nullptr;  // blue, underlined, top-aligned
    lxw_format* title = nullptr; // large bold (the About sheet's heading)
    lxw_format* bold = nullptr;
    lxw_format* total = nullptr;     // bold with a top border (totals rows)
    lxw_format* total_int = nullptr; // the same, #,##0
};

// Excel's limits that libxlsxwriter enforces by refusing the cell.
inline constexpr std::size_t kMaxCellChars = 32767;
// Links a sheet holds (a quarter of Excel's 65,530): libxlsxwriter keeps each link, about 220
// bytes, until the file is closed, so the links of a large workspace's sheets were the export's
// largest memory (21 MB at 150,000 coded segments) and grew with it. Past it a cell is its text
// without a link (the row's other columns find the answer: its uuid in Coded segments, the
// conversation and question in Quotes by code).
inline constexpr std::size_t kLinksPerSheet = 16384;
inline constexpr std::uint32_t kMaxRows = 1048576;

class XlsxSheet {
  public:
    XlsxSheet(lxw_worksheet* ws, std::string name, const XlsxFormats& formats);
    const std::string& name() const { return name_; }
    lxw_worksheet* raw() { return ws_; }
    std::uint32_t next_row() const { return next_row_; } // one past the last row written

    // An empty text writes nothing. Longer than Excel allows: cut, ending in "[...]".
    void text(std::uint32_t row, std::uint16_t col, std::string_view value,
              lxw_format* format = nullptr);
    // The same for a table's cell whose width (characters of its longest line, text_width) the
    // caller has measured; the text is passed to libxlsxwriter as it is, not copied.
    void measured_text(std::uint32_t row, std::uint16_t col, const std::string& value, double width,
                       lxw_format* format);
    void number(std::uint32_t row, std::uint16_t col, double value, lxw_format* format = nullptr);
    // "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]" as an Excel date; other text is written as text.
    void date(std::uint32_t row, std::uint16_t col, std::string_view iso);
    // A link to a cell of a sheet of this workbook; past kLinksPerSheet links in this sheet the
    // text is written without one.
    void link(std::uint32_t row, std::uint16_t col, std::string_view text,
              std::string_view target_sheet, std::uint32_t target_row,
              std::uint16_t target_col = 0);
    void header(std::uint32_t row, const std::vector<std::string>& titles);
    // The same, where the columns flagged narrow (numbers) are made as wide as their longest
    // title word rather than their whole title, which wraps; the row gets the height that needs.
    void header(std::uint32_t row, const std::vector<std::string>& titles,
                const std::vector<bool>& narrow);
    // Frozen header row and an autofilter over the table (header row to last_row).
    void table_frame(std::uint32_t header_row, std::uint32_t last_row, std::uint16_t columns);
    // Printing: landscape, one page wide, the header row on every page (unless repeat_header is
    // false: a sheet of several small tables), the sheet's name and page numbers in the footer.
    void print_setup(std::uint32_t header_row, bool repeat_header = true);
    // Pages across when printed: one while the columns fit at a readable size, otherwise as many
    // as keep the text readable, with the first column (what the row is) repeated on each. Call
    // after the widths are set.
    void fit_print_width();
    // A row of `lines` lines of text (wrapped cells): Excel and LibreOffice keep the height a
    // file gives, so it is set from the text rather than left at one line. Call while the row
    // is the last one written.
    void row_lines(std::uint32_t row, double lines);
    // Sets every column to the width its content needs, between min_width and max_width
    // characters (call after writing).
    void fit_columns(double min_width = 6, double max_width = 60);
    void set_width(std::uint16_t col, double width);
    void insert_chart(std::uint32_t row, std::uint16_t col, lxw_chart* chart, double x_scale = 1,
                      double y_scale = 1);
    // Throws XlsxError naming this sheet when error is not LXW_NO_ERROR.
    void check(int error, std::string_view what, std::uint32_t row = 0) const;

  private:
    void note(std::uint32_t row, std::uint16_t col, std::string_view value);
    void note_width(std::uint32_t row, std::uint16_t col, double width);

    lxw_worksheet* ws_;
    std::string name_;
    const XlsxFormats& f_;
    std::uint32_t next_row_ = 0;
    std::size_t links_ = 0;
    std::vector<double> widths_;     // characters needed per column
    std::vector<double> set_widths_; // the widths set
};

class XlsxWorkbook {
  public:
    // Creates the workbook at path (written by close()); libxlsxwriter's own temporary files go
    // into tmpdir (beside the target, so a RAM-backed /tmp is not filled).
    XlsxWorkbook(const std::filesystem::path& path, const std::filesystem::path& tmpdir,
                 bool constant_memory = true);
    ~XlsxWorkbook();
    XlsxWorkbook(const XlsxWorkbook&) = delete;
    XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

    const XlsxFormats& formats() const { return formats_; }
    // 0.0, 0.00, ... and 0.0%, 0.00%, ...: made on first use, then shared.
    lxw_format* real_format(int decimals);
    lxw_format* percent_format(int decimals);
    // Sheet names are cut to Excel's 31 characters; throws when the name is refused.
    XlsxSheet& add_sheet(const std::string& name);
    // A chart of type LXW_CHART_*; owned by the workbook, inserted into a sheet by the caller.
    lxw_chart* add_chart(std::uint8_t type);
    void set_properties(const std::string& title, const std::string& subject,
                        const std::string& comments);
    // Writes the file. Throws XlsxError with lxw_strerror's reason.
    void close();

  private:
    lxw_format* make_format();

    lxw_workbook* wb_ = nullptr;
    std::string tmpdir_;
    XlsxFormats formats_;
    std::vector<std::unique_ptr<XlsxSheet>> sheets_;
    std::vector<lxw_format*> reals_, percents_; // by decimals
};

// Lines a text takes in a wrapped column of `width` characters (at most max_lines).
double wrapped_lines(std::string_view text, double width, double max_lines = 15);
// UTF-8 code points of a text; characters its longest line needs on screen.
std::size_t code_points(std::string_view s);
double text_width(std::string_view s);

// A quoted sheet name for formulas and links: 'Code × area' (quotes inside doubled).
std::string quoted_sheet(std::string_view name);

} // namespace convene::exporting
