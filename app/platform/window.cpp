#include "app/platform/window.hpp"

#include "app/app.hpp"
#include "export/atomic_file.hpp"

#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <algorithm>
#include <atomic>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <imgui.h>
#include <stb_image_write.h>
#include <utility>
#include <vector>

namespace convene::app {
namespace {

// Input and window events since start, counted by callbacks installed before ImGui's backend
// (which calls them after its own): a wake-up without one is only a timer.
std::atomic<std::uint64_t> g_events{0};
void count_event() {
    g_events.fetch_add(1, std::memory_order_relaxed);
}

void count_events_of(GLFWwindow* window) {
    glfwSetWindowFocusCallback(window, [](GLFWwindow*, int) { count_event(); });
    glfwSetCursorEnterCallback(window, [](GLFWwindow*, int) { count_event(); });
    glfwSetCursorPosCallback(window, [](GLFWwindow*, double, double) { count_event(); });
    glfwSetMouseButtonCallback(window, [](GLFWwindow*, int, int, int) { count_event(); });
    glfwSetScrollCallback(window, [](GLFWwindow*, double, double) { count_event(); });
    glfwSetKeyCallback(window, [](GLFWwindow*, int, int, int, int) { count_event(); });
    glfwSetCharCallback(window, [](GLFWwindow*, unsigned int) { count_event(); });
    glfwSetWindowSizeCallback(window, [](GLFWwindow*, int, int) { count_event(); });
    glfwSetWindowRefreshCallback(window, [](GLFWwindow*) { count_event(); });
}

void glfw_error(int code, const char* description) {
    std::fprintf(stderr, "convene: GLFW error %d: %s\n", code, description);
}

bool save_screenshot(GLFWwindow* window, const std::filesystem::path& path) {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * h * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    try {
        exporting::write_atomically(path, [&](const std::filesystem::path& temp) {
            stbi_flip_vertically_on_write(1);
            return stbi_write_png(temp.c_str(), w, h, 4, pixels.data(), w * 4) != 0;
        });
    } catch (const std::exception& e) {
        std::fprintf(stderr, "convene: %s\n", e.what());
        return false;
    }
    return true;
}

// The shape of a frame: how many draw lists, commands, vertices and indices it has, mixed into
// one number. A frame whose shape differs from the one before has laid something out that ImGui
// shows only in the next frame (a tab bar, a table's columns, a window's size), so one more
// frame is drawn before the loop sleeps.
std::uint64_t frame_shape(const ImDrawData* data) {
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&h](std::uint64_t v) { h = (h ^ v) * 1099511628211ull; };
    if (!data) return h;
    mix(static_cast<std::uint64_t>(data->CmdListsCount));
    for (int i = 0; i < data->CmdListsCount; ++i) {
        const ImDrawList* list = data->CmdLists[i];
        mix(static_cast<std::uint64_t>(list->CmdBuffer.Size));
        mix(static_cast<std::uint64_t>(list->VtxBuffer.Size));
        mix(static_cast<std::uint64_t>(list->IdxBuffer.Size));
    }
    return h;
}

// The size asked for, or, when it would run off the screen (a small laptop), the screen's work
// area with the window maximized.
std::pair<int, int> initial_size(const WindowOptions& options) {
    int width = options.width, height = options.height;
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    if (!options.fit_to_screen || !monitor) return {width, height};
    int x = 0, y = 0, w = 0, h = 0;
    glfwGetMonitorWorkarea(monitor, &x, &y, &w, &h);
    if (w <= 0 || h <= 0 || (width <= w && height <= h)) return {width, height};
    glfwWindowHint(GLFW_MAXIMIZED, GLFW_TRUE);
    return {std::min(width, w), std::min(height, h)};
}

} // namespace

