// The cross-conversation summaries on the hand-built workspace of summaries_fixture.hpp (read
// its table first). Each expected figure is worked out from that table in the comment above it.
#include "export/intercoder_agreement.hpp"
#include "export/summaries.hpp"
#include "store/seed.hpp"
#include "summaries_fixture.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace convene;
using convene::exporting::Cell;
using convene::exporting::Filters;
using convene::exporting::SummaryTable;
using convene::test::TempDir;

namespace {

struct Fixture {
    TempDir dir;
    std::unique_ptr<store::Workspace> ws = store::open_workspace(dir / "ws.db");
    test::SummariesFixture f = test::build_summaries_fixture(*ws);
    store::CodingSnapshot snapshot = store::load_coding_snapshot(*ws);
};

using Match = std::vector<std::pair<std::string, std::string>>; // column id -> shown text

std::string shown(const SummaryTable& t, const std::vector<Cell>& row, const std::string& id) {
    int c = t.column(id);
    REQUIRE(c >= 0);
    return exporting::format_cell(t.columns[static_cast<std::size_t>(c)],
                                  row[static_cast<std::size_t>(c)]);
}

std::vector<const std::vector<Cell>*> rows_where(const SummaryTable& t, const Match& match) {
    std::vector<const std::vector<Cell>*> out;
    for (const auto& row : t.rows) {
        bool ok = true;
        for (const auto& [id, text] : match)
            ok = ok && shown(t, row, id) == text;
        if (ok) out.push_back(&row);
    }
    return out;
}

const std::vector<Cell>& row_where(const SummaryTable& t, const Match& match) {
    auto rows = rows_where(t, match);
    REQUIRE(rows.size() == 1);
    return *rows[0];
}

const Cell& cell(const SummaryTable& t, const std::vector<Cell>& row, const std::string& id) {
    return row[static_cast<std::size_t>(t.column(id))];
}

using Keys = std::vector<std::string>;
Keys sorted(Keys k) {
    std::sort(k.begin(), k.end());
    return k;
}
// The uuids behind a cell (it keeps indexes into the snapshot).
Keys segments(const Fixture& x, const Cell& c) {
    return exporting::segment_uuids(x.snapshot, c);
}
Keys answers(const Fixture& x, const Cell& c) {
    return exporting::answer_uuids(x.snapshot, c);
}

// The bundled guide's labels of the fixture's two groups: what the group column shows.
const std::string kLicensing = "State licensing department";
const std::string kAssociation = "Professional association or regional service agency";

} // namespace

TEST_CASE("the snapshot holds live conversations, answers by guide order and live segments") {
    Fixture x;
    const auto& s = x.snapshot;
    // C5 is in the trash: four conversations, ordered by date.
    REQUIRE(s.conversations.size() == 4);
    CHECK(s.conversations[0].uuid == x.f.c1);
    CHECK(s.conversations[3].uuid == x.f.c4);
    CHECK(s.conversations[0].participants.empty());
    // 12 answers (C5's left out); the 8 live segments (C5's left out).
    CHECK(s.answers.size() == 12);
    CHECK(s.segments.size() == 8);
    CHECK(s.question_id(s.answers[0]) == "perceptions.first_thoughts");
    CHECK(s.areas[static_cast<std::size_t>(s.answers[0].area)].id == "perceptions");
    CHECK(s.answer_texts.at(0).quotes.at(0).speaker == "Dana");
    CHECK_FALSE(s.question_text(s.answers[0]).empty());
    CHECK(s.coders.size() == 2);
    // The labels the summaries' group column shows come from the guide.
    CHECK(s.group_label("licensing") == kLicensing);
    CHECK(s.group_label("association") == kAssociation);
    CHECK(s.currency.clock_hours("semester_credit_hour", "MI") == Approx(25));
}

