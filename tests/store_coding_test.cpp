// The coding repositories: people, codebook edits, segments and their re-anchoring.
#include "guides/data_dir.hpp"
#include "store/answer_changes.hpp"
#include "store/code_edits.hpp"
#include "store/conversations.hpp"
#include "store/demo.hpp"
#include "store/guides.hpp"
#include "store/people.hpp"
#include "store/seed.hpp"
#include "store/segment_codes.hpp"
#include "store/segment_rows.hpp"
#include "store/segments.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace convene;
using convene::test::TempDir;

namespace {

struct Fixture {
    TempDir dir;
    std::unique_ptr<store::Workspace> ws = store::open_workspace(dir / "ws.db");
    store::Database& db = ws->db();
    std::string conversation, answer, coder, code;

    Fixture() {
        store::Conversation c;
        c.guide_hash = *store::current_guide_hash(*ws, "air-2019");
        c.group = "licensing";
        conversation = store::create_conversation(db, c);
        answer = set_notes("Credits matter: «crédito» counts, and renewal too.");
        coder = store::add_person(db, "Ana");
        code = store::find_code(db, "Positive view")->uuid;
    }
    std::string set_notes(const std::string& notes) {
        store::AnswerChange ch;
        ch.conversation_uuid = conversation;
        ch.question_id = "impressions";
        ch.notes = notes;
        return store::record_answer_change(db, ch);
    }
    store::NewSegment notes_segment(std::int64_t start, std::int64_t end) const {
        return {answer, code, coder, store::SegmentPart::Notes, {}, start, end, {}};
    }
};

} // namespace

TEST_CASE("people are found by name or uuid prefix and names are not reused") {
    Fixture f;
    CHECK(store::find_person(f.db, "ana")->uuid == f.coder);
    CHECK(store::find_person(f.db, f.coder.substr(0, 6))->name == "Ana");
    CHECK_FALSE(store::find_person(f.db, "Bo"));
    CHECK_THROWS_WITH(store::add_person(f.db, " ANA "), Catch::Contains("already a person"));
    CHECK_THROWS_WITH(store::add_person(f.db, "  "), Catch::Contains("needs a name"));
    store::add_person(f.db, "Bo");
    CHECK(store::list_people(f.db).size() == 2);
}

TEST_CASE("a code keeps its uuid through rename, move, describe and colour") {
    Fixture f;
    auto parent = store::find_code(f.db, "Perceptions")->uuid;
    auto uuid = store::add_code(f.db, {"Hours", parent, "Apply to hours named.", "#aa00cc"});
    store::rename_code(f.db, uuid, "Clock hours");
    store::describe_code(f.db, uuid, "When hours are named.");
    store::set_code_colour(f.db, uuid, "#112233");
    store::move_code(f.db, uuid, "");
    auto row = store::find_code(f.db, "clock hours");
    REQUIRE(row);
    CHECK(row->uuid == uuid);
    CHECK(row->parent_uuid.empty());
    CHECK(row->description == "When hours are named.");
    CHECK(row->colour == "#112233");
    CHECK(store::find_code(f.db, "perceptions / positive view")->uuid == f.code);
}

TEST_CASE("codebook edits that make no sense are refused") {
    Fixture f;
    auto parent = store::find_code(f.db, "Perceptions")->uuid;
    CHECK_THROWS_WITH(store::add_code(f.db, {"positive VIEW", parent, "", ""}),
                      Catch::Contains("already a code"));
    CHECK_THROWS_WITH(store::add_code(f.db, {"X", "", "", "red"}), Catch::Contains("#RRGGBB"));
    CHECK_THROWS_WITH(store::move_code(f.db, parent, f.code), Catch::Contains("own sub-codes"));
    CHECK_THROWS_WITH(store::merge_codes(f.db, parent, f.code), Catch::Contains("own sub-codes"));
    CHECK_THROWS_WITH(store::merge_codes(f.db, f.code, f.code), Catch::Contains("itself"));
}

