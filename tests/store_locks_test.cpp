// The workspace's locks hold while the process that has it open opens it again (the survey
// import worker does), and a refused file is left exactly as it was, its write-ahead log too.
#include "cli_runner.hpp"
#include "store/autosaver.hpp"
#include "store/meta.hpp"
#include "store/workspace.hpp"
#include "temp_dir.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace convene;
using convene::test::TempDir;

namespace {

std::string with_suffix(const std::filesystem::path& p, const char* suffix) {
    return p.string() + suffix;
}

} // namespace

TEST_CASE("a second open in the same process keeps the first one's locks: another process "
          "leaves the -wal and -shm alone") {
    TempDir dir;
    auto path = dir / "ws.db";
    store::Workspace ws(path);
    ws.db().exec("INSERT INTO meta(key, value) VALUES ('probe', 'first')");
    {
        // As the survey import worker does: a second workspace on the same file, on a thread.
        std::thread worker([&] {
            store::Workspace second(path);
            second.db().exec("INSERT INTO meta(key, value) VALUES ('worker', 'second')");
        });
        worker.join();
    }
    REQUIRE(std::filesystem::exists(with_suffix(path, "-wal")));
    auto r = test::run_cli(dir, "--db " + test::shell_quote(path.string()) + " survey list");
    REQUIRE(r.code == 0);
    CHECK(std::filesystem::exists(with_suffix(path, "-wal")));
    CHECK(std::filesystem::exists(with_suffix(path, "-shm")));
    // The first connection still reads and writes the real data.
    ws.db().exec("INSERT INTO meta(key, value) VALUES ('after', 'third')");
    CHECK(store::query_int(ws.db(), "SELECT count(*) FROM meta WHERE key IN "
                                    "('probe', 'worker', 'after')") == 3);
    store::Statement ic(ws.db(), "PRAGMA integrity_check");
    REQUIRE(ic.step());
    CHECK(ic.text(0) == "ok");
}

TEST_CASE("a workspace whose newer format is only in its -wal is refused and left byte-for-byte") {
    TempDir dir;
    auto made = dir / "made.db", copy = dir / "copy.db";
    { store::Workspace ws(made); }
    store::Database writer(made.string(), store::OpenMode::ReadWrite);
    writer.exec("PRAGMA wal_autocheckpoint = 0; PRAGMA user_version = 999");
    // The main file still says the old format; the -wal says 999.
    std::filesystem::copy_file(made, copy);
    std::filesystem::copy_file(with_suffix(made, "-wal"), with_suffix(copy, "-wal"));
    auto db_before = test::read_file(copy);
    auto wal_before = test::read_file(with_suffix(copy, "-wal"));
    REQUIRE(wal_before.size() > 0);
    CHECK_THROWS_AS(store::Workspace(copy), store::RefusedError);
    CHECK_THROWS_WITH(store::Workspace(copy), Catch::Contains("newer version of Convene"));
    CHECK(test::read_file(copy) == db_before);
    CHECK(test::read_file(with_suffix(copy, "-wal")) == wal_before);
}

