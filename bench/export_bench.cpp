// The spreadsheet export at scale, against libxlsxwriter alone. A workspace of 1,000
// conversations run with a 60-question guide (60,000 answers, with notes, a quote in every other
// answer and structured values), 150,000 coded segments by two coders over 1,000 codes, and a
// survey of 10,000 respondents x 60 Likert items is exported to one xlsx workbook. The baseline
// writes the same cells (read from the same export's CSV tables, one sheet per table) straight
// through libxlsxwriter in constant-memory mode, with no database, formats, links or charts. Each
// measurement runs in a fresh process (this program started again with --child), so its peak memory
// (ru_maxrss from wait4) is its own; both are measured at half and full size to show whether memory
// stays flat as the data grows. At full size the two run in turn five times and the last line is
// the median of the five export/baseline ratios.
#include "bench/bench_workspace.hpp"
#include "export/workbook_export.hpp"
#include "guides/csv_reader.hpp"
#include "store/codebook.hpp"
#include "store/guides.hpp"
#include "store/seed.hpp"
#include "store/survey_import.hpp"
#include "store/surveys.hpp"
#include "store/uuid.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xlsxwriter.h>

using namespace convene;
using bench::add_codes;
using bench::values_for;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kQuestions = 60;

double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// Processor time (user + system) of every thread of this process so far.
double cpu_ms_self() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    auto ms = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3;
    };
    return ms(ru.ru_utime) + ms(ru.ru_stime);
}

long peak_kb_self() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

const char* kNotes = "They would count an MC toward renewal if the evidence is scored by trained "
                     "assessors; cost and tracking worry them, and graduate credit needs a "
                     "partner university. Clock hours should follow the time really spent.";

// The bundled guide with questions repeated (new ids) in an extra area up to 60 questions.
guides::Guide sixty_question_guide(const guides::Guide& base) {
    guides::Guide g = base;
    g.id = "bench-60";
    g.title = "Bench guide with sixty questions";
    std::vector<guides::Question> all;
    for (const auto& a : base.areas)
        for (const auto& q : a.questions)
            all.push_back(q);
    std::size_t have = all.size();
    guides::Area extra{"bench-extra", "More questions", 10, {}};
    for (std::size_t i = 0; have + i < kQuestions; ++i) {
        auto q = all[i % all.size()];
        q.id += "-again";
        q.condition.clear();
        extra.questions.push_back(q);
    }
    g.areas.push_back(extra);
    return g;
}

struct Size {
    int conversations, segments, respondents;
};

