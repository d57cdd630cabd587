// Several writers on one answer: command-line processes and the app's conversation session,
// each told its edit was saved. Afterwards every acknowledged edit is in the file, and the notes
// never went back to an older text.
#include "app/conversation_session.hpp"
#include "cli_runner.hpp"
#include "guides/data_dir.hpp"
#include "store/answer_changes.hpp"
#include "store/conversation_changes.hpp"
#include "store/conversations.hpp"
#include "store/guides.hpp"
#include "store/respondent_changes.hpp"
#include "store/seed.hpp"
#include "store/survey_import.hpp"
#include "store/uuid.hpp"
#include "temp_dir.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <thread>

using namespace convene;
using convene::test::TempDir;

namespace {

constexpr const char* kQuestion = "recognition.grain_size";

std::string new_conversation(store::Workspace& ws) {
    store::Conversation c;
    c.guide_hash = *store::current_guide_hash(ws, "air-2019");
    c.group = "licensing";
    c.org = "Ohio Educator Credentialing Office";
    c.state = "Ohio";
    return store::create_conversation(ws.db(), c);
}

store::Answer stored_answer(store::Database& db, const std::string& conversation) {
    auto answers = store::answers_for(db, conversation);
    auto it = answers.find(kQuestion);
    return it == answers.end() ? store::Answer{} : it->second;
}

// The number at the end of "notes N", or -1.
int notes_number(const std::string& notes) {
    auto space = notes.rfind(' ');
    return space == std::string::npos ? -1 : std::stoi(notes.substr(space + 1));
}

} // namespace

TEST_CASE("two command-line writers, a notes writer and the app's session on one answer lose "
          "nothing acknowledged and never revert the notes") {
    TempDir dir;
    auto path = dir / "ws.db";
    auto ws = store::open_workspace(path);
    std::string conversation = new_conversation(*ws);
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    std::mutex mutex;
    std::set<std::string> acknowledged_quotes;
    std::atomic<int> last_notes{-1}, failures{0};
    std::string db_arg = "--db " + test::shell_quote(path.string()) + " answer set " +
                         conversation + " " + kQuestion;

    auto quote_writer = [&](std::string who) {
        for (int i = 0; std::chrono::steady_clock::now() < until; ++i) {
            std::string text = who + " quote " + std::to_string(i);
            auto r = test::run_cli(dir, db_arg + " --quote " + test::shell_quote(text));
            if (r.code != 0) {
                ++failures;
                continue;
            }
            std::lock_guard lock(mutex);
            acknowledged_quotes.insert(text);
        }
    };
    auto notes_writer = [&] {
        for (int i = 0; std::chrono::steady_clock::now() < until; ++i) {
            auto r = test::run_cli(dir, db_arg + " --notes " +
                                            test::shell_quote("notes " + std::to_string(i)));
            r.code == 0 ? last_notes.store(i) : (void)++failures;
        }
    };
    std::thread a(quote_writer, "cli-a"), b(quote_writer, "cli-b"), n(notes_writer);

    // The app's save path: the conversation session edits a value and adds quotes, flushes
    // (the acknowledgement), and reloads what other writers committed, as the app does.
    int session_value = -1, notes_seen = -1, notes_went_back = 0;
    {
        app::ConversationSession session(*ws, conversation);
        for (int i = 0; std::chrono::steady_clock::now() < until; ++i) {
            auto& answer = session.answer(kQuestion);
            answer.values["clock_hours"] = i;
            answer.quotes.push_back({"", "session quote " + std::to_string(i), "Facilitator"});
            session.answer_changed(kQuestion);
            REQUIRE(session.flush());
            session_value = i;
            {
                std::lock_guard lock(mutex);
                acknowledged_quotes.insert("session quote " + std::to_string(i));
            }
            ws->poll_external_changes();
            session.refresh(ws->revision());
            int seen = notes_number(stored_answer(ws->db(), conversation).notes);
            if (seen < notes_seen) ++notes_went_back;
            notes_seen = std::max(notes_seen, seen);
            std::this_thread::sleep_for(std::chrono::milliseconds(30));
        }
    }
    a.join();
    b.join();
    n.join();

    auto final_answer = stored_answer(ws->db(), conversation);
    std::set<std::string> stored_quotes;
    for (const auto& q : final_answer.quotes)
        stored_quotes.insert(q.text);
    std::vector<std::string> lost;
    for (const auto& q : acknowledged_quotes)
        if (!stored_quotes.count(q)) lost.push_back(q);
    INFO("quotes acknowledged: " << acknowledged_quotes.size());
    CHECK(acknowledged_quotes.size() > 40);
    CHECK(lost.empty());
    CHECK(failures == 0);
    CHECK(notes_went_back == 0);
    REQUIRE(last_notes >= 0);
    CHECK(final_answer.notes == "notes " + std::to_string(last_notes.load()));
    CHECK(final_answer.values["clock_hours"] == session_value);
}

