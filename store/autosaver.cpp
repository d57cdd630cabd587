#include "store/autosaver.hpp"

#include "store/error_text.hpp"
#include "store/uuid.hpp"

#include <chrono>
#include <ctime>
#include <set>
#include <vector>

namespace convene::store {

Autosaver::Autosaver(Workspace& ws) : ws_(ws), path_(ws.path()) {
    worker_ = std::thread([this] { run(); });
}

Autosaver::~Autosaver() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

std::uint64_t Autosaver::put(const std::string& key, Write write) {
    std::uint64_t seq;
    {
        std::lock_guard lock(mutex_);
        seq = ++next_seq_;
        pending_[key] = {seq, std::move(write)};
        status_.queued_seq = seq;
    }
    wake_.notify_one();
    return seq;
}

std::uint64_t Autosaver::put_all(std::vector<std::pair<std::string, Write>> writes) {
    std::uint64_t seq;
    {
        std::lock_guard lock(mutex_);
        seq = next_seq_;
        for (auto& [key, write] : writes)
            pending_[key] = {seq = ++next_seq_, std::move(write)};
        status_.queued_seq = seq;
    }
    wake_.notify_one();
    return seq;
}

bool Autosaver::flush() {
    std::unique_lock lock(mutex_);
    std::uint64_t target = next_seq_;
    idle_.wait(lock, [&] { return status_.saved_seq >= target || !status_.error.empty(); });
    return status_.saved_seq >= target;
}

Autosaver::Status Autosaver::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

void Autosaver::run() {
    std::unique_ptr<Database> db;
    int attempts_after_stop = 0;
    for (;;) {
        std::map<std::string, std::pair<std::uint64_t, Write>> batch;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stop_ || !pending_.empty(); });
            if (pending_.empty() && stop_) return;
            batch.swap(pending_);
        }
        std::uint64_t max_seq = 0;
        for (const auto& [key, entry] : batch)
            max_seq = std::max(max_seq, entry.first);
        // Each write runs in its own savepoint: one that fails (say a constraint) is kept for a
        // retry on its own, and does not hold back the other edits of the batch.
        std::set<std::string> failed;
        std::string error;
        bool committed = false;
        try {
            if (!db) {
                db = std::make_unique<Database>(path_.string(), OpenMode::ReadWrite);
                db->exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON");
            }
            Transaction tx(*db);
            for (auto& [key, entry] : batch) {
                try {
                    Transaction one(*db);
                    entry.second(*db);
                    one.commit();
                } catch (const Error& e) {
                    error = user_message(e, path_);
                    failed.insert(key);
                } catch (const std::exception& e) {
                    error = e.what();
                    failed.insert(key);
                }
            }
            tx.commit();
            committed = true;
        } catch (const Error& e) {
            error = user_message(e, path_);
        } catch (const std::exception& e) {
            error = e.what();
        }
        {
            std::lock_guard lock(mutex_);
            // Keep what did not reach the file, unless a newer edit of the same key arrived.
            for (auto& [key, entry] : batch)
                if (!committed || failed.contains(key)) pending_.try_emplace(key, std::move(entry));
            if (committed) {
                // Every edit numbered below the oldest one still waiting is in the file.
                std::uint64_t lowest_pending = UINT64_MAX;
                for (const auto& [key, entry] : pending_)
                    lowest_pending = std::min(lowest_pending, entry.first);
                status_.saved_seq =
                    std::max(status_.saved_seq, std::min(max_seq, lowest_pending - 1));
                status_.saved_at = now_local("%H:%M:%S");
            }
            status_.error = error;
        }
        if (committed) ws_.note_external_commit();
        idle_.notify_all();
        if (!error.empty()) {
            std::unique_lock lock(mutex_);
            if (stop_) {
                // Closing: try a few more times before giving up (the disk may be back).
                if (++attempts_after_stop > 5) return; // status().error says what was not saved
                wake_.wait_for(lock, std::chrono::milliseconds(300), [] { return false; });
            } else {
                wake_.wait_for(lock, std::chrono::seconds(1), [&] { return stop_; });
            }
        }
    }
}

} // namespace convene::store