TEST_CASE("merging two codes moves the segments and sub-codes and trashes one code") {
    Fixture f;
    auto negative = store::find_code(f.db, "Negative view")->uuid;
    auto sub = store::add_code(f.db, {"Cost worries", negative, "", ""});
    store::apply_code(f.db, f.notes_segment(0, 7));
    store::apply_code(f.db, {f.answer, negative, f.coder, store::SegmentPart::Notes, {}, 0, 7, {}});
    store::apply_code(f.db,
                      {f.answer, negative, f.coder, store::SegmentPart::Answer, {}, 0, 0, {}});
    auto r = store::merge_codes(f.db, negative, f.code);
    CHECK(r.duplicates_removed == 1);
    CHECK(r.segments_moved == 1);
    CHECK(r.children_moved == 1);
    CHECK_FALSE(store::find_code(f.db, "Negative view"));
    CHECK(store::find_code(f.db, "Cost worries")->parent_uuid == f.code);
    auto segs = store::segments_for_answer(f.db, f.answer);
    REQUIRE(segs.size() == 2);
    for (const auto& s : segs)
        CHECK(s.code_uuid == f.code);
    CHECK(store::find_code(f.db, "Negative view", true)->uuid == negative);
}

TEST_CASE("deleting a code hides its sub-codes and segments until it is restored") {
    Fixture f;
    auto parent = store::find_code(f.db, "Perceptions")->uuid;
    store::apply_code(f.db, f.notes_segment(0, 7));
    auto before = store::list_codes(f.db).size();
    CHECK(store::delete_code(f.db, parent) == 6); // Perceptions and its five sub-codes
    CHECK(store::list_codes(f.db).size() == before - 6);
    CHECK(store::segments_for_answer(f.db, f.answer).empty());
    CHECK_THROWS_WITH(store::apply_code(f.db, f.notes_segment(0, 7)), Catch::Contains("trash"));
    CHECK(store::restore_code(f.db, f.code) == 2); // the code and its parent
    CHECK(store::segments_for_answer(f.db, f.answer).size() == 1);
    CHECK(store::list_codes(f.db).size() == before - 4);
}

TEST_CASE("a conversation's segment codes are its live segments' answer, code and coder") {
    Fixture f;
    auto kept = store::apply_code(f.db, f.notes_segment(0, 7));
    auto other = store::find_code(f.db, "Perceptions")->uuid;
    auto removed = store::apply_code(f.db, {f.answer, other, f.coder, store::SegmentPart::Answer});
    store::remove_segment(f.db, removed);
    store::ConversationSegmentCodes reader(f.db);
    auto codes = [&](const std::string& conversation) {
        auto rows = reader.read(conversation);
        return std::vector<store::SegmentCode>(rows.begin(), rows.end());
    };
    CHECK(codes(f.conversation) == std::vector<store::SegmentCode>{{f.answer, f.code, f.coder}});
    REQUIRE(store::segments_for_conversation(f.db, f.conversation).size() == 1);
    CHECK(store::segments_for_conversation(f.db, f.conversation)[0].uuid == kept);
    CHECK(codes("no-such-conversation").empty()); // the rows read before are not returned again
    CHECK(codes(f.conversation).size() == 1);
    // A code in the trash takes its segments out, as segments_for_conversation does.
    store::delete_code(f.db, f.code);
    CHECK(store::ConversationSegmentCodes(f.db).read(f.conversation).empty());
}

