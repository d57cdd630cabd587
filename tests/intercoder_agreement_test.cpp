// Intercoder agreement as a summary table, on a snapshot built by hand.
#include "export/intercoder_agreement.hpp"

#include <catch2/catch.hpp>

using namespace convene;
using namespace convene::exporting;

namespace {

// Two coders, four answers of one conversation, codes X and Y:
//   Ana: a1 X, a2 X, a3 Y, a4 Y      Ben: a1 X, a2 Y, a3 Y (Ben did not code a4)
// Code X, (Ana, Ben) per answer: a1 (1,1), a2 (1,0), a3 (0,0), a4 (0,-).
//   Percent agreement over the three answers both coded: (1 + 0 + 1) / 3 = 0.667.
//   Cohen: po = 2/3; Ana applies X to 2 of 3, Ben to 1 of 3: pe = 2/3*1/3 + 1/3*2/3 = 4/9;
//   kappa = (2/3 - 4/9) / (1 - 4/9) = 0.4.
//   Krippendorff (nominal): 6 pairable values, coincidences o11 = 2, o10 = o01 = 1, o00 = 2,
//   n1 = n0 = 3: alpha = 1 - (n - 1) (o10 + o01) / (2 n0 n1) = 1 - 5 * 2 / 18 = 0.444.
// Code Y mirrors X (a1 (0,0), a2 (0,1), a3 (1,1), a4 (1,-)): the same figures.
store::CodingSnapshot fixture() {
    store::CodingSnapshot s;
    store::SnapshotConversation c;
    c.uuid = "c1";
    c.group = "licensing";
    c.org = "Ohio Credentialing";
    c.status = store::Status::Complete;
    s.conversations.push_back(c);
    for (const char* id : {"a1", "a2", "a3", "a4"}) {
        store::SnapshotAnswer a;
        a.question = s.question_index(std::string("q.") + id);
        s.answers.push_back(a);
        s.answer_texts.push_back({id, std::string("notes of ") + id, {}});
    }
    s.codes = {{"X-uuid", "x", "", "X", "", "", 0, "", "X", ""},
               {"Y-uuid", "y", "", "Y", "", "", 0, "", "Y", ""}};
    s.coders = {{"ana-uuid", "Ana"}, {"ben-uuid", "Ben"}};
    auto seg = [&](int answer, int code, int coder) {
        store::SnapshotSegment g;
        s.segment_texts.push_back({"s" + std::to_string(s.segments.size()), ""});
        g.answer = answer;
        g.code = code;
        g.coder = coder;
        s.segments.push_back(g);
    };
    seg(0, 0, 0), seg(0, 0, 1), seg(1, 0, 0), seg(1, 1, 1), seg(2, 1, 0), seg(2, 1, 1);
    seg(3, 1, 0);
    return s;
}

double number(const SummaryTable& t, std::size_t row, const char* column) {
    return t.rows[row][static_cast<std::size_t>(t.column(column))].number();
}

std::string text(const SummaryTable& t, std::size_t row, const char* column) {
    return *t.rows[row][static_cast<std::size_t>(t.column(column))].text();
}

} // namespace

TEST_CASE("intercoder agreement per code matches the figures worked by hand") {
    auto s = fixture();
    auto t = intercoder_agreement(s, {}, {});
    REQUIRE(t.rows.size() == 2);
    for (std::size_t row : {0u, 1u}) {
        CHECK(number(t, row, "answers_compared") == 3);
        CHECK(number(t, row, "answers_with_code") == (row == 0 ? 2 : 3)); // X: a1 a2; Y: a2-a4
        CHECK(number(t, row, "percent_agreement") == Approx(2.0 / 3).epsilon(1e-9));
        CHECK(number(t, row, "cohen_kappa") == Approx(0.4).epsilon(1e-9));
        CHECK(number(t, row, "krippendorff_alpha") == Approx(1 - 10.0 / 18).epsilon(1e-9));
        CHECK(number(t, row, "disagreements") == 1);
    }
    CHECK(*t.rows[0][0].text() == "X");
    CHECK(answer_uuids(s, t.rows[0][static_cast<std::size_t>(t.column("disagreements"))]) ==
          std::vector<std::string>{"a2"});
}

TEST_CASE("the disagreement list names who applied the code and who did not") {
    auto s = fixture();
    auto t = coder_disagreements(s, {}, {});
    REQUIRE(t.rows.size() == 2);
    CHECK(text(t, 0, "code") == "X");
    CHECK(text(t, 0, "applied_by") == "Ana");
    CHECK(text(t, 0, "not_applied_by") == "Ben");
    CHECK(text(t, 0, "question") == "q.a2");
    CHECK(text(t, 1, "code") == "Y");
    CHECK(text(t, 1, "applied_by") == "Ben");
    CHECK(text(t, 1, "notes") == "notes of a2");
}

TEST_CASE("disagreements come answer by answer, each answer's codes in codebook order") {
    auto s = fixture();
    // Ana also applies Y to a1, which Ben coded (with X) without it: a disagreement on a1 under
    // Y, so code by code would list X on a2 before Y on a1.
    store::SnapshotSegment g;
    g.answer = 0;
    g.code = 1;
    g.coder = 0;
    s.segments.insert(s.segments.begin() + 2, g); // segments stay sorted by answer
    s.segment_texts.insert(s.segment_texts.begin() + 2, {"s-extra", ""});
    auto t = coder_disagreements(s, {}, {});
    REQUIRE(t.rows.size() == 3);
    CHECK(text(t, 0, "question") == "q.a1");
    CHECK(text(t, 0, "code") == "Y");
    CHECK(text(t, 1, "question") == "q.a2");
    CHECK(text(t, 1, "code") == "X");
    CHECK(text(t, 2, "question") == "q.a2");
    CHECK(text(t, 2, "code") == "Y");
}