void add_conversations(store::Workspace& ws, const Size& size) {
    auto& db = ws.db();
    std::mt19937 rng(7);
    auto base = *store::current_guide(ws, "air-2019");
    auto guide = sixty_question_guide(base);
    store::import_guide(ws, guide);
    auto hash = *store::current_guide_hash(ws, guide.id);
    std::vector<const guides::Question*> questions;
    for (const auto& a : guide.areas)
        for (const auto& q : a.questions)
            questions.push_back(&q);
    const char* groups[] = {"licensing", "association", "higher_ed", "legislators", "lea"};
    const char* states[] = {"IL", "IA", "MI", "Ohio", "KY"};
    store::Transaction tx(db);
    auto codes = add_codes(db, 1000);
    std::string coders[] = {store::new_uuid(), store::new_uuid()};
    for (int i = 0; i < 2; ++i)
        store::Statement(db, "INSERT INTO person(uuid, name, created_at) VALUES (?1, ?2, "
                             "'2024-01-01T00:00:00Z')")
            .bind(1, coders[i])
            .bind(2, i == 0 ? "Coder A" : "Coder B")
            .run();
    store::Statement conv(db, "INSERT INTO conversation(uuid, guide_hash, group_id, org, state, "
                              "scheduled_at, status, created_at, updated_at) VALUES (?1, ?2, ?3, "
                              "?4, ?5, ?6, 'complete', ?6, ?6)");
    store::Statement ans(db, "INSERT INTO answer(uuid, conversation_uuid, question_id, notes, "
                             "asked, value_json, updated_at) VALUES (?1, ?2, ?3, ?4, 1, ?5, "
                             "'2024-01-01T00:00:00Z')");
    store::Statement quo(db, "INSERT INTO quote(uuid, answer_uuid, text, speaker, updated_at) "
                             "VALUES (?1, ?2, 'We would need proof of quality first.', "
                             "'Speaker', '2024-01-01T00:00:00Z')");
    store::Statement seg(db, "INSERT INTO segment(uuid, answer_uuid, code_uuid, coder_uuid, part, "
                             "quote_uuid, start_byte, end_byte, excerpt, created_at, updated_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, '2024-01-01T00:00:00Z', "
                             "'2024-01-01T00:00:00Z')");
    int segments_left = size.segments;
    auto nq = static_cast<int>(questions.size());
    for (int c = 0; c < size.conversations; ++c) {
        auto uuid = store::new_uuid();
        char date[32];
        std::snprintf(date, sizeof date, "2024-%02d-%02dT10:00", 1 + c % 12, 1 + c % 28);
        conv.reset();
        conv.bind(1, uuid).bind(2, hash).bind(3, groups[c % 5]).bind(4, "Org " + std::to_string(c));
        conv.bind(5, states[(c / 5) % 5]).bind(6, date).run();
        int per_conversation = segments_left / (size.conversations - c);
        for (int q = 0; q < nq; ++q) {
            auto answer = store::new_uuid();
            const auto& question = *questions[static_cast<std::size_t>(q)];
            ans.reset();
            ans.bind(1, answer).bind(2, uuid).bind(3, question.id).bind(4, kNotes);
            ans.bind(5, values_for(question, rng).dump()).run();
            std::string quote;
            if (q % 2 == 0) {
                quote = store::new_uuid();
                quo.reset();
                quo.bind(1, quote).bind(2, answer).run();
            }
            int here = per_conversation / nq + (q < per_conversation % nq);
            for (int s = 0; s < here; ++s) {
                bool on_quote = !quote.empty() && s % 3 == 1;
                bool whole = s % 5 == 4;
                seg.reset();
                seg.bind(1, store::new_uuid()).bind(2, answer);
                seg.bind(3, codes[rng() % codes.size()]).bind(4, coders[s % 2]);
                seg.bind(5, whole ? "answer" : on_quote ? "quote" : "notes");
                seg.bind(6, on_quote && !whole ? quote : std::string());
                seg.bind(7, 0).bind(8, 20).bind(9, std::string(kNotes).substr(0, 20)).run();
                --segments_left;
            }
        }
    }
    tx.commit();
}

guides::Instrument sixty_items() {
    guides::Instrument inst;
    inst.id = "bench-60";
    inst.version = "1";
    inst.title = "Sixty statements";
    inst.scales.push_back(
        {"agree5", {"Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"}});
    for (int c = 0; c < 6; ++c) {
        guides::Construct construct{
            "c" + std::to_string(c), "Construct " + std::to_string(c + 1), {}};
        for (int i = 0; i < 10; ++i) {
            guides::Item item;
            item.id = "c" + std::to_string(c) + ".i" + std::to_string(i);
            item.text = "Statement " + std::to_string(c * 10 + i + 1) +
                        " about professional learning, with a comma";
            item.scale = "agree5";
            item.reverse = i == 3;
            construct.items.push_back(item.id);
            inst.items.push_back(item);
        }
        inst.constructs.push_back(construct);
    }
    inst.attributes = {{"pl_format", "Professional-learning format", {"micro-credential", "other"}},
                       {"experience", "Years of experience", {"10 or fewer", "more than 10"}},
                       {"school_level", "School level", {"elementary", "middle", "high"}}};
    return inst;
}

void add_survey(store::Workspace& ws, int respondents) {
    auto inst = sixty_items();
    std::mt19937 rng(42);
    std::string csv =
        "Timestamp,Response ID,Professional-learning format,Years of experience,School level";
    for (const auto& item : inst.items)
        csv += ",\"" + item.text + "\"";
    csv += "\r\n";
    for (int r = 0; r < respondents; ++r) {
        csv += "2020-02-01 10:00,R" + std::to_string(r) + "," +
               (r % 2 ? "other" : "micro-credential") + "," +
               (rng() % 2 ? "10 or fewer" : "more than 10") + "," +
               inst.attributes[2].choices[rng() % 3];
        for (std::size_t i = 0; i < inst.items.size(); ++i)
            csv += "," + inst.scales[0].labels[(rng() % 5 + (r % 2 ? 0 : 1)) % 5];
        csv += "\r\n";
    }
    store::import_instrument(ws, inst);
    auto report = store::import_survey_csv(ws, inst, csv, {});
    if (!report.imported) throw std::runtime_error("survey import failed");
}