TEST_CASE("the export's segment rows are the live segments in segments_for_conversation order") {
    Fixture f;
    // An answer made after the fixture's but first in the conversation's question order, with
    // the same notes: its segments tie with the first answer's on part and range.
    auto notes = "Credits matter: «crédito» counts, and renewal too.";
    store::AnswerChange ch;
    ch.conversation_uuid = f.conversation;
    ch.question_id = "a.first";
    ch.notes = notes;
    auto first = store::record_answer_change(f.db, ch);
    auto positive = f.code;
    auto negative = store::find_code(f.db, "Negative view")->uuid;
    auto mixed = store::find_code(f.db, "Mixed or ambivalent")->uuid;
    for (const auto& answer : {f.answer, first})
        for (const auto& code : {negative, positive, mixed}) {
            store::apply_code(f.db, {answer, code, f.coder, store::SegmentPart::Notes, {}, 0, 7});
            store::apply_code(f.db, {answer, code, f.coder, store::SegmentPart::Answer});
        }
    store::remove_segment(
        f.db,
        store::apply_code(f.db, {first, positive, f.coder, store::SegmentPart::Notes, {}, 8, 14}));
    store::delete_code(f.db, mixed);
    store::Conversation other_conversation;
    other_conversation.guide_hash = *store::current_guide_hash(*f.ws, "air-2019");
    other_conversation.group = "licensing";
    auto other = store::create_conversation(f.db, other_conversation);
    ch.conversation_uuid = other;
    auto other_answer = store::record_answer_change(f.db, ch);
    store::apply_code(f.db, {other_answer, negative, f.coder, store::SegmentPart::Answer});

    store::ConversationSegmentRows rows(f.db);
    auto same = [&](const std::string& conversation) {
        auto expected = store::segments_for_conversation(f.db, conversation);
        const auto& got = rows.read(conversation);
        REQUIRE(got.size() == expected.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            const auto& r = *got[i];
            const auto& s = expected[i];
            CHECK(r.uuid == s.uuid);
            CHECK(r.answer_uuid == s.answer_uuid);
            CHECK(r.question_id == (s.answer_uuid == f.answer ? "impressions" : "a.first"));
            CHECK(r.code_uuid == s.code_uuid);
            CHECK(r.coder_uuid == s.coder_uuid);
            CHECK(r.part == s.part);
            CHECK(r.excerpt == s.excerpt);
            CHECK(r.memo == s.memo);
            CHECK(r.lost == s.lost);
            CHECK(r.created_at == s.created_at);
        }
        return got.size();
    };
    CHECK(same(f.conversation) == 8); // two codes, two parts, two answers; mixed in the trash
    CHECK(same(other) == 1);          // the rows of the conversation read before are gone
    CHECK(same(f.conversation) == 8);
    CHECK(rows.read("no-such-conversation").empty());
}

TEST_CASE("a segment keeps its byte range and excerpt and applying twice is one segment") {
    Fixture f;
    // "crédito" starts at byte 18: "Credits matter: " is 16 bytes and « is 2; é is 2 more.
    std::string notes = "Credits matter: «crédito» counts, and renewal too.";
    auto start = static_cast<std::int64_t>(notes.find("crédito"));
    auto end = start + static_cast<std::int64_t>(std::string("crédito").size());
    auto uuid = store::apply_code(f.db, f.notes_segment(start, end));
    CHECK(store::apply_code(f.db, f.notes_segment(start, end)) == uuid);
    auto segs = store::segments_for_answer(f.db, f.answer);
    REQUIRE(segs.size() == 1);
    CHECK(segs[0].excerpt == "crédito");
    CHECK(segs[0].start == 18);
    CHECK(segs[0].end == 26);
    // A range that cuts "é" in two, or runs past the end, is refused.
    CHECK_THROWS_WITH(store::apply_code(f.db, f.notes_segment(start, start + 3)),
                      Catch::Contains("not a piece"));
    CHECK_THROWS_WITH(store::apply_code(f.db, f.notes_segment(0, 999)),
                      Catch::Contains("not a piece"));
    store::remove_segment(f.db, uuid);
    CHECK(store::segments_for_answer(f.db, f.answer).empty());
    store::restore_segment(f.db, uuid);
    CHECK(store::segments_for_answer(f.db, f.answer).size() == 1);
}

