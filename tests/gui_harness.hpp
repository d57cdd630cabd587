// Drives the real App with no window: an ImGui context with a built font atlas, DisplaySize and
// DeltaTime set, io.KeyMap filled as the GLFW backend fills it, and input written straight into
// io (ImGui 1.86 has no input queue), pressing and releasing on separate frames.
#pragma once

#include "app/app.hpp"

#include <functional>
#include <imgui.h>
#include <memory>
#include <string>

namespace convene::test {

class GuiHarness {
  public:
    // With a config_dir, the app keeps its settings there as the real one does (else none).
    explicit GuiHarness(const std::filesystem::path& workspace, float width = 1280,
                        float height = 720, const std::filesystem::path& config_dir = {});
    ~GuiHarness();

    app::App& app() { return *app_; }
    // Draws something else than the App in each frame (a panel tested on its own); empty: the App.
    void set_draw(std::function<void()> draw) { draw_ = std::move(draw); }
    void frame(int count = 1);
    // Draws frames (a worker may be finishing a job) until done() or the time is up.
    bool frames_until(const std::function<bool()>& done, double seconds = 10);
    // Clicks the item a view recorded with app::probe(name); fails the test if none.
    void click(const std::string& name);
    // Presses and releases a key (GLFW key code), with Ctrl, Alt or Shift held if asked.
    void key(int glfw_key, bool ctrl = false, bool alt = false, bool shift = false);
    void type(const std::string& utf8);
    // Clicks a text box, selects all it holds (Ctrl+A) and types text over it.
    void replace_text(const std::string& widget, const std::string& text);

    // Single steps, for tests that need input in a given frame: each only changes io; the next
    // frame() sees it. key_up releases the key and any Ctrl or Alt held with it.
    void key_down(int glfw_key, bool ctrl = false, bool alt = false);
    void key_up(int glfw_key);
    void queue_text(const std::string& utf8);
    // Moves the mouse over a widget recorded with app::probe(name) in the last frame.
    void hover(const std::string& name);
    void mouse_button(bool down);

  private:
    ImGuiContext* ctx_ = nullptr;
    std::unique_ptr<app::App> app_;
    std::function<void()> draw_;
};

// The text of a widget drawn in the last frame (app/ui_probe.hpp); the test fails when it was
// not drawn.
std::string probe_text(const std::string& name);
// The same, or "(not drawn)" when the widget was not drawn (for checks that it is not).
std::string shown(const std::string& name);

} // namespace convene::test
