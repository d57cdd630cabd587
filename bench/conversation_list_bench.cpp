// Conversation list and search with 1,000+ conversations: the headless frame-build time of the
// Conversations screen (cached, and when its model is rebuilt after a write) and full-text
// search latency, against a LIKE scan over the same notes as the in-process baseline.
#include "app/app.hpp"
#include "guides/data_dir.hpp"
#include "store/answers.hpp"
#include "store/conversations.hpp"
#include "store/demo.hpp"
#include "store/seed.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <imgui.h>

using namespace convene;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

} // namespace

int main() {
    auto dir = std::filesystem::temp_directory_path() / "convene-bench-list";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    auto path = dir / "bench.db";
    {
        auto ws = store::open_workspace(path);
        auto t = Clock::now();
        int conversations = 0;
        while (conversations < 1000)
            conversations += store::load_demo(*ws, guides::data_dir() / "demo.json").conversations;
        std::printf(
            "workspace: %d conversations, %lld answers (built in %.0f ms)\n", conversations,
            static_cast<long long>(store::query_int(ws->db(), "SELECT count(*) FROM answer")),
            ms_since(t));
    }

    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1280, 720);
    io.DeltaTime = 1.0f / 60;
    io.IniFilename = nullptr;
    {
        app::App application({path, dir, false});
        application.rebuild_fonts(1.0f);
        auto frame = [&] {
            ImGui::NewFrame();
            application.frame();
            ImGui::Render();
        };
        for (int i = 0; i < 5; ++i)
            frame();

        const int frames = 300;
        auto t = Clock::now();
        for (int i = 0; i < frames; ++i)
            frame();
        double cached = ms_since(t) / frames;

        const int rebuilds = 30;
        t = Clock::now();
        for (int i = 0; i < rebuilds; ++i) {
            application.workspace()->note_external_commit(); // as after an autosave
            frame();
        }
        double rebuilt = ms_since(t) / rebuilds;
        std::printf("conversation list frame (1,280x720, headless): %.3f ms cached, %.2f ms when "
                    "the list is re-queried after a write (%.0fx)\n",
                    cached, rebuilt, rebuilt / cached);

        auto& db = application.workspace()->db();
        const char* queries[] = {"renewal", "grain size", "graduate credit", "assessor", "cost"};
        double fts = 0, like = 0;
        std::size_t hits = 0;
        const int reps = 20;
        for (const char* q : queries) {
            t = Clock::now();
            for (int i = 0; i < reps; ++i)
                hits = store::search_answers(db, q).size();
            fts += ms_since(t) / reps;
            t = Clock::now();
            for (int i = 0; i < reps; ++i) {
                store::Statement st(
                    db, "SELECT a.uuid, substr(a.notes, 1, 80) FROM answer a JOIN conversation c "
                        "ON c.uuid = a.conversation_uuid WHERE c.deleted_at IS NULL AND "
                        "(a.notes LIKE ?1 OR EXISTS (SELECT 1 FROM quote q WHERE "
                        "q.answer_uuid = a.uuid AND q.text LIKE ?1)) LIMIT 200");
                st.bind(1, std::string("%") + q + "%");
                while (st.step()) {
                }
            }
            like += ms_since(t) / reps;
        }
        std::size_t n = std::size(queries);
        std::printf(
            "search (FTS5, with snippets, up to 200 hits; last query %zu hits): %.2f ms per "
            "query; LIKE scan baseline %.2f ms (%.1fx slower)\n",
            hits, fts / double(n), like / double(n), like / fts);
    }
    ImGui::DestroyContext();
    std::filesystem::remove_all(dir);
}
