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
};

int callback(ImGuiInputTextCallbackData* data) {
    auto* ctx = static_cast<CallbackContext*>(data->UserData);
    auto& st = *ctx->state;
    if (data->EventFlag == ImGuiInputTextFlags_CallbackEdit) {
        std::string_view now(data->Buf, static_cast<std::size_t>(data->BufTextLen));
        auto soft = softwrap::carry(st.layout.display, st.layout.soft, now);
        std::size_t cursor_text =
            softwrap::to_text_pos(static_cast<std::size_t>(data->CursorPos), soft);
        st.text = softwrap::unwrap(now, soft);
        st.layout = softwrap::wrap(st.text, st.width, ctx->line_break);
        if (st.layout.display != now) {
            data->DeleteChars(0, data->BufTextLen);
            data->InsertChars(0, st.layout.display.data(),
                              st.layout.display.data() + st.layout.display.size());
        }
        int cursor = static_cast<int>(softwrap::to_display_pos(cursor_text, st.layout.soft));
        data->CursorPos = data->SelectionStart = data->SelectionEnd = cursor;
        st.changed = true;
    } else if (data->EventFlag == ImGuiInputTextFlags_CallbackAlways && st.reload) {
        // Another writer changed the text while the box had focus: show theirs, so what is typed
        // next is added to it instead of writing the old text back.
        st.reload = false;
        data->DeleteChars(0, data->BufTextLen);
        data->InsertChars(0, st.layout.display.data(),
                          st.layout.display.data() + st.layout.display.size());
        data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
        st.sel_begin = st.sel_end = st.text.size();
    } else if (data->EventFlag == ImGuiInputTextFlags_CallbackAlways) {
        auto a = static_cast<std::size_t>(std::min(data->SelectionStart, data->SelectionEnd));
        auto b = static_cast<std::size_t>(std::max(data->SelectionStart, data->SelectionEnd));
        st.sel_begin = softwrap::to_text_pos(a, st.layout.soft);
        st.sel_end = softwrap::to_text_pos(b, st.layout.soft);
    }
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
    ImGui::InputTextMultiline(id, &display, ImVec2(-1, height),
                              ImGuiInputTextFlags_CallbackEdit | ImGuiInputTextFlags_CallbackAlways,
                              callback, &ctx);
    if (!st.changed) return false;
    text = st.text;
    return true;
}

} // namespace convene::app
