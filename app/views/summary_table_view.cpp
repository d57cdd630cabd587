// Summaries > table: one widget for any SummaryTable. Sortable by any column (sorted only when
// the sort or the rows change), a text filter over rows, numbers right-aligned in columns wide
// enough for every figure, text cut to one line with the rest in a tooltip, and counts that
// open the segments behind them.
#include "app/ui_probe.hpp"
#include "app/views/summary_panels.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {
namespace {

using exporting::Cell;
using exporting::ColumnType;

bool numeric(ColumnType t) {
    return t == ColumnType::Integer || t == ColumnType::Real || t == ColumnType::Percent;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& ch : out)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}

bool clickable(const Cell& cell) {
    return (!cell.segments.empty() || !cell.answers.empty()) && !cell.empty();
}

// Empty cells sort last whichever the direction; numbers by value, text without case.
bool cell_less(const Cell& a, const std::string& ta, const Cell& b, const std::string& tb,
               bool is_number, bool ascending) {
    if (a.empty() != b.empty()) return b.empty();
    if (is_number) return ascending ? a.number() < b.number() : b.number() < a.number();
    auto la = lower(ta), lb = lower(tb);
    return ascending ? la < lb : lb < la;
}

// What a click on a figure (or a text carrying answers) opens, for its tooltip.
std::string behind(const Cell& cell) {
    bool segments = !cell.segments.empty();
    auto n = segments ? cell.segments.size() : cell.answers.size();
    return "Click to read the " + std::to_string(n) + " " +
           (segments ? (n == 1 ? "segment" : "segments") : (n == 1 ? "answer" : "answers")) +
           " behind this";
}

// One line of text, cut with "…" to the width left in the cell; the whole text in a tooltip
// when cut. A text with answers behind it (a disagreement's question) opens them on a click.
bool text_cell(const Cell& cell, const std::string& text) {
    const char* begin = text.c_str();
    const char* end = begin + text.size();
    const char* line_end = std::find(begin, end, '\n');
    float avail = ImGui::GetContentRegionAvail().x;
    ImFont* font = ImGui::GetFont();
    float full = font->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, 0, begin, line_end).x;
    bool cut = line_end != end || full > avail;
    std::string shown;
    if (cut) {
        const char* ellipsis = "\xE2\x80\xA6"; // …
        float room = avail - ImGui::CalcTextSize(ellipsis).x;
        const char* stop = line_end;
        if (full > room) font->CalcTextSizeA(ImGui::GetFontSize(), room, 0, begin, line_end, &stop);
        shown.assign(begin, stop);
        shown += ellipsis;
    }
    const char* label = cut ? shown.c_str() : begin;
    bool link = clickable(cell), clicked = false;
    if (link) { // in the text's own colour: a column of notes all in link blue reads badly
        clicked = ImGui::Selectable(label, false, ImGuiSelectableFlags_None, ImVec2(avail, 0));
    } else {
        ImGui::TextUnformatted(label);
    }
    if ((cut || link) && ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36);
        if (cut) ImGui::TextUnformatted(begin, end);
        if (link) ImGui::TextDisabled("%s", behind(cell).c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
        if (link) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    return clicked;
}

// A number flush right; a count with segments or answers behind it is a link (the whole cell
// is the target) that opens them.
bool number_cell(const Cell& cell, const std::string& text) {
    float w = ImGui::CalcTextSize(text.c_str()).x;
    float avail = ImGui::GetContentRegionAvail().x;
    if (!clickable(cell) || cell.number() == 0) {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, avail - w));
        ImGui::TextUnformatted(text.c_str());
        return false;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(1.0f, 0.0f));
    bool clicked = ImGui::Selectable(text.c_str(), false, ImGuiSelectableFlags_None,
                                     ImVec2(std::max(avail, w), 0));
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip("%s", behind(cell).c_str());
    }
    return clicked;
}

// A figure's header wider than its figures goes on two lines, broken at the space nearest the
// middle ("Answers coded by\n2+ coders"), so the table does not spread for its headers.
std::string two_lines(const std::string& header, float figures_width) {
    if (ImGui::CalcTextSize(header.c_str()).x <= figures_width) return header;
    std::size_t best = std::string::npos;
    for (auto i = header.find(' '); i != std::string::npos; i = header.find(' ', i + 1))
        if (best == std::string::npos || std::abs(double(i) - double(header.size()) / 2) <
                                             std::abs(double(best) - double(header.size()) / 2))
            best = i;
    if (best == std::string::npos) return header;
    return header.substr(0, best) + "\n" + header.substr(best + 1);
}

} // namespace