TEST_CASE("filters select conversations and, for a coder, only that coder's segments") {
    Fixture x;
    auto count = [](const std::vector<char>& v) { return std::count(v.begin(), v.end(), 1); };
    auto sel = exporting::select(x.snapshot, {});
    CHECK(count(sel.conversations) == 4);
    CHECK(count(sel.segments) == 8);
    // licensing: C1, C2, C4; in MI: C1 (and C3, association); from April to May: C2, C3.
    CHECK(count(exporting::select(x.snapshot, {.group = "licensing"}).conversations) == 3);
    CHECK(count(exporting::select(x.snapshot, {.state = "MI"}).conversations) == 2);
    CHECK(count(exporting::select(x.snapshot, {.from = "2024-04-01", .to = "2024-05-20"})
                    .conversations) == 2);
    CHECK(count(exporting::select(x.snapshot, {.status = "complete"}).conversations) == 2);
    CHECK(count(exporting::select(x.snapshot, {.guide = "air-2019"}).conversations) == 4);
    CHECK(count(exporting::select(x.snapshot, {.guide = "other"}).conversations) == 0);
    // Bo coded S4 and S8; the conversations stay (the share of a group's conversations is of
    // all its conversations, whoever coded).
    auto bo = exporting::select(x.snapshot, {.coder = x.f.bo});
    CHECK(count(bo.segments) == 2);
    CHECK(count(bo.conversations) == 4);
}

TEST_CASE("code frequencies count segments and conversations per code and group") {
    Fixture x;
    auto t = exporting::code_frequencies(x.snapshot, {});
    // Price in licensing: S1, S2, S4 (C1) and S6 (C2) = 4 segments in 2 conversations; the
    // group has C1, C2, C4 = 3 conversations, so 2/3 = 66.7%.
    const auto& price = row_where(t, {{"code", "Price"}, {"group", kLicensing}});
    CHECK(shown(t, price, "segments") == "4");
    CHECK(shown(t, price, "conversations") == "2");
    CHECK(shown(t, price, "group_conversations") == "3");
    CHECK(shown(t, price, "group_share") == "66.7%");
    CHECK(sorted(segments(x, cell(t, price, "segments"))) ==
          sorted({x.f.segment["S1"], x.f.segment["S2"], x.f.segment["S4"], x.f.segment["S6"]}));
    CHECK(sorted(answers(x, cell(t, price, "conversations"))) ==
          sorted({x.f.answer["C1 first_thoughts"], x.f.answer["C2 challenges"]}));
    // Price in association: S8 in C3, its only conversation: 1, 1, 100%.
    const auto& assoc = row_where(t, {{"code", "Price"}, {"group", kAssociation}});
    CHECK(shown(t, assoc, "segments") == "1");
    CHECK(shown(t, assoc, "group_share") == "100.0%");
    // Keen in association: none, 0%. Rigor in association: S7, 1 of 1.
    CHECK(shown(t, row_where(t, {{"code", "Keen"}, {"group", kAssociation}}), "group_share") ==
          "0.0%");
    CHECK(shown(t, row_where(t, {{"code", "Rigor"}, {"group", kAssociation}}), "segments") == "1");
    // Every code, bundled ones included, has a row for each of the two groups (zeros kept).
    CHECK(t.rows.size() == x.snapshot.codes.size() * 2);
    // The group order is the guide's: licensing before association.
    CHECK(shown(t, t.rows[0], "group") == kLicensing);
}

TEST_CASE("code frequencies for one coder, one state") {
    Fixture x;
    // Ana: Price in licensing is S1, S2, S6 = 3 segments, still in C1 and C2.
    auto ana = exporting::code_frequencies(x.snapshot, {.coder = x.f.ana});
    const auto& price = row_where(ana, {{"code", "Price"}, {"group", kLicensing}});
    CHECK(shown(ana, price, "segments") == "3");
    CHECK(shown(ana, price, "conversations") == "2");
    // MI: licensing is C1 alone, with S1, S2, S4: 3 segments, 1 of 1 conversations.
    auto mi = exporting::code_frequencies(x.snapshot, {.state = "MI"});
    const auto& mi_price = row_where(mi, {{"code", "Price"}, {"group", kLicensing}});
    CHECK(shown(mi, mi_price, "segments") == "3");
    CHECK(shown(mi, mi_price, "group_share") == "100.0%");
}

