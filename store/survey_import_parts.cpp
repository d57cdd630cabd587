#include "store/survey_import_parts.hpp"

#include "guides/numbers.hpp"

#include "guides/text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

namespace convene::store {
namespace {

using guides::trim;

// Lower case, inner white space collapsed, surrounding spaces and trailing punctuation dropped:
// how a column header is compared with an item's text.
std::string normalise(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    while (!out.empty() &&
           (out.back() == '.' || out.back() == ':' || out.back() == '?' || out.back() == '*'))
        out.pop_back();
    return out;
}

// Columns survey services add on their own, left out without a problem.
bool metadata_column(const std::string& n) {
    static const std::set<std::string> known = {
        "timestamp", "email address", "email", "start date", "end date", "status", "ip address",
        "progress", "duration (in seconds)", "finished", "recorded date", "recipient last name",
        "recipient first name", "recipient email", "external data reference", "location latitude",
        "location longitude", "distribution channel", "user language", "start", "end", "today",
        "deviceid", "_submission_time", "_index", "_status", "_submitted_by", "_validation_status",
        "_notes", "_tags", "__version__", "_version_", "_xform_id_string", "_id", "_attachments",
        "formhub/uuid", "username", "simserial", "subscriberid", "phonenumber", "audit",
        // SurveyMonkey
        "collector id", "first name", "last name", "custom data 1", "custom data",
        // LimeSurvey, by code and by full heading
        "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "ipaddr",
        "refurl", "date submitted", "last page", "start language", "date started",
        "date last action", "referrer url",
        // the legacy Qualtrics export's question texts for V2..V10
        "responseset", "externaldatareference", "emailaddress",
        // Qualtrics' short column names
        "startdate", "enddate", "ipaddress", "recordeddate", "recipientlastname",
        "recipientfirstname", "recipientemail", "externalreference", "locationlatitude",
        "locationlongitude", "distributionchannel", "userlanguage", "locationaccuracy",
        "q_recaptchascore"};
    return known.contains(n);
}

bool respondent_id_column(const std::string& n) {
    static const std::set<std::string> known = {"respondent_id",   "respondent id", "response id",
                                                "responseid",      "_uuid",         "id",
                                                "meta/instanceid", "submission id"};
    return known.contains(n);
}

const std::string* find_choice(const std::vector<std::string>& choices, std::string_view value) {
    std::string v = normalise(value);
    for (const auto& c : choices)
        if (normalise(c) == v) return &c;
    return nullptr;
}

std::string list(const std::vector<std::string>& v) {
    std::string s;
    for (std::size_t i = 0; i < v.size(); ++i)
        s += (i ? ", " : "") + v[i];
    return s;
}

std::string lowered(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// Splits a multi-choice cell: "a;b" or "a, b" (Google Forms joins with ", "), but a choice that
// itself contains a comma is recognised whole.
std::vector<std::string> split_multi(const std::string& cell,
                                     const std::vector<std::string>& choices,
                                     std::vector<std::string>& unknown) {
    std::vector<std::string> out;
    std::string rest = cell;
    // First take out whole choices (longest first), so commas inside choices do no harm.
    std::vector<std::string> sorted = choices;
    std::sort(sorted.begin(), sorted.end(), [](auto& a, auto& b) { return a.size() > b.size(); });
    std::string lower = lowered(rest);
    for (const auto& c : sorted) {
        std::string lc = lowered(c);
        auto pos = lower.find(lc);
        if (pos == std::string::npos) continue;
        out.push_back(c);
        lower.replace(pos, lc.size(), std::string(lc.size(), ';'));
        rest.replace(pos, lc.size(), std::string(lc.size(), ';'));
    }
    // Kobo joins choice names (which have no spaces) with spaces.
    const bool spaces_join = std::none_of(choices.begin(), choices.end(), [](const std::string& c) {
        return c.find(' ') != std::string::npos;
    });
    const char* separators = spaces_join ? ";, " : ";,";
    std::size_t start = 0;
    while (start <= rest.size()) {
        auto sep = rest.find_first_of(separators, start);
        auto piece = trim(std::string_view(rest).substr(
            start, sep == std::string::npos ? std::string::npos : sep - start));
        if (!piece.empty()) unknown.push_back(piece);
        if (sep == std::string::npos) break;
        start = sep + 1;
    }
    // Keep the instrument's order.
    std::vector<std::string> ordered;
    for (const auto& c : choices)
        if (std::find(out.begin(), out.end(), c) != out.end()) ordered.push_back(c);
    return ordered;
}

// "option:ITEM:CHOICE": the item (a multi-choice item having that choice) and the choice.
std::optional<std::pair<const guides::Item*, std::string>>
option_target(const guides::Instrument& inst, const std::string& t) {
    if (t.rfind("option:", 0) != 0) return std::nullopt;
    auto colon = t.find(':', 7);
    if (colon == std::string::npos) return std::nullopt;
    const auto* item = inst.item(t.substr(7, colon - 7));
    std::string choice = t.substr(colon + 1);
    if (!item || item->type != guides::ItemType::Multi ||
        std::find(item->choices.begin(), item->choices.end(), choice) == item->choices.end())
        return std::nullopt;
    return std::pair{item, choice};
}

// Column problems of one kind: the first few one by one, the rest as one problem that counts them
// and names some, so a file from another survey gives a short report instead of a line a column.
constexpr std::size_t kColumnProblemsShown = 10;

void add_grouped(std::vector<ImportProblem>& out, const std::vector<ImportProblem>& kind,
                 const std::string& what) {
    for (std::size_t i = 0; i < kind.size() && i < kColumnProblemsShown; ++i)
        out.push_back(kind[i]);
    if (kind.size() <= kColumnProblemsShown) return;
    std::string names;
    for (std::size_t i = kColumnProblemsShown; i < kind.size() && i < kColumnProblemsShown + 5; ++i)
        names += (names.empty() ? "\"" : ", \"") + kind[i].column_name + "\"";
    if (kind.size() > kColumnProblemsShown + 5) names += ", ...";
    out.push_back({1, 0, "", "",
                   "and " + std::to_string(kind.size() - kColumnProblemsShown) + " more columns " +
                       what + " (" + names + ")"});
}

// What each column is taken as ("" when it has a problem), with the columns' problems added to
// problems.
std::vector<std::string> column_targets(const guides::Instrument& inst,
                                        const std::vector<std::string>& header,
                                        const ColumnMapping& mapping,
                                        std::vector<ImportProblem>& problems) {
    std::vector<std::string> targets(header.size());
    std::vector<ImportProblem> unmatched, unknown_target, second;
    std::set<std::string> seen_targets;
    for (std::size_t c = 0; c < header.size(); ++c) {
        const auto& h = header[c];
        const std::string& t = mapping.at(h);
        bool ok = t == "ignore" || t == "respondent_id" ||
                  (t.rfind("attribute:", 0) == 0 && inst.attribute(t.substr(10))) ||
                  option_target(inst, t) || inst.item(t);
        if (t.empty()) {
            unmatched.push_back({1, c + 1, h, "",
                                 "no item or attribute of " + inst.id +
                                     " matches this column; map it with a mapping file, or "
                                     "map it to \"ignore\""});
        } else if (!ok) {
            unknown_target.push_back({1, c + 1, h, "",
                                      "the mapping sends this column to \"" + t +
                                          "\", which is not an item or attribute of " + inst.id});
        } else if (t != "ignore" && !seen_targets.insert(t).second) {
            second.push_back({1, c + 1, h, "", "a second column for \"" + t + "\""});
        } else {
            targets[c] = t;
        }
    }
    add_grouped(problems, unmatched, "that no item or attribute of " + inst.id + " matches");
    add_grouped(problems, unknown_target,
                "mapped to something that is not an item or attribute of " + inst.id);
    add_grouped(problems, second, "for an item or attribute that already has a column");
    return targets;
}

// The problem of a file none of whose columns holds answers to the instrument's items.
ImportProblem no_item_columns(const guides::Instrument& inst,
                              const std::vector<std::string>& header) {
    std::string names;
    for (std::size_t c = 0; c < header.size() && c < 10; ++c)
        names += (c ? ", \"" : "\"") + header[c] + "\"";
    if (header.size() > 10) names += ", ...";
    return {1, 0, "", "",
            "no column of this file holds answers to an item of " + inst.id + " (the columns are " +
                names +
                "); is it an export of another survey? Map its columns to items with a "
                "mapping file"};
}

// The automatic matching of a header, and for a Qualtrics file of its question texts: a column
// the header leaves unknown or ignored takes what its question text matches.
ColumnMapping match_header(const guides::Instrument& inst, const std::vector<std::string>& header,
                           const std::vector<std::string>* question_texts) {
    ColumnMapping mapping = match_columns(inst, header);
    if (!question_texts) return mapping;
    auto by_text = match_columns(inst, *question_texts);
    for (std::size_t c = 0; c < header.size(); ++c) {
        auto& target = mapping[header[c]];
        const auto& t = by_text[(*question_texts)[c]];
        if (target.empty() || (target == "ignore" && !t.empty())) target = t;
    }
    return mapping;
}

CellCheck check_likert(const guides::RatingScale& scale, const guides::ScaleReader& reader,
                       const std::string& cell) {
    CellCheck out;
    if (auto n = guides::parse_number(cell)) {
        std::string range = "the scale goes from 1 to " + std::to_string(scale.points());
        if (*n < 1 || *n > scale.points())
            out.problem = "out of range: " + range;
        else if (*n != std::floor(*n))
            out.problem = "not a whole scale point: " + range;
        else
            out.value.number = *n;
    } else if (auto label = reader.value(cell)) {
        out.value.number = *label;
    } else if (guides::is_not_applicable(cell)) {
        out.missing = true;
    } else {
        out.problem = "not a scale value: use 1 to " + std::to_string(scale.points()) + " or " +
                      list(scale.labels);
    }
    return out;
}

// An option column's cell says "chosen" unless it is 0, N, No or false (empty cells never get
// here).
bool option_chosen(const std::string& cell) {
    std::string v = lowered(cell);
    return v != "0" && v != "n" && v != "no" && v != "false";
}

CellCheck check_number(const guides::Item& item, const std::string& cell) {
    CellCheck out;
    auto n = guides::parse_number(cell);
    if (!n && guides::is_not_applicable(cell))
        out.missing = true;
    else if (!n)
        out.problem = "not a number";
    else if ((item.min && *n < *item.min) || (item.max && *n > *item.max))
        out.problem = "out of range: expected " +
                      nlohmann::json(item.min.value_or(-INFINITY)).dump() + " to " +
                      nlohmann::json(item.max.value_or(INFINITY)).dump();
    else
        out.value.number = *n;
    return out;
}

CellCheck check_choice(const guides::Item& item, const std::string& cell) {
    CellCheck out;
    if (const auto* choice = find_choice(item.choices, cell))
        out.value.text = *choice;
    else if (guides::is_not_applicable(cell))
        out.missing = true;
    else
        out.problem = "not one of: " + list(item.choices);
    return out;
}

CellCheck check_multi(const guides::Item& item, const std::string& cell) {
    CellCheck out;
    if (!find_choice(item.choices, cell) && guides::is_not_applicable(cell)) {
        out.missing = true;
        return out;
    }
    std::vector<std::string> unknown;
    out.value.choices = split_multi(cell, item.choices, unknown);
    if (!unknown.empty())
        out.problem = "\"" + unknown.front() + "\" is not one of: " + list(item.choices);
    return out;
}

} // namespace

bool is_metadata_header(std::string_view header) {
    return metadata_column(normalise(header));
}
bool is_respondent_id_header(std::string_view header) {
    return respondent_id_column(normalise(header));
}

ColumnMapping match_columns(const guides::Instrument& inst,
                            const std::vector<std::string>& header) {
    ColumnMapping m;
    for (const auto& h : header) {
        std::string n = normalise(h);
        std::string target;
        for (const auto& item : inst.items)
            if (normalise(item.id) == n || normalise(item.text) == n) target = item.id;
        if (target.empty())
            for (const auto& a : inst.attributes)
                if (normalise(a.id) == n || normalise(a.label) == n) target = "attribute:" + a.id;
        if (target.empty() && respondent_id_column(n)) target = "respondent_id";
        if (target.empty() && metadata_column(n)) target = "ignore";
        m[h] = target; // "" : unknown
    }
    return m;
}

std::optional<std::vector<std::string>> take_qualtrics_rows(guides::CsvTable& table) {
    bool qualtrics =
        table.rows.size() >= 2 &&
        std::any_of(table.rows[1].begin(), table.rows[1].end(),
                    [](const std::string& c) { return c.rfind("{\"ImportId\"", 0) == 0; });
    if (!qualtrics) return std::nullopt;
    std::vector<std::string> question_texts = table.rows[0];
    table.rows.erase(table.rows.begin(), table.rows.begin() + 2);
    table.row_lines.erase(table.row_lines.begin(), table.row_lines.begin() + 2);
    return question_texts;
}

ColumnMatch match_file_columns(const guides::Instrument& inst,
                               const std::vector<std::string>& header,
                               const std::vector<std::string>* question_texts,
                               const std::optional<ColumnMapping>& mapping_file,
                               const ColumnMapping* remembered) {
    ColumnMatch out;
    out.mapping = match_header(inst, header, question_texts);
    if (remembered)
        for (const auto& [col, target] : *remembered) {
            bool valid =
                target == "ignore" || target == "respondent_id" ||
                (target.rfind("attribute:", 0) == 0 && inst.attribute(target.substr(10))) ||
                option_target(inst, target) || inst.item(target);
            if (out.mapping.contains(col) && valid) out.mapping[col] = target;
        }
    if (mapping_file)
        for (const auto& [col, target] : *mapping_file) {
            if (!out.mapping.contains(col))
                out.problems.push_back(
                    {0, 0, col, "", "the mapping names a column the file does not have"});
            else
                out.mapping[col] = target;
        }
    out.targets = column_targets(inst, header, out.mapping, out.problems);
    out.any_item = std::any_of(out.targets.begin(), out.targets.end(),
                               [&](const std::string& t) { return inst.item(t) != nullptr; });
    if (!out.any_item) {
        out.problems.insert(out.problems.begin(), no_item_columns(inst, header));
        return out;
    }
    if (std::find(out.targets.begin(), out.targets.end(), "respondent_id") == out.targets.end())
        out.notes.push_back("no respondent id column: importing this file again would add its "
                            "respondents again");
    return out;
}

std::vector<ImportColumn> resolve_columns(const guides::Instrument& inst,
                                          const std::vector<std::string>& header,
                                          const std::vector<std::string>& targets) {
    std::vector<ImportColumn> columns(targets.size());
    std::map<std::string, std::shared_ptr<const guides::ScaleReader>> readers;
    for (std::size_t c = 0; c < targets.size(); ++c) {
        const auto& t = targets[c];
        auto& col = columns[c];
        col.name = header[c];
        if (t.empty() || t == "ignore") continue;
        if (t == "respondent_id") {
            col.kind = ImportColumn::Kind::RespondentId;
        } else if (t.rfind("attribute:", 0) == 0) {
            col.kind = ImportColumn::Kind::Attribute;
            col.attribute = inst.attribute(t.substr(10));
        } else if (auto option = option_target(inst, t)) {
            col.kind = ImportColumn::Kind::Option;
            col.item = option->first;
            col.choice = option->second;
        } else {
            col.kind = ImportColumn::Kind::Item;
            col.item = inst.item(t);
            if (col.item->type == guides::ItemType::Likert) {
                col.scale = inst.scale(col.item->scale);
                // One reader per scale, shared by the columns of its items.
                auto& reader = readers[col.scale->id];
                if (!reader) reader = std::make_shared<guides::ScaleReader>(*col.scale);
                col.reader = reader;
            }
        }
    }
    return columns;
}

CellCheck check_item_cell(const ImportColumn& column, const std::string& cell) {
    const auto& item = *column.item;
    switch (item.type) {
    case guides::ItemType::Likert:
        return check_likert(*column.scale, *column.reader, cell);
    case guides::ItemType::Number:
        return check_number(item, cell);
    case guides::ItemType::Choice:
        return check_choice(item, cell);
    case guides::ItemType::Multi:
        return check_multi(item, cell);
    case guides::ItemType::Text:
        break;
    }
    return {.value = {.number = {}, .text = cell, .choices = {}}, .problem = {}};
}

CellCheck check_attribute_cell(const guides::Attribute& attribute, const std::string& cell) {
    CellCheck out;
    if (const auto* choice = find_choice(attribute.choices, cell))
        out.value.text = *choice;
    else if (guides::is_not_applicable(cell))
        out.missing = true;
    else
        out.problem = "not one of: " + list(attribute.choices);
    return out;
}

ParsedRow check_row(const std::vector<ImportColumn>& columns, const std::vector<std::string>& row,
                    std::size_t line, std::map<std::string, std::size_t>& first_line_of_id,
                    std::vector<ImportProblem>& problems) {
    ParsedRow out;
    out.values.reserve(row.size());
    std::map<const guides::Item*, std::set<std::string>> chosen; // from option columns
    for (std::size_t c = 0; c < row.size(); ++c) {
        const auto& col = columns[c];
        if (col.kind == ImportColumn::Kind::Skip) continue;
        std::string cell = trim(row[c]);
        if (cell.empty()) continue;
        auto problem = [&](std::string why) {
            problems.push_back({line, c + 1, col.name, cell, std::move(why)});
        };
        if (col.kind == ImportColumn::Kind::RespondentId) {
            out.external_id = cell;
            auto [it, fresh] = first_line_of_id.emplace(cell, line);
            if (!fresh) problem("the same respondent id as row " + std::to_string(it->second));
        } else if (col.kind == ImportColumn::Kind::Attribute) {
            auto checked = check_attribute_cell(*col.attribute, cell);
            if (!checked.problem.empty())
                problem(std::move(checked.problem));
            else if (!checked.missing)
                out.attributes[col.attribute->id] = std::move(checked.value.text);
        } else if (col.kind == ImportColumn::Kind::Option) {
            if (option_chosen(cell)) chosen[col.item].insert(col.choice);
        } else if (auto checked = check_item_cell(col, cell); !checked.problem.empty()) {
            problem(std::move(checked.problem));
        } else if (!checked.missing) {
            out.values.emplace_back(col.item, std::move(checked.value));
        }
    }
    for (auto& [item, choices] : chosen) {
        ResponseValue v;
        for (const auto& c : item->choices)
            if (choices.contains(c)) v.choices.push_back(c);
        out.values.emplace_back(item, std::move(v));
    }
    return out;
}

std::optional<std::vector<ParsedRow>>
check_rows(const guides::CsvTable& table, const std::vector<ImportColumn>& columns,
           const std::function<bool(std::size_t, std::size_t)>& progress,
           std::vector<ImportProblem>& problems) {
    std::vector<ParsedRow> respondents;
    respondents.reserve(table.rows.size());
    std::map<std::string, std::size_t> ids;
    std::vector<ImportProblem> row_problems;
    std::size_t cell_problems = 0; // the first max_csv_problems are reported, the rest counted
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        row_problems.clear();
        respondents.push_back(
            check_row(columns, table.rows[r], table.row_lines[r], ids, row_problems));
        for (auto& p : row_problems)
            if (++cell_problems <= kMaxDetailedProblems) problems.push_back(std::move(p));
        if (progress && r % 500 == 0 && !progress(r, table.rows.size() * 2)) return std::nullopt;
    }
    if (cell_problems > kMaxDetailedProblems)
        problems.push_back({0, 0, "", "",
                            "and " + with_thousands(cell_problems - kMaxDetailedProblems) +
                                " more problems in cells"});
    return respondents;
}

} // namespace convene::store