void SummaryTableView::rebuild(const ShownSummary& shown) {
    serial_ = shown.serial;
    const auto& t = shown.table;
    widths_.assign(t.columns.size(), 0.0f);
    headers_.clear();
    for (const auto& col : t.columns)
        headers_.push_back(col.header);
    weights_.assign(t.columns.size(), 0.0f);
    const float em = ImGui::GetFontSize();
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        // The longest text of the column (by its first line), measured: digits and most
        // letters are about equally wide, so the longest in bytes is close to the widest.
        std::size_t longest = 0;
        const std::string* widest = nullptr;
        for (const auto& row : shown.text) {
            auto line = std::min(row[c].find('\n'), row[c].size());
            if (line > longest) {
                longest = line;
                widest = &row[c];
            }
        }
        float w = widest ? ImGui::CalcTextSize(widest->c_str(), widest->c_str() + longest).x : 0;
        if (numeric(t.columns[c].type)) {
            // Every figure fits, and a header wider than them goes on two lines.
            headers_[c] = two_lines(t.columns[c].header, w);
            widths_[c] = std::max(w + em * 0.5f, ImGui::CalcTextSize(headers_[c].c_str()).x + em);
        } else if (w <= em * 16) {
            // Short text (a date, a group, a code's path) is shown whole.
            widths_[c] = std::max(w + em * 0.5f, ImGui::CalcTextSize(headers_[c].c_str()).x + em);
        } else {
            // Long text (notes, quotes) shares what is left, by how long it runs on average.
            std::size_t chars = t.columns[c].header.size();
            for (const auto& row : shown.text)
                chars += std::min<std::size_t>(row[c].size(), 200);
            weights_[c] = std::clamp(float(chars) / float(shown.text.size() + 1), 6.0f, 60.0f);
        }
    }
    // Rows with nothing behind any figure (a code no one applied in a group) can be hidden,
    // when the table has such figures at all.
    coded_.assign(t.rows.size(), 0);
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        coded_[r] = std::any_of(t.rows[r].begin(), t.rows[r].end(), clickable);
    offer_hide_ = std::find(coded_.begin(), coded_.end(), 1) != coded_.end() &&
                  std::find(coded_.begin(), coded_.end(), 0) != coded_.end();
    if (sort_column_ >= static_cast<int>(t.columns.size())) sort_column_ = -1;
    filtered_for_ = filter_ + "\x01"; // differs: filter and sort again
}

void SummaryTableView::sort_rows(const ShownSummary& shown) {
    filtered_for_ = filter_;
    rows_.clear();
    auto needle = lower(filter_);
    for (std::size_t r = 0; r < shown.text.size(); ++r) {
        if (offer_hide_ && hide_uncoded_ && !coded_[r]) continue;
        bool keep = needle.empty();
        for (std::size_t c = 0; !keep && c < shown.text[r].size(); ++c)
            keep = lower(shown.text[r][c]).find(needle) != std::string::npos;
        if (keep) rows_.push_back(r);
    }
    if (sort_column_ < 0) return; // the summary's own order
    auto c = static_cast<std::size_t>(sort_column_);
    bool is_number = numeric(shown.table.columns[c].type);
    std::stable_sort(rows_.begin(), rows_.end(), [&](std::size_t a, std::size_t b) {
        return cell_less(shown.table.rows[a][c], shown.text[a][c], shown.table.rows[b][c],
                         shown.text[b][c], is_number, sort_ascending_);
    });
}

