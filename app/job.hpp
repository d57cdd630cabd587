// Work longer than a frame, run off the UI thread: a Job runs one function on a worker thread
// with its own connection to the workspace (SQLite connections are not shared across threads),
// reports progress, can be cancelled, and hands its result to the UI thread once. The view
// keeps showing its old rows until take_result() gives it the new ones.
#pragma once

#include "store/workspace.hpp"

#include <atomic>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>

namespace convene::app {

// What the work sees of its job: report progress, and stop early when asked.
struct JobProgress {
    std::atomic<std::size_t> done{0}, total{1};
    std::atomic<bool> cancel{false};
    // Records progress; false once the job was cancelled (the work should stop).
    bool report(std::size_t d, std::size_t t) {
        done.store(d);
        total.store(t == 0 ? 1 : t);
        return !cancel.load();
    }
};

template <typename Result> class Job {
  public:
    using Work = std::function<Result(store::Workspace&, JobProgress&)>;

    ~Job() {
        progress_.cancel.store(true);
        if (worker_.joinable()) worker_.join();
    }

    // Work that needs no workspace: a pure computation over data the caller shares with it
    // (read-only, e.g. through a shared_ptr<const T>).
    using Compute = std::function<Result(JobProgress&)>;

    // Starts work on a connection of its own to the workspace at path. Call only when not
    // running() (a caller with newer work keeps it until then).
    void start(const std::filesystem::path& workspace, Work work) {
        run([workspace, work = std::move(work)](JobProgress& progress) {
            store::Workspace ws(workspace);
            return work(ws, progress);
        });
    }

    // Starts a computation that opens no connection. Call only when not running().
    void run(Compute compute) {
        if (worker_.joinable()) worker_.join();
        running_.store(true);
        progress_.cancel.store(false);
        progress_.done.store(0);
        progress_.total.store(1);
        worker_ = std::thread([this, compute = std::move(compute)] {
            try {
                Result r = compute(progress_);
                std::lock_guard lock(mutex_);
                result_ = std::move(r);
            } catch (const std::exception& e) {
                std::lock_guard lock(mutex_);
                error_ = e.what();
            }
            running_.store(false);
        });
    }

    bool running() const { return running_.load(); }
    float progress() const {
        return static_cast<float>(progress_.done.load()) /
               static_cast<float>(progress_.total.load());
    }
    void cancel() { progress_.cancel.store(true); }
    // The finished result (once), or nullopt while running or when the work failed.
    std::optional<Result> take_result() {
        if (running_.load()) return std::nullopt;
        std::lock_guard lock(mutex_);
        return std::exchange(result_, std::nullopt);
    }
    // Why the work failed (once), "" while running or when it did not.
    std::string take_error() {
        if (running_.load()) return {};
        std::lock_guard lock(mutex_);
        return std::exchange(error_, {});
    }

  private:
    std::thread worker_;
    std::atomic<bool> running_{false};
    JobProgress progress_;
    std::mutex mutex_;
    std::optional<Result> result_;
    std::string error_;
};

} // namespace convene::app