TEST_CASE("editing notes re-anchors segments to their excerpt or flags them as lost") {
    Fixture f;
    store::apply_code(f.db, f.notes_segment(0, 7)); // "Credits"
    auto renewal =
        std::string("Credits matter: «crédito» counts, and renewal too.").find("renewal");
    store::apply_code(f.db, f.notes_segment(static_cast<std::int64_t>(renewal),
                                            static_cast<std::int64_t>(renewal) + 7));
    store::apply_code(f.db, {f.answer, f.code, f.coder, store::SegmentPart::Answer, {}, 0, 0, {}});

    f.set_notes("First: Credits matter, and licence fees too.");
    auto segs = store::segments_for_answer(f.db, f.answer);
    REQUIRE(segs.size() == 3);
    const auto& whole = segs[0]; // part "answer" sorts first
    CHECK(whole.part == store::SegmentPart::Answer);
    CHECK(whole.excerpt == "First: Credits matter, and licence fees too.");
    CHECK(segs[1].excerpt == "Credits");
    CHECK(segs[1].start == 7);
    CHECK_FALSE(segs[1].lost);
    CHECK(segs[2].excerpt == "renewal");
    CHECK(segs[2].lost);

    f.set_notes("renewal is back");
    segs = store::segments_for_answer(f.db, f.answer);
    auto lost = std::count_if(segs.begin(), segs.end(), [](auto& s) { return s.lost; });
    CHECK(lost == 1); // "Credits" is gone now, "renewal" came back
}

TEST_CASE("re-anchoring picks the occurrence nearest the old place") {
    CHECK(store::reanchor("a b a b a", "a", 4, 5) == store::Anchor{4, 5, false});
    CHECK(store::reanchor("xx a b a b a", "a", 4, 5) == store::Anchor{3, 4, false});
    CHECK(store::reanchor("nothing", "a", 4, 5) == store::Anchor{4, 5, true});
    CHECK(store::valid_utf8_range("é", 0, 2));
    CHECK_FALSE(store::valid_utf8_range("é", 0, 1));
    CHECK_FALSE(store::valid_utf8_range("é", 1, 2));
    CHECK_FALSE(store::valid_utf8_range("ab", 1, 1));
}

TEST_CASE("a quote's segment follows its quote and is flagged when the quote goes") {
    Fixture f;
    store::AnswerChange ch;
    ch.conversation_uuid = f.conversation;
    ch.question_id = "impressions";
    ch.quotes_set.push_back({"q-1", "We need portable credit.", "Mia"});
    store::record_answer_change(f.db, ch);
    store::apply_code(f.db,
                      {f.answer, f.code, f.coder, store::SegmentPart::Quote, "q-1", 17, 23, {}});
    ch.quotes_set = {{"q-1", "Honestly, we need portable credit.", "Mia"}};
    store::record_answer_change(f.db, ch);
    auto segs = store::segments_for_answer(f.db, f.answer);
    REQUIRE(segs.size() == 1);
    CHECK(segs[0].excerpt == "credit");
    CHECK(segs[0].start == 27);
    ch.quotes_set.clear();
    ch.quotes_removed = {"q-1"};
    store::record_answer_change(f.db, ch);
    segs = store::segments_for_answer(f.db, f.answer);
    REQUIRE(segs.size() == 1);
    CHECK(segs[0].lost);
    CHECK(segs[0].excerpt == "credit");
}

TEST_CASE("coding search hits applies a code to whole answers once") {
    Fixture f;
    CHECK(store::apply_code_to_answers(f.db, {f.answer}, f.code, f.coder) == 1);
    CHECK(store::apply_code_to_answers(f.db, {f.answer}, f.code, f.coder) == 0);
}

TEST_CASE("the demo project is coded by two coders who overlap and sometimes disagree") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    auto p = store::load_demo_project(*ws, guides::data_dir());
    CHECK(p.coders == 2);
    CHECK(p.segments > 500);
    auto& db = ws->db();
    // Answers both coders coded, and among them answers where their codes differ.
    auto both = store::query_int(db, "SELECT count(*) FROM (SELECT answer_uuid FROM segment "
                                     "GROUP BY answer_uuid HAVING count(DISTINCT coder_uuid) = 2)");
    auto differ = store::query_int(
        db, "SELECT count(*) FROM (SELECT answer_uuid, code_uuid FROM segment GROUP BY "
            "answer_uuid, code_uuid HAVING count(DISTINCT coder_uuid) = 1 AND answer_uuid IN "
            "(SELECT answer_uuid FROM segment GROUP BY answer_uuid HAVING "
            "count(DISTINCT coder_uuid) = 2))");
    CHECK(both > 50);
    CHECK(differ > 5);
    CHECK(differ < both);
}