std::optional<CellClick> SummaryTableView::draw(const ShownSummary& shown, const ImVec2& size) {
    const auto& t = shown.table;
    if (shown.serial != serial_) rebuild(shown);
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(em * 16);
    ImGui::InputTextWithHint("##rows_filter", "Filter rows (any column)", &filter_);
    probe("summaries.rows_filter");
    if (offer_hide_) {
        ImGui::SameLine();
        if (ImGui::Checkbox("Hide uncoded rows", &hide_uncoded_)) sort_rows(shown);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Hide the rows with no segment or answer behind any figure");
        probe("summaries.hide_uncoded");
    }
    if (filter_ != filtered_for_) sort_rows(shown);
    ImGui::SameLine();
    std::string count = std::to_string(rows_.size()) + " of " + std::to_string(t.rows.size()) +
                        (t.rows.size() == 1 ? " row" : " rows");
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", count.c_str());
    probe("summaries.rows", count);
    if (t.columns.empty()) return std::nullopt;

    // Text columns share what the figures leave, by how long their text runs; a table too wide
    // for the window scrolls sideways rather than cutting a figure.
    float fixed = ImGui::GetStyle().ScrollbarSize + em;
    int stretching = 0;
    for (std::size_t c = 0; c < widths_.size(); ++c) {
        fixed += widths_[c];
        stretching += weights_[c] > 0;
    }
    float needed = fixed + float(stretching) * em * 12;
    float outer = size.x > 0 ? size.x : ImGui::GetContentRegionAvail().x;
    ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate |
                            ImGuiTableFlags_Resizable | ImGuiTableFlags_RowBg |
                            ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                            ImGuiTableFlags_ScrollY;
    float inner = 0;
    if (needed > outer) {
        flags |= ImGuiTableFlags_ScrollX;
        inner = needed;
    }
    ImVec2 table_size(size.x, std::max(size.y - ImGui::GetFrameHeightWithSpacing(), em * 4));
    // One table id per summary: ImGui keeps each one's column widths and sort apart.
    if (!ImGui::BeginTable(("##" + t.id).c_str(), static_cast<int>(t.columns.size()), flags,
                           table_size, inner))
        return std::nullopt;
    // The first column (what a row is about) stays in view when the table scrolls sideways.
    ImGui::TableSetupScrollFreeze(numeric(t.columns[0].type) ? 0 : 1, 1);
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        ImGuiTableColumnFlags column = numeric(t.columns[c].type)
                                           ? ImGuiTableColumnFlags_PreferSortDescending
                                           : ImGuiTableColumnFlags_None;
        if (weights_[c] > 0)
            ImGui::TableSetupColumn(headers_[c].c_str(),
                                    column | ImGuiTableColumnFlags_WidthStretch, weights_[c]);
        else
            ImGui::TableSetupColumn(headers_[c].c_str(), column | ImGuiTableColumnFlags_WidthFixed,
                                    widths_[c]);
    }
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        sort_column_ = specs->SpecsCount > 0 ? specs->Specs[0].ColumnIndex : -1;
        sort_ascending_ =
            specs->SpecsCount == 0 || specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
        sort_rows(shown);
        specs->SpecsDirty = false;
    }
    auto clicked = draw_rows(shown);
    ImGui::EndTable();
    return clicked;
}

std::optional<CellClick> SummaryTableView::draw_rows(const ShownSummary& shown) {
    const auto& t = shown.table;
    std::optional<CellClick> clicked;
    ImGuiListClipper clipper; // every row is one line high
    clipper.Begin(static_cast<int>(rows_.size()));
    // A row asked to stay in view (the one whose count was clicked, when the drill-down takes
    // half the height): drawn whatever the scroll, and scrolled to.
    int reveal = -1;
    if (reveal_) {
        auto it = std::find(rows_.begin(), rows_.end(), *reveal_);
        if (it != rows_.end()) reveal = static_cast<int>(it - rows_.begin());
        if (reveal >= 0) clipper.ForceDisplayRangeByIndices(reveal, reveal + 1);
        reveal_.reset();
    }
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            std::size_t r = rows_[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            if (i == reveal) ImGui::SetScrollHereY(0.5f);
            ImGui::PushID(static_cast<int>(r));
            for (std::size_t c = 0; c < t.columns.size(); ++c) {
                ImGui::TableNextColumn();
                const auto& text = shown.text[r][c];
                ImGui::PushID(static_cast<int>(c));
                bool hit = numeric(t.columns[c].type) ? number_cell(t.rows[r][c], text)
                                                      : text_cell(t.rows[r][c], text);
                if (hit) clicked = CellClick{r, static_cast<int>(c)};
                ImGui::PopID();
                probe("summaries.cell." + std::to_string(r) + "." + t.columns[c].id, text);
            }
            ImGui::PopID();
        }
    return clicked;
}

} // namespace convene::app
