// Kills a process that keeps saving edits (SIGKILL, at random moments, many times) and checks
// the file is never corrupt and every edit reported as saved is there.
#include "store/answers.hpp"
#include "store/conversations.hpp"
#include "store/workspace.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <poll.h>
#include <random>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

using namespace convene;

namespace {

// Runs the writer for about `ms` milliseconds, kills it, and returns the last N it reported.
std::uint64_t run_and_kill(const std::string& db, int run, int ms) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    std::string run_text = std::to_string(run);
    const char* argv[] = {AUTOSAVE_WRITER, db.c_str(), run_text.c_str(), nullptr};
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, AUTOSAVE_WRITER, &actions, nullptr, const_cast<char**>(argv),
                        environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);

    std::string output;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd p{fds[0], POLLIN, 0};
        if (::poll(&p, 1, 5) > 0) {
            char buf[4096];
            ssize_t n = ::read(fds[0], buf, sizeof buf);
            if (n <= 0) break;
            output.append(buf, static_cast<std::size_t>(n));
        }
    }
    ::kill(pid, SIGKILL);
    // What it printed before the kill counts as reported, even if we had not read it yet.
    char buf[4096];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;)
        output.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status));
    std::uint64_t last = 0;
    for (std::size_t pos = 0; (pos = output.find("saved ", pos)) != std::string::npos; pos += 6) {
        auto end = output.find('\n', pos);
        if (end == std::string::npos) break; // a line cut short by the kill was not reported
        last = std::stoull(output.substr(pos + 6, end - pos - 6));
    }
    return last;
}

} // namespace

TEST_CASE("SIGKILL while saving never corrupts the file or loses a reported edit") {
    convene::test::TempDir dir;
    std::string db = (dir / "crash.db").string();
    std::mt19937 rng(20261123);
    std::uniform_int_distribution<int> delay(300, 900); // the writer needs ~0.1 s to start
    const char* questions[] = {"perceptions.first_thoughts", "experience.knowledge",
                               "experience.involvement", "proficiency.current_criteria",
                               "proficiency.who_assesses"};
    int runs_with_saves = 0;
    for (int run = 1; run <= 25; ++run) {
        std::uint64_t saved = run_and_kill(db, run, delay(rng));
        INFO("run " << run << ", reported saved up to " << saved);
        store::Workspace ws(db);
        store::Statement check(ws.db(), "PRAGMA integrity_check");
        REQUIRE(check.step());
        CHECK(check.text(0) == "ok");
        CHECK(store::query_int(ws.db(), "SELECT count(*) FROM answer_fts") ==
              store::query_int(ws.db(), "SELECT count(*) FROM answer"));
        if (saved == 0) continue;
        ++runs_with_saves;
        auto rows = store::list_conversations(ws.db());
        REQUIRE(rows.size() == 1);
        auto answers = store::answers_for(ws.db(), rows[0].uuid);
        for (std::uint64_t k = 0; k < 5; ++k) {
            // The newest edit of this question that was reported saved in this run.
            std::uint64_t expected = 0;
            for (std::uint64_t i = 1; i <= saved; ++i)
                if (i % 5 == k) expected = i;
            if (expected == 0) continue;
            const auto& notes = answers[questions[k]].notes;
            std::string prefix = "run " + std::to_string(run) + " edit ";
            REQUIRE_THAT(notes, Catch::StartsWith(prefix));
            auto stored = std::stoull(notes.substr(prefix.size()));
            CHECK(stored >= expected);
        }
    }
    CHECK(runs_with_saves >= 15);
}
