// Merging at scale: two workspaces made apart, each with 1,000 conversations, 30,000 answers and
// 150,000 coded segments (two coders), merged into one; then the same merge again (nothing new),
// and a merge of a copy edited on one side (every row matched, 10% of answers newer there).
#include "store/backup.hpp"
#include "store/guides.hpp"
#include "store/merge.hpp"
#include "store/seed.hpp"
#include "store/uuid.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

using namespace convene;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

std::vector<std::string> code_uuids(store::Database& db) {
    std::vector<std::string> out;
    store::Statement st(db, "SELECT uuid FROM code WHERE deleted_at IS NULL");
    while (st.step())
        out.push_back(st.text(0));
    return out;
}

// 1,000 conversations x 30 answers x 5 segments, written directly (the bench measures merging).
void fill(store::Workspace& ws, const char* org) {
    auto& db = ws.db();
    std::string guide = *store::current_guide_hash(ws, "air-2019");
    auto codes = code_uuids(db);
    store::Transaction tx(db);
    std::string coders[2] = {store::new_uuid(), store::new_uuid()};
    for (const auto& c : coders)
        store::Statement(db, "INSERT INTO person(uuid, name, created_at) VALUES (?1, ?1, ?2)")
            .bind(1, c)
            .bind(2, store::now_utc())
            .run();
    store::Statement conv(db, "INSERT INTO conversation(uuid, guide_hash, group_id, org, "
                              "created_at, updated_at) VALUES (?1, ?2, 'licensing', ?3, ?4, ?4)");
    store::Statement ans(db, "INSERT INTO answer(uuid, conversation_uuid, question_id, notes, "
                             "updated_at) VALUES (?1, ?2, ?3, ?4, ?5)");
    store::Statement seg(db, "INSERT INTO segment(uuid, answer_uuid, code_uuid, coder_uuid, part, "
                             "start_byte, end_byte, excerpt, created_at, updated_at) VALUES "
                             "(?1, ?2, ?3, ?4, 'notes', 0, 20, 'Credits for renewal', ?5, ?5)");
    store::Statement time(db, "INSERT INTO area_time(uuid, conversation_uuid, area_id, seconds, "
                              "updated_at) VALUES (?1, ?2, 'perceptions', 300, ?3)");
    for (int c = 0; c < 1000; ++c) {
        std::string cu = store::new_uuid(), now = store::now_utc();
        conv.bind(1, cu).bind(2, guide).bind(3, org).bind(4, now).run();
        conv.reset();
        time.bind(1, store::new_uuid()).bind(2, cu).bind(3, now).run();
        time.reset();
        for (int q = 0; q < 30; ++q) {
            std::string au = store::new_uuid();
            ans.bind(1, au).bind(2, cu).bind(3, "q" + std::to_string(q));
            ans.bind(4, "Credits for renewal matter, said the licensing office, " +
                            std::to_string(c * 30 + q))
                .bind(5, now)
                .run();
            ans.reset();
            for (int s = 0; s < 5; ++s) {
                seg.bind(1, store::new_uuid()).bind(2, au);
                seg.bind(3, codes[static_cast<std::size_t>(c + q + s) % codes.size()]);
                seg.bind(4, coders[s % 2]).bind(5, now).run();
                seg.reset();
            }
        }
    }
    tx.commit();
}

void print(const char* what, double s, const store::MergeReport& r) {
    std::printf("%-46s %6.2f s  (added %d, updated %d, unchanged %d, conflicts %d)\n", what, s,
                r.total.added, r.total.updated, r.total.unchanged, r.total.conflicts);
}

} // namespace

int main() {
    auto dir =
        std::filesystem::temp_directory_path() / ("convene-merge-bench-" + store::new_uuid());
    std::filesystem::create_directories(dir);
    {
        auto a = store::open_workspace(dir / "a.db");
        auto b = store::open_workspace(dir / "b.db");
        auto t = Clock::now();
        fill(*a, "State A");
        fill(*b, "State B");
        std::printf("%-46s %6.2f s\n", "making two workspaces (1,000 conv., 150,000 seg.)",
                    seconds_since(t));
        store::save_copy(b->db(), dir / "b-copy.db");
        // The copy's owner edits one answer in ten.
        b->db().exec("UPDATE answer SET notes = notes || ' (edited)', updated_at = "
                     "strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 second') WHERE rowid % 10 = 0");

        t = Clock::now();
        auto r = store::merge_workspace(*a, dir / "b.db");
        print("merge B into A (all rows new)", seconds_since(t), r);
        t = Clock::now();
        r = store::merge_workspace(*a, dir / "b.db");
        print("merge B into A again (nothing new)", seconds_since(t), r);
        auto copy = store::open_workspace(dir / "b-copy.db");
        t = Clock::now();
        r = store::merge_workspace(*copy, dir / "b.db");
        print("merge B into its copy (3,000 answers newer)", seconds_since(t), r);
    }
    std::filesystem::remove_all(dir);
}
