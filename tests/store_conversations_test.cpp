#include "guides/data_dir.hpp"
#include "store/answers.hpp"
#include "store/autosaver.hpp"
#include "store/conversations.hpp"
#include "store/demo.hpp"
#include "store/guides.hpp"
#include "store/seed.hpp"
#include "store/uuid.hpp"
#include "temp_dir.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace convene;
using convene::test::TempDir;

namespace {

store::Conversation sample(store::Workspace& ws) {
    store::Conversation c;
    c.guide_hash = *store::current_guide_hash(ws, "air-2019");
    c.group = "licensing";
    c.mode = "focus_group";
    c.org = "Ohio Educator Credentialing Office";
    c.state = "Ohio";
    c.scheduled_at = "2026-11-02T10:00";
    c.facilitator = "Dana Whitfield";
    c.flags = {"mc_profile_shown"};
    c.profile = "assessment-literacy";
    c.participants = {{"", "José Álvarez", "Licensure analyst", "ODE", true},
                      {"", "Mia Chen", "Director", "ODE", false}};
    return c;
}

} // namespace

TEST_CASE("a conversation is saved with its set-up and participants and read back") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    auto uuid = store::create_conversation(ws->db(), sample(*ws));
    auto c = store::get_conversation(ws->db(), uuid);
    REQUIRE(c);
    CHECK(c->org == "Ohio Educator Credentialing Office");
    CHECK(c->mode == "focus_group");
    CHECK(c->flags == std::set<std::string>{"mc_profile_shown"});
    REQUIRE(c->participants.size() == 2);
    CHECK(c->participants[0].name == "José Álvarez");
    CHECK_FALSE(c->participants[1].consent);

    c->participants.erase(c->participants.begin());
    c->participants.push_back({"", "Ana Ruiz", "Board liaison", "", true});
    c->note_taker = "Sam";
    store::update_conversation(ws->db(), *c);
    auto again = *store::get_conversation(ws->db(), uuid);
    CHECK(again.note_taker == "Sam");
    REQUIRE(again.participants.size() == 2);
    CHECK(again.participants[0].name == "Mia Chen");
    CHECK(again.participants[1].name == "Ana Ruiz");
}

TEST_CASE("bad set-up values are refused with the reason") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    auto c = sample(*ws);
    c.mode = "panel";
    CHECK_THROWS_WITH(store::create_conversation(ws->db(), c), Catch::Contains("mode \"panel\""));
    c.mode = "interview";
    c.guide_hash = "nope";
    CHECK_THROWS_WITH(store::create_conversation(ws->db(), c), Catch::Contains("FOREIGN KEY"));
    CHECK(store::list_conversations(ws->db()).empty());
}

TEST_CASE("answers keep notes, quotes, probes and values, and search finds them") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    auto uuid = store::create_conversation(ws->db(), sample(*ws));
    store::Answer a;
    a.conversation_uuid = uuid;
    a.question_id = "recognition.grain_size";
    a.notes = "José — “grain size” felt like a half-day workshop.";
    a.asked = store::Asked::Asked;
    a.probes = {0};
    a.values = {{"clock_hours", 8}, {"grad_credits", 0.5}};
    a.quotes = {{"", "An MC is worth about a Saturday.", "Mia Chen"}};
    store::save_answer(ws->db(), a);

    auto answers = store::answers_for(ws->db(), uuid);
    REQUIRE(answers.count("recognition.grain_size"));
    auto& got = answers["recognition.grain_size"];
    CHECK(got.notes == a.notes);
    CHECK(got.probes == std::vector<int>{0});
    CHECK(got.values["clock_hours"] == 8);
    REQUIRE(got.quotes.size() == 1);
    CHECK(got.quotes[0].speaker == "Mia Chen");

    // Prefix, case and accent insensitive; quotes are searched too.
    auto hits = store::search_answers(ws->db(), "jose GRAIN");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].conversation_uuid == uuid);
    CHECK_THAT(hits[0].snippet, Catch::Contains("[grain]"));
    CHECK(store::search_answers(ws->db(), "saturd").size() == 1);
    CHECK(store::search_answers(ws->db(), "\"unbalanced").empty());
    CHECK(store::search_answers(ws->db(), "   ").empty());

    // Editing the quote updates the index; removing it removes it from the index.
    got.quotes[0].text = "Worth about one long evening.";
    store::save_answer(ws->db(), got);
    CHECK(store::search_answers(ws->db(), "saturday").empty());
    CHECK(store::search_answers(ws->db(), "evening").size() == 1);
    got.quotes.clear();
    store::save_answer(ws->db(), got);
    CHECK(store::search_answers(ws->db(), "evening").empty());
    CHECK(store::answers_for(ws->db(), uuid)["recognition.grain_size"].quotes.empty());
}

