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
