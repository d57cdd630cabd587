// The review's coded text: an answer's notes and quotes with their codings highlighted behind the
// words (rectangles laid over the wrapped layout of the box), and the code names in a margin.
#include "app/views/coding_panel.hpp"

#include "app/ui_probe.hpp"

#include <algorithm>
#include <imgui.h>
#include <imgui_internal.h> // GetActiveID, the quote box's scroll, RenderTextEllipsis
#include <imgui_stdlib.h>

namespace convene::app {
namespace {

// The selection with spaces at either end left out (they are not words).
std::pair<std::size_t, std::size_t> trimmed(const std::string& text, std::size_t b, std::size_t e) {
    while (b < e && std::isspace(static_cast<unsigned char>(text[b])))
        ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1])))
        --e;
    return {b, e};
}

float text_width(const char* b, const char* e) {
    return ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, 0.0f, b, e).x;
}

// One rectangle per line of the box covering text[begin, end), laid out as the box shows it.
std::vector<ImRect> text_rects(const softwrap::Layout& layout, std::size_t begin, std::size_t end,
                               ImVec2 origin) {
    std::vector<ImRect> out;
    const std::string& d = layout.display;
    std::size_t db = softwrap::to_display_pos(begin, layout.soft);
    std::size_t de = std::min(softwrap::to_display_pos(end, layout.soft), d.size());
    float line_height = ImGui::GetFontSize();
    std::size_t line_start = 0;
    for (int line = 0; line_start <= d.size() && line_start < de; ++line) {
        std::size_t line_end = d.find('\n', line_start);
        if (line_end == std::string::npos) line_end = d.size();
        std::size_t a = std::max(line_start, db), b = std::min(line_end, de);
        if (a < b) {
            float x0 = text_width(d.data() + line_start, d.data() + a);
            float x1 = x0 + text_width(d.data() + a, d.data() + b);
            float y = origin.y + line_height * static_cast<float>(line);
            out.emplace_back(origin.x + x0, y, origin.x + x1, y + line_height);
        }
        line_start = line_end + 1;
    }
    return out;
}

// "Tom Becker" -> "TB": who made a coding, in the margin's little room.
std::string initials(const std::string& name) {
    std::string out;
    bool start = true;
    for (std::size_t i = 0; i < name.size(); ++i) {
        auto c = static_cast<unsigned char>(name[i]);
        if (c == ' ') {
            start = true;
        } else if (start && (c & 0xC0) != 0x80) {
            std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            out += name.substr(i, n);
            start = false;
        }
    }
    return out;
}

float line_of(const softwrap::Layout& layout, std::size_t text_pos) {
    std::size_t d =
        std::min(softwrap::to_display_pos(text_pos, layout.soft), layout.display.size());
    return static_cast<float>(std::count(layout.display.begin(), layout.display.begin() + d, '\n'));
}

struct QuoteSelection {
    int begin = 0, end = 0;
};

int quote_callback(ImGuiInputTextCallbackData* data) {
    auto* sel = static_cast<QuoteSelection*>(data->UserData);
    sel->begin = std::min(data->SelectionStart, data->SelectionEnd); // bytes in the UTF-8 text
    sel->end = std::max(data->SelectionStart, data->SelectionEnd);
    return 0;
}

} // namespace

std::vector<const store::Segment*> CodingPanel::shown_on(const std::string& text,
                                                         store::SegmentPart part,
                                                         const std::string& quote_uuid) {
    std::vector<const store::Segment*> out;
    auto answer = model_.answer_uuid.find(question_);
    if (answer == model_.answer_uuid.end()) return out;
    auto segments = model_.by_answer.find(answer->second);
    if (segments == model_.by_answer.end()) return out;
    for (const auto& s : segments->second) {
        if (s.part != part || s.quote_uuid != quote_uuid || s.lost) continue;
        auto start = static_cast<std::size_t>(s.start),
             len = static_cast<std::size_t>(s.end - s.start);
        if (start + len <= text.size() && text.compare(start, len, s.excerpt) == 0) {
            out.push_back(&s);
            continue;
        }
        // Edited and not saved yet: shown where its words are now (the store does the same).
        auto anchor = store::reanchor(text, s.excerpt, s.start, s.end);
        if (anchor.lost) continue;
        auto& moved = moved_.emplace_back(s);
        moved.start = anchor.start;
        moved.end = anchor.end;
        out.push_back(&moved);
    }
    return out;
}

