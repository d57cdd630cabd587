#include "export/workbook_export.hpp"

#include "export/atomic_file.hpp"
#include "export/background_reads.hpp"
#include "export/export_context.hpp"
#include "export/summary_sheets.hpp"
#include "export/survey_sheets.hpp"
#include "export/survey_tables.hpp"
#include "export/table_writers.hpp"
#include "export/writer_thread.hpp"
#include "export/xlsx_workbook.hpp"
#include "store/sqlite.hpp"
#include "store/uuid.hpp"

#include <algorithm>
#include <functional>
#include <memory>
#include <set>
#include <utility>

namespace convene::exporting {
namespace fs = std::filesystem;
namespace {

// A larger page cache for the export's own connection while it runs, as it was after. The
// export looks up each conversation's segments through an index keyed by answer uuid, one
// random leaf page per answer: SQLite's default 2 MB cache held too little of it, so the same
// pages were read from the file again and again (228,000 reads of 4 KB for a 135 MB workspace at
// export_bench's full size; 83,000 with 16 MB, and the reads' share of the export's processor
// time 6.1% -> 3.4%). At most 16 MB more memory, whatever the workspace's size.
class LargerPageCache {
  public:
    explicit LargerPageCache(store::Database& db)
        : db_(db), before_(store::query_int(db, "PRAGMA cache_size")) {
        db_.exec("PRAGMA cache_size = -16384"); // KiB
    }
    ~LargerPageCache() {
        try {
            db_.exec("PRAGMA cache_size = " + std::to_string(before_));
        } catch (...) { // a cache size: nothing is lost if it stays larger
        }
    }
    LargerPageCache(const LargerPageCache&) = delete;
    LargerPageCache& operator=(const LargerPageCache&) = delete;

  private:
    store::Database& db_;
    std::int64_t before_;
};

constexpr const char* kWhat =
    "The conversations, coded answers and survey results of a stakeholder study of educator "
    "micro-credentials, exported by Convene. Each sheet after this one is one table with its "
    "header in the first row; links in a table lead to the answer they come from (the first "
    "16,384 in a sheet; past them, the row's answer uuid, or its conversation and question, "
    "find it in Answers). The CSV "
    "folder, when one was written, holds the same tables for R, pandas or SPSS.";

static_assert(kLinksPerSheet == 16384, "kWhat says how many links a sheet holds");

constexpr const char* kPseudonymised =
    "Pseudonymised. Every participant, quote speaker, facilitator, note taker and coder is "
    "shown as a code (P01, P02, ...) numbered in order of first appearance: conversation by "
    "conversation, oldest first, then the coders. The same name has the same code on every "
    "sheet, inside notes, quotes and memos too. The key is not in this workbook.";

constexpr const char* kNamed =
    "Not pseudonymised: this workbook holds the names of the people who took part. Share it only "
    "as their consent allows (convene-cli export --pseudonymize replaces names with codes).";

// The About sheet: written first (what this is, filters, guides, instruments), finished last
// (the sheets with their row counts), rows always in order as constant-memory mode needs.
class AboutSheet {
  public:
    AboutSheet(XlsxWorkbook& wb) : wb_(wb), sheet_(wb.add_sheet("About")) {}

    void head(ExportContext& ctx, const std::vector<SurveyToAnalyse>& surveys) {
        const auto& f = wb_.formats();
        sheet_.text(row_, 0, "Convene evidence workbook", f.title);
        row_ += 2;
        pair("What this is", kWhat);
        pair("Made", store::now_local("%Y-%m-%d %H:%M"));
        pair("By", std::string("Convene ") + CONVENE_VERSION);
        pair("Workspace", ctx.ws.path().filename().string());
        pair("Filters", describe_filter(ctx.filter));
        pair("Names", ctx.names.enabled() ? kPseudonymised : kNamed);
        ++row_;
        sheet_.header(row_++, {"Guide", "Id, version and content hash (SHA-256)", "Conversations"});
        std::map<std::string, std::size_t> uses;
        for (const auto& c : ctx.conversations)
            ++uses[c.guide_hash];
        for (const auto& [hash, n] : uses) {
            const auto& g = ctx.guides.at(hash);
            versioned(g.title, g.id + " v" + g.version + "\n" + hash, n);
        }
        ++row_;
        sheet_.header(
            row_++, {"Survey instrument", "Id, version and content hash (SHA-256)", "Respondents"});
        for (const auto& [s, instrument] : surveys)
            versioned(s.title, s.instrument_id + " v" + s.version + "\n" + s.hash, s.respondents);
        ++row_;
    }

