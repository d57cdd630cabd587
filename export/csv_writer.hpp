// Writes CSV for the exporters: quoting only when needed and ending rows with CRLF as RFC 4180
// says; every spreadsheet and guides::parse_csv accept it, and read back what was written.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace convene::exporting {

// The field as it must appear in a CSV line: unchanged, or in double quotes with every " doubled
// when it contains the delimiter, a quote, a line break, or leading or trailing spaces/tabs, or
// starts with a byte order mark (U+FEFF).
std::string csv_escape(std::string_view field, char delimiter);

// One record, fields escaped and joined by the delimiter, ending in "\r\n". A record that would be
// only white space (one empty field, or empty fields joined by tabs or spaces) starts with "" so
// that it does not read back as a blank (skipped) line.
std::string write_csv_row(const std::vector<std::string>& fields, char delimiter);

} // namespace convene::exporting

namespace convene::exporting {

// A text cell made safe for spreadsheets that open CSV files (OWASP's advice on CSV injection):
// a cell starting with =, +, -, @, a tab or a carriage return gets a single quote in front, so
// it is shown as text and never run as a formula. Numbers are written as numbers, unchanged.
std::string csv_neutralise(std::string_view field);

} // namespace convene::exporting
