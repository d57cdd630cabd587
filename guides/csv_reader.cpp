#include "guides/csv_reader.hpp"

#include "guides/encoding.hpp"
#include "guides/limits.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unordered_map>

namespace convene::guides {

namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

std::string hex_byte(unsigned char byte) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(byte));
    return buf;
}

// The 1-based physical line that the byte at offset is on (LF, CRLF and lone CR end a line).
std::size_t line_of(std::string_view text, std::size_t offset) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n')
            ++line;
        else if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))
            ++line;
    }
    return line;
}

bool only_whitespace(std::string_view text) {
    for (char c : text)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
    return true;
}

// The delimiter occurring most often outside quotes in the first non-blank record.
char detect_delimiter(std::string_view text) {
    std::size_t commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    bool started = false; // seen the first record's content (not just blank lines)
    for (char c : text) {
        if (quoted) {
            quoted = c != '"'; // a doubled "" leaves and re-enters the quotes
            continue;
        }
        if (c == '\r' || c == '\n') {
            if (started) break;
            tabs = 0; // a blank line of spaces and tabs before the header
            continue;
        }
        if (c == ',')
            ++commas;
        else if (c == ';')
            ++semicolons;
        else if (c == '\t')
            ++tabs;
        else if (c == '"')
            quoted = true;
        if (c != ' ' && c != '\t') started = true;
    }
    if (semicolons > commas && semicolons >= tabs) return ';';
    if (tabs > commas && tabs > semicolons) return '\t';
    return ',';
}

// Collects problems, keeping at most max_csv_problems and counting the rest.
struct Reporter {
    std::vector<CsvProblem>& problems;
    std::size_t extra = 0;

    void add(std::size_t line, std::size_t column, std::string reason) {
        if (problems.size() < max_csv_problems)
            problems.push_back({line, column, std::move(reason)});
        else
            ++extra;
    }
    void finish() {
        if (extra > 0)
            problems.push_back({0, 0,
                                "and " + std::to_string(extra) +
                                    (extra == 1 ? " more problem" : " more problems")});
    }
};

class Parser {
  public:
    enum class Status { record, blank, end, fatal };

    Parser(std::string_view text, char delimiter, Reporter& reporter)
        : s_(text), delim_(delimiter), reporter_(reporter) {}

    std::size_t line() const { return line_; }

    // Reads the record starting at the current position (always the start of a physical line)
    // into fields.
    Status read_record(std::vector<std::string>& fields) {
        fields.clear();
        const std::size_t n = s_.size();
        if (pos_ >= n) return Status::end;

        record_line_ = line_;
        std::size_t p = pos_;
        while (p < n && is_space(s_[p]))
            ++p;
        if (p == n) {
            pos_ = n;
            return Status::blank;
        }
        if (s_[p] == '\r' || s_[p] == '\n') {
            pos_ = p;
            end_line();
            return Status::blank;
        }

        for (;;) {
            p = pos_;
            while (p < n && is_space(s_[p]))
                ++p;
            if (p < n && s_[p] == '"') {
                pos_ = p + 1;
                std::string value;
                if (!read_quoted(value, fields.size() + 1)) return Status::fatal;
                fields.push_back(std::move(value));
            } else {
                std::size_t q = pos_;
                while (q < n && s_[q] != delim_ && s_[q] != '\r' && s_[q] != '\n')
                    ++q;
                fields.emplace_back(s_.substr(pos_, q - pos_));
                pos_ = q;
            }
            check_size(fields.back(), fields.size());
            if (pos_ >= n) return Status::record;
            if (s_[pos_] == delim_) {
                ++pos_;
                continue;
            }
            end_line();
            return Status::record;
        }
    }

  private:
    bool is_space(char c) const { return (c == ' ' || c == '\t') && c != delim_; }