    void tail(const std::vector<WrittenSheet>& sheets,
              const std::vector<std::pair<std::string, std::size_t>>& counts) {
        const auto& f = wb_.formats();
        sheet_.header(row_++, {"Sheet", "What it holds", "Rows"});
        for (const auto& s : sheets) {
            sheet_.link(row_, 0, s.sheet, s.sheet, 0);
            sheet_.text(row_, 1, s.description, f.wrap);
            sheet_.number(row_++, 2, static_cast<double>(s.rows), f.integer);
        }
        ++row_;
        sheet_.header(row_++, {"Count", "", "Number"});
        for (const auto& [what, n] : counts) {
            sheet_.text(row_, 0, what);
            sheet_.number(row_++, 2, static_cast<double>(n), f.integer);
        }
        sheet_.set_width(0, 30);
        sheet_.set_width(1, kValueWidth);
        sheet_.set_width(2, 14);
        sheet_.print_setup(0);
    }

  private:
    static constexpr double kValueWidth = 80;

    void pair(const std::string& key, const std::string& value) {
        sheet_.text(row_, 0, key, wb_.formats().bold);
        sheet_.text(row_, 1, value, wb_.formats().wrap);
        sheet_.row_lines(row_++, wrapped_lines(value, kValueWidth - 4));
    }

    void versioned(const std::string& title, const std::string& what, std::size_t n) {
        const auto& f = wb_.formats();
        sheet_.text(row_, 0, title, f.wrap);
        sheet_.text(row_, 1, what, f.wrap);
        sheet_.number(row_, 2, static_cast<double>(n), f.integer);
        sheet_.row_lines(row_++, std::max(2.0, wrapped_lines(title, 28)));
    }