// --- the two measured programs (run in a child process) ---

int child_export(const fs::path& db, const fs::path& xlsx) {
    auto t = Clock::now();
    double cpu = cpu_ms_self();
    auto ws = store::open_workspace(db);
    exporting::ExportOptions options;
    options.xlsx = xlsx;
    std::string stage;
    auto stage_start = Clock::now();
    std::string stages;
    auto progress = [&](std::size_t, std::size_t, const std::string& sheet) {
        if (sheet != stage) {
            if (!stage.empty()) {
                char line[160];
                std::snprintf(line, sizeof line, "    %-22s %6.0f ms, peak so far %4ld MB\n",
                              stage.c_str(), ms_since(stage_start), peak_kb_self() / 1024);
                stages += line;
            }
            stage = sheet;
            stage_start = Clock::now();
        }
        return true;
    };
    exporting::export_workspace(*ws, options, progress);
    char line[160];
    std::snprintf(line, sizeof line, "    %-22s %6.0f ms, peak so far %4ld MB\n", stage.c_str(),
                  ms_since(stage_start), peak_kb_self() / 1024);
    stages += line;
    std::printf("%.0f\n%.0f\n%s", ms_since(t), cpu_ms_self() - cpu, stages.c_str());
    return 0;
}

// The shape of one table: rows, and per column the number of numeric cells and the text cells
// with their total length.
struct ColumnShape {
    std::size_t numbers = 0, texts = 0, chars = 0;
};
struct SheetShape {
    std::string name, file;
    std::size_t rows = 0;
    std::vector<std::string> header;
    std::vector<ColumnShape> columns;
};

bool numeric(const std::string& s) {
    if (s.empty()) return false;
    char* end = nullptr;
    std::strtod(s.c_str(), &end);
    return end == s.c_str() + s.size();
}

std::vector<SheetShape> shapes_of(const std::vector<fs::path>& csv_files) {
    std::vector<SheetShape> out;
    for (const auto& file : csv_files) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream bytes;
        bytes << in.rdbuf();
        auto parsed = guides::parse_csv(bytes.str(), ',');
        SheetShape s;
        s.name = file.stem().string().substr(0, 31);
        s.file = file.string();
        if (!parsed.table) throw std::runtime_error("cannot read " + file.string());
        const auto& table = *parsed.table;
        s.header = table.header;
        s.rows = table.rows.size();
        s.columns.resize(s.header.size());
        for (const auto& row : table.rows)
            for (std::size_t c = 0; c < row.size() && c < s.columns.size(); ++c) {
                if (row[c].empty()) continue;
                if (numeric(row[c])) {
                    ++s.columns[c].numbers;
                } else {
                    ++s.columns[c].texts;
                    s.columns[c].chars += row[c].size();
                }
            }
        out.push_back(std::move(s));
    }
    return out;
}

void save_shapes(const std::vector<SheetShape>& shapes, const fs::path& file) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& s : shapes) {
        nlohmann::json cols = nlohmann::json::array();
        for (const auto& c : s.columns)
            cols.push_back({c.numbers, c.texts, c.chars});
        j.push_back({{"name", s.name},
                     {"file", s.file},
                     {"rows", s.rows},
                     {"header", s.header},
                     {"columns", cols}});
    }
    std::ofstream(file) << j.dump();
}

