#include "export/writer_thread.hpp"

#include <memory>

namespace convene::exporting {
namespace {

constexpr std::size_t kBatchRows = 256, kBatchBytes = std::size_t{256} << 10;

std::size_t bytes_of(const std::vector<Cell>& cells) {
    std::size_t n = sizeof(cells) + cells.size() * sizeof(Cell);
    for (const auto& c : cells) {
        if (const auto* s = c.text()) n += s->capacity();
        n += c.link.capacity();
    }
    return n;
}

} // namespace

WriterThread::WriterThread(std::size_t max_bytes)
    : max_bytes_(max_bytes), thread_([this] { loop(); }) {}

WriterThread::~WriterThread() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
        queue_.clear();
    }
    work_.notify_all();
    thread_.join();
}

void WriterThread::loop() {
    for (;;) {
        std::function<void()> task;
        std::size_t bytes = 0;
        {
            std::unique_lock lock(mutex_);
            work_.wait(lock, [&] { return stop_ || !queue_.empty(); });
            if (stop_) return;
            std::tie(task, bytes) = std::move(queue_.front());
            queue_.pop_front();
            busy_ = true;
        }
        std::exception_ptr failed;
        if (!error_) { // after a failure the rest is dropped
            try {
                task();
            } catch (...) {
                failed = std::current_exception();
            }
        }
        {
            std::lock_guard lock(mutex_);
            // The caller frees the rows (on its next post): the writer goes on writing.
            finished_.push_back(std::move(task));
            if (failed && !error_) error_ = failed;
            bytes_ -= bytes;
            busy_ = false;
        }
        room_.notify_all();
        idle_.notify_all();
    }
}

void WriterThread::throw_error() {
    if (error_) std::rethrow_exception(error_);
}

void WriterThread::post(std::function<void()> task, std::size_t bytes) {
    std::vector<std::function<void()>> finished; // freed here, after the lock is let go
    {
        std::unique_lock lock(mutex_);
        finished.swap(finished_);
        // One task larger than the whole queue still goes in, alone.
        room_.wait(lock, [&] { return error_ || bytes_ == 0 || bytes_ + bytes <= max_bytes_; });
        throw_error();
        queue_.emplace_back(std::move(task), bytes);
        bytes_ += bytes;
    }
    work_.notify_one();
}

void WriterThread::wait() {
    std::vector<std::function<void()>> finished; // freed here, after the lock is let go
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [&] { return queue_.empty() && !busy_; });
    finished.swap(finished_);
    throw_error();
}

void QueuedSink::begin(const TableInfo& table) {
    writer_.post([&target = target_, table] { target.begin(table); }, sizeof(TableInfo));
}

void QueuedSink::row(const std::vector<Cell>& cells) {
    // What the sinks write: the values and links, not the summaries' drill-down indexes.
    auto& copy = batch_.emplace_back(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        copy[i].value = cells[i].value;
        copy[i].link = cells[i].link;
    }
    batch_bytes_ += bytes_of(batch_.back());
    if (batch_.size() >= kBatchRows || batch_bytes_ >= kBatchBytes) flush();
}

void QueuedSink::flush() {
    if (batch_.empty()) return;
    // std::function needs a copyable callable: the batch travels in a shared_ptr.
    auto rows = std::make_shared<std::vector<std::vector<Cell>>>(std::move(batch_));
    writer_.post(
        [&target = target_, rows] {
            for (const auto& r : *rows)
                target.row(r);
        },
        batch_bytes_);
    batch_.clear();
    batch_bytes_ = 0;
}

void QueuedSink::end() {
    flush();
    writer_.post([&target = target_] { target.end(); }, 0);
}

} // namespace convene::exporting