    XlsxWorkbook& wb_;
    XlsxSheet& sheet_;
    std::uint32_t row_ = 0;
};

// One sheet (or several, for Summaries) of the export. A step writes its rows through the sink
// it is given; a `direct` one also uses the workbook itself (charts, report layouts), so it runs
// once the writer thread is idle and gets the writers themselves.
struct Step {
    std::string sheet;
    std::function<std::size_t(TableSink&)> write;
    bool direct = false;
};

} // namespace

std::string describe_filter(const ExportFilter& f) {
    std::string out;
    auto add = [&](const char* what, const std::string& v) {
        if (v.empty()) return;
        if (!out.empty()) out += "; ";
        out += std::string(what) + " " + v;
    };
    add("stakeholder group", f.group);
    add("state", f.state);
    add("status", f.status);
    add("from", f.from);
    add("to", f.to);
    add("guide", f.guide);
    add("instrument", f.instrument);
    add("coder", f.coder);
    return out.empty() ? "none: everything in the workspace (conversations in the trash left out)"
                       : out;
}

std::vector<WrittenSheet> export_sheet_plan() {
    std::vector<WrittenSheet> plan{
        {"About", "", "What the workbook is, its filters, guides and instruments, counts"},
        {"Conversations", "conversations", "One row per conversation"},
        {"Participants", "participants", "One row per participant"},
        {"Answers", "answers", "One row per answer: notes, quotes, values, codes"},
        {"Coded segments", "coded_segments", "One row per coded segment"},
        {"Codebook", "codebook", "Codes with descriptions and counts"}};
    for (const auto& kind : export_summary_kinds())
        plan.push_back({summary_sheet_name(kind), std::string(kind.name), std::string(kind.title)});
    for (auto& p : plan) // CSV file names are snake_case
        std::replace(p.file.begin(), p.file.end(), '-', '_');
    plan.push_back({"Charts", "", "Codes by group and currency equivalents, as bar charts"});
    plan.push_back({"Survey items", "survey_items", "Item statistics and Likert charts"});
    plan.push_back(
        {"Survey constructs", "survey_constructs", "Construct scores and Cronbach's alpha"});
    plan.push_back(
        {"Group comparisons", "group_comparisons", "t-tests, effect sizes, Mann-Whitney"});
    plan.push_back({"Group tests", "group_tests",
                    "k groups: ANOVA, Welch, Kruskal-Wallis, cluster-robust test, reading"});
    plan.push_back({"Group means", "group_means", "The groups of each comparison, left out"});
    plan.push_back({"Group contrasts", "group_contrasts",
                    "Pairs: t tests, Holm-adjusted p, cluster-robust contrasts"});
    plan.push_back({"Crosstabs", "crosstabs", "Respondents by two attributes: totals, %, tests"});
    plan.push_back({"Crosstab tests", "crosstab_tests",
                    "Chi-square, Fisher's exact test, Cram\u00e9r's V, caution, reading"});
    plan.push_back(
        {"Quality criteria", "quality_criteria", "Criteria sets: criteria, guidance, levels"});
    plan.push_back(
        {"Quality ratings", "quality_ratings", "Reviewers' ratings of MC profiles, consensus"});
    return plan;
}

ExportResult export_workspace(store::Workspace& ws, const ExportOptions& options,
                              const ExportProgress& progress) {
    check_writable_target(options.xlsx);
    if (!options.csv_dir.empty()) {
        std::error_code ec;
        fs::create_directories(options.csv_dir, ec);
        if (ec)
            throw std::runtime_error("cannot make the CSV folder " + options.csv_dir.string() +
                                     ": " + ec.message());
        check_writable_target(options.csv_dir / "answers.csv");
    }
    LargerPageCache cache(ws.db());
    ExportContext ctx{ws, options.filter, Pseudonymizer(options.pseudonymize)};
    ctx.progress = &progress;
    load_context(ctx);
    ctx.stages = 18;
    ctx.stage = 0;
    auto to_analyse = surveys_to_analyse(ctx);

    fs::path dir = options.xlsx.has_parent_path() ? options.xlsx.parent_path() : fs::path(".");
    PendingFile xlsx_file(options.xlsx);
    auto csv =
        options.csv_dir.empty() ? nullptr : std::make_unique<CsvTableWriter>(options.csv_dir);
    ExportResult result;
    {
        XlsxWorkbook wb(xlsx_file.temp(), dir);
        XlsxTableWriter xlsx(wb);
        TableTee both({&xlsx, csv.get()});
        AboutSheet about(wb);
        about.head(ctx, to_analyse);
        BackgroundReads background(ws, std::move(to_analyse), summary_filters(ctx));
        WriterThread writer; // declared after what it writes to: stopped before they go
        QueuedSink queued(writer, both);
        std::vector<std::pair<std::string, std::size_t>> summary_rows;
        std::vector<Pivot> charted;
        auto analysed = [&]() -> const std::vector<SurveyResults>& { return background.surveys(); };
        std::vector<Step> steps{
            {"Conversations", [&](TableSink& s) { return write_conversations(ctx, s); }},
            {"Participants", [&](TableSink& s) { return write_participants(ctx, s); }},
            {"Answers", [&](TableSink& s) { return write_answers(ctx, s); }},
            {"Coded segments", [&](TableSink& s) { return write_segments(ctx, s); }},
            {"Codebook", [&](TableSink& s) { return write_codebook(ctx, s); }},
            {"Summaries",
             [&](TableSink& s) {
                 auto coding = background.take_coding();
                 coding.snapshot.read_texts_through(ctx.ws.db()); // this thread's connection
                 summary_rows = write_summaries(ctx, coding, s, charted);
                 return std::size_t{0};
             }},
            {"Charts", [&](TableSink&) { return write_charts(charted, wb); }, true},
            {"Survey items",
             [&](TableSink& s) { return write_survey_items(analysed(), s, xlsx, wb); }, true},
            {"Survey constructs",
             [&](TableSink& s) { return write_survey_constructs(analysed(), s); }},
            {"Group comparisons",
             [&](TableSink& s) { return write_group_comparisons(analysed(), s); }},
            {"Group tests", [&](TableSink& s) { return write_group_tests(analysed(), s); }},
            {"Group means", [&](TableSink& s) { return write_group_means(analysed(), s); }},
            {"Group contrasts", [&](TableSink& s) { return write_group_contrasts(analysed(), s); }},
            {"Crosstabs", [&](TableSink&) { return write_crosstabs(analysed(), wb, csv.get()); },
             true},
            {"Crosstab tests", [&](TableSink& s) { return write_crosstab_tests(analysed(), s); }},
            {"Quality criteria", [&](TableSink& s) { return write_quality_criteria(ctx, s); }},
            {"Quality ratings", [&](TableSink& s) { return write_quality_ratings(ctx, s); }}};
        auto plan = export_sheet_plan();
        for (const auto& step : steps) {
            ++ctx.stage;
            ctx.tick(0, 1, step.sheet);
            if (step.direct) writer.wait();
            std::size_t rows = step.write(step.direct ? static_cast<TableSink&>(both) : queued);
            for (const auto& p : plan)
                if (p.sheet == step.sheet) result.sheets.push_back({p.sheet, p.file, "", rows});
            for (const auto& [sheet, n] : std::exchange(summary_rows, {}))
                for (const auto& p : plan)
                    if (p.sheet == sheet) result.sheets.push_back({p.sheet, p.file, "", n});
        }
        writer.wait();
        // The descriptions the tables gave themselves are longer than the plan's: use the plan's
        // short ones for the panel, the tables' own for About.
        std::size_t participants = 0, respondents = 0;
        for (const auto& c : ctx.conversations)
            participants += c.participants.size();
        for (const auto& s : analysed())
            respondents += s.respondents;
        for (auto& s : result.sheets)
            for (const auto& p : plan)
                if (p.sheet == s.sheet) s.description = p.description;
        about.tail(result.sheets, {{"Conversations", ctx.conversations.size()},
                                   {"Participants", participants},
                                   {"Answers", ctx.answers},
                                   {"Coded segments", ctx.segments},
                                   {"Codes", ctx.codes.size()},
                                   {"Survey instruments", analysed().size()},
                                   {"Survey respondents", respondents}});
        wb.set_properties("Convene evidence workbook", "Stakeholder conversations and surveys",
                          describe_filter(options.filter));
        ctx.tick(ctx.stages * 1000, ctx.stages * 1000, kWritingTheFile);
        wb.close();
    }
    if (csv) {
        csv->commit();
        result.csv_files = csv->files();
    }
    xlsx_file.commit();
    result.xlsx = options.xlsx;
    return result;
}

} // namespace convene::exporting
