// Summaries > chart: clustered horizontal bars drawn with ImDrawList, one block per code and
// one bar per series (a stakeholder group; or kappa and alpha), with a legend, an axis with
// round ticks, the value at the end of each bar, and a click on a bar opening what is behind it.
#include "app/ui_probe.hpp"
#include "app/views/summary_panels.hpp"

#include <algorithm>
#include <cmath>
#include <imgui.h>
#include <map>
#include <string_view>

namespace convene::app {
namespace {

using exporting::Cell;
using exporting::SummaryTable;

// Okabe and Ito's palette: told apart with every common colour-vision deficiency.
ImU32 series_colour(std::size_t i) {
    static const ImU32 colours[] = {IM_COL32(0, 114, 178, 255),   IM_COL32(230, 159, 0, 255),
                                    IM_COL32(0, 158, 115, 255),   IM_COL32(204, 121, 167, 255),
                                    IM_COL32(86, 180, 233, 255),  IM_COL32(213, 94, 0, 255),
                                    IM_COL32(120, 120, 120, 255), IM_COL32(240, 228, 66, 255)};
    return colours[i % std::size(colours)];
}

// The smallest of 1, 2, 2.5, 5 times a power of ten that is at least x (x > 0).
double nice_ceiling(double x) {
    double p = std::pow(10.0, std::floor(std::log10(x)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * p >= x - 1e-12) return m * p;
    return 10 * p;
}

void fit_axis(BarChart& chart, double at_least_hi) {
    double lo = 0, hi = at_least_hi;
    for (const auto& c : chart.categories)
        for (const auto& v : c.values)
            if (v) {
                lo = std::min(lo, *v);
                hi = std::max(hi, *v);
            }
    chart.hi = hi > 0 ? nice_ceiling(hi) : 1;
    chart.lo = lo < 0 ? -nice_ceiling(-lo) : 0;
}

// A long table (one row per category and series) as a chart of one value column; the click on
// a bar opens the cell of click_column (the one holding the segments).
BarChart long_chart(const ShownSummary& shown, int category, int series, int value,
                    int click_column) {
    const auto& t = shown.table;
    BarChart chart;
    chart.value = t.columns[static_cast<std::size_t>(value)];
    std::map<std::string, std::size_t> series_index;
    std::map<std::string, std::size_t> category_index;
    for (const auto& row : t.rows) {
        const auto* s = row[static_cast<std::size_t>(series)].text();
        if (s && series_index.emplace(*s, chart.series.size()).second)
            chart.series.push_back(*s); // the table already shows the guide's label
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto& row = t.rows[r];
        const auto* cat = row[static_cast<std::size_t>(category)].text();
        const auto* s = row[static_cast<std::size_t>(series)].text();
        if (!cat || !s) continue;
        auto [it, added] = category_index.emplace(*cat, chart.categories.size());
        if (added) {
            chart.categories.push_back({*cat, {}, {}});
            chart.categories.back().values.resize(chart.series.size());
            chart.categories.back().cells.resize(chart.series.size());
        }
        auto& c = chart.categories[it->second];
        auto k = series_index[*s];
        const auto& v = row[static_cast<std::size_t>(value)];
        if (!v.empty()) c.values[k] = v.number();
        c.cells[k] = CellClick{r, click_column};
    }
    // Codes nobody applied in the selection would only be empty blocks.
    std::erase_if(chart.categories, [](const BarChart::Category& c) {
        return std::none_of(c.values.begin(), c.values.end(),
                            [](const auto& v) { return v && *v != 0; });
    });
    fit_axis(chart, 0);
    return chart;
}

// A wide table (one row per category) as a chart of several value columns of the same scale.
BarChart wide_chart(const ShownSummary& shown, int category, const std::vector<int>& values,
                    int click_column) {
    const auto& t = shown.table;
    BarChart chart;
    chart.value = t.columns[static_cast<std::size_t>(values.front())];
    for (int v : values)
        chart.series.push_back(t.columns[static_cast<std::size_t>(v)].header);
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto& row = t.rows[r];
        BarChart::Category c;
        c.label = shown.text[r][static_cast<std::size_t>(category)];
        for (int v : values) {
            const auto& cell = row[static_cast<std::size_t>(v)];
            c.values.push_back(cell.empty() ? std::nullopt : std::optional<double>(cell.number()));
            c.cells.push_back(CellClick{r, click_column});
        }
        chart.categories.push_back(std::move(c));
    }
    fit_axis(chart, 1);
    return chart;
}

} // namespace

std::vector<ChartChoice> charts_for(const ShownSummary& shown) {
    const auto& t = shown.table;
    std::vector<ChartChoice> out;
    if (t.id == "code_frequencies") {
        int code = t.column("code"), group = t.column("group"), segments = t.column("segments");
        if (code < 0 || group < 0 || segments < 0) return out;
        for (const char* id : {"group_share", "segments", "conversations"})
            if (int v = t.column(id); v >= 0)
                out.push_back({t.columns[static_cast<std::size_t>(v)].header,
                               long_chart(shown, code, group, v, segments)});
    } else if (t.id == "intercoder_agreement") {
        int code = t.column("code"), kappa = t.column("cohen_kappa"),
            alpha = t.column("krippendorff_alpha"), disagreements = t.column("disagreements");
        if (code < 0 || kappa < 0 || alpha < 0 || disagreements < 0) return out;
        bool any_kappa = std::any_of(t.rows.begin(), t.rows.end(), [&](const auto& row) {
            return !row[static_cast<std::size_t>(kappa)].empty();
        });
        std::vector<int> values = any_kappa ? std::vector<int>{kappa, alpha} : std::vector{alpha};
        out.push_back({"Kappa and alpha", wide_chart(shown, code, values, disagreements)});
    }
    return out;
}

namespace {

struct Layout {
    float label_w, plot_x0, plot_x1, value_w, bar_h, block_h;
    float x(const BarChart& c, double v) const {
        return plot_x0 + float((v - c.lo) / (c.hi - c.lo)) * (plot_x1 - plot_x0);
    }
};

std::string value_text(const BarChart& chart, double v) {
    return exporting::format_cell(chart.value, Cell(v));
}

// A tick's label with as few decimals as the step needs (0.25 -> 2, 20% -> 0).
std::string tick_text(const BarChart& chart, double v, double step) {
    auto column = chart.value;
    double scaled = column.type == exporting::ColumnType::Percent ? step * 100 : step;
    int decimals = 0;
    while (decimals < 3 && std::abs(scaled - std::round(scaled)) > 1e-9) {
        scaled *= 10;
        ++decimals;
    }
    column.decimals = decimals;
    if (column.type == exporting::ColumnType::Integer) column.type = exporting::ColumnType::Real;
    return exporting::format_cell(column, Cell(v));
}

// Text drawn at pos, cut with "…" to width; true when it was cut.
bool cut_text(ImDrawList* dl, ImVec2 pos, float width, std::string_view text, ImU32 colour) {
    const char* begin = text.data();
    const char* end = begin + text.size();
    if (ImGui::CalcTextSize(begin, end).x <= width) {
        dl->AddText(pos, colour, begin, end);
        return false;
    }
    const char* ellipsis = "\xE2\x80\xA6"; // …
    const char* cut = end;
    ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize(), width - ImGui::CalcTextSize(ellipsis).x,
                                    0, begin, end, &cut);
    std::string shown = std::string(begin, cut) + ellipsis;
    dl->AddText(pos, colour, shown.c_str());
    return true;
}

// A code's label in its block: "Parent / Child" as the parent (faint) over the child, each cut
// to width; the whole path in a tooltip when something was cut.
void category_label(ImDrawList* dl, ImVec2 top, float width, float height,
                    const std::string& label) {
    float line = ImGui::GetTextLineHeight();
    auto slash = label.rfind(" / ");
    bool cut = false;
    if (slash == std::string::npos || height < line * 2) {
        cut = cut_text(dl, ImVec2(top.x, top.y + (height - line) / 2), width, label,
                       ImGui::GetColorU32(ImGuiCol_Text));
    } else {
        float y = top.y + height / 2 - line;
        std::string_view all(label);
        cut = cut_text(dl, ImVec2(top.x, y), width, all.substr(0, slash),
                       ImGui::GetColorU32(ImGuiCol_TextDisabled));
        cut |= cut_text(dl, ImVec2(top.x, y + line), width, all.substr(slash + 3),
                        ImGui::GetColorU32(ImGuiCol_Text));
    }
    if (cut && ImGui::IsWindowHovered() &&
        ImGui::IsMouseHoveringRect(top, ImVec2(top.x + width, top.y + height)))
        ImGui::SetTooltip("%s", label.c_str());
}

void draw_legend(const BarChart& chart) {
    auto* dl = ImGui::GetWindowDrawList();
    float sq = ImGui::GetTextLineHeight() * 0.8f;
    std::string names;
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        // Side by side while they fit; a legend wider than the chart goes on to a new line.
        float w =
            sq + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(chart.series[s].c_str()).x;
        if (s > 0) ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
        if (s > 0 && ImGui::GetCursorPosX() + w > ImGui::GetWindowContentRegionMax().x)
            ImGui::NewLine();
        ImVec2 p = ImGui::GetCursorScreenPos();
        float pad = (ImGui::GetTextLineHeight() - sq) / 2;
        dl->AddRectFilled(ImVec2(p.x, p.y + pad), ImVec2(p.x + sq, p.y + pad + sq),
                          series_colour(s), 2);
        ImGui::Dummy(ImVec2(sq, ImGui::GetTextLineHeight()));
        ImGui::SameLine();
        ImGui::TextUnformatted(chart.series[s].c_str());
        names += (s ? ", " : "") + chart.series[s];
    }
    probe("summaries.chart.legend", names);
}

