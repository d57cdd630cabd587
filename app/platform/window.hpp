// The platform layer: a GLFW window with an OpenGL 3.3 context running the App. Only this file
// pair knows about GLFW and OpenGL.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>

namespace convene::app {

class App;

struct WindowOptions {
    int width = 1280;
    int height = 720;
    // When set (no size was asked for): a window that would not fit on the screen opens
    // maximized at the screen's work area instead of running off its edges.
    bool fit_to_screen = true;
    std::filesystem::path screenshot; // when set: render a few frames, save a PNG, return
    // When > 0: run this many seconds, then print the frames drawn and the CPU time used and
    // return (bench/idle_bench runs it with nothing happening).
    double idle_report_seconds = 0;
};

// The App needs an ImGui context before it is made, so the window makes it with make_app once
// the context exists. Returns the process exit code; errors go to stderr in one line.
int run_window(const WindowOptions& options, const std::function<std::unique_ptr<App>()>& make_app);

} // namespace convene::app