void CodingPanel::highlight(const softwrap::Layout& layout, ImVec2 origin,
                            const std::vector<const store::Segment*>& segments) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    bool hoverable = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows);
    std::vector<const store::Segment*> under_mouse, drawn;
    float step = std::max(2.5f, ImGui::GetFontSize() * 0.16f);
    auto overlap = [](const store::Segment* a, const store::Segment* b) {
        return a->start < b->end && b->start < a->end;
    };
    for (const auto* s : segments) {
        auto rects = text_rects(layout, static_cast<std::size_t>(s->start),
                                static_cast<std::size_t>(s->end), origin);
        for (const auto& r : rects)
            if (hoverable && ImGui::IsMouseHoveringRect(r.Min, r.Max, false) &&
                std::find(under_mouse.begin(), under_mouse.end(), s) == under_mouse.end())
                under_mouse.push_back(s);
        // The same code on the same words (a second coder) is drawn once.
        bool again = std::any_of(drawn.begin(), drawn.end(), [&](const store::Segment* o) {
            return o->code_uuid == s->code_uuid && o->start == s->start && o->end == s->end;
        });
        if (again && s->uuid != hot_uuid_) continue;
        // Other codes on these words: the first is underlined, the next ones lined above.
        auto level = static_cast<float>(std::count_if(drawn.begin(), drawn.end(), [&](auto* o) {
            return o->code_uuid != s->code_uuid && overlap(o, s);
        }));
        drawn.push_back(s);
        ImVec4 c = colour_of(s->code_uuid);
        ImU32 fill = ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, s->uuid == hot_uuid_ ? 0.5f : 0.2f));
        ImU32 line = ImGui::GetColorU32(c);
        for (const auto& r : rects) {
            dl->AddRectFilled(r.Min, r.Max, fill, 2.0f);
            float y = level == 0 ? r.Max.y - 1 : r.Min.y + 1 + (level - 1) * step;
            dl->AddLine(ImVec2(r.Min.x, y), ImVec2(r.Max.x, y), line, 2.0f);
        }
    }
    if (!under_mouse.empty()) segments_tooltip(under_mouse, false);
}

bool CodingPanel::notes_box(store::Answer& answer, WrappedInputState& st) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float line = ImGui::GetFontSize();
    // Tall enough for every line: the highlights stay where the words are (no scrolling).
    float lines = 1 + static_cast<float>(
                          std::count(st.layout.display.begin(), st.layout.display.end(), '\n'));
    float height = std::max(line * 3.4f, line * (lines + 0.6f) + style.FramePadding.y * 2);
    ImVec2 at = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x;
    ImGuiID id = ImGui::GetID("##notes");
    keep_selection(id, true);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(0, 0, 0, 0)); // drawn below, under the codes
    bool changed = wrapped_input("##notes", answer.notes, height, st);
    ImGui::PopStyleColor();
    probe("review.notes." + question_);
    ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + width, at.y + height),
                                              ImGui::GetColorU32(ImGuiCol_FrameBg),
                                              style.FrameRounding);
    ImVec2 origin(at.x + style.FramePadding.x, at.y + style.FramePadding.y);
    auto segments = shown_on(answer.notes, store::SegmentPart::Notes, {});
    highlight(st.layout, origin, segments);
    for (const auto* s : segments)
        marks_.push_back(
            {origin.y + line * line_of(st.layout, static_cast<std::size_t>(s->start)), s});
    if (ImGui::GetActiveID() == id) {
        auto [b, e] = trimmed(st.text, st.sel_begin, st.sel_end);
        selection_ = {question_,
                      b < e ? store::SegmentPart::Notes : store::SegmentPart::Answer,
                      {},
                      b < e ? b : 0,
                      b < e ? e : 0,
                      st.text.substr(b, e - b)};
    }
    return changed;
}

