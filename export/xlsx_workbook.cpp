#include "export/xlsx_workbook.hpp"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <functional>
#include <xlsxwriter.h>

namespace convene::exporting {

std::size_t code_points(std::string_view s) {
    // Every byte but the continuation bytes (10xxxxxx) starts a code point: count those eight
    // bytes at a time (a continuation byte has its top bit set and the next one clear).
    constexpr std::uint64_t kTop = 0x8080808080808080ull;
    std::size_t continuation = 0, i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        continuation += static_cast<std::size_t>(std::popcount(w & ~(w << 1) & kTop));
    }
    for (; i < s.size(); ++i)
        continuation += (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
    return s.size() - continuation;
}

double text_width(std::string_view s) {
    if (s.find('\n') == std::string_view::npos) return static_cast<double>(code_points(s));
    double longest = 0, line = 0;
    for (unsigned char c : s) {
        if (c == '\n') {
            longest = std::max(longest, line);
            line = 0;
        } else if ((c & 0xC0) != 0x80) {
            line += 1;
        }
    }
    return std::max(longest, line);
}

namespace {

// Cuts text to Excel's cell limit at a character boundary, marking the cut.
std::string_view cut_to_limit(std::string_view s, std::string& buffer) {
    if (s.size() <= kMaxCellChars) return s; // bytes >= characters: within the limit
    std::size_t chars = 0, i = 0;
    constexpr std::size_t keep = kMaxCellChars - 5;
    for (; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++chars > keep) break;
    if (i == s.size()) return s;
    buffer.assign(s.substr(0, i));
    buffer += "[...]";
    return buffer;
}

// Characters of the longest word (split at spaces).
double longest_word(std::string_view s) {
    double longest = 0;
    for (std::size_t start = 0; start <= s.size();) {
        std::size_t end = std::min(s.find(' ', start), s.size());
        longest = std::max(longest, text_width(s.substr(start, end - start)));
        start = end + 1;
    }
    return longest;
}

// Lines a title takes wrapped at spaces in a column of `width` characters.
double word_wrapped_lines(std::string_view s, double width) {
    double lines = 1, line = 0;
    for (std::size_t start = 0; start <= s.size();) {
        std::size_t end = std::min(s.find(' ', start), s.size());
        double word = text_width(s.substr(start, end - start));
        if (line > 0 && line + 1 + word > width) {
            ++lines;
            line = word;
        } else {
            line += (line > 0 ? 1 : 0) + word;
        }
        start = end + 1;
    }
    return lines;
}

constexpr double kNarrowWidth = 8; // a number column's header: at least this wide

bool parse_int(std::string_view s, int& out) {
    auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

} // namespace

double wrapped_lines(std::string_view text, double width, double max_lines) {
    double lines = 0, line = 0;
    for (unsigned char c : text) {
        if (c == '\n') {
            lines += std::max(1.0, std::ceil(line / width));
            line = 0;
        } else if ((c & 0xC0) != 0x80) {
            line += 1;
        }
    }
    lines += std::max(1.0, std::ceil(line / width));
    return std::min(lines, max_lines);
}

std::string quoted_sheet(std::string_view name) {
    std::string out = "'";
    for (char c : name) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

XlsxSheet::XlsxSheet(lxw_worksheet* ws, std::string name, const XlsxFormats& formats)
    : ws_(ws), name_(std::move(name)), f_(formats) {}

void XlsxSheet::check(int error, std::string_view what, std::uint32_t row) const {
    if (error == LXW_NO_ERROR) return;
    throw XlsxError("sheet \"" + name_ + "\", " + std::string(what) + " at row " +
                    std::to_string(row + 1) + ": " + lxw_strerror(static_cast<lxw_error>(error)));
}

void XlsxSheet::note(std::uint32_t row, std::uint16_t col, std::string_view value) {
    note_width(row, col, text_width(value));
}

void XlsxSheet::note_width(std::uint32_t row, std::uint16_t col, double width) {
    // Constant-memory mode silently drops a cell above the current row: refuse instead.
    if (next_row_ > 0 && row + 1 < next_row_)
        throw XlsxError("sheet \"" + name_ + "\": row " + std::to_string(row + 1) +
                        " written after row " + std::to_string(next_row_) +
                        " (rows must be written in order)");
    if (row >= kMaxRows)
        throw XlsxError("sheet \"" + name_ + "\": more than " + std::to_string(kMaxRows) +
                        " rows, Excel's limit");
    next_row_ = std::max(next_row_, row + 1);
    if (widths_.size() <= col) widths_.resize(col + 1u, 0);
    widths_[col] = std::max(widths_[col], width);
}

void XlsxSheet::text(std::uint32_t row, std::uint16_t col, std::string_view value,
                     lxw_format* format) {
    if (value.empty()) return;
    std::string buffer;
    std::string_view v = cut_to_limit(value, buffer);
    note(row, col, v);
    std::string s(v); // libxlsxwriter wants a NUL-terminated string
    check(worksheet_write_string(ws_, row, col, s.c_str(), format ? format : f_.text),
          "writing text", row);
}

void XlsxSheet::measured_text(std::uint32_t row, std::uint16_t col, const std::string& value,
                              double width, lxw_format* format) {
    if (value.empty()) return;
    if (value.size() > kMaxCellChars) return text(row, col, value, format); // cut first
    note_width(row, col, width);
    check(worksheet_write_string(ws_, row, col, value.c_str(), format ? format : f_.text),
          "writing text", row);
}

void XlsxSheet::number(std::uint32_t row, std::uint16_t col, double value, lxw_format* format) {
    if (!std::isfinite(value)) return; // Excel has no NaN or infinity: leave the cell empty
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, value);
    note(row, col, std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
    check(worksheet_write_number(ws_, row, col, value, format ? format : f_.number),
          "writing a number", row);
}

void XlsxSheet::date(std::uint32_t row, std::uint16_t col, std::string_view iso) {
    lxw_datetime dt{};
    bool ok = iso.size() >= 10 && iso[4] == '-' && iso[7] == '-' &&
              parse_int(iso.substr(0, 4), dt.year) && parse_int(iso.substr(5, 2), dt.month) &&
              parse_int(iso.substr(8, 2), dt.day) && dt.year >= 1900 && dt.month >= 1 &&
              dt.month <= 12 && dt.day >= 1 && dt.day <= 31;
    bool with_time = ok && iso.size() >= 16 && (iso[10] == 'T' || iso[10] == ' ') &&
                     parse_int(iso.substr(11, 2), dt.hour) &&
                     parse_int(iso.substr(14, 2), dt.min) && dt.hour < 24 && dt.min < 60;
    if (!ok) return text(row, col, iso);
    if (!with_time) dt.hour = dt.min = 0;
    note(row, col, with_time ? "2024-01-01 00:00" : "2024-01-01");
    check(worksheet_write_datetime(ws_, row, col, &dt, with_time ? f_.datetime : f_.date),
          "writing a date", row);
}

void XlsxSheet::link(std::uint32_t row, std::uint16_t col, std::string_view text_value,
                     std::string_view target_sheet, std::uint32_t target_row,
                     std::uint16_t target_col) {
    if (links_ >= kLinksPerSheet) return text(row, col, text_value);
    ++links_;
    note(row, col, text_value);
    std::string url = "internal:" + quoted_sheet(target_sheet) + "!";
    char col_name[8];
    lxw_col_to_name(col_name, target_col, 0);
    url += col_name;
    url += std::to_string(target_row + 1);
    // The link without a text of its own, then the cell's text written over it (libxlsxwriter's
    // documented way): the link then carries no copy of the text (a `display` attribute in the
    // sheet's XML, and a copy held until the workbook is closed, for each of up to kLinksPerSheet
    // links).
    check(worksheet_write_url(ws_, row, col, url.c_str(), f_.link), "writing a link", row);
    std::string s(text_value);
    check(worksheet_write_string(ws_, row, col, s.c_str(), f_.link), "writing a link's text", row);
}

void XlsxSheet::header(std::uint32_t row, const std::vector<std::string>& titles) {
    for (std::size_t c = 0; c < titles.size(); ++c)
        text(row, static_cast<std::uint16_t>(c), titles[c], f_.header);
}

void XlsxSheet::header(std::uint32_t row, const std::vector<std::string>& titles,
                       const std::vector<bool>& narrow) {
    double lines = 1;
    for (std::size_t c = 0; c < titles.size(); ++c) {
        auto col = static_cast<std::uint16_t>(c);
        if (c >= narrow.size() || !narrow[c] || titles[c].empty()) {
            text(row, col, titles[c], f_.header);
            continue;
        }
        double width = std::max(kNarrowWidth, longest_word(titles[c]) + 1);
        note_width(row, col, width);
        lines = std::max(lines, word_wrapped_lines(titles[c], width));
        check(worksheet_write_string(ws_, row, col, titles[c].c_str(), f_.header),
              "writing a header", row);
    }
    row_lines(row, lines);
}

void XlsxSheet::table_frame(std::uint32_t header_row, std::uint32_t last_row,
                            std::uint16_t columns) {
    if (columns == 0) return;
    worksheet_freeze_panes(ws_, header_row + 1, 0);
    print_setup(header_row);
    check(worksheet_autofilter(ws_, header_row, 0, std::max(last_row, header_row),
                               static_cast<lxw_col_t>(columns - 1)),
          "setting the autofilter", header_row);
}

void XlsxSheet::print_setup(std::uint32_t header_row, bool repeat_header) {
    worksheet_set_landscape(ws_);
    worksheet_set_paper(ws_, 1); // US Letter
    worksheet_fit_to_pages(ws_, 1, 0);
    if (repeat_header)
        check(worksheet_repeat_rows(ws_, header_row, header_row), "repeating the header row");
    check(worksheet_set_footer(ws_, "&L&A&RPage &P of &N"), "setting the footer");
}

void XlsxSheet::row_lines(std::uint32_t row, double lines) {
    if (lines <= 1) return;
    check(worksheet_set_row(ws_, row, std::min(15 * lines, 409.0), nullptr), "setting a row height",
          row);
}

void XlsxSheet::fit_columns(double min_width, double max_width) {
    for (std::size_t c = 0; c < widths_.size(); ++c)
        set_width(static_cast<std::uint16_t>(c), std::clamp(widths_[c] + 2, min_width, max_width));
}

void XlsxSheet::fit_print_width() {
    // A landscape Letter page holds about 180 characters of column width at 75% of full size.
    constexpr double kPageChars = 180;
    double total = 0;
    for (double w : set_widths_)
        total += w;
    auto pages = static_cast<std::uint16_t>(std::max(1.0, std::ceil(total / kPageChars)));
    worksheet_fit_to_pages(ws_, pages, 0);
    if (pages > 1) check(worksheet_repeat_columns(ws_, 0, 0), "repeating the first column");
}

void XlsxSheet::set_width(std::uint16_t col, double width) {
    if (set_widths_.size() <= col) set_widths_.resize(col + 1u, 0);
    set_widths_[col] = width;
    check(worksheet_set_column(ws_, col, col, width, nullptr), "setting a column width");
}

void XlsxSheet::insert_chart(std::uint32_t row, std::uint16_t col, lxw_chart* chart, double x_scale,
                             double y_scale) {
    lxw_chart_options options{};
    options.x_scale = x_scale;
    options.y_scale = y_scale;
    check(worksheet_insert_chart_opt(ws_, row, col, chart, &options), "inserting a chart", row);
}

XlsxWorkbook::XlsxWorkbook(const std::filesystem::path& path, const std::filesystem::path& tmpdir,
                           bool constant_memory)
    : tmpdir_(tmpdir.string()) {
    lxw_workbook_options options{};
    options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
    options.tmpdir = tmpdir_.empty() ? nullptr : tmpdir_.data();
    options.use_zip64 = LXW_TRUE; // very large workspaces: parts over 4 GB stay readable
    wb_ = workbook_new_opt(path.c_str(), &options);
    if (!wb_) throw XlsxError("cannot start the workbook " + path.string());
    auto& f = formats_;
    // xf 0 top-aligned too, for Excel; LibreOffice takes its alignment from the default style.
    f.plain = STAILQ_FIRST(wb_->formats);
    format_set_align(f.plain, LXW_ALIGN_VERTICAL_TOP);
    f.text = make_format();
    format_set_align(f.text, LXW_ALIGN_VERTICAL_TOP);
    f.wrap = make_format();
    format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(f.wrap);
    f.header = make_format();
    format_set_bold(f.header);
    format_set_text_wrap(f.header);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(f.header, 0xDCE6F1);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    f.integer = make_format();
    format_set_num_format(f.integer, "#,##0");
    format_set_align(f.integer, LXW_ALIGN_VERTICAL_TOP);
    f.number = make_format();
    format_set_num_format(f.number, "0.00");
    format_set_align(f.number, LXW_ALIGN_VERTICAL_TOP);
    f.percent = make_format();
    format_set_num_format(f.percent, "0.0%");
    format_set_align(f.percent, LXW_ALIGN_VERTICAL_TOP);
    f.date = make_format();
    format_set_num_format(f.date, "yyyy-mm-dd");
    format_set_align(f.date, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(f.date, LXW_ALIGN_LEFT);
    f.datetime = make_format();
    format_set_num_format(f.datetime, "yyyy-mm-dd hh:mm");
    format_set_align(f.datetime, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(f.datetime, LXW_ALIGN_LEFT);
    f.link = make_format();
    format_set_font_color(f.link, 0x1F4E79);
    format_set_underline(f.link, LXW_UNDERLINE_SINGLE);
    format_set_align(f.link, LXW_ALIGN_VERTICAL_TOP);
    f.title = make_format();
    format_set_bold(f.title);
    format_set_font_size(f.title, 16);
    f.bold = make_format();
    format_set_bold(f.bold);
    format_set_align(f.bold, LXW_ALIGN_VERTICAL_TOP);
    f.total = make_format();
    format_set_bold(f.total);
    format_set_top(f.total, LXW_BORDER_THIN);
    f.total_int = make_format();
    format_set_bold(f.total_int);
    format_set_top(f.total_int, LXW_BORDER_THIN);
    format_set_num_format(f.total_int, "#,##0");
}

XlsxWorkbook::~XlsxWorkbook() {
    // Not closed (an error or a cancel): free everything. workbook_close would write a file the
    // caller is about to remove anyway, so the half-made workbook is only freed.
    if (wb_) lxw_workbook_free(wb_);
}

lxw_format* XlsxWorkbook::make_format() {
    lxw_format* f = workbook_add_format(wb_);
    if (!f) throw XlsxError("out of memory making a cell format");
    format_set_font_name(f, "Calibri");
    format_set_font_size(f, 11);
    return f;
}

namespace {

lxw_format* cached_format(std::vector<lxw_format*>& cache, int decimals, const char* suffix,
                          const std::function<lxw_format*()>& make) {
    auto d = static_cast<std::size_t>(std::clamp(decimals, 0, 6));
    if (cache.size() <= d) cache.resize(d + 1, nullptr);
    if (!cache[d]) {
        std::string pattern = d == 0 ? "0" : "0." + std::string(d, '0');
        cache[d] = make();
        format_set_num_format(cache[d], (pattern + suffix).c_str());
        format_set_align(cache[d], LXW_ALIGN_VERTICAL_TOP);
    }
    return cache[d];
}

} // namespace

lxw_format* XlsxWorkbook::real_format(int decimals) {
    return cached_format(reals_, decimals, "", [this] { return make_format(); });
}

lxw_format* XlsxWorkbook::percent_format(int decimals) {
    return cached_format(percents_, decimals, "%", [this] { return make_format(); });
}

XlsxSheet& XlsxWorkbook::add_sheet(const std::string& name) {
    // 31 characters at most, cut at a character boundary.
    std::string n = name;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < n.size(); ++i)
        if ((static_cast<unsigned char>(n[i]) & 0xC0) != 0x80 && ++chars > 31) {
            n.resize(i);
            break;
        }
    lxw_error why = workbook_validate_sheet_name(wb_, n.c_str());
    if (why != LXW_NO_ERROR) throw XlsxError("sheet \"" + n + "\": " + lxw_strerror(why));
    lxw_worksheet* ws = workbook_add_worksheet(wb_, n.c_str());
    if (!ws) throw XlsxError("sheet \"" + n + "\": cannot be added");
    sheets_.push_back(std::make_unique<XlsxSheet>(ws, n, formats_));
    return *sheets_.back();
}

lxw_chart* XlsxWorkbook::add_chart(std::uint8_t type) {
    lxw_chart* c = workbook_add_chart(wb_, type);
    if (!c) throw XlsxError("cannot add a chart");
    return c;
}

void XlsxWorkbook::set_properties(const std::string& title, const std::string& subject,
                                  const std::string& comments) {
    lxw_doc_properties p{};
    p.title = const_cast<char*>(title.c_str());
    p.subject = const_cast<char*>(subject.c_str());
    p.comments = const_cast<char*>(comments.c_str());
    p.company = const_cast<char*>("");
    lxw_error e = workbook_set_properties(wb_, &p); // copies the strings
    if (e != LXW_NO_ERROR)
        throw XlsxError(std::string("setting the document properties: ") + lxw_strerror(e));
}

void XlsxWorkbook::close() {
    lxw_workbook* wb = wb_;
    wb_ = nullptr; // workbook_close frees it whatever happens
    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR) throw XlsxError(std::string("writing the workbook: ") + lxw_strerror(e));
}

} // namespace convene::exporting