TEST_CASE("code by area counts segments per code and question area") {
    Fixture x;
    auto t = exporting::code_by_area(x.snapshot, {});
    // Price: S1, S2, S4 (C1 first thoughts) and S8 (C3 first thoughts) in perceptions; S6
    // (C2 challenges) in wrap-up; 5 in all.
    const auto& price = row_where(t, {{"code", "Price"}});
    CHECK(shown(t, price, "perceptions") == "4");
    CHECK(shown(t, price, "wrap_up") == "1");
    CHECK(shown(t, price, "recognition") == "0");
    CHECK(shown(t, price, "total") == "5");
    CHECK(segments(x, cell(t, price, "wrap_up")) == Keys{x.f.segment["S6"]});
    // Keen: S3, S5 in perceptions. Rigor: S7.
    CHECK(shown(t, row_where(t, {{"code", "Keen"}}), "perceptions") == "2");
    CHECK(shown(t, row_where(t, {{"code", "Rigor"}}), "total") == "1");
    // No answer outside the guide's areas, so no "other" column.
    CHECK(t.column("other") == -1);
}

TEST_CASE("co-occurrence pairs codes applied to the same answer") {
    Fixture x;
    // C1 first thoughts carries Price and Keen; C3 first thoughts Price (Bo) and Rigor (Ana);
    // every other answer has one code at most. Two pairs, one answer each.
    auto t = exporting::co_occurrence(x.snapshot, {});
    REQUIRE(t.rows.size() == 2);
    const auto& pk = row_where(t, {{"code_a", "Price"}, {"code_b", "Keen"}});
    CHECK(shown(t, pk, "answers") == "1");
    CHECK(answers(x, cell(t, pk, "answers")) == Keys{x.f.answer["C1 first_thoughts"]});
    CHECK(shown(t, row_where(t, {{"code_a", "Price"}, {"code_b", "Rigor"}}), "answers") == "1");
    // Ana alone never put Price and Rigor together (S8 is Bo's): only Price with Keen.
    auto ana = exporting::co_occurrence(x.snapshot, {.coder = x.f.ana});
    REQUIRE(ana.rows.size() == 1);
    CHECK(shown(ana, ana.rows[0], "code_b") == "Keen");
}

TEST_CASE("quotes by code take quote segments and whole-answer segments, not notes") {
    Fixture x;
    auto t = exporting::quotes_by_code(x.snapshot, {});
    // Q1 carries Price (S2 on the quote) and Keen (S3, the whole answer); Q3 carries Rigor (S7,
    // the whole answer); Q2's answer has only S5 on its notes, and S8 is on C3's notes: 3 rows.
    REQUIRE(t.rows.size() == 3);
    const auto& price = row_where(t, {{"code", "Price"}});
    CHECK(shown(t, price, "quote") == "Cost is the real barrier");
    CHECK(shown(t, price, "speaker") == "Dana");
    CHECK(shown(t, price, "conversation") == x.f.c1);
    CHECK(shown(t, price, "organisation") == "licensing office MI");
    CHECK(shown(t, price, "group") == kLicensing);
    CHECK(shown(t, price, "state") == "MI");
    CHECK(shown(t, price, "date") == "2024-03-01");
    CHECK(segments(x, cell(t, price, "quote")) == Keys{x.f.segment["S2"]});
    CHECK(answers(x, cell(t, price, "quote")) == Keys{x.f.answer["C1 first_thoughts"]});
    CHECK(cell(t, price, "quote").link == x.f.answer["C1 first_thoughts"]);
    CHECK(shown(t, row_where(t, {{"code", "Keen"}}), "quote") == "Cost is the real barrier");
    const auto& rigor = row_where(t, {{"code", "Rigor"}});
    CHECK(shown(t, rigor, "speaker") == "Fay");
    CHECK(shown(t, rigor, "group") == kAssociation);
    // Codes in tree order: Price, Keen, Rigor were added in that order.
    CHECK(shown(t, t.rows[0], "code") == "Price");
    CHECK(shown(t, t.rows[2], "code") == "Rigor");
    // Bo coded no quote.
    CHECK(exporting::quotes_by_code(x.snapshot, {.coder = x.f.bo}).rows.empty());
}