bool CodingPanel::draw_quote(std::size_t index, store::Quote& quote) {
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGuiID id = ImGui::GetID("##quote");
    keep_selection(id, true);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImDrawListSplitter layers; // the box's text over the highlights, over the box's background
    layers.Split(dl, 2);
    layers.SetCurrentChannel(dl, 1);
    QuoteSelection sel;
    ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(0, 0, 0, 0));
    bool changed = ImGui::InputText("##quote", &quote.text, ImGuiInputTextFlags_CallbackAlways,
                                    quote_callback, &sel);
    ImGui::PopStyleColor();
    probe("review.quote." + question_ + "." + std::to_string(index));
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    bool active = ImGui::GetActiveID() == id;
    layers.SetCurrentChannel(dl, 0);
    dl->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_FrameBg), style.FrameRounding);
    float scroll = active && GImGui->InputTextState.ID == id ? GImGui->InputTextState.ScrollX : 0;
    ImVec2 origin(min.x + style.FramePadding.x - scroll, min.y + style.FramePadding.y);
    auto segments = shown_on(quote.text, store::SegmentPart::Quote, quote.uuid);
    dl->PushClipRect(min, max, true);
    highlight(softwrap::Layout{quote.text, {}}, origin, segments);
    dl->PopClipRect();
    layers.Merge(dl);
    for (const auto* s : segments)
        marks_.push_back({min.y, s});
    if (active && !quote.uuid.empty()) {
        auto [b, e] = trimmed(quote.text, static_cast<std::size_t>(sel.begin),
                              static_cast<std::size_t>(sel.end));
        selection_ = {question_,
                      b < e ? store::SegmentPart::Quote : store::SegmentPart::Answer,
                      b < e ? quote.uuid : std::string(),
                      b < e ? b : 0,
                      b < e ? e : 0,
                      quote.text.substr(b, e - b)};
    }
    return changed;
}