    void check_size(const std::string& cell, std::size_t column) {
        if (cell.size() > kMaxCsvCellBytes)
            reporter_.add(record_line_, column,
                          "this cell is " + std::to_string(cell.size()) +
                              " bytes long; a cell may hold at most " +
                              size_text(kMaxCsvCellBytes));
    }

    // Consumes the line end (LF, CRLF or CR) at pos_.
    void end_line() {
        if (s_[pos_] == '\r' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\n') ++pos_;
        ++pos_;
        ++line_;
    }

    // pos_ is just after the opening quote. Leaves pos_ at the delimiter, line end or end of text
    // that follows the field.
    bool read_quoted(std::string& value, std::size_t column) {
        const std::size_t n = s_.size();
        const std::size_t open_line = line_;
        for (;;) {
            std::size_t q = pos_;
            while (q < n && s_[q] != '"' && s_[q] != '\r' && s_[q] != '\n')
                ++q;
            value.append(s_.data() + pos_, q - pos_);
            if (q >= n) {
                reporter_.add(open_line, column,
                              "the quoted field starting on this line is never closed (missing "
                              "'\"' before the end of the file)");
                pos_ = n;
                return false;
            }
            if (s_[q] == '"') {
                if (q + 1 < n && s_[q + 1] == '"') {
                    value += '"';
                    pos_ = q + 2;
                    continue;
                }
                pos_ = q + 1;
                break;
            }
            value += '\n';
            pos_ = q;
            end_line();
        }
        std::size_t p = pos_;
        while (p < n && is_space(s_[p]))
            ++p;
        if (p >= n || s_[p] == delim_ || s_[p] == '\r' || s_[p] == '\n') {
            pos_ = p;
            return true;
        }
        reporter_.add(line_, column,
                      "unexpected text after the closing quote of a quoted field (a '\"' inside "
                      "a quoted field must be written as '\"\"')");
        // Recover: the rest up to the next delimiter or line end belongs to this field.
        std::size_t q = p;
        while (q < n && s_[q] != delim_ && s_[q] != '\r' && s_[q] != '\n')
            ++q;
        value.append(s_.data() + pos_, q - pos_);
        pos_ = q;
        return true;
    }

    std::string_view s_;
    char delim_;
    Reporter& reporter_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    std::size_t record_line_ = 1; // where the record being read starts
};

std::string delimiter_name(char d) {
    switch (d) {
    case ',':
        return "','";
    case ';':
        return "';'";
    case '\t':
        return "tab";
    default:
        return std::string("'") + d + "'";
    }
}

} // namespace

std::string CsvProblem::to_string() const {
    if (line == 0) return reason;
    std::string out = "line " + std::to_string(line);
    if (column != 0) out += ", column " + std::to_string(column);
    return out + ": " + reason;
}