namespace convene::store {

std::string with_thousands(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

namespace {

struct Group {
    const ImportProblem* first = nullptr;
    std::size_t count = 0;
    std::set<std::size_t> columns;
};

bool is_cell_problem(const ImportProblem& p) {
    return p.line > 1 && p.column > 0 && !p.value.empty();
}

std::string group_line(const Group& g) {
    const auto& p = *g.first;
    if (g.count == 1) return p.to_string();
    auto colon = p.reason.find(": ");
    std::string head = p.reason.substr(0, colon);
    std::string tail = colon == std::string::npos ? "" : p.reason.substr(colon + 2);
    bool verb = head.rfind("not ", 0) == 0 || head.rfind("out of ", 0) == 0;
    std::string s = "\"" + p.value + "\"" + (verb ? " is " : ": ") + head + ": " +
                    with_thousands(g.count) + " cells in " + with_thousands(g.columns.size()) +
                    (g.columns.size() == 1 ? " column" : " columns") + ", first at row " +
                    std::to_string(p.line) + " column " + std::to_string(p.column);
    if (!p.column_name.empty()) s += " (\"" + p.column_name + "\")";
    if (!tail.empty()) s += "; " + tail;
    return s;
}

} // namespace

std::vector<std::string> group_problems(const std::vector<ImportProblem>& problems,
                                        std::size_t max_lines) {
    std::vector<Group> groups;
    std::map<std::string, std::size_t> index; // value + reason -> group
    for (const auto& p : problems) {
        std::size_t g = groups.size();
        if (is_cell_problem(p)) {
            auto [it, fresh] = index.emplace(p.value + '\x1f' + p.reason, groups.size());
            g = it->second;
            if (fresh) groups.push_back({&p, 0, {}});
        } else {
            groups.push_back({&p, 0, {}});
        }
        ++groups[g].count;
        groups[g].columns.insert(p.column);
    }
    std::vector<std::string> lines;
    for (const auto& g : groups) {
        if (max_lines && lines.size() + 1 == max_lines && groups.size() > max_lines) {
            lines.push_back("and " + with_thousands(groups.size() - lines.size()) +
                            " more kinds of problem (--all-problems lists every one)");
            break;
        }
        lines.push_back(group_line(g));
    }
    return lines;
}

} // namespace convene::store
