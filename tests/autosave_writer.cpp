// autosave-writer DB RUN: keeps editing answers through the real Autosaver and prints
// "saved N" each time every edit up to N is committed. The crash test kills it at random moments.
#include "store/answers.hpp"
#include "store/autosaver.hpp"
#include "store/conversations.hpp"
#include "store/guides.hpp"
#include "store/seed.hpp"

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

using namespace convene;

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: autosave-writer DB RUN\n");
        return 2;
    }
    auto ws = store::open_workspace(argv[1]);
    std::string run = argv[2];
    auto rows = store::list_conversations(ws->db());
    std::string uuid;
    if (rows.empty()) {
        store::Conversation c;
        c.guide_hash = *store::current_guide_hash(*ws, "air-2019");
        c.group = "licensing";
        c.org = "Crash test office";
        uuid = store::create_conversation(ws->db(), c);
    } else {
        uuid = rows.front().uuid;
    }
    const char* questions[] = {"perceptions.first_thoughts", "experience.knowledge",
                               "experience.involvement", "proficiency.current_criteria",
                               "proficiency.who_assesses"};
    store::Autosaver saver(*ws);
    std::uint64_t reported = 0;
    for (std::uint64_t i = 1;; ++i) {
        store::Answer a;
        a.conversation_uuid = uuid;
        a.question_id = questions[i % 5];
        a.notes = "run " + run + " edit " + std::to_string(i) + " — “grain size” José";
        a.quotes = {{"", "quote " + std::to_string(i), "Speaker"}};
        saver.put("answer/" + a.question_id,
                  [a](store::Database& db) { store::save_answer(db, a); });
        auto st = saver.status();
        if (st.saved_seq != reported) {
            reported = st.saved_seq;
            std::printf("saved %llu\n", static_cast<unsigned long long>(reported));
            std::fflush(stdout);
        }
        std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
}