TEST_CASE("deleting moves a conversation to the trash, and restoring brings it back") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    auto uuid = store::create_conversation(ws->db(), sample(*ws));
    store::Answer a{"", uuid, "perceptions.first_thoughts", "Cautiously keen"};
    store::save_answer(ws->db(), a);
    store::trash_conversation(ws->db(), uuid);
    CHECK(store::list_conversations(ws->db()).empty());
    CHECK(store::list_conversations(ws->db(), {.trash = true}).size() == 1);
    CHECK(store::search_answers(ws->db(), "keen").empty());
    CHECK_THROWS_WITH(store::trash_conversation(ws->db(), uuid),
                      Catch::Contains("already in the trash"));
    store::restore_conversation(ws->db(), uuid);
    CHECK(store::list_conversations(ws->db()).size() == 1);
    CHECK(store::search_answers(ws->db(), "keen").size() == 1);
}

TEST_CASE("the list filters by group, state, status and date") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    store::load_demo(*ws, guides::data_dir() / "demo.json");
    auto all = store::list_conversations(ws->db());
    CHECK(all.size() == 12);
    CHECK(all.front().scheduled_at >= all.back().scheduled_at);
    for (const auto& r : store::list_conversations(ws->db(), {.group = "association"}))
        CHECK(r.group == "association");
    for (const auto& r :
         store::list_conversations(ws->db(), {.state = "Ohio", .status = "complete"})) {
        CHECK(r.state == "Ohio");
        CHECK(r.status == store::Status::Complete);
    }
    auto autumn = store::list_conversations(ws->db(), {.from = "2026-10-01", .to = "2026-10-31"});
    CHECK_FALSE(autumn.empty());
    for (const auto& r : autumn)
        CHECK(r.scheduled_at.substr(0, 7) == "2026-10");
}

TEST_CASE("the list and its filter menu name each group by its label in the guide") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    store::load_demo(*ws, guides::data_dir() / "demo.json");
    // guides/data/air-2019.guide.json: licensing is "State licensing department".
    for (const auto& r : store::list_conversations(ws->db(), {.group = "licensing"}))
        CHECK(r.group_label == "State licensing department");
    auto facets = store::conversation_facets(ws->db());
    REQUIRE(facets.group_labels.size() == facets.groups.size());
    auto at = std::find(facets.groups.begin(), facets.groups.end(), "licensing");
    REQUIRE(at != facets.groups.end());
    CHECK(facets.group_labels[std::size_t(at - facets.groups.begin())] ==
          "State licensing department");
}

TEST_CASE("a conversation keeps the guide it was run with when the guide is edited") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    auto uuid = store::create_conversation(ws->db(), sample(*ws));
    auto before = *store::guide_by_hash(*ws, store::get_conversation(ws->db(), uuid)->guide_hash);
    auto edited = before;
    edited.areas[0].questions[0].text[""] = "Reworded later";
    store::import_guide(*ws, edited);
    auto c = *store::get_conversation(ws->db(), uuid);
    CHECK(*store::guide_by_hash(*ws, c.guide_hash) == before);
}

TEST_CASE("the autosaver commits edits off the calling thread and coalesces repeated keys") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    auto uuid = store::create_conversation(ws->db(), sample(*ws));
    auto rev = ws->revision();
    {
        store::Autosaver saver(*ws);
        for (int i = 1; i <= 50; ++i) {
            store::Answer a{"", uuid, "perceptions.first_thoughts", "draft " + std::to_string(i)};
            saver.put("answer/" + uuid + "/perceptions.first_thoughts",
                      [a](store::Database& db) { store::save_answer(db, a); });
        }
        REQUIRE(saver.flush());
        auto st = saver.status();
        CHECK(st.saved_seq == 50);
        CHECK_FALSE(st.pending());
        CHECK(st.error.empty());
        CHECK(st.saved_at.size() == 8);
    }
    CHECK(ws->revision() > rev);
    CHECK(store::answers_for(ws->db(), uuid)["perceptions.first_thoughts"].notes == "draft 50");
}