TEST_CASE("the framework matrix has a row per conversation and the notes and codes per area") {
    Fixture x;
    auto t = exporting::framework_matrix(x.snapshot, {});
    // C1..C4 by date.
    REQUIRE(t.rows.size() == 4);
    CHECK(shown(t, t.rows[0], "conversation") == x.f.c1);
    CHECK(shown(t, t.rows[3], "conversation") == x.f.c4);
    // The group column shows the guide's label, not the id the workspace stores.
    CHECK(shown(t, t.rows[0], "group") == kLicensing);
    CHECK(shown(t, t.rows[2], "group") == kAssociation);
    // C1's first impressions: its notes, quote Q1, the sentiment, then its codes Price
    // (S1, S2, S4) and Keen (S3), each named once, in tree order.
    auto c1 = shown(t, t.rows[0], "perceptions");
    CHECK(c1 == "Likes the idea but worries about cost.\n"
                "\u201cCost is the real barrier\u201d (Dana)\n"
                "Overall tone of first impressions: mixed\n"
                "Codes: Price; Keen");
    CHECK(sorted(segments(x, cell(t, t.rows[0], "perceptions"))) ==
          sorted({x.f.segment["S1"], x.f.segment["S2"], x.f.segment["S3"], x.f.segment["S4"]}));
    CHECK(answers(x, cell(t, t.rows[0], "perceptions")) == Keys{x.f.answer["C1 first_thoughts"]});
    // In the workbook the cell links to that answer's row.
    CHECK(cell(t, t.rows[0], "perceptions").link == x.f.answer["C1 first_thoughts"]);
    // C2's wrap-up: "Cost again." with its obstacles and Price (S6); C4 has nothing.
    CHECK_THAT(shown(t, t.rows[1], "wrap_up"),
               Catch::StartsWith("Cost again.\n") && Catch::EndsWith("\nCodes: Price"));
    CHECK(cell(t, t.rows[3], "perceptions").empty());
    // Filtered to association: C3 alone.
    CHECK(exporting::framework_matrix(x.snapshot, {.group = "association"}).rows.size() == 1);
}

