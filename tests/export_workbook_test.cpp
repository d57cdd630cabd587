// The spreadsheet export read back as a reader would (tests/workbook_reader.hpp: openpyxl through
// tests/read_workbook.py); these tests compare every
// sheet, header and a sample of values with the database, and check the safety rules (text never
// a formula, CSV cells neutralised, nothing half-written, names replaced when asked).
#include "cli_runner.hpp"
#include "export/intercoder_agreement.hpp"
#include "export/summaries.hpp"
#include "export/summary_sheets.hpp"
#include "export/survey_tables.hpp"
#include "export/workbook_export.hpp"
#include "export/xlsx_workbook.hpp"
#include "guides/data_dir.hpp"
#include "store/answers.hpp"
#include "store/codebook.hpp"
#include "store/coding_snapshot.hpp"
#include "store/conversations.hpp"
#include "store/criteria_sets.hpp"
#include "store/demo.hpp"
#include "store/guides.hpp"
#include "store/people.hpp"
#include "store/ratings.hpp"
#include "store/seed.hpp"
#include "store/sqlite.hpp"
#include "store/surveys.hpp"
#include "temp_dir.hpp"
#include "workbook_reader.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <stop_token>

using namespace convene;
using convene::test::column;
using convene::test::read_workbook;
using convene::test::row_with;
using convene::test::sheet;
using convene::test::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct Demo {
    TempDir dir;
    std::unique_ptr<store::Workspace> ws = store::open_workspace(dir / "demo.db");
    Demo() { store::load_demo_project(*ws, guides::data_dir()); }
};

} // namespace