TEST_CASE("a failing write is reported and kept for a retry, not lost") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    store::Autosaver saver(*ws);
    saver.put("bad", [](store::Database& db) { db.exec("INSERT INTO no_such_table VALUES (1)"); });
    CHECK_FALSE(saver.flush());
    auto st = saver.status();
    CHECK(st.pending());
    CHECK_THAT(st.error, Catch::Contains("no_such_table"));
    // A later good edit under the same key replaces the failed one and goes through.
    saver.put("bad", [](store::Database& db) { db.exec("INSERT INTO meta VALUES ('ok', '1')"); });
    for (int i = 0; i < 50 && saver.status().pending(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK_FALSE(saver.status().pending());
    CHECK(saver.status().error.empty());
}

TEST_CASE("the demo workspace loads every conversation, answer and quote") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    auto r = store::load_demo(*ws, guides::data_dir() / "demo.json");
    CHECK(r.conversations == 12);
    CHECK(r.answers > 150);
    CHECK(r.quotes >= 12);
    std::set<std::string> states, groups;
    for (const auto& row : store::list_conversations(ws->db())) {
        states.insert(row.state);
        groups.insert(row.group);
    }
    CHECK(states.size() >= 4);
    CHECK(groups.count("licensing"));
    CHECK(groups.count("association"));
}

TEST_CASE("a write that keeps failing does not hold back other edits") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    auto uuid = store::create_conversation(ws->db(), sample(*ws));
    store::Autosaver saver(*ws);
    saver.put("bad", [](store::Database& db) { db.exec("INSERT INTO no_such_table VALUES (1)"); });
    store::Answer a{"", uuid, "perceptions.first_thoughts", "kept despite the bad neighbour"};
    saver.put("good", [a](store::Database& db) { store::save_answer(db, a); });
    for (int i = 0; i < 100 && store::answers_for(ws->db(), uuid).empty(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(store::answers_for(ws->db(), uuid)["perceptions.first_thoughts"].notes ==
          "kept despite the bad neighbour");
    auto st = saver.status();
    CHECK(st.pending());      // the bad one is still waiting
    CHECK(st.saved_seq == 0); // and nothing after it is claimed saved out of order
    CHECK_FALSE(st.error.empty());
}

TEST_CASE("an answer written elsewhere first is updated, not duplicated or refused") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    auto uuid = store::create_conversation(ws->db(), sample(*ws));
    store::Answer cli{"", uuid, "perceptions.first_thoughts", "from the command line"};
    store::save_answer(ws->db(), cli);
    // The app had its own uuid for the same answer.
    store::Answer app{store::new_uuid(), uuid, "perceptions.first_thoughts", "typed in the app"};
    app.quotes = {{store::new_uuid(), "A quote", "Mia Chen"}};
    store::save_answer(ws->db(), app);
    auto answers = store::answers_for(ws->db(), uuid);
    REQUIRE(answers.size() == 1);
    CHECK(answers["perceptions.first_thoughts"].notes == "typed in the app");
    CHECK(answers["perceptions.first_thoughts"].quotes.size() == 1);
}

TEST_CASE("a search uses each word once and at most a dozen words, never cutting a character") {
    std::string repeated;
    for (int i = 0; i < 800; ++i)
        repeated += (i % 2 ? "Credit " : "credit ");
    CHECK(store::search_words(repeated) == std::vector<std::string>{"credit"});
    CHECK(store::fts_query(repeated) == "\"credit\"*");
    std::string many;
    for (int i = 0; i < 100; ++i)
        many += "w" + std::to_string(i) + " ";
    auto words = store::search_words(many);
    CHECK(words.size() == store::kMaxSearchWords);
    CHECK(words.front() == "w0");
    std::string long_word;
    for (int i = 0; i < 40; ++i)
        long_word += "é"; // two bytes each: 80 bytes
    auto cut = store::search_words(long_word);
    REQUIRE(cut.size() == 1);
    CHECK(cut[0].size() == 64);
    CHECK(cut[0] == long_word.substr(0, 64));
}
