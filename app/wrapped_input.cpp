#include "app/wrapped_input.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

namespace convene::app {
namespace {

softwrap::BreakFn font_break(ImFont* font, float size) {
    return [font, size](std::string_view line, float width) {
        const char* b = line.data();
        const char* e = b + line.size();
        if (font->CalcTextSizeA(size, FLT_MAX, 0.0f, b, e).x <= width) return line.size();
        return static_cast<std::size_t>(
            font->CalcWordWrapPositionA(size / font->FontSize, b, e, width) - b);
    };
}

struct CallbackContext {
    WrappedInputState* state;
    softwrap::BreakFn line_break;
    bool cursor_to_end = false;
};

void put_cursor_at_end(ImGuiInputTextCallbackData* data) {
    data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
}

// Makes the box with this id the active one in this very frame, with its cursor after the last
// character. ImGui 1.86 only activates a text box a frame after SetKeyboardFocusHere(), and then
// with the cursor at the start; what is typed in between would be lost. So: ask for activation
// the way keyboard navigation does (read by InputTextEx in this frame), and hand it an edit state
// that already holds the cursor at the end (InputTextEx keeps a state that carries its id).
struct FocusSeed {
    ImGuiID previous_id = 0;
    ImStb::STB_TexteditState previous_stb{};
    bool seeded = false;