TEST_CASE("agreement for one code, or with one coder, leaves kappa and alpha blank") {
    auto s = fixture();
    auto only_y = intercoder_agreement(s, {}, {{}, "Y-uuid"});
    REQUIRE(only_y.rows.size() == 1);
    CHECK(*only_y.rows[0][0].text() == "Y");
    auto one = intercoder_agreement(s, {}, {{"ana-uuid"}, ""});
    REQUIRE(one.rows.size() == 2);
    CHECK(one.rows[0][static_cast<std::size_t>(one.column("cohen_kappa"))].empty());
    CHECK(one.rows[0][static_cast<std::size_t>(one.column("krippendorff_alpha"))].empty());
    CHECK(number(one, 0, "answers_compared") == 0);
}

TEST_CASE("the disagreements found answer by answer are those the agreement figures list") {
    // A random workspace: 3 coders (and a deleted one), 5 codes, 60 answers; for every choice of
    // coders and codes, the rows must be the figures' disagreement lists, in answer then code
    // order.
    store::CodingSnapshot s;
    for (const char* group : {"licensing", "association"}) {
        store::SnapshotConversation c;
        c.uuid = std::string("c-") + group;
        c.group = group;
        s.conversations.push_back(c);
    }
    for (int i = 0; i < 60; ++i) {
        store::SnapshotAnswer a;
        a.conversation = i < 30 ? 0 : 1;
        a.question = s.question_index("q." + std::to_string(i));
        s.answers.push_back(a);
        s.answer_texts.push_back({"a" + std::to_string(i), "", {}});
    }
    for (const char* code : {"A", "B", "C", "D", "E"})
        s.codes.push_back({std::string(code) + "-uuid", code, "", code, "", "", 0, "", code, ""});
    s.coders = {{"ana-uuid", "Ana"}, {"ben-uuid", "Ben"}, {"cy-uuid", "Cy"}};
    std::uint32_t seed = 12345;
    auto next = [&](std::uint32_t n) {
        seed = seed * 1664525u + 1013904223u;
        return static_cast<int>((seed >> 8) % n);
    };
    for (int answer = 0; answer < 60; ++answer)
        for (int k = next(7); k > 0; --k) {
            store::SnapshotSegment g;
            g.answer = answer;
            g.code = next(5);
            g.coder = next(4) - 1; // -1: a deleted person, never a rater
            s.segments.push_back(g);
            s.segment_texts.push_back({"s" + std::to_string(s.segments.size()), ""});
        }
    std::vector<AgreementOptions> choices{
        {}, {{}, "C-uuid"}, {{"ana-uuid", "cy-uuid"}, ""}, {{"ben-uuid"}, ""}};
    Filters everyone, licensing, only_ana;
    licensing.group = "licensing"; // the second conversation's answers left out
    only_ana.coder = "ana-uuid";   // ignored: agreement needs every coder's codings
    std::size_t unfiltered_rows = 0;
    for (const auto& f : {everyone, licensing, only_ana})
        for (const auto& o : choices) {
            auto r = compute_agreement(s, f, o, true);
            std::vector<std::vector<std::string>> expected;
            std::vector<std::pair<int, std::size_t>> order; // (unit, k) of each expected row
            for (std::size_t k = 0; k < r.codes.size(); ++k)
                for (const auto& d : r.figures[k].disagreements)
                    order.emplace_back(d.unit, k);
            std::sort(order.begin(), order.end());
            auto names = [&](std::span<const int> raters) {
                std::string out;
                for (int rater : raters)
                    out += (out.empty() ? "" : ", ") +
                           s.coders[static_cast<std::size_t>(
                                        r.coders[static_cast<std::size_t>(rater)])]
                               .name;
                return out;
            };
            for (auto [unit, k] : order) {
                const auto& fig = r.figures[k];
                for (const auto& d : fig.disagreements)
                    if (d.unit == unit)
                        expected.push_back({"q." + std::to_string(unit),
                                            s.codes[static_cast<std::size_t>(r.codes[k])].name,
                                            names(fig.applied(d)), names(fig.not_applied(d))});
            }
            auto t = coder_disagreements(s, r);
            std::vector<std::vector<std::string>> got;
            for (std::size_t row = 0; row < t.rows.size(); ++row)
                got.push_back({text(t, row, "question"), text(t, row, "code"),
                               text(t, row, "applied_by"), text(t, row, "not_applied_by")});
            INFO("coders " << o.coders.size() << ", code " << o.code << ", group " << f.group
                           << ", coder " << f.coder);
            CHECK(got == expected);
            CHECK(!expected.empty() == (o.coders.size() != 1));
            for (const auto& row : got) // the group filter leaves out answers 30-59
                CHECK((f.group.empty() || std::stoi(row[0].substr(2)) < 30));
            if (o.coders.empty() && o.code.empty()) {
                if (f == everyone) unfiltered_rows = got.size();
                if (f == only_ana) CHECK(got.size() == unfiltered_rows);
                if (f == licensing) CHECK(got.size() < unfiltered_rows);
            }
        }
}
