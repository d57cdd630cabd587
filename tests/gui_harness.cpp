#include "gui_harness.hpp"

#include <chrono>
#include <thread>

#include "app/ui_probe.hpp"

#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>
#include <imgui.h>

namespace convene::test {
namespace {

void map_keys_like_glfw(ImGuiIO& io) {
    io.KeyMap[ImGuiKey_Tab] = GLFW_KEY_TAB;
    io.KeyMap[ImGuiKey_LeftArrow] = GLFW_KEY_LEFT;
    io.KeyMap[ImGuiKey_RightArrow] = GLFW_KEY_RIGHT;
    io.KeyMap[ImGuiKey_UpArrow] = GLFW_KEY_UP;
    io.KeyMap[ImGuiKey_DownArrow] = GLFW_KEY_DOWN;
    io.KeyMap[ImGuiKey_PageUp] = GLFW_KEY_PAGE_UP;
    io.KeyMap[ImGuiKey_PageDown] = GLFW_KEY_PAGE_DOWN;
    io.KeyMap[ImGuiKey_Home] = GLFW_KEY_HOME;
    io.KeyMap[ImGuiKey_End] = GLFW_KEY_END;
    io.KeyMap[ImGuiKey_Insert] = GLFW_KEY_INSERT;
    io.KeyMap[ImGuiKey_Delete] = GLFW_KEY_DELETE;
    io.KeyMap[ImGuiKey_Backspace] = GLFW_KEY_BACKSPACE;
    io.KeyMap[ImGuiKey_Space] = GLFW_KEY_SPACE;
    io.KeyMap[ImGuiKey_Enter] = GLFW_KEY_ENTER;
    io.KeyMap[ImGuiKey_Escape] = GLFW_KEY_ESCAPE;
    io.KeyMap[ImGuiKey_KeyPadEnter] = GLFW_KEY_KP_ENTER;
    io.KeyMap[ImGuiKey_A] = GLFW_KEY_A;
    io.KeyMap[ImGuiKey_C] = GLFW_KEY_C;
    io.KeyMap[ImGuiKey_V] = GLFW_KEY_V;
    io.KeyMap[ImGuiKey_X] = GLFW_KEY_X;
    io.KeyMap[ImGuiKey_Y] = GLFW_KEY_Y;
    io.KeyMap[ImGuiKey_Z] = GLFW_KEY_Z;
}

} // namespace

GuiHarness::GuiHarness(const std::filesystem::path& workspace, float width, float height,
                       const std::filesystem::path& config_dir) {
    ctx_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    io.IniFilename = nullptr;
    map_keys_like_glfw(io);
    app::probe_enable(true);
    app::AppOptions options;
    options.workspace = workspace;
    options.persist = !config_dir.empty();
    options.config_dir = config_dir;
    app_ = std::make_unique<app::App>(options);
    app_->rebuild_fonts(1.0f);
    frame(2);
}

GuiHarness::~GuiHarness() {
    draw_ = nullptr;
    app_.reset();
    app::probe_clear();
    app::probe_enable(false);
    ImGui::DestroyContext(ctx_);
}

bool GuiHarness::frames_until(const std::function<bool()>& done, double seconds) {
    auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < until) {
        frame();
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

void GuiHarness::replace_text(const std::string& widget, const std::string& text) {
    click(widget);
    key(GLFW_KEY_A, true);
    type(text);
}

void GuiHarness::frame(int count) {
    for (int i = 0; i < count; ++i) {
        if (app_->fonts_dirty()) app_->rebuild_fonts(1.0f);
        app::probe_clear(); // only what this frame drew can be found
        ImGui::NewFrame();
        if (draw_)
            draw_();
        else
            app_->frame();
        ImGui::Render();
    }
}

void GuiHarness::click(const std::string& name) {
    // One frame first: a popup that just opened is measured off-screen in its first frame.
    frame();
    auto rect = app::probe_find(name);
    INFO("widget " << name);
    REQUIRE(rect.has_value());
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2((rect->x0 + rect->x1) / 2, (rect->y0 + rect->y1) / 2);
    frame();
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
    frame(); // what the click changed is drawn
}

void GuiHarness::key(int glfw_key, bool ctrl, bool alt, bool shift) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeyAlt = alt;
    io.KeyShift = shift;
    io.KeysDown[glfw_key] = true;
    frame();
    io.KeysDown[glfw_key] = false;
    frame();
    io.KeyCtrl = false;
    io.KeyAlt = false;
    io.KeyShift = false;
    frame();
}

void GuiHarness::key_down(int glfw_key, bool ctrl, bool alt) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeyAlt = alt;
    io.KeysDown[glfw_key] = true;
}

void GuiHarness::key_up(int glfw_key) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[glfw_key] = false;
    io.KeyCtrl = false;
    io.KeyAlt = false;
}

void GuiHarness::queue_text(const std::string& utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
}

void GuiHarness::hover(const std::string& name) {
    auto rect = app::probe_find(name);
    INFO("widget " << name);
    REQUIRE(rect.has_value());
    ImGui::GetIO().MousePos = ImVec2((rect->x0 + rect->x1) / 2, (rect->y0 + rect->y1) / 2);
}

void GuiHarness::mouse_button(bool down) {
    ImGui::GetIO().MouseDown[0] = down;
}

void GuiHarness::type(const std::string& utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
    frame();
}

std::string probe_text(const std::string& name) {
    auto r = app::probe_find(name);
    INFO("widget " << name);
    REQUIRE(r.has_value());
    return r->text;
}

std::string shown(const std::string& name) {
    auto p = app::probe_find(name);
    return p ? p->text : "(not drawn)";
}

} // namespace convene::test