TEST_CASE("structured answers tally choices by group and put hours on one scale") {
    Fixture x;
    auto t = exporting::structured_answers(x.snapshot, {});
    auto row = [&](const std::string& field, const std::string& group, const std::string& answer,
                   const std::string& question = "") {
        Match m{{"field", field}, {"group", group}, {"answer", answer}};
        if (!question.empty()) m.emplace_back("question", question);
        return row_where(t, m);
    };
    // Sentiment: licensing answered in C1 (mixed) and C2 (positive): n 2, mixed 1 = 50%.
    const auto& mixed = row("sentiment", kLicensing, "mixed");
    CHECK(shown(t, mixed, "conversations") == "1");
    CHECK(shown(t, mixed, "n") == "2");
    CHECK(shown(t, mixed, "share") == "50.0%");
    CHECK(answers(x, cell(t, mixed, "conversations")) == Keys{x.f.answer["C1 first_thoughts"]});
    CHECK(shown(t, row("sentiment", kLicensing, "neutral"), "conversations") == "0");
    // All groups: C1 mixed, C2 positive, C3 negative: one each of 3 = 33.3%.
    CHECK(shown(t, row("sentiment", "(all groups)", "negative"), "share") == "33.3%");
    // Interest (1-5): C1 said 4 (licensing), C3 said 2 (association).
    CHECK(shown(t, row("interest", kLicensing, "4"), "conversations") == "1");
    CHECK(shown(t, row("interest", "(all groups)", "2"), "share") == "50.0%");
    // Obstacles (multi): C1 cost + tracking, C2 cost: cost 2 of 2, tracking 1 of 2.
    CHECK(shown(t, row("obstacles", kLicensing, "cost"), "share") == "100.0%");
    CHECK(shown(t, row("obstacles", kLicensing, "tracking"), "share") == "50.0%");
    // Would earn graduate credit: C2 no (licensing), C3 yes (association).
    CHECK(shown(t, row("earns_grad_credit", kLicensing, "no"), "conversations") == "1");
    CHECK(shown(t, row("earns_grad_credit", "(all groups)", "yes"), "n") == "2");
    // Clock hours for one MC: C1 10 (MI), C2 20 (Ohio); a clock hour is one clock hour in both:
    // n 2, median 15, range 10-20, only "in clock hours" (no separate "as given" row).
    const auto& hours = row("clock_hours", kLicensing, "in clock hours", "recognition.grain_size");
    CHECK(shown(t, hours, "n") == "2");
    CHECK(shown(t, hours, "median") == "15.0");
    CHECK(shown(t, hours, "min") == "10.0");
    CHECK(shown(t, hours, "max") == "20.0");
    CHECK(rows_where(t, {{"field", "clock_hours"}, {"answer", "as given"}}).empty());
    // Graduate credits for one MC: C1 1 (MI), C2 3 (Ohio), C3 2 (MI). As given, all groups:
    // median 2, range 1-3. In clock hours a semester credit hour is 25 in MI and 30 in OH (the
    // table's code for Ohio, found by its name; the unit's default would be 15): 25, 90 and 50,
    // so median 50, range 25-90; licensing alone: 25 and 90, median 57.5.
    const auto* q = "recognition.grain_size";
    CHECK(shown(t, row("grad_credits", "(all groups)", "as given", q), "median") == "2.0");
    CHECK(shown(t, row("grad_credits", "(all groups)", "as given", q), "unit") ==
          "graduate credits");
    const auto& all_h = row("grad_credits", "(all groups)", "in clock hours", q);
    CHECK(shown(t, all_h, "median") == "50.0");
    CHECK(shown(t, all_h, "min") == "25.0");
    CHECK(shown(t, all_h, "max") == "90.0");
    CHECK(shown(t, all_h, "unit") == "clock hours");
    CHECK(shown(t, row("grad_credits", kLicensing, "in clock hours", q), "median") == "57.5");
    // Fields nobody answered are left out (should_issue); a group that gave no number to a
    // field others answered: n 0 and no statistics.
    CHECK(rows_where(t, {{"field", "should_issue"}}).empty());
    const auto& none = row("clock_hours", kAssociation, "in clock hours", q);
    CHECK(shown(t, none, "n") == "0");
    CHECK(shown(t, none, "median").empty());
}

TEST_CASE("every summary is in the registry and gives rectangular tables") {
    Fixture x;
    CHECK(exporting::summary_kinds().size() == 6);
    CHECK(exporting::find_summary("co-occurrence") != nullptr);
    CHECK(exporting::find_summary("nonsense") == nullptr);
    for (const auto& kind : exporting::summary_kinds()) {
        auto t = kind.compute(x.snapshot, {});
        CHECK_FALSE(t.id.empty());
        for (const auto& r : t.rows)
            CHECK(r.size() == t.columns.size());
    }
}

TEST_CASE("format_cell shows integers, reals, percents and empty cells") {
    using exporting::Column;
    using exporting::ColumnType;
    CHECK(exporting::format_cell({"n", "N", ColumnType::Integer, "", 0}, Cell(12)) == "12");
    CHECK(exporting::format_cell({"x", "X", ColumnType::Real, "", 2}, Cell(1.0 / 3)) == "0.33");
    CHECK(exporting::format_cell({"p", "P", ColumnType::Percent, "", 1}, Cell(0.125)) == "12.5%");
    CHECK(exporting::format_cell({"t", "T", ColumnType::Text, "", 0}, Cell("a")) == "a");
    CHECK(exporting::format_cell({"e", "E", ColumnType::Real, "", 1}, Cell()).empty());
}