int run_window(const WindowOptions& options,
               const std::function<std::unique_ptr<App>()>& make_app) {
    // 1. Window and OpenGL 3.3 core context
    glfwSetErrorCallback(glfw_error);
    if (!glfwInit()) {
        std::fprintf(stderr, "convene: cannot start the windowing system (is DISPLAY set?)\n");
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    auto [width, height] = initial_size(options);
    GLFWwindow* window = glfwCreateWindow(width, height, "Convene", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "convene: cannot open a window with OpenGL 3.3\n");
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    // 2. Dear ImGui with its GLFW and OpenGL 3 backends, then the app
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    count_events_of(window);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    std::unique_ptr<App> app_owner = make_app();
    App& app = *app_owner;
    float xscale = 1.0f, yscale = 1.0f;
    glfwGetWindowContentScale(window, &xscale, &yscale);

    // 3. Loop: sleep until input arrives (then draw a few frames so ImGui settles) or until the
    //    screen has something to update (a timer: then draw one frame).
    int settle_frames = 3;
    int frames = 0;
    int exit_code = 0;
    const auto started = std::chrono::steady_clock::now();
    const std::clock_t cpu_start = std::clock();
    long frames_drawn = 0;
    std::uint64_t last_shape = 0;
    int reshaped_frames = 0; // frames drawn since the last wake-up because the shape changed
    while (!app.wants_quit()) {
        if (glfwWindowShouldClose(window) && !app.request_quit())
            glfwSetWindowShouldClose(window, GLFW_FALSE); // the dialog says what is not saved
        double elapsed =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (options.idle_report_seconds > 0 && elapsed >= options.idle_report_seconds) break;
        if (options.screenshot.empty() && settle_frames <= 0) {
            double timeout = app.idle_timeout();
            if (options.idle_report_seconds > 0)
                timeout = std::min(timeout, options.idle_report_seconds - elapsed);
            std::uint64_t before = g_events.load();
            if (timeout >= App::kNoTimer)
                glfwWaitEvents();
            else
                glfwWaitEventsTimeout(std::max(timeout, 0.0));
            settle_frames = g_events.load() != before ? 3 : 1;
            reshaped_frames = 0;
            if (options.idle_report_seconds > 0 &&
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() >=
                    options.idle_report_seconds &&
                g_events.load() == before)
                break; // the report's time is up; this wake-up draws nothing
        } else {
            glfwPollEvents();
        }
        --settle_frames;
        if (app.fonts_dirty()) {
            app.rebuild_fonts(xscale);
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        app.frame();
        ImGui::Render();
        ++frames_drawn;
        // Something new was laid out (a job's result arrived): draw until it settles, at most a
        // few frames, so a blinking or animated part cannot keep the loop awake.
        std::uint64_t shape = frame_shape(ImGui::GetDrawData());
        if (shape != last_shape && reshaped_frames < 4 && settle_frames <= 0) {
            settle_frames = 1;
            ++reshaped_frames;
        }
        last_shape = shape;
        int w = 0, h = 0;
        glfwGetFramebufferSize(window, &w, &h);
        glViewport(0, 0, w, h);
        glClearColor(0.5f, 0.5f, 0.5f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        // A screenshot waits for work in progress (a survey being analysed) to be shown.
        if (!options.screenshot.empty() && ++frames >= 8 && (!app.busy() || frames >= 600)) {
            exit_code = save_screenshot(window, options.screenshot) ? 0 : 1;
            break;
        }
        glfwSwapBuffers(window);
    }

    if (options.idle_report_seconds > 0) {
        double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        double cpu = double(std::clock() - cpu_start) / CLOCKS_PER_SEC;
        int w = 0, h = 0;
        glfwGetWindowSize(window, &w, &h);
        std::printf("window %dx%d; %ld frames drawn in %.1f s; CPU %.3f s (%.2f%% of one core)\n",
                    w, h, frames_drawn, wall, cpu, 100.0 * cpu / wall);
    }

    // 4. Clean up
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    app_owner.reset();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exit_code;
}

} // namespace convene::app