TEST_CASE("the demo workbook reads back with every sheet, header and value of the database",
          "[export]") {
    Demo demo;
    auto file = demo.dir / "demo.xlsx";
    auto cache = store::query_int(demo.ws->db(), "PRAGMA cache_size");
    auto result = exporting::export_workspace(*demo.ws, {file, demo.dir / "csv", false, {}});
    CHECK(store::query_int(demo.ws->db(), "PRAGMA cache_size") == cache); // as it was before
    json wb = read_workbook(file);
    CHECK(wb["zip_ok"] == true);

    // Every planned sheet, in order, each table with a frozen bold header and an autofilter.
    auto plan = exporting::export_sheet_plan();
    REQUIRE(wb["sheets"].size() == plan.size());
    for (std::size_t i = 0; i < plan.size(); ++i)
        CHECK(wb["sheets"][i]["name"] == plan[i].sheet);
    for (const char* name : {"Conversations", "Answers", "Codebook", "Code frequencies",
                             "Survey items", "Group comparisons"}) {
        CHECK(sheet(wb, name)["freeze"] == "A2");
        CHECK(sheet(wb, name)["autofilter"].is_string());
    }
    CHECK(wb["charts"].size() >= 3); // Likert items, codes by group, currency equivalents

    // Conversations: one row each, with the database's organisation and state.
    const auto& convs = sheet(wb, "Conversations");
    auto rows = store::list_conversations(demo.ws->db());
    CHECK(convs["rows"].size() == rows.size() + 1);
    for (const auto& r : rows) {
        const json* row = row_with(convs, 0, r.uuid);
        REQUIRE(row != nullptr);
        CHECK((*row)[column(convs, "Organisation")]["v"] == r.org);
        CHECK((*row)[column(convs, "State")]["v"] == r.state);
        CHECK((*row)[column(convs, "Date")]["t"] == "d"); // a real date, not text
    }

    // Answers: a sample of answers' notes equal to the store, as strings.
    const auto& answers = sheet(wb, "Answers");
    std::size_t checked = 0;
    for (const auto& r : rows) {
        for (const auto& [qid, a] : store::answers_for(demo.ws->db(), r.uuid)) {
            if (a.notes.empty()) continue;
            const json* row = row_with(answers, 0, a.uuid);
            REQUIRE(row != nullptr);
            CHECK((*row)[column(answers, "Notes")]["v"] == a.notes);
            CHECK((*row)[column(answers, "Question id")]["v"] == qid);
            ++checked;
            break;
        }
    }
    CHECK(checked >= 10); // every conversation with notes (the planned one has none)
    // Every filled cell below the header is top-aligned, so a short cell sits level with the
    // first line of long notes beside it. In a row taller than a line that takes a format of the
    // cell's own: LibreOffice ignores the default format's (xf 0) alignment and would put the
    // cell at the bottom. Rows of one line may use xf 0 (less XML).
    std::size_t tall_rows = 0;
    for (const char* name : {"Answers", "Coded segments", "Quotes by code", "Survey items",
                             "Disagreements", "Framework matrix"}) {
        const auto& s = sheet(wb, name);
        const auto& body = s["rows"];
        for (std::size_t r = 1; r < body.size(); ++r) {
            auto height = s["heights"].value(std::to_string(r + 1), 0.0);
            tall_rows += height > 20;
            for (const auto& cell : body[r])
                if (!cell["v"].is_null()) {
                    INFO(name << " row " << r + 1 << " (height " << height << "): " << cell.dump());
                    REQUIRE(cell.value("va", "") == "top");
                    if (height > 20) REQUIRE(cell.value("xf", 0) != 0);
                }
        }
    }
    CHECK(tall_rows > 20);

    // A coded segment's answer cell links to that answer's row in Answers.
    const auto& segs = sheet(wb, "Coded segments");
    REQUIRE(segs["rows"].size() > 1);
    const auto& link_cell = segs["rows"][1][1];
    REQUIRE(link_cell.contains("link"));
    std::string target = link_cell["link"];
    auto target_row = std::stoul(target.substr(target.find("!A") + 2));
    CHECK(answers["rows"][target_row - 1][0]["v"] == link_cell["v"]);

    // Codebook: every live code with its description.
    const auto& codebook = sheet(wb, "Codebook");
    auto codes = store::list_codes(demo.ws->db());
    CHECK(codebook["rows"].size() == codes.size() + 1);
    const json* first = row_with(codebook, 0, codes.front().uuid);
    REQUIRE(first != nullptr);
    CHECK((*first)[column(codebook, "Description")]["v"] ==
          (codes.front().description.empty() ? json() : json(codes.front().description)));

    // Survey items: one row per Likert item of the demo survey with 100 respondents' answers.
    const auto& items = sheet(wb, "Survey items");
    CHECK(items["rows"].size() > 30);
    CHECK(items["rows"][1][column(items, "n")]["t"] == "n");

    // The CSV files are the same tables, headed by their snake_case column ids.
    CHECK(result.csv_files.size() == 23);
    auto csv = test::read_file(demo.dir / "csv" / "answers.csv");
    CHECK(csv.rfind("answer_uuid,conversation_uuid,date,", 0) == 0);
    // Every table sheet has a header for each column of its CSV file (Crosstabs is a report
    // table in the workbook, long form in CSV).
    for (const auto& p : plan) {
        if (p.file.empty() || p.sheet == "Crosstabs") continue;
        INFO("sheet " << p.sheet);
        auto first_line = test::read_file(demo.dir / "csv" / (p.file + ".csv"));
        first_line = first_line.substr(0, first_line.find("\r\n"));
        auto csv_columns =
            static_cast<std::size_t>(std::count(first_line.begin(), first_line.end(), ',') + 1);
        const auto& header = sheet(wb, p.sheet)["rows"][0];
        std::size_t named = 0;
        for (const auto& cell : header)
            if (cell["v"].is_string() && !cell["v"].get<std::string>().empty()) ++named;
        CHECK(named == csv_columns);
        CHECK(header[0]["t"] == "s");
    }
    // Every sheet's rows count as the export reported them.
    for (const auto& s : result.sheets)
        if (s.sheet != "Crosstabs" && s.sheet != "Charts")
            CHECK(sheet(wb, s.sheet)["rows"].size() == s.rows + 1);
}