// libxlsxwriter alone writing the export's cells: each table's CSV file is read and parsed (not
// timed), then its cells written as they are, numbers as numbers, in constant-memory mode.
// Memory includes the largest table parsed whole.
int child_baseline(const fs::path& shape_file, const fs::path& xlsx) {
    auto t = Clock::now();
    double cpu = cpu_ms_self();
    double parsing = 0, parsing_cpu = 0;
    std::ifstream in(shape_file);
    auto j = nlohmann::json::parse(in);
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    std::string tmpdir = xlsx.parent_path().string();
    options.tmpdir = tmpdir.data();
    lxw_workbook* wb = workbook_new_opt(xlsx.c_str(), &options);
    workbook_add_worksheet(wb, "About");
    std::string stages;
    for (const auto& s : j) {
        auto p = Clock::now();
        double p_cpu = cpu_ms_self();
        std::ifstream csv(s["file"].get<std::string>(), std::ios::binary);
        std::stringstream bytes;
        bytes << csv.rdbuf();
        auto parsed = guides::parse_csv(bytes.str(), ',');
        parsing += ms_since(p);
        parsing_cpu += cpu_ms_self() - p_cpu;
        if (!parsed.table) return 1;
        auto writing = Clock::now();
        lxw_worksheet* ws = workbook_add_worksheet(wb, s["name"].get<std::string>().c_str());
        const auto& header = parsed.table->header;
        for (std::size_t c = 0; c < header.size(); ++c)
            worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), header[c].c_str(), nullptr);
        lxw_row_t row = 1;
        for (const auto& cells : parsed.table->rows) {
            for (std::size_t c = 0; c < cells.size(); ++c) {
                auto col = static_cast<lxw_col_t>(c);
                if (cells[c].empty()) continue;
                if (numeric(cells[c]))
                    worksheet_write_number(ws, row, col, std::strtod(cells[c].c_str(), nullptr),
                                           nullptr);
                else
                    worksheet_write_string(ws, row, col, cells[c].c_str(), nullptr);
            }
            ++row;
        }
        char line[160];
        std::snprintf(line, sizeof line, "    %-22s %6.0f ms\n",
                      s["name"].get<std::string>().c_str(), ms_since(writing));
        stages += line;
    }
    auto closing = Clock::now();
    if (workbook_close(wb) != LXW_NO_ERROR) return 1;
    char line[160];
    std::snprintf(line, sizeof line, "    %-22s %6.0f ms\n", "Writing the file", ms_since(closing));
    stages += line;
    std::printf("%.0f\n%.0f\n%s", ms_since(t) - parsing, cpu_ms_self() - cpu - parsing_cpu,
                stages.c_str());
    return 0;
}

// --- the parent: build, run each measurement in a fresh process ---

struct Measured {
    double ms = 0, cpu_ms = 0; // wall; processor time of all its threads
    long peak_kb = 0;
    std::string detail;
};

Measured run_child(const char* self, const std::vector<std::string>& args) {
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe failed");
    pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], 1);
        close(out[0]);
        close(out[1]);
        std::vector<char*> argv{const_cast<char*>(self), const_cast<char*>("--child")};
        for (const auto& a : args)
            argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv("/proc/self/exe", argv.data());
        _exit(127);
    }
    close(out[1]);
    std::string text;
    char buf[4096];
    for (ssize_t n; (n = read(out[0], buf, sizeof buf)) > 0;)
        text.append(buf, static_cast<std::size_t>(n));
    close(out[0]);
    int status = 0;
    rusage ru{};
    wait4(pid, &status, 0, &ru);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error("child " + args[0] + " failed");
    Measured m;
    m.ms = std::stod(text);
    m.detail = text.substr(text.find('\n') + 1);
    if (args[0] == "export" || args[0] == "baseline") {
        m.cpu_ms = std::stod(m.detail);
        m.detail = m.detail.substr(m.detail.find('\n') + 1);
    }
    m.peak_kb = ru.ru_maxrss;
    return m;
}