double tick_step(const BarChart& chart) {
    return nice_ceiling((chart.hi - chart.lo) / 5);
}

// Tick values at a round step, about five across the axis.
std::vector<double> ticks(const BarChart& chart) {
    double step = tick_step(chart);
    std::vector<double> out;
    for (double v = std::ceil(chart.lo / step - 1e-9) * step; v <= chart.hi + 1e-9; v += step)
        out.push_back(std::abs(v) < 1e-12 ? 0.0 : v);
    return out;
}

void draw_axis(const BarChart& chart, const Layout& l) {
    auto* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    for (double v : ticks(chart)) {
        auto text = tick_text(chart, v, tick_step(chart));
        float w = ImGui::CalcTextSize(text.c_str()).x;
        dl->AddText(ImVec2(p.x + l.x(chart, v) - w / 2, p.y),
                    ImGui::GetColorU32(ImGuiCol_TextDisabled), text.c_str());
    }
    ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeight()));
}

// One code's block: its label, the grid, and a bar per series; returns the bar clicked.
std::optional<CellClick> draw_block(const BarChart& chart, std::size_t i, const Layout& l) {
    const auto& cat = chart.categories[i];
    auto* dl = ImGui::GetWindowDrawList();
    ImVec2 top = ImGui::GetCursorScreenPos();
    float origin = top.x;
    float gap = 2, pad = (l.block_h - float(chart.series.size()) * (l.bar_h + gap)) / 2;
    category_label(dl, top, l.label_w, l.block_h, cat.label);
    for (double v : ticks(chart))
        dl->AddLine(ImVec2(origin + l.x(chart, v), top.y),
                    ImVec2(origin + l.x(chart, v), top.y + l.block_h),
                    ImGui::GetColorU32(ImGuiCol_Border));
    float zero = origin + l.x(chart, 0);
    std::optional<CellClick> clicked;
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        float y = top.y + pad + float(s) * (l.bar_h + gap);
        ImGui::SetCursorScreenPos(ImVec2(origin, y));
        ImGui::PushID(static_cast<int>(i * 64 + s));
        bool hit = ImGui::InvisibleButton("##bar", ImVec2(l.plot_x1 + l.value_w, l.bar_h));
        bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        const auto& v = cat.values[s];
        std::string text = v ? value_text(chart, *v) : "undefined";
        probe("summaries.bar." + std::to_string(i) + "." + std::to_string(s),
              cat.label + " / " + chart.series[s] + ": " + text);
        if (v) {
            float end = origin + l.x(chart, *v);
            ImU32 colour = series_colour(s);
            if (hovered) colour = (colour & 0x00FFFFFF) | 0xC0000000;
            dl->AddRectFilled(ImVec2(std::min(zero, end), y),
                              ImVec2(std::max(zero, end) + (*v == 0 ? 1.0f : 0.0f), y + l.bar_h),
                              colour);
        }
        float tx = (v ? std::max(zero, origin + l.x(chart, *v)) : zero) + 4;
        dl->AddText(ImVec2(tx, y + (l.bar_h - ImGui::GetTextLineHeight()) / 2),
                    ImGui::GetColorU32(v ? ImGuiCol_Text : ImGuiCol_TextDisabled), text.c_str());
        if (hovered) {
            ImGui::SetTooltip("%s\n%s: %s\nClick to read what is behind it", cat.label.c_str(),
                              chart.series[s].c_str(), text.c_str());
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        }
        if (hit) clicked = cat.cells[s];
    }
    ImGui::SetCursorScreenPos(top);
    ImGui::Dummy(ImVec2(l.plot_x1 + l.value_w, l.block_h));
    return clicked;
}

} // namespace