TEST_CASE("the Charts sheet's group headers wrap in a row tall enough to show them", "[export]") {
    Demo demo;
    auto file = demo.dir / "demo.xlsx";
    exporting::export_workspace(*demo.ws, {file, {}, false, {}});
    json charts = sheet(read_workbook(file), "Charts");
    // Row 1 is the first chart's title, row 2 its header: the stakeholder groups' labels
    // ("Professional association or regional service agency") over 13-character columns.
    REQUIRE(charts["rows"].size() > 2);
    bool labelled = false;
    for (const auto& c : charts["rows"][1])
        labelled |= c["v"] == "Professional association or regional service agency";
    CHECK(labelled);
    REQUIRE(charts["heights"].contains("2"));
    CHECK(charts["heights"]["2"].get<double>() >= 4 * 15);
}

TEST_CASE("the workbook holds intercoder agreement, disagreements and the quality review as in "
          "the database",
          "[export]") {
    Demo demo;
    auto file = demo.dir / "demo.xlsx";
    exporting::export_workspace(*demo.ws, {file, demo.dir / "csv", false, {}});
    json wb = read_workbook(file);

    // Intercoder agreement and disagreements: the summaries' rows, the same values.
    auto snapshot = store::load_coding_snapshot(*demo.ws);
    auto agreement = exporting::intercoder_agreement_all(snapshot, {});
    auto disagreements = exporting::coder_disagreements_all(snapshot, {});
    REQUIRE(agreement.rows.size() > 0);
    REQUIRE(disagreements.rows.size() > 0);
    const auto& ag = sheet(wb, "Intercoder agreement");
    CHECK(ag["rows"].size() == agreement.rows.size() + 1);
    const auto& first = agreement.rows.front();
    const json* row = row_with(ag, 0, *first[0].text());
    REQUIRE(row != nullptr);
    CHECK((*row)[column(ag, "Answers coded by 2+ coders")]["v"] ==
          first[static_cast<std::size_t>(agreement.column("answers_compared"))].number());
    const auto& dis = sheet(wb, "Disagreements");
    CHECK(dis["rows"].size() == disagreements.rows.size() + 1);
    CHECK(
        dis["rows"][1][column(dis, "Code")]["v"] ==
        *disagreements.rows.front()[static_cast<std::size_t>(disagreements.column("code"))].text());

    // Code co-occurrence, written row by row without the table: the screen's table, row for
    // row (codes and counts).
    auto pairs = exporting::co_occurrence(snapshot, {});
    REQUIRE(pairs.rows.size() > 5);
    const auto& co = sheet(wb, "Code co-occurrence");
    REQUIRE(co["rows"].size() == pairs.rows.size() + 1);
    for (std::size_t r = 0; r < pairs.rows.size(); ++r) {
        INFO("row " << r + 2);
        CHECK(co["rows"][r + 1][0]["v"] == *pairs.rows[r][0].text());
        CHECK(co["rows"][r + 1][1]["v"] == *pairs.rows[r][1].text());
        CHECK(co["rows"][r + 1][2]["v"] == pairs.rows[r][2].number());
    }

    // Quotes by code, also written row by row: the screen's table, row for row.
    auto quotes = exporting::quotes_by_code(snapshot, {});
    REQUIRE(quotes.rows.size() > 5);
    const auto& qs = sheet(wb, "Quotes by code");
    REQUIRE(qs["rows"].size() == quotes.rows.size() + 1);
    for (std::size_t r = 0; r < quotes.rows.size(); ++r) {
        INFO("row " << r + 2);
        for (std::size_t c : {0u, 1u, 3u, 8u})
            CHECK(qs["rows"][r + 1][c]["v"] == *quotes.rows[r][c].text());
    }
    CHECK(!quotes.rows[0][1].segments.empty()); // the screen's table keeps the drill-down

    // The framework matrix, written one conversation at a time: the screen's table, cell for cell.
    auto matrix = exporting::framework_matrix(snapshot, {});
    REQUIRE(matrix.rows.size() > 5);
    const auto& fm = sheet(wb, "Framework matrix");
    REQUIRE(fm["rows"].size() == matrix.rows.size() + 1);
    for (std::size_t r = 0; r < matrix.rows.size(); ++r)
        for (std::size_t c = 0; c < matrix.columns.size(); ++c) {
            if (matrix.columns[c].type == exporting::ColumnType::Date) continue;
            INFO("row " << r + 2 << " column " << c + 1);
            const auto* text = matrix.rows[r][c].text();
            CHECK(fm["rows"][r + 1][c]["v"] == (text ? json(*text) : json()));
        }

    // Quality criteria: every criterion of the bundled set with its guidance and the levels.
    auto sets = store::list_criteria_sets(demo.ws->db());
    REQUIRE(sets.size() == 1);
    auto set = *store::criteria_by_hash(demo.ws->db(), sets[0].hash);
    const auto& qc = sheet(wb, "Quality criteria");
    auto entries = set.entries();
    CHECK(qc["rows"].size() == entries.size() + 1);
    const auto& entry = entries.front();
    const json* criterion = row_with(qc, column(qc, "Criterion id"), entry.criterion->id);
    REQUIRE(criterion != nullptr);
    CHECK((*criterion)[column(qc, "Category")]["v"] == entry.category->title);
    CHECK((*criterion)[column(qc, "Guidance")]["v"] == entry.criterion->guidance);
    CHECK((*criterion)[column(qc, "Levels")]["v"].get<std::string>().find(
              set.levels.back().label) != std::string::npos);

    // Quality ratings: every rating of the demo reviewers, level label, score and note.
    auto ratings = store::ratings_for_set(demo.ws->db(), sets[0].hash);
    REQUIRE(ratings.size() > 10);
    const auto& qr = sheet(wb, "Quality ratings");
    CHECK(qr["rows"].size() == ratings.size() + 1);
    std::size_t checked = 0;
    for (const auto& r : ratings) {
        if (!r.level || r.note.empty()) continue;
        const json* hit = row_with(qr, column(qr, "Note"), r.note);
        REQUIRE(hit != nullptr);
        CHECK((*hit)[column(qr, "MC profile")]["v"] == r.profile_slug);
        CHECK((*hit)[column(qr, "Reviewer")]["v"] == r.reviewer_name);
        const auto& level = set.levels[static_cast<std::size_t>(*r.level)];
        CHECK((*hit)[column(qr, "Level")]["v"] == level.label);
        CHECK((*hit)[column(qr, "Score")]["v"] == level.score);
        CHECK((*hit)[column(qr, "Consensus")]["v"].is_string());
        if (++checked == 5) break;
    }
    CHECK(checked == 5);
    auto csv = test::read_file(demo.dir / "csv" / "quality_ratings.csv");
    CHECK(csv.rfind("profile,set,set_version,criterion_id,criterion,reviewer,level,score,note,"
                    "consensus,updated_at",
                    0) == 0);
}

