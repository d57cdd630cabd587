// Commits edits off the UI thread, within moments of the keystroke. Each edit is a keyed write
// (e.g. "answer/<conversation>/<question>"); a newer edit with the same key replaces one not yet
// written, so fast typing costs one write, not one per key. The worker has its own SQLite
// connection; after each commit it raises the workspace revision so views refresh.
#pragma once

#include "store/workspace.hpp"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace convene::store {

class Autosaver {
  public:
    using Write = std::function<void(Database&)>;

    explicit Autosaver(Workspace& ws);
    // Writes whatever is pending, then stops. A write that keeps failing is tried a few more
    // times; callers that must not lose it call flush() first and act on a false result.
    ~Autosaver();
    Autosaver(const Autosaver&) = delete;
    Autosaver& operator=(const Autosaver&) = delete;

    // Queues a write; returns its sequence number (saved once status().saved_seq reaches it).
    std::uint64_t put(const std::string& key, Write write);
    // Queues several writes at once (the parts of one edit): the worker takes all or none of
    // them into a batch, so they reach the file in the same commit.
    std::uint64_t put_all(std::vector<std::pair<std::string, Write>> writes);
    // Blocks until every write queued so far is committed, or a write failed.
    bool flush();

    struct Status {
        std::uint64_t queued_seq = 0; // newest edit queued
        std::uint64_t saved_seq = 0;  // every edit up to here is committed
        std::string saved_at;         // local time of the last commit, "HH:MM:SS"
        std::string error;            // why the last attempt failed ("" when fine)
        bool pending() const { return saved_seq < queued_seq; }
    };
    Status status() const;

  private:
    void run();

    Workspace& ws_;
    std::filesystem::path path_;
    mutable std::mutex mutex_;
    std::condition_variable wake_, idle_;
    std::map<std::string, std::pair<std::uint64_t, Write>> pending_;
    std::uint64_t next_seq_ = 0;
    std::uint64_t in_flight_max_ = 0;
    Status status_;
    bool stop_ = false;
    std::thread worker_;
};

} // namespace convene::store