std::optional<CellClick> draw_bar_chart(const BarChart& chart, const ImVec2& size) {
    const float y0 = ImGui::GetCursorPosY();
    draw_legend(chart);
    if (chart.categories.empty()) {
        ImGui::TextDisabled("Nothing to chart: no code was applied in this selection.");
        return std::nullopt;
    }
    const float em = ImGui::GetFontSize();
    float width = size.x > 0 ? size.x : ImGui::GetContentRegionAvail().x;
    Layout l{};
    float longest = 0;
    for (const auto& c : chart.categories) { // the longer of a code's two lines
        auto slash = c.label.rfind(" / ");
        float w = slash == std::string::npos
                      ? ImGui::CalcTextSize(c.label.c_str()).x
                      : std::max(ImGui::CalcTextSize(c.label.c_str(), c.label.c_str() + slash).x,
                                 ImGui::CalcTextSize(c.label.c_str() + slash + 3).x);
        longest = std::max(longest, w);
    }
    l.label_w = std::min(longest, width * 0.35f);
    l.value_w = ImGui::CalcTextSize((value_text(chart, chart.hi) + "00").c_str()).x;
    l.plot_x0 = l.label_w + em;
    l.plot_x1 = std::max(l.plot_x0 + em * 6, width - l.value_w - ImGui::GetStyle().ScrollbarSize);
    l.bar_h = ImGui::GetTextLineHeight();
    l.block_h = float(chart.series.size()) * (l.bar_h + 2) + em * 0.7f;
    draw_axis(chart, l);
    std::optional<CellClick> clicked;
    float used = ImGui::GetCursorPosY() - y0;
    ImGui::BeginChild("##bars", ImVec2(size.x, std::max(size.y - used, em * 4)));
    ImGuiListClipper clipper; // every block is as high as the next
    clipper.Begin(static_cast<int>(chart.categories.size()), l.block_h);
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
            if (auto c = draw_block(chart, static_cast<std::size_t>(i), l)) clicked = c;
    ImGui::EndChild();
    return clicked;
}

} // namespace convene::app