TEST_CASE("text that looks like a formula stays text in the workbook and is neutralised in CSV",
          "[export]") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    store::Conversation c;
    c.group = "licensing";
    c.org = "=HYPERLINK(\"http://evil.example\",\"click\")";
    c.state = "KY";
    c.scheduled_at = "2024-03-05T10:00";
    c.guide_hash = *store::current_guide_hash(*ws, "air-2019");
    c.participants.push_back({"", "+Ann Lee", "-director", "@org", true});
    auto uuid = store::create_conversation(ws->db(), c);
    store::Answer a;
    a.conversation_uuid = uuid;
    a.notes = "=1+1";
    auto g = store::current_guide(*ws, "air-2019");
    a.question_id = g->areas.front().questions.front().id;
    store::save_answer(ws->db(), a);

    auto file = dir / "out.xlsx";
    exporting::export_workspace(*ws, {file, dir / "csv", false, {}});
    json wb = read_workbook(file);
    const auto& convs = sheet(wb, "Conversations");
    const auto& org = convs["rows"][1][column(convs, "Organisation")];
    CHECK(org["v"] == c.org);
    CHECK(org["t"] == "s");
    const auto& answers = sheet(wb, "Answers");
    CHECK(answers["rows"][1][column(answers, "Notes")]["v"] == "=1+1");
    CHECK(answers["rows"][1][column(answers, "Notes")]["t"] == "s");

    auto conv_csv = test::read_file(dir / "csv" / "conversations.csv");
    CHECK(conv_csv.find("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"") !=
          std::string::npos);
    auto part_csv = test::read_file(dir / "csv" / "participants.csv");
    CHECK(part_csv.find(",'+Ann Lee,'-director,'@org,") != std::string::npos);
    CHECK(test::read_file(dir / "csv" / "answers.csv").find(",'=1+1,") != std::string::npos);
}

