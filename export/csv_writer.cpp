#include "export/csv_writer.hpp"

#include <algorithm>

namespace convene::exporting {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

} // namespace

std::string csv_escape(std::string_view field, char delimiter) {
    // A field starting with U+FEFF is quoted: at the start of a file the reader would take it for
    // a byte order mark and drop it.
    bool quote =
        !field.empty() && (field.front() == ' ' || field.front() == '\t' || field.back() == ' ' ||
                           field.back() == '\t' || field.starts_with(utf8_bom));
    std::size_t quotes = 0;
    for (char c : field) {
        if (c == '"')
            ++quotes;
        else if (c == delimiter || c == '\r' || c == '\n')
            quote = true;
    }
    if (quotes > 0) quote = true;
    if (!quote) return std::string(field);
    std::string out;
    out.reserve(field.size() + quotes + 2);
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string write_csv_row(const std::vector<std::string>& fields, char delimiter) {
    // Empty fields alone or joined by tabs or spaces would make a line of white space, which reads
    // back as a blank line and is skipped: such a record starts with "" instead.
    bool all_empty = std::all_of(fields.begin(), fields.end(), [](auto& f) { return f.empty(); });
    bool blank = !fields.empty() && all_empty &&
                 (fields.size() == 1 || delimiter == '\t' || delimiter == ' ');
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += delimiter;
        out += i == 0 && blank ? "\"\"" : csv_escape(fields[i], delimiter);
    }
    out += "\r\n";
    return out;
}

} // namespace convene::exporting

namespace convene::exporting {

std::string csv_neutralise(std::string_view field) {
    if (field.empty()) return {};
    char c = field.front();
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r')
        return "'" + std::string(field);
    return std::string(field);
}

} // namespace convene::exporting