TEST_CASE("a workspace in a folder that cannot be written opens read-only and says why") {
    TempDir dir;
    auto folder = dir / "shared";
    std::filesystem::create_directories(folder);
    auto path = folder / "ws.db";
    {
        store::Workspace ws(path);
        ws.db().exec("INSERT INTO meta(key, value) VALUES ('kept', 'yes')");
    }
    ::chmod(path.c_str(), 0644);
    ::chmod(folder.c_str(), 0555);
    ::chmod(dir.path().c_str(), 0755);
    // Root may write anywhere, so the look is taken as an ordinary user in a child process.
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(10);
        try {
            store::Workspace ws(path);
            if (!ws.read_only()) ::_exit(11);
            if (ws.read_only_reason().find("permissions") == std::string::npos) ::_exit(12);
            if (store::query_int(ws.db(), "SELECT count(*) FROM meta WHERE key = 'kept'") != 1)
                ::_exit(13);
            try {
                ws.db().exec("INSERT INTO meta(key, value) VALUES ('new', 'no')");
                ::_exit(14);
            } catch (const store::Error& e) {
                if (!e.read_only()) ::_exit(15);
            }
        } catch (const std::exception& e) {
            std::fprintf(stderr, "%s\n", e.what()); // says why, should this ever fail
            ::_exit(16);
        }
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::chmod(folder.c_str(), 0700);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("an upgrade whose backup cannot be written fails cleanly and leaves no .bak") {
    TempDir dir;
    auto path = dir / "old.db";
    constexpr std::array kOld{
        store::Migration{1, "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"}};
    constexpr std::array kNew{kOld[0], store::Migration{2, "CREATE TABLE extra (x);"}};
    {
        store::Workspace ws(path, kOld);
        ws.db().exec("INSERT INTO meta VALUES ('big', hex(randomblob(150000)))");
    }
    auto before = test::read_file(path);
    // A process that may write files of at most 96 KiB: the backup copy runs out of room.
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit{96 * 1024, 96 * 1024};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        try {
            store::Workspace ws(path, kNew);
            ::_exit(1); // upgraded although the backup could not be written
        } catch (const store::Error& e) {
            ::_exit(std::string(e.what()).find("cannot back up") != std::string::npos ? 0 : 2);
        }
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK_FALSE(std::filesystem::exists(dir / "old.db.v1.bak"));
    store::Workspace ws(path, kOld);
    CHECK(ws.schema_version() == 1);
    CHECK(store::query_int(ws.db(), "SELECT length(value) FROM meta WHERE key = 'big'") == 300000);
}

TEST_CASE("folders Convene creates are private") {
    TempDir dir;
    auto path = dir / "a" / "b" / "ws.db";
    { store::Workspace ws(path); }
    struct stat st {};
    REQUIRE(::stat((dir / "a").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    REQUIRE(::stat((dir / "a" / "b").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
}

TEST_CASE("a full disk is reported in words, the edit is kept and saved once there is room") {
    TempDir dir;
    auto mount_point = dir / "small-disk";
    std::filesystem::create_directories(mount_point);
    std::string mount =
        "mount -t tmpfs -o size=2m tmpfs " + test::shell_quote(mount_point) + " 2>/dev/null";
    if (std::system(mount.c_str()) != 0) {
        WARN("cannot mount a small disk here (needs root): full-disk test not run");
        return;
    }
    struct Unmount {
        std::filesystem::path p;
        ~Unmount() { std::system(("umount " + test::shell_quote(p)).c_str()); }
    } unmount{mount_point};
    auto path = mount_point / "ws.db";
    store::Workspace ws(path);
    ws.db().exec("INSERT INTO meta(key, value) VALUES ('before', 'safe')");
    // Fill the rest of the disk.
    auto filler = mount_point / "filler";
    {
        std::FILE* f = std::fopen(filler.c_str(), "wb");
        REQUIRE(f);
        std::string block(64 * 1024, 'x');
        while (std::fwrite(block.data(), 1, block.size(), f) == block.size()) {
        }
        std::fclose(f);
    }
    store::Autosaver saver(ws);
    saver.put("big", [](store::Database& db) {
        db.exec("INSERT INTO meta(key, value) VALUES ('big', hex(randomblob(300000)))");
    });
    CHECK_FALSE(saver.flush());
    CHECK_THAT(saver.status().error,
               Catch::Contains("disk is full") && Catch::Contains("saved before it is safe"));
    CHECK(store::query_int(ws.db(), "SELECT count(*) FROM meta WHERE key = 'before'") == 1);
    std::filesystem::remove(filler);
    for (int i = 0; i < 50 && saver.status().pending(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK_FALSE(saver.status().pending());
    CHECK(store::query_int(ws.db(), "SELECT count(*) FROM meta WHERE key = 'big'") == 1);
}