TEST_CASE("a failed or cancelled export leaves no half-written file and the earlier one intact",
          "[export]") {
    Demo demo;
    auto file = demo.dir / "out.xlsx";
    test::write_file(file, "earlier export");
    std::set<std::string> before;
    for (const auto& e : fs::directory_iterator(demo.dir.path()))
        before.insert(e.path().string());

    SECTION("cancelled while writing the answers") {
        auto cancel = [](std::size_t, std::size_t, const std::string& sheet) {
            return sheet != "Answers";
        };
        CHECK_THROWS_AS(
            exporting::export_workspace(*demo.ws, {file, demo.dir / "csv", false, {}}, cancel),
            exporting::ExportCancelled);
    }
    SECTION("cancelled with rows still queued for the writer thread") {
        for (const char* at : {"Disagreements", "Survey items", "Quality ratings"}) {
            auto cancel = [at](std::size_t, std::size_t, const std::string& sheet) {
                return sheet != at;
            };
            CHECK_THROWS_AS(
                exporting::export_workspace(*demo.ws, {file, demo.dir / "csv", false, {}}, cancel),
                exporting::ExportCancelled);
        }
    }
    SECTION("an unknown coder") {
        exporting::ExportFilter f;
        f.coder = "Nobody Here";
        CHECK_THROWS_WITH(exporting::export_workspace(*demo.ws, {file, {}, false, f}),
                          Catch::Contains("Nobody Here"));
    }
    SECTION("a folder that does not exist") {
        CHECK_THROWS_WITH(
            exporting::export_workspace(*demo.ws, {demo.dir / "missing" / "x.xlsx", {}, false, {}}),
            Catch::Contains("does not exist"));
    }
    CHECK(test::read_file(file) == "earlier export");
    std::set<std::string> after;
    for (const auto& e : fs::directory_iterator(demo.dir.path()))
        after.insert(e.path().string());
    after.erase((demo.dir / "csv").string()); // the folder asked for may be made; no file in it
    CHECK(after == before);
    if (fs::exists(demo.dir / "csv")) CHECK(fs::is_empty(demo.dir / "csv"));
}