TEST_CASE("sixteen command-line writers at once all succeed") {
    TempDir dir;
    auto path = dir / "ws.db";
    std::string conversation;
    {
        auto ws = store::open_workspace(path);
        conversation = new_conversation(*ws);
    }
    std::atomic<int> failures{0};
    std::string last_error;
    std::mutex mutex;
    std::vector<std::thread> writers;
    for (int w = 0; w < 16; ++w)
        writers.emplace_back([&, w] {
            for (int i = 0; i < 4; ++i) {
                auto r = test::run_cli(
                    dir, "--db " + test::shell_quote(path.string()) + " answer set " +
                             conversation + " " + kQuestion + " --quote " +
                             test::shell_quote("w" + std::to_string(w) + "-" + std::to_string(i)));
                if (r.code != 0) {
                    ++failures;
                    std::lock_guard lock(mutex);
                    last_error = r.err;
                }
            }
        });
    for (auto& t : writers)
        t.join();
    INFO(last_error);
    CHECK(failures == 0);
    auto ws = store::open_workspace(path);
    CHECK(stored_answer(ws->db(), conversation).quotes.size() == 64);
}

TEST_CASE("an answer change writes only the parts it names") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    std::string conversation = new_conversation(*ws);
    store::AnswerChange first{conversation, kQuestion};
    first.notes = "typed in the app";
    first.values["clock_hours"] = 8;
    first.probes[1] = true;
    first.quotes_set.push_back({"q-1", "A Saturday's worth", "Mia"});
    store::record_answer_change(ws->db(), first);
    CHECK(store::get_conversation(ws->db(), conversation)->status == store::Status::InProgress);

    store::AnswerChange other{conversation, kQuestion};
    other.values["grad_credits"] = 0.5;
    other.probes[0] = true;
    other.quotes_set.push_back({"q-2", "About a workshop", "Lee"});
    store::record_answer_change(ws->db(), other);

    auto a = stored_answer(ws->db(), conversation);
    CHECK(a.notes == "typed in the app");
    CHECK(a.values["clock_hours"] == 8);
    CHECK(a.values["grad_credits"] == 0.5);
    CHECK(a.probes == std::vector<int>{0, 1});
    REQUIRE(a.quotes.size() == 2);
    CHECK(a.quotes[0].text == "A Saturday's worth");

    store::AnswerChange remove{conversation, kQuestion};
    remove.values["clock_hours"] = nullptr;
    remove.probes[1] = false;
    remove.quotes_removed.push_back("q-1");
    store::record_answer_change(ws->db(), remove);
    a = stored_answer(ws->db(), conversation);
    CHECK_FALSE(a.values.contains("clock_hours"));
    CHECK(a.probes == std::vector<int>{0});
    REQUIRE(a.quotes.size() == 1);
    CHECK(a.quotes[0].text == "About a workshop");
    CHECK(a.notes == "typed in the app");
}

TEST_CASE("answers of a conversation in the trash are refused") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    std::string conversation = new_conversation(*ws);
    store::trash_conversation(ws->db(), conversation);
    store::AnswerChange change{conversation, kQuestion};
    change.notes = "too late";
    CHECK_THROWS_WITH(store::record_answer_change(ws->db(), change),
                      Catch::Contains("in the trash"));
    CHECK(store::answers_for(ws->db(), conversation).empty());
}

TEST_CASE("the session's diff names only what was edited, split part by part") {
    store::Answer before{"a", "c", kQuestion, "old notes"};
    before.values = {{"clock_hours", 8}, {"grad_credits", 1}};
    before.quotes = {{"q-1", "kept", "Mia"}, {"q-2", "to drop", "Lee"}};
    store::Answer after = before;
    after.values["clock_hours"] = 9;
    after.values.erase("grad_credits");
    after.quotes.erase(after.quotes.begin() + 1);
    after.quotes.push_back({"", "new one", "Ana"});
    auto change = store::diff_answers(before, after);
    CHECK_FALSE(change.notes);
    CHECK(change.values.size() == 2);
    CHECK(change.values["grad_credits"].is_null());
    REQUIRE(change.quotes_set.size() == 1);
    CHECK(change.quotes_set[0].uuid == after.quotes[1].uuid); // given a uuid in after too
    CHECK(change.quotes_removed == std::vector<std::string>{"q-2"});
    std::set<std::string> keys;
    for (const auto& [key, part] : store::split_by_part(change))
        keys.insert(key);
    CHECK(keys == std::set<std::string>{"value/clock_hours", "value/grad_credits",
                                        "quote/" + after.quotes[1].uuid, "quote/q-2"});
}

