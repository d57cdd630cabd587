#include "store/survey_import.hpp"

#include "guides/encoding.hpp"
#include "guides/guide_json.hpp"
#include "guides/json_reader.hpp"
#include "guides/survey_layout.hpp"
#include "store/import_mappings.hpp"
#include "store/survey_import_parts.hpp"
#include "store/surveys.hpp"
#include "store/uuid.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace convene::store {

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

namespace {

// Respondents already imported from files with ids: external id -> uuid.
std::map<std::string, std::string> existing_respondents(Database& db, const std::string& inst) {
    std::map<std::string, std::string> existing;
    Statement st(db, "SELECT external_id, uuid FROM respondent WHERE instrument_id = ?1 "
                     "AND external_id != ''");
    st.bind(1, inst);
    while (st.step())
        existing[st.text(0)] = st.text(1);
    return existing;
}

// Writes every respondent in one transaction: a respondent whose id was imported before is
// updated, any other added. A cancel rolls everything back.
void write_respondents(Workspace& ws, const guides::Instrument& inst,
                       const std::vector<ParsedRow>& respondents, const ImportOptions& options,
                       ImportReport& report) {
    Transaction tx(ws.db());
    auto existing = existing_respondents(ws.db(), inst.id);
    RespondentUpsert upsert(ws.db());
    std::string now = now_utc();
    const std::size_t total = respondents.size() * 2; // checking was the first half
    for (std::size_t i = 0; i < respondents.size(); ++i) {
        const auto& r = respondents[i];
        auto it = r.external_id.empty() ? existing.end() : existing.find(r.external_id);
        const bool update = it != existing.end();
        nlohmann::json answers = nlohmann::json::object();
        for (const auto& [item, v] : r.values)
            answers[item->id] = response_json(v);
        report.responses += r.values.size();
        const std::string uuid = update ? it->second : new_uuid();
        upsert.write({uuid, inst.id, r.external_id, nlohmann::json(r.attributes).dump(),
                      options.source, answers.dump(), false, now});
        (update ? report.updated : report.added) += 1;
        if (options.progress && i % 500 == 0 && !options.progress(respondents.size() + i, total)) {
            report.problems.push_back({0, 0, "", "", "cancelled: nothing was imported"});
            report.added = report.updated = report.responses = 0;
            return; // the transaction rolls back
        }
    }
    remember_mapping(ws.db(), inst.id, report.mapping);
    tx.commit();
    report.imported = true;
    if (options.progress) options.progress(total, total);
}

// A dry run's count of the respondents an import would add and overwrite.
void count_dry_run(Workspace& ws, const guides::Instrument& inst,
                   const std::vector<ParsedRow>& respondents, ImportReport& report) {
    auto existing = existing_respondents(ws.db(), inst.id);
    for (const auto& r : respondents) {
        bool update = !r.external_id.empty() && existing.contains(r.external_id);
        (update ? report.updated : report.added) += 1;
        report.responses += r.values.size();
    }
}

// A file without respondent ids that was imported before would add its respondents again.
void note_earlier_import(Workspace& ws, const guides::Instrument& inst,
                         const std::vector<std::string>& targets, const std::string& source,
                         ImportReport& report) {
    if (source.empty() ||
        std::find(targets.begin(), targets.end(), "respondent_id") != targets.end())
        return;
    Statement st(ws.db(), "SELECT count(*) FROM respondent WHERE instrument_id = ?1 AND "
                          "source = ?2 AND deleted_at IS NULL");
    st.bind(1, inst.id).bind(2, source);
    st.step();
    if (auto n = st.int64(0); n > 0)
        report.notes.push_back("a file named " + source + " was imported before (" +
                               std::to_string(n) +
                               " respondents) and this one has no respondent ids: importing it "
                               "adds its respondents again");
}

} // namespace

std::string import_text(std::string_view bytes, std::vector<std::string>& notes) {
    const bool utf16 = bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
    auto bad = guides::find_bad_byte(bytes);
    if (utf16 || !bad || bad->nul) return std::string(bytes);
    notes.push_back("the file is not UTF-8 text: it was read as Windows-1252 (the first byte that "
                    "is not UTF-8 is at offset " +
                    std::to_string(bad->offset) + ")");
    return guides::windows1252_to_utf8(bytes);
}

ImportReport import_survey_csv(Workspace& ws, const guides::Instrument& inst,
                               std::string_view bytes, const ImportOptions& options) {
    ImportReport report;
    auto csv = guides::parse_csv(import_text(bytes, report.notes));
    for (const auto& p : csv.problems)
        report.problems.push_back({p.line, p.column, "", "", p.reason});
    if (!csv.table) return report;
    auto& table = *csv.table;
    const auto layout = guides::read_layout(table);
    const bool qualtrics = layout.service == guides::SurveyService::Qualtrics ||
                           layout.service == guides::SurveyService::QualtricsLegacy;
    if (layout.service == guides::SurveyService::Qualtrics)
        report.notes.push_back(
            "Qualtrics export: the question-text and ImportId rows were skipped");
    else if (layout.extra_header_rows > 0)
        report.notes.push_back(std::string(guides::service_name(layout.service)) +
                               " export: the second header row was skipped");
    report.rows = table.rows.size();
    if (table.rows.empty()) {
        report.problems.push_back({0, 0, "", "", "the file has a header but no responses"});
        return report;
    }

    auto match =
        match_file_columns(inst, table.header, qualtrics ? &layout.questions : nullptr,
                           options.mapping, options.remembered ? &*options.remembered : nullptr);
    report.mapping = std::move(match.mapping);
    report.problems.insert(report.problems.end(), match.problems.begin(), match.problems.end());
    report.notes.insert(report.notes.end(), match.notes.begin(), match.notes.end());
    if (!match.any_item) return report;

    auto columns = resolve_columns(inst, table.header, match.targets);
    auto respondents = check_rows(table, columns, options.progress, report.problems);
    if (!respondents) {
        report.problems.push_back({0, 0, "", "", "cancelled: nothing was imported"});
        return report;
    }
    if (!report.problems.empty()) return report;
    note_earlier_import(ws, inst, match.targets, options.source, report);
    if (options.dry_run) {
        count_dry_run(ws, inst, *respondents, report);
        return report;
    }
    write_respondents(ws, inst, *respondents, options, report);
    return report;
}

} // namespace convene::store
