#include "store/survey_import.hpp"

#include "guides/guide_json.hpp"
#include "guides/json_reader.hpp"
#include "guides/text.hpp"
#include "store/surveys.hpp"
#include "store/uuid.hpp"

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
        "_notes", "_tags", "__version__", "_version_", "_xform_id_string",
        // Qualtrics' short column names
        "startdate", "enddate", "ipaddress", "recordeddate", "recipientlastname",
        "recipientfirstname", "recipientemail", "externalreference", "locationlatitude",
        "locationlongitude", "distributionchannel", "userlanguage"};
    return known.contains(n);
}

bool respondent_id_column(const std::string& n) {
    static const std::set<std::string> known = {
        "respondent_id",   "respondent id", "response id", "responseid", "_uuid", "_id", "id",
        "meta/instanceid", "submission id"};
    return known.contains(n);
}

std::optional<double> parse_number(std::string_view s) {
    double d = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(d)) return std::nullopt;
    return d;
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
    std::string lowered = rest;
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    for (const auto& c : sorted) {
        std::string lc = c;
        std::transform(lc.begin(), lc.end(), lc.begin(),
                       [](unsigned char ch) { return std::tolower(ch); });
        auto pos = lowered.find(lc);
        if (pos == std::string::npos) continue;
        out.push_back(c);
        lowered.replace(pos, lc.size(), std::string(lc.size(), ';'));
        rest.replace(pos, lc.size(), std::string(lc.size(), ';'));
    }
    std::size_t start = 0;
    while (start <= rest.size()) {
        auto sep = rest.find_first_of(";,", start);
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

// What each column is taken as ("" when it has a problem), with the mapping's problems and the
// columns' problems added to problems.
std::vector<std::string> column_targets(const guides::Instrument& inst,
                                        const std::vector<std::string>& header,
                                        ColumnMapping& mapping,
                                        std::vector<ImportProblem>& problems) {
    std::vector<std::string> targets(header.size());
    std::vector<ImportProblem> unmatched, unknown_target, second;
    std::set<std::string> seen_targets;
    for (std::size_t c = 0; c < header.size(); ++c) {
        const auto& h = header[c];
        std::string t = mapping[h];
        bool ok = t == "ignore" || t == "respondent_id" ||
                  (t.rfind("attribute:", 0) == 0 && inst.attribute(t.substr(10))) || inst.item(t);
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

} // namespace

std::string ImportProblem::to_string() const {
    std::string s;
    if (line) s += "row " + std::to_string(line);
    if (column) s += (s.empty() ? "" : ", ") + ("column " + std::to_string(column));
    if (!column_name.empty()) s += " (\"" + column_name + "\")";
    if (!value.empty()) s += (s.empty() ? "" : ", ") + ("value \"" + value + "\"");
    return s.empty() ? reason : s + ": " + reason;
}

ColumnMapping load_mapping(const std::filesystem::path& file) {
    guides::Problems problems;
    auto doc = guides::parse_json_text(guides::read_text_file(file), problems);
    if (!doc) throw Error(guides::describe(problems, file.string()));
    if (!doc->is_object() || !doc->contains("columns") || !(*doc)["columns"].is_object())
        throw Error(file.string() + ": expected {\"columns\": {\"CSV header\": \"item id\", ...}}");
    ColumnMapping m;
    for (const auto& [k, v] : (*doc)["columns"].items()) {
        if (!v.is_string()) throw Error(file.string() + ": columns." + k + ": expected a string");
        m[k] = v.get<std::string>();
    }
    return m;
}

std::string mapping_to_json(const ColumnMapping& mapping) {
    nlohmann::ordered_json j;
    j["columns"] = nlohmann::ordered_json::object();
    for (const auto& [k, v] : mapping)
        j["columns"][k] = v.empty() ? std::string("ignore") : v;
    return j.dump(2) + "\n";
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

ImportReport import_survey_csv(Workspace& ws, const guides::Instrument& inst,
                               std::string_view bytes, const ImportOptions& options) {
    ImportReport report;
    auto csv = guides::parse_csv(bytes);
    for (const auto& p : csv.problems)
        report.problems.push_back({p.line, p.column, "", "", p.reason});
    if (!csv.table) return report;
    auto& table = *csv.table;
    // Qualtrics puts the question texts and {"ImportId": ...} cells in the two rows under the
    // header (which holds short names like Q1): match columns by those texts too, then skip them.
    bool qualtrics =
        table.rows.size() >= 2 &&
        std::any_of(table.rows[1].begin(), table.rows[1].end(),
                    [](const std::string& c) { return c.rfind("{\"ImportId\"", 0) == 0; });
    std::vector<std::string> question_texts;
    if (qualtrics) {
        question_texts = table.rows[0];
        table.rows.erase(table.rows.begin(), table.rows.begin() + 2);
        table.row_lines.erase(table.row_lines.begin(), table.row_lines.begin() + 2);
        report.notes.push_back(
            "Qualtrics export: the question-text and ImportId rows were skipped");
    }
    report.rows = table.rows.size();
    if (table.rows.empty()) {
        report.problems.push_back({0, 0, "", "", "the file has a header but no responses"});
        return report;
    }

    // 1. Columns
    report.mapping = match_columns(inst, table.header);
    if (qualtrics) {
        auto by_text = match_columns(inst, question_texts);
        for (std::size_t c = 0; c < table.header.size(); ++c) {
            auto& target = report.mapping[table.header[c]];
            const auto& t = by_text[question_texts[c]];
            if (target.empty() || (target == "ignore" && !t.empty())) target = t;
        }
    }
    if (options.mapping)
        for (const auto& [col, target] : *options.mapping) {
            if (!report.mapping.contains(col))
                report.problems.push_back(
                    {0, 0, col, "", "the mapping names a column the file does not have"});
            else
                report.mapping[col] = target;
        }
    auto targets = column_targets(inst, table.header, report.mapping, report.problems);
    if (std::none_of(targets.begin(), targets.end(),
                     [&](const std::string& t) { return inst.item(t) != nullptr; })) {
        report.problems.insert(report.problems.begin(), no_item_columns(inst, table.header));
        return report;
    }
    if (std::find(targets.begin(), targets.end(), "respondent_id") == targets.end())
        report.notes.push_back("no respondent id column: importing this file again would add its "
                               "respondents again");

    // Resolve each column once, not once per cell.
    std::vector<const guides::Item*> col_item(targets.size(), nullptr);
    std::vector<const guides::RatingScale*> col_scale(targets.size(), nullptr);
    std::vector<const guides::Attribute*> col_attr(targets.size(), nullptr);
    for (std::size_t c = 0; c < targets.size(); ++c) {
        const auto& t = targets[c];
        if (t.empty() || t == "ignore" || t == "respondent_id") continue;
        if (t.rfind("attribute:", 0) == 0) {
            col_attr[c] = inst.attribute(t.substr(10));
        } else {
            col_item[c] = inst.item(t);
            if (col_item[c]->type == guides::ItemType::Likert)
                col_scale[c] = inst.scale(col_item[c]->scale);
        }
    }

    // 2. Rows
    struct Parsed {
        std::string external_id;
        std::map<std::string, std::string> attributes;
        std::vector<std::pair<const guides::Item*, ResponseValue>> values;
    };
    std::vector<Parsed> respondents;
    respondents.reserve(table.rows.size());
    std::map<std::string, std::size_t> ids;
    std::size_t cell_problems = 0; // the first max_csv_problems are reported, the rest counted
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        std::size_t line = table.row_lines[r];
        Parsed resp;
        resp.values.reserve(row.size());
        for (std::size_t c = 0; c < row.size(); ++c) {
            const std::string& t = targets[c];
            if (t.empty() || t == "ignore") continue;
            std::string cell = trim(row[c]);
            if (cell.empty()) continue;
            auto problem = [&](std::string why) {
                if (++cell_problems <= guides::max_csv_problems)
                    report.problems.push_back({line, c + 1, table.header[c], cell, std::move(why)});
            };
            if (t == "respondent_id") {
                resp.external_id = cell;
                auto [it, fresh] = ids.emplace(cell, line);
                if (!fresh) problem("the same respondent id as row " + std::to_string(it->second));
                continue;
            }
            if (col_attr[c]) {
                const auto* a = col_attr[c];
                if (const auto* choice = find_choice(a->choices, cell))
                    resp.attributes[a->id] = *choice;
                else
                    problem("not one of: " + list(a->choices));
                continue;
            }
            const auto* item = col_item[c];
            ResponseValue v;
            switch (item->type) {
            case guides::ItemType::Likert: {
                const auto* scale = col_scale[c];
                if (auto n = parse_number(cell)) {
                    std::string range =
                        "the scale goes from 1 to " + std::to_string(scale->points());
                    if (*n < 1 || *n > scale->points()) {
                        problem("out of range: " + range);
                        continue;
                    }
                    if (*n != std::floor(*n)) {
                        problem("not a whole scale point: " + range);
                        continue;
                    }
                    v.number = *n;
                } else if (auto label = scale->value_of(cell)) {
                    v.number = *label;
                } else {
                    problem("not a scale value: use 1 to " + std::to_string(scale->points()) +
                            " or " + list(scale->labels));
                    continue;
                }
                break;
            }
            case guides::ItemType::Number: {
                auto n = parse_number(cell);
                if (!n) {
                    problem("not a number");
                    continue;
                }
                if ((item->min && *n < *item->min) || (item->max && *n > *item->max)) {
                    problem("out of range: expected " +
                            nlohmann::json(item->min.value_or(-INFINITY)).dump() + " to " +
                            nlohmann::json(item->max.value_or(INFINITY)).dump());
                    continue;
                }
                v.number = *n;
                break;
            }
            case guides::ItemType::Choice: {
                const auto* choice = find_choice(item->choices, cell);
                if (!choice) {
                    problem("not one of: " + list(item->choices));
                    continue;
                }
                v.text = *choice;
                break;
            }
            case guides::ItemType::Multi: {
                std::vector<std::string> unknown;
                v.choices = split_multi(cell, item->choices, unknown);
                if (!unknown.empty()) {
                    problem("\"" + unknown.front() + "\" is not one of: " + list(item->choices));
                    continue;
                }
                break;
            }
            case guides::ItemType::Text:
                v.text = cell;
                break;
            }
            resp.values.emplace_back(item, std::move(v));
        }
        respondents.push_back(std::move(resp));
        if (options.progress && r % 500 == 0 && !options.progress(r, table.rows.size() * 2)) {
            report.problems.push_back({0, 0, "", "", "cancelled: nothing was imported"});
            return report;
        }
    }
    if (cell_problems > guides::max_csv_problems)
        report.problems.push_back({0, 0, "", "",
                                   "and " +
                                       std::to_string(cell_problems - guides::max_csv_problems) +
                                       " more problems in cells"});
    if (!report.problems.empty() || options.dry_run) return report;

    // 3. Write, all or nothing.
    Transaction tx(ws.db());
    std::map<std::string, std::string> existing; // external id -> uuid
    {
        Statement st(ws.db(), "SELECT external_id, uuid FROM respondent WHERE instrument_id = ?1 "
                              "AND external_id != ''");
        st.bind(1, inst.id);
        while (st.step())
            existing[st.text(0)] = st.text(1);
    }
    Statement upsert(ws.db(),
                     "INSERT INTO respondent(uuid, instrument_id, external_id, attributes, "
                     "source, answers, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, "
                     "?6, ?7, ?7) ON CONFLICT(uuid) DO UPDATE SET attributes = "
                     "excluded.attributes, source = excluded.source, answers = "
                     "excluded.answers, updated_at = excluded.updated_at, deleted_at = NULL");
    std::string now = now_utc();
    for (std::size_t i = 0; i < respondents.size(); ++i) {
        const auto& r = respondents[i];
        std::string uuid;
        bool update = false;
        if (!r.external_id.empty()) {
            if (auto it = existing.find(r.external_id); it != existing.end()) {
                uuid = it->second;
                update = true;
            }
        }
        if (uuid.empty()) uuid = new_uuid();
        nlohmann::json answers = nlohmann::json::object();
        for (const auto& [item, v] : r.values)
            answers[item->id] = response_json(v);
        report.responses += r.values.size();
        upsert.bind(1, uuid).bind(2, inst.id).bind(3, r.external_id);
        upsert.bind(4, nlohmann::json(r.attributes).dump()).bind(5, options.source);
        upsert.bind(6, answers.dump()).bind(7, now);
        upsert.run();
        (update ? report.updated : report.added) += 1;
        if (options.progress && i % 500 == 0 &&
            !options.progress(respondents.size() + i, respondents.size() * 2)) {
            report.problems.push_back({0, 0, "", "", "cancelled: nothing was imported"});
            report.added = report.updated = report.responses = 0;
            return report; // the transaction rolls back
        }
    }
    tx.commit();
    report.imported = true;
    if (options.progress) options.progress(respondents.size() * 2, respondents.size() * 2);
    return report;
}

} // namespace convene::store