namespace {

// Every cell as shown, with its link: two tables read the same.
std::vector<std::string> shown_cells(const SummaryTable& t) {
    std::vector<std::string> out;
    for (const auto& row : t.rows)
        for (std::size_t c = 0; c < row.size(); ++c)
            out.push_back(exporting::format_cell(t.columns[c], row[c]) + " -> " + row[c].link);
    return out;
}

} // namespace

TEST_CASE("a snapshot loaded without the answers' words reads them when a summary needs them") {
    Fixture x;
    auto lean = store::load_coding_snapshot(x.ws->db(), store::Texts::Read);
    CHECK(lean.answer_texts.empty());
    CHECK(lean.segment_texts.empty());
    CHECK(lean.answers.size() == x.snapshot.answers.size());
    CHECK(lean.answers[0].quotes == x.snapshot.answer_texts[0].quotes.size());
    CHECK_THROWS_AS(lean.answer_text(0), std::logic_error);
    lean.read_texts_through(x.ws->db());
    CHECK(lean.answer_text(0).quotes == x.snapshot.answer_texts[0].quotes);
    CHECK(lean.answer_text(0).notes == x.snapshot.answer_texts[0].notes);
    auto kinds = exporting::summary_kinds();
    kinds.push_back({"intercoder-agreement", "", exporting::intercoder_agreement_all});
    kinds.push_back({"coder-disagreements", "", exporting::coder_disagreements_all});
    for (const auto& kind : kinds) {
        INFO(kind.name);
        auto held = kind.compute(x.snapshot, {});
        auto read = kind.compute(lean, {});
        CHECK(shown_cells(read) == shown_cells(held));
        CHECK_FALSE(held.rows.empty());
    }
    // A quote deleted after the snapshot was read loses its rows in quotes by code, and only
    // those: the others are found by their own rows, not by their place among the answer's.
    auto before = exporting::quotes_by_code(x.snapshot, {});
    auto gone = *before.rows.at(0)[1].text();
    x.ws->db().exec("DELETE FROM quote WHERE text = '" + gone + "'");
    auto after = exporting::quotes_by_code(lean, {});
    std::erase_if(before.rows, [&](const auto& row) { return *row[1].text() == gone; });
    CHECK(shown_cells(after) == shown_cells(before));
    // An answer deleted and written again (a new row) is found by conversation and question.
    const auto& a0 = x.snapshot.answers[0];
    x.ws->db().exec("DELETE FROM answer WHERE conversation_uuid = '" + x.f.c1 +
                    "' AND question_id = '" + x.snapshot.question_id(a0) + "'");
    x.ws->db().exec("INSERT INTO answer(uuid, conversation_uuid, question_id, notes, updated_at) "
                    "VALUES ('again', '" +
                    x.f.c1 + "', '" + x.snapshot.question_id(a0) +
                    "', 'Written again', '2026-01-01T00:00:00Z')");
    CHECK(lean.answer_text(0).notes == "Written again");
    CHECK(lean.answer_text(0).uuid == "again");
    // An answer deleted after the snapshot was read has no words left; nothing fails.
    x.ws->db().exec("DELETE FROM answer WHERE conversation_uuid = '" + x.f.c1 +
                    "' AND question_id = 'perceptions.first_thoughts'");
    CHECK(lean.answer_text(0).uuid.empty());
    CHECK(lean.answer_texts_of(0, 2).at(0).notes.empty());
    CHECK_NOTHROW(exporting::framework_matrix(lean, {}));
    CHECK_NOTHROW(exporting::quotes_by_code(lean, {}));
}