TEST_CASE("set-up edits from the app and from another writer both stay, and the app shows both") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    std::string conversation = new_conversation(*ws);
    app::ConversationSession session(*ws, conversation);

    // Another writer (a second window, a script) changes the organisation and adds someone.
    store::ConversationChange theirs{conversation};
    theirs.fields["org"] = "Ohio Department of Education";
    theirs.participants_set.push_back({"p-theirs", "Ana Ruiz", "Director", "ODE", true});
    store::Database other((dir / "ws.db").string(), store::OpenMode::ReadWrite);
    store::record_conversation_change(other, theirs);

    // The app, which has not seen that yet, changes the facilitator and adds someone else.
    session.conversation().facilitator = "Dana Whitfield";
    session.conversation().participants.push_back({"", "Lee Park", "Analyst", "OECO", true});
    session.setup_changed();
    REQUIRE(session.flush());

    auto stored = *store::get_conversation(ws->db(), conversation);
    CHECK(stored.org == "Ohio Department of Education");
    CHECK(stored.facilitator == "Dana Whitfield");
    CHECK(stored.participants.size() == 2);

    ws->poll_external_changes();
    session.refresh(ws->revision());
    CHECK(session.conversation().org == "Ohio Department of Education");
    CHECK(session.conversation().participants.size() == 2);

    store::ConversationChange bad{conversation};
    bad.fields["mode"] = "seance";
    CHECK_THROWS_WITH(store::record_conversation_change(ws->db(), bad),
                      Catch::Contains("not one of"));
    store::ConversationChange unknown{conversation};
    unknown.fields["uuid"] = "x";
    CHECK_THROWS_WITH(store::record_conversation_change(ws->db(), unknown),
                      Catch::Contains("not a set-up field"));
}

TEST_CASE("a survey import racing kiosk answers loses neither") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    auto instrument = *store::current_instrument(*ws, "pl-standards");
    auto csv = test::read_file(guides::data_dir() / "demo-pl-standards.csv");
    REQUIRE(!instrument.items.empty());
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);

    std::atomic<int> imports{0};
    std::thread importer([&] {
        store::Workspace own(dir / "ws.db"); // as the import worker does
        while (std::chrono::steady_clock::now() < until) {
            store::ImportOptions options;
            options.source = "demo-pl-standards.csv";
            auto report = store::import_survey_csv(own, instrument, csv, options);
            if (report.imported) ++imports;
        }
    });
    // The kiosk's save path: the autosaver writing one respondent item by item.
    std::map<std::string, int> acknowledged; // respondent uuid -> items answered
    {
        store::Autosaver saver(*ws);
        while (std::chrono::steady_clock::now() < until) {
            store::Respondent before{store::new_uuid()}, after = before;
            before.source = after.source = "kiosk";
            for (std::size_t i = 0; i < instrument.items.size(); ++i) {
                after.responses[instrument.items[i].id].number = 1 + static_cast<double>(i % 5);
                auto change = store::diff_respondents(instrument.id, before, after);
                before = after;
                for (auto& [part, one] : store::split_by_part(change))
                    saver.put("respondent/" + one.uuid + "/" + part, [one](store::Database& db) {
                        store::record_respondent_change(db, one);
                    });
            }
            REQUIRE(saver.flush());
            acknowledged[after.uuid] = static_cast<int>(instrument.items.size());
        }
    }
    importer.join();
    CHECK(imports > 0);
    REQUIRE(acknowledged.size() > 2);
    auto data = store::load_survey(*ws, "pl-standards");
    std::size_t kiosk = 0, imported = 0;
    for (const auto& r : data.respondents) {
        if (auto it = acknowledged.find(r.uuid); it != acknowledged.end()) {
            ++kiosk;
            CHECK(static_cast<int>(r.responses.size()) == it->second);
        } else {
            ++imported;
        }
    }
    CHECK(kiosk == acknowledged.size());
    CHECK(imported == 100); // the file's respondents, once each however often imported
}

TEST_CASE("the command line and the app's session record the same answer as the same rows") {
    TempDir dir;
    auto path = dir / "ws.db";
    auto ws = store::open_workspace(path);
    std::string by_cli = new_conversation(*ws), by_app = new_conversation(*ws);

    auto r = test::run_cli(dir, "--db " + test::shell_quote(path.string()) + " answer set " +
                                    by_cli + " " + kQuestion +
                                    " --notes 'About a Saturday' --value clock_hours=8 --quote "
                                    "'Worth a Saturday' --speaker 'Mia Chen'");
    REQUIRE(r.code == 0);
    {
        app::ConversationSession session(*ws, by_app);
        auto& a = session.answer(kQuestion);
        a.notes = "About a Saturday";
        a.values["clock_hours"] = 8;
        a.asked = store::Asked::Asked;
        a.quotes.push_back({"", "Worth a Saturday", "Mia Chen"});
        session.answer_changed(kQuestion);
        REQUIRE(session.flush());
    }
    auto cli = stored_answer(ws->db(), by_cli), app = stored_answer(ws->db(), by_app);
    CHECK(cli.notes == app.notes);
    CHECK(cli.values == app.values);
    CHECK(cli.asked == app.asked);
    CHECK(cli.probes == app.probes);
    REQUIRE(cli.quotes.size() == 1);
    REQUIRE(app.quotes.size() == 1);
    CHECK(cli.quotes[0].text == app.quotes[0].text);
    CHECK(cli.quotes[0].speaker == app.quotes[0].speaker);
    // Both started their planned conversation, in the same transaction as the answer.
    CHECK(store::get_conversation(ws->db(), by_cli)->status == store::Status::InProgress);
    CHECK(store::get_conversation(ws->db(), by_app)->status == store::Status::InProgress);
}