CsvResult parse_csv(std::string_view bytes, char delimiter) {
    CsvResult result;
    auto& problems = result.problems;

    if (delimiter == '"' || delimiter == '\r' || delimiter == '\n' ||
        static_cast<unsigned char>(delimiter) >= 0x80) {
        problems.push_back(
            {0, 0, "unsupported CSV delimiter " + hex_byte(static_cast<unsigned char>(delimiter))});
        return result;
    }

    std::size_t skipped = 0; // bytes of BOM before text
    std::string_view text = bytes;
    if (text.substr(0, utf8_bom.size()) == utf8_bom) {
        skipped = utf8_bom.size();
        text.remove_prefix(skipped);
    } else if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF") {
        problems.push_back({1, 0,
                            "not a UTF-8 text CSV file: it is UTF-16 text (export or save it as "
                            "\"CSV UTF-8\")"});
        return result;
    }

    if (const auto bad = find_bad_byte(text)) {
        const std::string where = "at byte offset " + std::to_string(bad->offset + skipped);
        std::string reason =
            bad->nul ? "not a text CSV file: NUL byte " + where + " (binary data or UTF-16 text)"
                     : "not a UTF-8 text CSV file: invalid UTF-8 byte " +
                           hex_byte(static_cast<unsigned char>(text[bad->offset])) + " " + where +
                           " (export or save it as \"CSV UTF-8\")";
        problems.push_back({line_of(text, bad->offset), 0, std::move(reason)});
        return result;
    }

    if (only_whitespace(text)) {
        problems.push_back({0, 0, "the file is empty"});
        return result;
    }

    CsvTable table;
    table.delimiter = delimiter != 0 ? delimiter : detect_delimiter(text);

    Reporter reporter{problems};
    Parser parser(text, table.delimiter, reporter);
    std::vector<std::string> fields;
    using Status = Parser::Status;

    // Header: the first non-blank record (there is one: the text is not only whitespace).
    std::size_t header_line = 0;
    Status status = Status::blank;
    while (status == Status::blank) {
        header_line = parser.line();
        status = parser.read_record(fields);
    }
    if (status != Status::record) return result;
    table.header = std::move(fields);
    const std::size_t width = table.header.size();
    {
        std::unordered_map<std::string_view, std::size_t> seen;
        seen.reserve(width);
        for (std::size_t i = 0; i < width; ++i) {
            const std::string& name = table.header[i];
            if (name.empty()) continue;
            const auto [it, inserted] = seen.emplace(name, i);
            if (!inserted)
                reporter.add(header_line, i + 1,
                             "duplicate column name \"" + name + "\" (also column " +
                                 std::to_string(it->second + 1) + ")");
        }
    }

    // Rows. Reserve from a cheap estimate: at most one row per LF.
    const auto lfs = std::count(text.begin(), text.end(), '\n');
    table.rows.reserve(static_cast<std::size_t>(lfs));
    table.row_lines.reserve(static_cast<std::size_t>(lfs));
    for (;;) {
        const std::size_t start_line = parser.line();
        fields = std::vector<std::string>();
        fields.reserve(width);
        status = parser.read_record(fields);
        if (status == Status::end || status == Status::fatal) break;
        if (status == Status::blank) continue;
        // Some exports end every row, but not the header, with the delimiter.
        if (fields.size() == width + 1 && fields.back().empty()) fields.pop_back();
        if (fields.size() != width) {
            const bool more = fields.size() > width;
            reporter.add(start_line, more ? width + 1 : fields.size() + 1,
                         "this record has " + std::to_string(fields.size()) +
                             " fields but the header has " + std::to_string(width) +
                             (more ? " (an answer containing the delimiter " +
                                         delimiter_name(table.delimiter) + " without quotes?)"
                                   : " (the row is cut short)"));
        }
        table.rows.push_back(std::move(fields));
        table.row_lines.push_back(start_line);
    }

    reporter.finish();
    if (problems.empty()) result.table = std::move(table);
    return result;
}

CsvResult read_csv_file(const std::filesystem::path& path, char delimiter) {
    std::string bytes;
    int err = 0;
    if (std::FILE* file = std::fopen(path.c_str(), "rb")) {
        char buf[1 << 16];
        std::size_t got = 0;
        while ((got = std::fread(buf, 1, sizeof buf, file)) > 0 &&
               bytes.size() <= kMaxTextFileBytes)
            bytes.append(buf, got);
        if (std::ferror(file)) err = errno != 0 ? errno : EIO;
        std::fclose(file);
    } else {
        err = errno != 0 ? errno : ENOENT;
    }
    if (err != 0) {
        CsvResult result;
        result.problems.push_back(
            {0, 0, "cannot read " + path.string() + ": " + std::strerror(err)});
        return result;
    }
    if (bytes.size() > kMaxTextFileBytes) {
        CsvResult result;
        result.problems.push_back({0, 0,
                                   path.string() + " is more than " + size_text(kMaxTextFileBytes) +
                                       ", the largest CSV file Convene reads"});
        return result;
    }
    return parse_csv(bytes, delimiter);
}

} // namespace convene::guides