struct Row {
    const char* label;
    Measured exported, baseline;
    double mb;
    std::vector<double> ratios; // export/baseline wall time, one per pair of runs
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    auto n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// The shape of the export of db, from its CSV tables, saved for the baseline (not measured).
int child_shape(const fs::path& db, const fs::path& shape_file) {
    auto dir = shape_file.parent_path();
    auto ws = store::open_workspace(db);
    exporting::ExportOptions options{dir / "shape.xlsx", dir / "shape-csv", false, {}};
    auto shaped = exporting::export_workspace(*ws, options);
    save_shapes(shapes_of(shaped.csv_files), shape_file);
    std::printf("%zu\n", shaped.csv_files.size());
    return 0;
}

int child_build(const fs::path& db, const Size& size) {
    auto t = Clock::now();
    auto ws = store::open_workspace(db);
    add_conversations(*ws, size);
    add_survey(*ws, size.respondents);
    store::Statement count(ws->db(), "SELECT count(*) FROM answer");
    count.step();
    std::printf("%.0f\n%lld\n", ms_since(t), static_cast<long long>(count.int64(0)));
    return 0;
}

// Runs the export and the baseline in turn `pairs` times: this machine's speed drifts by more
// than the difference measured, so each export is divided by the baseline run beside it and the
// ratio quoted is the median of those pairs.
Row measure(const char* self, const fs::path& dir, const char* label, const Size& size, int pairs) {
    auto db = dir / (std::string(label) + ".db");
    auto built = run_child(self, {"build", db.string(), std::to_string(size.conversations),
                                  std::to_string(size.segments), std::to_string(size.respondents)});
    std::printf("%s: %d conversations, %s answers, %d segments, %d respondents x 60 items "
                "(built in %.0f ms)\n",
                label, size.conversations, built.detail.substr(0, built.detail.find('\n')).c_str(),
                size.segments, size.respondents, built.ms);
    std::fflush(stdout);
    Row row{label, {}, {}, 0};
    auto xlsx = dir / (std::string(label) + ".xlsx");
    row.exported = run_child(self, {"export", db.string(), xlsx.string()});
    row.mb = static_cast<double>(fs::file_size(xlsx)) / 1e6;
    auto shape_file = dir / (std::string(label) + "-shape.json");
    auto shaped = run_child(self, {"shape", db.string(), shape_file.string()});
    row.baseline =
        run_child(self, {"baseline", shape_file.string(), (dir / "baseline.xlsx").string()});
    std::printf(
        "  export   %6.0f ms (processor %6.0f ms, three threads), peak %4ld MB, %.1f MB file\n"
        "  stages as the reading side reached them (the writer thread follows):\n%s",
        row.exported.ms, row.exported.cpu_ms, row.exported.peak_kb / 1024, row.mb,
        row.exported.detail.c_str());
    std::printf("  baseline %6.0f ms (processor %6.0f ms), peak %4ld MB (libxlsxwriter alone, %.0f "
                "sheets, %.1f MB)\n",
                row.baseline.ms, row.baseline.cpu_ms, row.baseline.peak_kb / 1024, shaped.ms + 1,
                static_cast<double>(fs::file_size(dir / "baseline.xlsx")) / 1e6);
    std::printf("%s", row.baseline.detail.c_str());
    row.ratios.push_back(row.exported.ms / row.baseline.ms);
    // The peak depends on how the export's threads happen to overlap: the largest of the runs.
    for (int i = 1; i < pairs; ++i) {
        auto e = run_child(self, {"export", db.string(), xlsx.string()});
        auto b =
            run_child(self, {"baseline", shape_file.string(), (dir / "baseline.xlsx").string()});
        row.ratios.push_back(e.ms / b.ms);
        row.exported.peak_kb = std::max(row.exported.peak_kb, e.peak_kb);
        row.baseline.peak_kb = std::max(row.baseline.peak_kb, b.peak_kb);
    }
    std::printf("  export/baseline, pair by pair:");
    for (double r : row.ratios)
        std::printf(" %.2f", r);
    std::printf("\n  peak of the %d runs: export %ld MB, baseline %ld MB\n", pairs,
                row.exported.peak_kb / 1024, row.baseline.peak_kb / 1024);
    std::fflush(stdout);
    return row;
}

} // namespace

int main(int argc, char** argv) {
    // Every step runs in a child of its own, so the parent stays small: a child's peak memory
    // starts from what it inherits.
    if (argc >= 5 && std::strcmp(argv[1], "--child") == 0) {
        std::string mode = argv[2];
        if (mode == "export") return child_export(argv[3], argv[4]);
        if (mode == "shape") return child_shape(argv[3], argv[4]);
        if (mode == "build" && argc == 7)
            return child_build(argv[3],
                               {std::atoi(argv[4]), std::atoi(argv[5]), std::atoi(argv[6])});
        return child_baseline(argv[3], argv[4]);
    }
    auto dir = fs::temp_directory_path() / "convene-export-bench";
    fs::remove_all(dir);
    fs::create_directories(dir);
    auto half = measure(argv[0], dir, "half", {500, 75000, 5000}, 3);
    auto full = measure(argv[0], dir, "full", {1000, 150000, 10000}, 5);
    std::printf("this program (building nothing itself): peak %ld MB\n", peak_kb_self() / 1024);
    std::printf("peak memory, half -> full: export %ld -> %ld MB, baseline %ld -> %ld MB\n",
                half.exported.peak_kb / 1024, full.exported.peak_kb / 1024,
                half.baseline.peak_kb / 1024, full.baseline.peak_kb / 1024);
    fs::remove_all(dir);
    std::printf("processor time, export/baseline: %.2f (the export reads, writes and computes "
                "on three threads)\n",
                full.exported.cpu_ms / full.baseline.cpu_ms);
    std::printf("export/baseline ratio: %.2f\n", median(full.ratios));
    return 0;
}