TEST_CASE("a pseudonymised export holds no name of the workspace in any XML part or CSV file",
          "[export]") {
    Demo demo;
    // Every name in the workspace: participants, facilitators, note takers, speakers, coders.
    std::set<std::string> names;
    for (const auto& r : store::list_conversations(demo.ws->db())) {
        auto c = store::get_conversation(demo.ws->db(), r.uuid);
        names.insert(c->facilitator);
        names.insert(c->note_taker);
        for (const auto& p : c->participants)
            names.insert(p.name);
        for (const auto& [q, a] : store::answers_for(demo.ws->db(), r.uuid))
            for (const auto& quote : a.quotes)
                names.insert(quote.speaker);
    }
    for (const auto& p : store::list_people(demo.ws->db()))
        names.insert(p.name);
    names.erase("");
    REQUIRE(names.size() > 20);
    std::ofstream(demo.dir / "names.txt") << [&] {
        std::string all;
        for (const auto& n : names)
            all += n + "\n";
        return all;
    }();

    auto file = demo.dir / "pseudo.xlsx";
    exporting::export_workspace(*demo.ws, {file, demo.dir / "csv", true, {}});
    std::string found = test::run_command(
        test::read_workbook_script() + "--names '" + (demo.dir / "names.txt").string() + "' '" +
        file.string() + "' '" + (demo.dir / "csv").string() + "'");
    CHECK(found == "");
    json wb = read_workbook(file);
    const auto& about = sheet(wb, "About");
    bool says_so = false;
    for (const auto& r : about["rows"])
        if (r.size() > 1 && r[1]["v"].is_string() &&
            r[1]["v"].get<std::string>().rfind("Pseudonymised", 0) == 0)
            says_so = true;
    CHECK(says_so);
    const auto& parts = sheet(wb, "Participants");
    CHECK(parts["rows"][1][column(parts, "Participant")]["v"].get<std::string>()[0] == 'P');

    // Without the flag the same search finds the names (the search itself works).
    exporting::export_workspace(*demo.ws, {demo.dir / "named.xlsx", {}, false, {}});
    CHECK(test::run_command(test::read_workbook_script() + "--names '" +
                            (demo.dir / "names.txt").string() + "' '" +
                            (demo.dir / "named.xlsx").string() + "'") != "");
}

TEST_CASE("convene-cli export writes the workbook and CSV files and reports its sheets",
          "[export]") {
    TempDir dir;
    std::string db = "--db " + test::shell_quote((dir / "ws.db").string()) + " ";
    REQUIRE(test::run_cli(dir, db + "demo").code == 0);
    auto r = test::run_cli(
        dir, db + "--json export " + test::shell_quote((dir / "x.xlsx").string()) + " --csv " +
                 test::shell_quote((dir / "csv").string()) + " --group licensing --pseudonymize");
    REQUIRE(r.code == 0);
    auto j = json::parse(r.out);
    CHECK(j["sheets"].size() == exporting::export_sheet_plan().size() - 1); // all but About
    CHECK(j["csv_files"].size() == 23);
    CHECK(fs::exists(dir / "x.xlsx"));
    json wb = read_workbook(dir / "x.xlsx");
    const auto& convs = sheet(wb, "Conversations");
    for (std::size_t i = 1; i < convs["rows"].size(); ++i)
        CHECK(convs["rows"][i][column(convs, "Group id")]["v"] == "licensing");
    auto bad = test::run_cli(dir, db + "export " + test::shell_quote((dir / "x.xlsx").string()) +
                                      " --coder Nobody");
    CHECK(bad.code != 0);
    CHECK_THAT(bad.err, Catch::Contains("Nobody"));
}

TEST_CASE("code points and widths of text are counted right whatever its length and script",
          "[export]") {
    CHECK(exporting::code_points("") == 0);
    CHECK(exporting::code_points("abc") == 3);
    CHECK(exporting::code_points("Cram\u00e9r's V") == 10);
    const std::string mixed = "\u201Cq\u201D \u2014 \u00d7 \u4e2d\u6587 caf\u00e9 \U0001F600 ok";
    for (std::size_t len = 0; len <= mixed.size(); ++len) { // every cut, 8-byte steps or not
        auto part = std::string_view(mixed).substr(0, len);
        std::size_t slow = 0;
        for (unsigned char c : part)
            slow += (c & 0xC0) != 0x80;
        CHECK(exporting::code_points(part) == slow);
    }
    CHECK(exporting::text_width("short\nthe longest line\nmid") == 16);
    CHECK(exporting::text_width("\u00e9\u00e9\u00e9") == 3);
}