bool CodingPanel::draw_answer(const std::string& question_id, store::Answer& answer,
                              WrappedInputState& notes, const std::function<bool()>& rest) {
    question_ = question_id;
    marks_.clear();
    if (scroll_to_ == question_id) {
        ImGui::SetScrollHereY(0.1f);
        scroll_to_.clear();
    }
    float em = ImGui::GetFontSize();
    float margin = std::clamp(ImGui::GetContentRegionAvail().x * 0.2f, em * 8, em * 13);
    if (!ImGui::BeginTable("##coded", 2)) return false;
    ImGui::TableSetupColumn("text", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("codes", ImGuiTableColumnFlags_WidthFixed, margin);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    float top = ImGui::GetCursorScreenPos().y;
    if (auto a = model_.answer_uuid.find(question_id); a != model_.answer_uuid.end())
        if (auto s = model_.by_answer.find(a->second); s != model_.by_answer.end())
            for (const auto& one : s->second)
                if (one.part == store::SegmentPart::Answer || one.lost)
                    marks_.push_back({top, &one});
    float bar_x = ImGui::GetCursorScreenPos().x;
    bool changed = notes_box(answer, notes);
    answer_bars(bar_x, top, ImGui::GetCursorScreenPos().y - ImGui::GetStyle().ItemSpacing.y);
    changed |= rest();
    ImGui::TableNextColumn();
    draw_margin(question_id);
    ImGui::EndTable();
    return changed;
}

// A bar in the code's colour left of the notes for each code of the whole answer.
void CodingPanel::answer_bars(float x, float top, float bottom) {
    float w = ImGui::GetFontSize() * 0.25f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Left of the column (outside its clip rectangle), but inside the window.
    ImRect area(x - w * 16, top, x, bottom);
    area.ClipWith(ImGui::GetCurrentWindow()->InnerClipRect);
    if (area.IsInverted()) return;
    dl->PushClipRect(area.Min, area.Max);
    for (const auto& m : marks_) {
        if (m.segment->part != store::SegmentPart::Answer) continue;
        x -= w * 1.6f;
        dl->AddRectFilled(ImVec2(x, top), ImVec2(x + w, bottom),
                          ImGui::GetColorU32(colour_of(m.segment->code_uuid)), w * 0.5f);
    }
    dl->PopClipRect();
}

void CodingPanel::draw_margin(const std::string& question_id) {
    float width = ImGui::GetContentRegionAvail().x;
    bool words =
        selection_.question_id == question_id && selection_.part != store::SegmentPart::Answer;
    if (ImGui::SmallButton(words ? "Code selection…" : "Code answer…")) {
        CodingTarget whole;
        whole.question_id = question_id;
        start_coding(words ? selection_ : whole);
    }
    keep_selection(ImGui::GetItemID());
    probe("review.code." + question_id);
    std::stable_sort(marks_.begin(), marks_.end(),
                     [](const Mark& a, const Mark& b) { return a.y < b.y; });
    // One name per code on the same words: a second coder's coding joins the first's.
    std::vector<std::pair<float, std::vector<const store::Segment*>>> rows;
    for (const auto& m : marks_) {
        auto same = std::find_if(rows.begin(), rows.end(), [&](const auto& row) {
            const auto* o = row.second.front();
            return o->code_uuid == m.segment->code_uuid && o->part == m.segment->part &&
                   o->quote_uuid == m.segment->quote_uuid && o->start == m.segment->start &&
                   o->end == m.segment->end && o->lost == m.segment->lost;
        });
        if (same == rows.end())
            rows.push_back({m.y, {m.segment}});
        else
            same->second.push_back(m.segment);
    }
    float x = ImGui::GetCursorScreenPos().x;
    float next = ImGui::GetCursorScreenPos().y;
    for (const auto& [at, segments] : rows) {
        float y = std::max(at, next);
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        draw_mark(segments, width);
        next = y + ImGui::GetTextLineHeight() + 2;
    }
}

// A code's name in the margin: its colour, and the initials of the other coders who applied it
// to the same words. Mine first when there is one: a click opens its memo and Remove.
void CodingPanel::draw_mark(const std::vector<const store::Segment*>& segments, float width) {
    auto mine_it = std::find_if(segments.begin(), segments.end(),
                                [&](const auto* s) { return s->coder_uuid == model_.coder; });
    const store::Segment& s = mine_it == segments.end() ? *segments.front() : **mine_it;
    bool mine = mine_it != segments.end();
    ImGui::PushID(s.uuid.c_str());
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = ImGui::GetTextLineHeight();
    bool clicked = ImGui::InvisibleButton("##mark", ImVec2(width, h));
    keep_selection(ImGui::GetItemID()); // its menu may re-anchor the coding to the selection
    std::string name = (s.lost ? "! " : "") + code_name(s.code_uuid);
    std::string others;
    for (const auto* o : segments)
        if (o->coder_uuid != model_.coder)
            others += (others.empty() ? "" : " ") + initials(person_name(o->coder_uuid));
    if (!others.empty()) name += " · " + others;
    for (const auto* o : segments)
        probe("coding.mark." + o->uuid, name);
    bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec4 c = colour_of(s.code_uuid);
    float bar = ImGui::GetFontSize() * 0.3f;
    // The whole answer's codes are tinted like the words of the others.
    if (hovered || s.part == store::SegmentPart::Answer)
        dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h),
                          ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, hovered ? 0.35f : 0.22f)), 2.0f);
    dl->AddRectFilled(p, ImVec2(p.x + bar, p.y + h), ImGui::GetColorU32(c), 1.0f);
    ImGui::PushStyleColor(
        ImGuiCol_Text,
        ImGui::GetStyleColorVec4(mine && !s.lost ? ImGuiCol_Text : ImGuiCol_TextDisabled));
    ImGui::RenderTextEllipsis(dl, ImVec2(p.x + bar * 2, p.y), ImVec2(p.x + width, p.y + h),
                              p.x + width, p.x + width, name.c_str(), nullptr, nullptr);
    ImGui::PopStyleColor();
    if (hovered) {
        hot_next_ = s.uuid;
        segments_tooltip(segments, true);
    }
    if (clicked) {
        menu_uuid_ = s.uuid;
        memo_ = s.memo;
        open_menu_ = true;
    }
    ImGui::PopID();
}

} // namespace convene::app
