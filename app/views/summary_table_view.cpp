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

// One line of text, cut with "…" to the width left in the cell; the whole text in a tooltip
// when cut.
void text_cell(const std::string& text) {
    const char* begin = text.c_str();
    const char* end = begin + text.size();
    const char* line_end = std::find(begin, end, '\n');
    float avail = ImGui::GetContentRegionAvail().x;
    ImFont* font = ImGui::GetFont();
    float full = font->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, 0, begin, line_end).x;
    if (line_end == end && full <= avail) {
        ImGui::TextUnformatted(begin, end);
        return;
    }
    const char* ellipsis = "\xE2\x80\xA6"; // …
    float room = avail - ImGui::CalcTextSize(ellipsis).x;
    const char* cut = line_end;
    if (full > room) font->CalcTextSizeA(ImGui::GetFontSize(), room, 0, begin, line_end, &cut);
    std::string shown(begin, cut);
    shown += ellipsis;
    ImGui::TextUnformatted(shown.c_str());
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36);
        ImGui::TextUnformatted(begin, end);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

// A number flush right; a count with segments or answers behind it is a link that opens them.
bool number_cell(const Cell& cell, const std::string& text) {
    float w = ImGui::CalcTextSize(text.c_str()).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                         std::max(0.0f, ImGui::GetContentRegionAvail().x - w));
    if (!clickable(cell) || cell.number() == 0) {
        ImGui::TextUnformatted(text.c_str());
        return false;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    bool clicked = ImGui::Selectable(text.c_str(), false, ImGuiSelectableFlags_None, ImVec2(w, 0));
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        bool segments = !cell.segments.empty();
        auto n = segments ? cell.segments.size() : cell.answers.size();
        ImGui::SetTooltip("Click to read the %zu %s behind this figure", n,
                          segments ? (n == 1 ? "segment" : "segments")
                                   : (n == 1 ? "answer" : "answers"));
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
    weights_.assign(t.columns.size(), 1.0f);
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        if (!numeric(t.columns[c].type)) {
            // A text column's share of the width: how long its text runs, on average (a code's
            // path gets more room than a group's id; notes the most).
            std::size_t chars = t.columns[c].header.size();
            for (const auto& row : shown.text)
                chars += std::min<std::size_t>(row[c].size(), 200);
            weights_[c] = std::clamp(float(chars) / float(shown.text.size() + 1), 6.0f, 60.0f);
            continue;
        }
        // Every figure fits: measure the longest of them (digits are equally wide).
        std::size_t longest = 0;
        const std::string* widest = nullptr;
        for (const auto& row : shown.text)
            if (row[c].size() > longest) {
                longest = row[c].size();
                widest = &row[c];
            }
        float w = widest ? ImGui::CalcTextSize(widest->c_str()).x : 0;
        headers_[c] = two_lines(t.columns[c].header, w);
        widths_[c] = std::max(w, ImGui::CalcTextSize(headers_[c].c_str()).x) + ImGui::GetFontSize();
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
        if (ImGui::Checkbox("Hide rows with nothing coded", &hide_uncoded_)) sort_rows(shown);
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
    int text_columns = 0;
    for (float w : widths_) {
        fixed += w;
        text_columns += w == 0;
    }
    float needed = fixed + float(text_columns) * em * 9;
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
    if (!ImGui::BeginTable("##summary", static_cast<int>(t.columns.size()), flags, table_size,
                           inner))
        return std::nullopt;
    ImGui::TableSetupScrollFreeze(widths_.empty() || widths_[0] != 0 ? 0 : 1, 1);
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const auto& col = t.columns[c];
        if (widths_[c] > 0)
            ImGui::TableSetupColumn(headers_[c].c_str(),
                                    ImGuiTableColumnFlags_WidthFixed |
                                        ImGuiTableColumnFlags_PreferSortDescending,
                                    widths_[c]);
        else
            ImGui::TableSetupColumn(col.header.c_str(), ImGuiTableColumnFlags_WidthStretch,
                                    weights_[c]);
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
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            std::size_t r = rows_[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::PushID(static_cast<int>(r));
            for (std::size_t c = 0; c < t.columns.size(); ++c) {
                ImGui::TableNextColumn();
                const auto& text = shown.text[r][c];
                if (widths_[c] == 0) {
                    text_cell(text);
                } else {
                    ImGui::PushID(static_cast<int>(c));
                    if (number_cell(t.rows[r][c], text))
                        clicked = CellClick{r, static_cast<int>(c)};
                    ImGui::PopID();
                }
                probe("summaries.cell." + std::to_string(r) + "." + t.columns[c].id, text);
            }
            ImGui::PopID();
        }
    return clicked;
}

} // namespace convene::app