TEST_CASE("the export's background work stops when asked, so a cancel does not wait for it",
          "[export]") {
    Demo demo;
    std::stop_source source;
    source.request_stop();
    auto reader = demo.ws->open_reader();
    std::vector<exporting::SurveyToAnalyse> surveys;
    for (auto& row : store::list_instruments(*demo.ws))
        if (row.respondents > 0)
            surveys.push_back({row, *store::current_instrument(*demo.ws, row.instrument_id)});
    REQUIRE_FALSE(surveys.empty());
    CHECK_THROWS_AS(exporting::analyse_surveys(*reader, surveys, source.get_token()),
                    exporting::ExportCancelled);
    CHECK_THROWS_AS(exporting::load_coding_for_summaries(*reader, {}, source.get_token()),
                    exporting::ExportCancelled);
    // Not asked: both are made, the same as through the workspace's own connection.
    auto results = exporting::analyse_surveys(*reader, surveys);
    REQUIRE(results.size() == surveys.size());
    CHECK(results.front().respondents == surveys.front().row.respondents);
    auto coding = exporting::load_coding_for_summaries(*reader, {});
    CHECK(coding.snapshot.segments.size() == store::load_coding_snapshot(*demo.ws).segments.size());
}

TEST_CASE("the Charts sheet keeps the 15 codes applied most often, not the whole table",
          "[export]") {
    using namespace convene::exporting;
    SummaryTable t;
    t.id = "code_frequencies";
    t.columns = {{"code", "Code"},
                 {"group", "Group"},
                 {"segments", "Segments"},
                 {"group_share", "Share", ColumnType::Percent}};
    for (int code = 0; code < 20; ++code)
        for (std::string group : {"Licensing", "Association"})
            t.rows.push_back({Cell("code " + std::to_string(code)), Cell(group),
                              Cell(std::int64_t{code}), Cell(code / 100.0)});
    auto chart = chart_of(t);
    REQUIRE(chart);
    REQUIRE(chart->categories.size() == 15);
    CHECK(chart->categories.front() == "code 19"); // most segments first
    CHECK(chart->categories.back() == "code 5");
    CHECK(chart->series == std::vector<std::string>{"Licensing", "Association"});
    CHECK(chart->values.size() == 30); // the bars drawn, no more
    CHECK(chart->values.at({"code 19", "Association"}) == 0.19);
    CHECK(chart->percent);
    t.id = "code_by_area";
    CHECK_FALSE(chart_of(t));
}

TEST_CASE("a sheet holds at most kLinksPerSheet links and the cells past them are plain text",
          "[export]") {
    using namespace convene::exporting;
    TempDir dir;
    auto file = dir / "links.xlsx";
    {
        XlsxWorkbook wb(file, dir.path());
        auto& answers = wb.add_sheet("Answers");
        answers.text(0, 0, "the answer");
        auto& links = wb.add_sheet("Links");
        for (std::uint32_t r = 0; r <= kLinksPerSheet; ++r)
            links.link(r, 0, "answer " + std::to_string(r), "Answers", 0);
        wb.close();
    }
    json rows = sheet(read_workbook(file), "Links")["rows"];
    REQUIRE(rows.size() == kLinksPerSheet + 1);
    std::size_t linked = 0;
    for (const auto& row : rows)
        linked += row[0].contains("link");
    CHECK(linked == kLinksPerSheet);
    CHECK(rows[0][0]["link"] == "'Answers'!A1");
    const auto& last = rows[kLinksPerSheet][0];
    CHECK(last["v"] == "answer " + std::to_string(kLinksPerSheet));
    CHECK_FALSE(last.contains("link"));
}
