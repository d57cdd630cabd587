// A copy taken with the backup API while another process keeps writing is one consistent
// state: it opens and passes SQLite's integrity check.
#include "store/backup.hpp"
#include "store/conversations.hpp"
#include "store/seed.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

using namespace convene;
using convene::test::TempDir;

namespace {

// The autosave writer (tests/autosave_writer.cpp), editing answers in a loop until killed.
struct Writer {
    pid_t pid = 0;
    int out = -1;
    explicit Writer(const std::string& db) {
        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
        posix_spawn_file_actions_addclose(&actions, fds[0]);
        const char* argv[] = {AUTOSAVE_WRITER, db.c_str(), "1", nullptr};
        REQUIRE(posix_spawn(&pid, AUTOSAVE_WRITER, &actions, nullptr, const_cast<char**>(argv),
                            environ) == 0);
        posix_spawn_file_actions_destroy(&actions);
        ::close(fds[1]);
        out = fds[0];
    }
    // Waits until the writer has reported n saves.
    void wait_for_saves(int n) {
        int seen = 0;
        std::string buf;
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (seen < n && std::chrono::steady_clock::now() < deadline) {
            pollfd p{out, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0) continue;
            char chunk[512];
            ssize_t got = ::read(out, chunk, sizeof chunk);
            if (got <= 0) break;
            for (ssize_t i = 0; i < got; ++i)
                seen += chunk[i] == '\n';
        }
        REQUIRE(seen >= n);
    }
    ~Writer() {
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        ::close(out);
    }
};

} // namespace

TEST_CASE("A copy saved while another process writes opens and passes integrity_check",
          "[store][backup]") {
    TempDir dir;
    auto path = dir / "ws.db";
    auto ws = store::open_workspace(path);
    Writer writer(path.string());
    writer.wait_for_saves(5);
    for (int i = 0; i < 3; ++i) {
        auto copy = dir / ("copy" + std::to_string(i) + ".db");
        store::save_copy(ws->db(), copy);
        writer.wait_for_saves(3); // the writer kept writing all along
        struct stat st {};
        REQUIRE(::stat(copy.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
        CHECK_FALSE(std::filesystem::exists(copy.string() + ".part"));
        store::Database check(copy.string(), store::OpenMode::ReadOnly);
        store::Statement st2(check, "PRAGMA integrity_check");
        REQUIRE(st2.step());
        CHECK(st2.text(0) == "ok");
        CHECK(store::query_int(check, "SELECT count(*) FROM conversation") == 1);
        CHECK(store::query_int(check, "SELECT count(*) FROM answer") >= 1);
    }
}