    void take(ImGuiID id, const std::string& display) {
        ImGuiContext& g = *GImGui;
        ImGuiInputTextState& s = g.InputTextState;
        if (g.ActiveId != id) {
            previous_id = s.ID;
            previous_stb = s.Stb;
            seeded = true;
            int end = ImTextCountCharsFromUtf8(display.data(), display.data() + display.size());
            s.ID = id;
            s.Stb = ImStb::STB_TexteditState{};
            s.Stb.initialized = 1;
            s.Stb.cursor = s.Stb.select_start = s.Stb.select_end = end;
            s.Stb.undostate.redo_point = IM_ARRAYSIZE(s.Stb.undostate.undo_rec);
            s.Stb.undostate.redo_char_point = IM_ARRAYSIZE(s.Stb.undostate.undo_char);
        }
        // Clipping would skip the box before it can activate: the focused item is never clipped.
        ImGui::SetFocusID(id, ImGui::GetCurrentWindow());
        g.NavActivateInputId = id;
    }
    // If the box could not take the keyboard, give the shared edit state back to its owner.
    void settle(ImGuiID id) {
        ImGuiContext& g = *GImGui;
        if (g.NavActivateInputId == id) g.NavActivateInputId = 0;
        if (!seeded || g.ActiveId == id) return;
        g.InputTextState.ID = previous_id;
        g.InputTextState.Stb = previous_stb;
    }
};

// The box's text changed: take the real text from what it shows, lay it out again, and keep
// the cursor where it was in the real text.
void rewrap(ImGuiInputTextCallbackData* data, CallbackContext& ctx) {
    auto& st = *ctx.state;
    std::string_view now(data->Buf, static_cast<std::size_t>(data->BufTextLen));
    auto soft = softwrap::carry(st.layout.display, st.layout.soft, now);
    std::size_t cursor_text =
        softwrap::to_text_pos(static_cast<std::size_t>(data->CursorPos), soft);
    st.text = softwrap::unwrap(now, soft);
    st.layout = softwrap::wrap(st.text, st.width, ctx.line_break);
    if (st.layout.display != now) {
        data->DeleteChars(0, data->BufTextLen);
        data->InsertChars(0, st.layout.display.data(),
                          st.layout.display.data() + st.layout.display.size());
    }
    int cursor = static_cast<int>(softwrap::to_display_pos(cursor_text, st.layout.soft));
    data->CursorPos = data->SelectionStart = data->SelectionEnd = cursor;
    st.changed = true;
}

int callback(ImGuiInputTextCallbackData* data) {
    auto* ctx = static_cast<CallbackContext*>(data->UserData);
    auto& st = *ctx->state;
    if (data->EventFlag == ImGuiInputTextFlags_CallbackEdit) {
        rewrap(data, *ctx);
        if (ctx->cursor_to_end) put_cursor_at_end(data);
    } else if (data->EventFlag == ImGuiInputTextFlags_CallbackAlways && st.reload) {
        // Another writer changed the text while the box had focus: show theirs, so what is typed
        // next is added to it instead of writing the old text back.
        st.reload = false;
        data->DeleteChars(0, data->BufTextLen);
        data->InsertChars(0, st.layout.display.data(),
                          st.layout.display.data() + st.layout.display.size());
        put_cursor_at_end(data);
    } else if (data->EventFlag == ImGuiInputTextFlags_CallbackAlways) {
        if (ctx->cursor_to_end) put_cursor_at_end(data);
    }
    if (!st.insert.empty()) { // typed in for the user (Ctrl+T), replacing any selection
        int a = std::min(data->SelectionStart, data->SelectionEnd);
        int b = std::max(data->SelectionStart, data->SelectionEnd);
        if (b > a) data->DeleteChars(a, b - a);
        data->InsertChars(a, st.insert.data(), st.insert.data() + st.insert.size());
        st.insert.clear();
        data->SelectionStart = data->SelectionEnd = data->CursorPos;
        rewrap(data, *ctx);
    }
    auto a = static_cast<std::size_t>(std::min(data->SelectionStart, data->SelectionEnd));
    auto b = static_cast<std::size_t>(std::max(data->SelectionStart, data->SelectionEnd));
    st.sel_begin = softwrap::to_text_pos(a, st.layout.soft);
    st.sel_end = softwrap::to_text_pos(b, st.layout.soft);
    return 0;
}

} // namespace

bool wrapped_input(const char* id, std::string& text, float height, WrappedInputState& st) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float width =
        ImGui::GetContentRegionAvail().x - style.FramePadding.x * 2 - style.ScrollbarSize - 2;
    CallbackContext ctx{&st, font_break(ImGui::GetFont(), ImGui::GetFontSize())};
    ImGuiID widget = ImGui::GetID(id);
    bool active = ImGui::GetActiveID() == widget;
    // Re-lay out when the text changed from outside or the box was resized (not mid-edit).
    if (!active && (text != st.text || width != st.width)) {
        st.text = text;
        st.width = width;
        st.layout = softwrap::wrap(st.text, width, ctx.line_break);
        st.sel_begin = st.sel_end = 0;
    } else if (active && text != st.text) {
        st.text = text;
        st.layout = softwrap::wrap(st.text, st.width, ctx.line_break);
        st.reload = true;
    }
    st.changed = false;
    std::string display = st.layout.display;
    auto& queue = ImGui::GetIO().InputQueueCharacters;
    for (auto it = st.carried.rbegin(); it != st.carried.rend(); ++it)
        queue.push_front(*it);
    st.carried.clear();
    FocusSeed focus;
    std::vector<ImWchar> typed; // this frame's typing, which a box activated by focus skips
    if (st.focus_at_end) {
        typed.assign(queue.begin(), queue.end());
        focus.take(widget, display);
        ctx.cursor_to_end = true;
        st.focus_at_end = false;
    }
    ImGui::InputTextMultiline(id, &display, ImVec2(-1, height),
                              ImGuiInputTextFlags_CallbackEdit | ImGuiInputTextFlags_CallbackAlways,
                              callback, &ctx);
    // Activated by focus: what was typed in this frame goes in with the next frame's typing.
    if (!typed.empty() && GImGui->ActiveId == widget && GImGui->ActiveIdIsJustActivated)
        st.carried = std::move(typed);
    if (ctx.cursor_to_end) {
        focus.settle(widget);
        // Off screen (a small window, a long question): scroll it into view from the next frame.
        if (!ImGui::IsItemVisible()) ImGui::SetScrollHereY(1.0f);
    }
    if (!st.changed) return false;
    text = st.text;
    return true;
}

} // namespace convene::app
