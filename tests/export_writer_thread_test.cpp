// The export's writer thread: tasks run in order, a failure reaches the export, the queue is
// bounded, and stopping with work queued neither hangs nor runs the rest.
#include "export/writer_thread.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace convene::exporting;
using namespace std::chrono_literals;

namespace {

// Records what reaches it, as the workbook's sinks would see it.
struct RecordingSink final : TableSink {
    std::vector<std::string> seen;
    void begin(const TableInfo& t) override { seen.push_back("begin " + t.sheet); }
    void row(const std::vector<Cell>& cells) override {
        std::string r = "row " + *cells.at(0).text();
        for (std::size_t c = 1; c < cells.size(); ++c) // links, and drill-downs (not wanted)
            r += " " + cells[c].link + "/" + std::to_string(cells[c].segments.size());
        seen.push_back(r);
    }
    void end() override { seen.push_back("end"); }
};

} // namespace

TEST_CASE("the writer thread runs its tasks in order and wait() returns once all have run",
          "[export]") {
    WriterThread writer;
    std::vector<int> done; // touched by the writer only until wait() returns
    for (int i = 0; i < 1000; ++i)
        writer.post([&done, i] { done.push_back(i); }, 10);
    writer.wait();
    REQUIRE(done.size() == 1000);
    for (int i = 0; i < 1000; ++i)
        CHECK(done[static_cast<std::size_t>(i)] == i);
}

TEST_CASE("a queued sink hands tables to its target in order, rows in batches", "[export]") {
    RecordingSink target;
    WriterThread writer;
    QueuedSink queued(writer, target);
    queued.begin({"First", "first", "", {}, -1, {}});
    for (int i = 0; i < 600; ++i) // more than one batch
        queued.row({Cell(std::to_string(i))});
    Cell linked("an answer");
    linked.link = "answer-uuid";
    linked.segments = {1, 2, 3}; // the screen's drill-down: the writers have no use for it
    queued.row({Cell("last"), linked});
    queued.end();
    queued.begin({"Second", "second", "", {}, -1, {}});
    queued.end();
    writer.wait();
    REQUIRE(target.seen.size() == 605);
    CHECK(target.seen.front() == "begin First");
    CHECK(target.seen[1] == "row 0");
    CHECK(target.seen[600] == "row 599");
    CHECK(target.seen[601] == "row last answer-uuid/0");
    CHECK(target.seen[602] == "end");
    CHECK(target.seen[603] == "begin Second");
}

TEST_CASE("a writer's failure stops the export: later posts and wait() throw it", "[export]") {
    WriterThread writer;
    std::atomic<int> after{0};
    // The failing task waits until the next one is queued behind it (else the second post
    // could already see the failure and throw it).
    std::promise<void> queued;
    auto gate = queued.get_future().share();
    writer.post(
        [gate] {
            gate.wait();
            throw std::runtime_error("sheet \"Answers\": disk full");
        },
        1);
    writer.post([&] { ++after; }, 1); // dropped: the writer stopped at the failure
    queued.set_value();
    CHECK_THROWS_WITH(writer.wait(), Catch::Contains("disk full"));
    CHECK_THROWS_WITH(writer.post([&] { ++after; }, 1), Catch::Contains("disk full"));
    CHECK(after == 0);
}

TEST_CASE("posting waits while the queue is full and goes on once the writer made room",
          "[export]") {
    WriterThread writer(100);
    std::promise<void> release;
    auto released = release.get_future().share();
    writer.post([released] { released.wait(); }, 60); // the writer is busy with this one
    writer.post([] {}, 40);                           // fills the queue to its 100 bytes
    auto third = std::async(std::launch::async, [&] { writer.post([] {}, 30); });
    CHECK(third.wait_for(100ms) == std::future_status::timeout); // no room yet
    release.set_value();
    CHECK(third.wait_for(10s) == std::future_status::ready);
    writer.wait();
}

TEST_CASE("stopping the writer with tasks queued drops them and returns", "[export]") {
    std::atomic<int> ran{0};
    std::promise<void> release;
    auto released = release.get_future().share();
    std::future<void> later;
    {
        WriterThread writer;
        writer.post(
            [released, &ran] {
                released.wait();
                ++ran;
            },
            1);
        for (int i = 0; i < 100; ++i)
            writer.post([&ran] { ++ran; }, 1);
        // The first task (if it started) ends well after the destructor began: the rest must not
        // run.
        later = std::async(std::launch::async, [&release] {
            std::this_thread::sleep_for(200ms);
            release.set_value();
        });
    }
    CHECK(ran <= 1); // the first may or may not have started; none after it ran
}