TEST_CASE("answers and quotes named by uuids in any form load as Convene's own do") {
    // An older or imported workspace may name rows by an uppercase uuid or by text that is no
    // uuid at all: the snapshot finds them exactly as SQLite compares the text.
    Fixture x;
    auto& db = x.ws->db();
    const auto& s = x.snapshot;
    auto quoted = std::find_if(s.segments.begin(), s.segments.end(), [](const auto& seg) {
        return seg.part == store::SegmentPart::Quote && seg.quote != store::kNoIndex;
    });
    REQUIRE(quoted != s.segments.end());
    auto a_quoted = s.answer_texts[static_cast<std::size_t>(quoted->answer)];
    auto a_other = s.answer_texts[static_cast<std::size_t>(
        std::find_if(s.segments.begin(), s.segments.end(), [&](const auto& seg) {
            return seg.answer != quoted->answer;
        })->answer)];
    auto rename = [&](const std::string& table, const std::string& column, const std::string& from,
                      const std::string& to) {
        db.exec("UPDATE " + table + " SET " + column + " = '" + to + "' WHERE " + column + " = '" +
                from + "'");
    };
    db.exec("PRAGMA foreign_keys = OFF");
    std::string upper = a_quoted.uuid;
    std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
    REQUIRE(upper != a_quoted.uuid);
    for (auto [from, to] : {std::pair{a_quoted.uuid, upper}, {a_other.uuid, "legacy answer 7"}}) {
        rename("answer", "uuid", from, to);
        rename("quote", "answer_uuid", from, to);
        rename("segment", "answer_uuid", from, to);
    }
    const auto& q = a_quoted.quotes.at(static_cast<std::size_t>(quoted->quote));
    rename("quote", "uuid", q.uuid, "legacy quote");
    rename("segment", "quote_uuid", q.uuid, "legacy quote");
    db.exec("PRAGMA foreign_keys = ON");

    for (auto texts : {store::Texts::Held, store::Texts::Read}) {
        auto again = store::load_coding_snapshot(db, texts);
        again.read_texts_through(db);
        REQUIRE(again.segments.size() == s.segments.size());
        for (std::size_t i = 0; i < s.segments.size(); ++i) {
            CHECK(again.segments[i].answer == s.segments[i].answer);
            CHECK(again.segments[i].quote == s.segments[i].quote);
        }
        for (const auto& kind : exporting::summary_kinds()) {
            INFO(kind.name);
            auto before = kind.compute(s, {});
            auto after = kind.compute(again, {});
            REQUIRE(after.rows.size() == before.rows.size());
            for (std::size_t r = 0; r < before.rows.size(); ++r)
                for (std::size_t c = 0; c < before.columns.size(); ++c)
                    CHECK(exporting::format_cell(after.columns[c], after.rows[r][c]) ==
                          exporting::format_cell(before.columns[c], before.rows[r][c]));
        }
    }
}

TEST_CASE("the snapshot gives each answer's structured values back as they were stored") {
    Fixture x;
    auto& db = x.ws->db();
    // Numbers with fractions, arrays, nested objects, non-ASCII text and escapes, on every
    // answer; one answer with an empty object ("no values").
    std::map<std::int64_t, nlohmann::json> stored;
    store::Statement rows(db, "SELECT rowid FROM answer ORDER BY rowid");
    std::vector<std::int64_t> rowids;
    while (rows.step())
        rowids.push_back(rows.int64(0));
    REQUIRE(rowids.size() >= 3);
    for (std::size_t i = 0; i < rowids.size(); ++i) {
        nlohmann::json v = nlohmann::json::object();
        if (i != 1)
            v = {{"clock_hours", 12.5 + static_cast<double>(i)},
                 {"formats", {"stack", "badge \u00e9t\u00e9 \"quoted\""}},
                 {"note", {{"by", "Zo\u00eb"}, {"n", i}}}};
        store::Statement up(db, "UPDATE answer SET value_json = ?1 WHERE rowid = ?2");
        up.bind(1, v.dump(2)); // stored with whitespace: kept compact
        up.bind(2, rowids[i]);
        up.run();
        stored[rowids[i]] = v;
    }
    for (auto texts : {store::Texts::Held, store::Texts::Read}) {
        auto s = store::load_coding_snapshot(db, texts);
        REQUIRE(!s.answers.empty());
        for (const auto& a : s.answers) {
            INFO("rowid " << a.rowid);
            const auto& v = stored.at(a.rowid);
            if (v.empty()) {
                CHECK(a.values_size == 0);
                CHECK(s.values(a).is_null());
            } else {
                CHECK(s.values(a) == v);
            }
        }
        CHECK(s.values_text.find('\n') == std::string::npos);
    }
}
