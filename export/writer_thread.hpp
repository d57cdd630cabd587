// The workbook's writing on a thread of its own. libxlsxwriter turns every cell into XML and
// compresses it, which costs about as much as reading and computing the cells: with the writing
// on a second thread the export reads the database and computes the next rows while the rows
// before them are written. Tasks run one at a time in the order they were posted; the queue holds
// at most `max_bytes` of rows, so memory stays bounded whatever the size of the workspace.
#pragma once

#include "export/table_sink.hpp"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace convene::exporting {

class WriterThread {
  public:
    explicit WriterThread(std::size_t max_bytes = std::size_t{4} << 20);
    // Stops: what is still queued is dropped (an error or a cancel unwinds through here).
    ~WriterThread();
    WriterThread(const WriterThread&) = delete;
    WriterThread& operator=(const WriterThread&) = delete;

    // Queues a task that holds about `bytes` of data; waits while the queue is full. Throws the
    // writer's error, if a task failed, instead of queueing more.
    void post(std::function<void()> task, std::size_t bytes);
    // Returns once every task posted so far has run (the writer is then idle, and the caller may
    // use what the tasks use); throws the first task's error, if one failed.
    void wait();

  private:
    void loop();
    void throw_error(); // with the lock held

    std::size_t max_bytes_;
    std::mutex mutex_;
    std::condition_variable work_, room_, idle_;
    std::deque<std::pair<std::function<void()>, std::size_t>> queue_;
    std::vector<std::function<void()>> finished_; // run, to be freed by the caller
    std::size_t bytes_ = 0;
    bool busy_ = false, stop_ = false;
    std::exception_ptr error_;
    std::thread thread_; // last: started once the rest is ready
};

// A TableSink that hands rows to `target` on the writer thread, a batch at a time.
class QueuedSink final : public TableSink {
  public:
    QueuedSink(WriterThread& writer, TableSink& target) : writer_(writer), target_(target) {}
    void begin(const TableInfo& table) override;
    void row(const std::vector<Cell>& cells) override;
    void end() override;

  private:
    void flush();

    WriterThread& writer_;
    TableSink& target_;
    std::vector<std::vector<Cell>> batch_;
    std::size_t batch_bytes_ = 0;
};

} // namespace convene::exporting
