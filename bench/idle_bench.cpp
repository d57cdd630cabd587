// Idle means idle: runs the real convene window under Xvfb for 10 seconds with nothing happening
// and prints the frames it drew and the CPU it used, on the conversation list (nothing changes
// by itself: no frames) and in the walkthrough (its area timers: one frame a second).
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

int main() {
    auto dir = std::filesystem::temp_directory_path() / "convene-bench-idle";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::string db = (dir / "demo.db").string();
    std::string demo = std::string(CONVENE_CLI) + " --db '" + db + "' demo > /dev/null";
    if (std::system(demo.c_str()) != 0) {
        std::fprintf(stderr, "idle_bench: could not make the demo workspace\n");
        return 1;
    }
    for (const char* view : {"conversations", "walkthrough"}) {
        std::printf("%-14s ", view);
        std::fflush(stdout);
        std::string run = "XDG_CONFIG_HOME='" + (dir / "config").string() +
                          "' xvfb-run -a -s '-screen 0 1280x800x24' " + CONVENE_BIN + " --db '" +
                          db + "' --view " + view + " --idle-report 10";
        if (std::system(run.c_str()) != 0) {
            std::fprintf(stderr, "idle_bench: %s failed (is xvfb installed?)\n", run.c_str());
            return 1;
        }
    }
    std::filesystem::remove_all(dir);
    return 0;
}
