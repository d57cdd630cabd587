// Surveys > results: constructs (score, spread, Cronbach's alpha) and items with a diverging
// stacked bar per Likert item: disagreement left of the centre line, agreement right of it.
#include "app/fonts.hpp"
#include "app/ui_probe.hpp"
#include "app/views/survey_panels.hpp"
#include "app/widgets.hpp"

#include <atomic>
#include <cstdio>
#include <imgui.h>

namespace convene::app {
namespace {

// Colours from strong disagreement (red) through neutral (grey) to strong agreement (blue).
ImU32 bar_colour(int value, int points) {
    float t = points > 1 ? float(value - 1) / float(points - 1) : 0.5f;
    ImVec4 neg(0.80f, 0.33f, 0.26f, 1), mid(0.75f, 0.75f, 0.75f, 1), pos(0.20f, 0.45f, 0.75f, 1);
    ImVec4 a = t < 0.5f ? neg : mid, b = t < 0.5f ? mid : pos;
    float u = t < 0.5f ? t * 2 : (t - 0.5f) * 2;
    return ImGui::GetColorU32(
        ImVec4(a.x + (b.x - a.x) * u, a.y + (b.y - a.y) * u, a.z + (b.z - a.z) * u, 1));
}

void diverging_bar(const exporting::ItemResult& r, float width) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = ImGui::GetTextLineHeight();
    ImGui::Dummy(ImVec2(width, h));
    if (r.n == 0 || r.points < 2) return;
    auto* dl = ImGui::GetWindowDrawList();
    float centre = p.x + width / 2;
    float scale = width / 2 / float(r.n);
    int mid = (r.points + 1) / 2; // the neutral point, when the scale has one
    bool odd = r.points % 2 == 1;
    // Neutral straddles the centre; disagreement grows leftwards, agreement rightwards.
    float left = centre, right = centre;
    if (odd) {
        float half = float(r.distribution[std::size_t(mid - 1)]) * scale / 2;
        left -= half;
        right += half;
        dl->AddRectFilled(ImVec2(left, p.y), ImVec2(right, p.y + h), bar_colour(mid, r.points));
    }
    for (int v = (odd ? mid - 1 : mid); v >= 1; --v) {
        float w = float(r.distribution[std::size_t(v - 1)]) * scale;
        dl->AddRectFilled(ImVec2(left - w, p.y), ImVec2(left, p.y + h), bar_colour(v, r.points));
        left -= w;
    }
    for (int v = (odd ? mid + 1 : mid + 1); v <= r.points; ++v) {
        float w = float(r.distribution[std::size_t(v - 1)]) * scale;
        dl->AddRectFilled(ImVec2(right, p.y), ImVec2(right + w, p.y + h), bar_colour(v, r.points));
        right += w;
    }
    dl->AddLine(ImVec2(centre, p.y - 1), ImVec2(centre, p.y + h + 1),
                ImGui::GetColorU32(ImGuiCol_Text));
}

// Each answer of the scale: its colour, label, count and share, for the bar's tooltip.
void answer_tooltip(const guides::Instrument& inst, const exporting::ItemResult& r) {
    const auto* scale = inst.scale_of(r.item_id);
    auto shares = exporting::answer_shares(r);
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::TextWrapped("%s", r.text.c_str());
    ImGui::PopTextWrapPos();
    for (std::size_t v = 0; v < shares.percent.size(); ++v) {
        ImGui::ColorButton("##c", ImGui::ColorConvertU32ToFloat4(bar_colour(int(v) + 1, r.points)),
                           ImGuiColorEditFlags_NoTooltip, ImVec2(10, 10));
        ImGui::SameLine();
        std::string label = scale ? scale->label_of(int(v) + 1) : std::to_string(v + 1);
        ImGui::Text("%s: %zu (%.0f%%)", label.c_str(), r.distribution[v], shares.percent[v]);
    }
    ImGui::Text("Agreeing (top two): %.0f%%, disagreeing (bottom two): %.0f%%", shares.top_two,
                shares.bottom_two);
    ImGui::EndTooltip();
}

// The colours of the first Likert scale, with its labels: the key to the bars.
void legend(const guides::Instrument& inst) {
    if (inst.scales.empty()) return;
    const auto& scale = inst.scales.front();
    for (int v = 1; v <= scale.points(); ++v) {
        if (v > 1) ImGui::SameLine();
        ImGui::ColorButton("##legend",
                           ImGui::ColorConvertU32ToFloat4(bar_colour(v, scale.points())),
                           ImGuiColorEditFlags_NoTooltip, ImVec2(10, 10));
        ImGui::SameLine();
        ImGui::TextUnformatted(scale.label_of(v).c_str());
    }
    probe("surveys.legend", scale.label_of(1));
}

void draw_open_text(const SurveyModel& m) {
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted("Open-text answers");
    ImGui::PopFont();
    probe("surveys.open_text");
    for (const auto& item : m.open_text) {
        ImGui::PushID(item.item_id.c_str());
        widgets::wrapped(item.item_text.c_str());
        ImGui::TextDisabled("%s", widgets::count(item.answers.size(), "answer").c_str());
        probe("surveys.open_text." + item.item_id, widgets::count(item.answers.size(), "answer"));
        if (!item.answers.empty() &&
            ImGui::BeginTable("##answers", 2,
                              ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
            ImGui::TableSetupColumn("Respondent", ImGuiTableColumnFlags_WidthFixed,
                                    ImGui::GetFontSize() * 8);
            ImGui::TableSetupColumn("Answer", ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableHeadersRow();
            for (std::size_t i = 0; i < item.answers.size(); ++i) {
                const auto& a = item.answers[i];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(a.respondent.c_str());
                ImGui::TableNextColumn();
                widgets::wrapped(a.text.c_str());
                probe("surveys.open_text." + item.item_id + "." + std::to_string(i),
                      a.respondent + ": " + a.text);
            }
            ImGui::EndTable();
        }
        ImGui::Spacing();
        ImGui::PopID();
    }
}

} // namespace

std::string respondent_name(const store::Respondent& r) {
    return r.external_id.empty() ? r.uuid.substr(0, 8) : r.external_id;
}

std::string answer_text(const guides::Instrument& instrument, const guides::Item& item,
                        const store::ResponseValue& value) {
    switch (item.type) {
    case guides::ItemType::Likert: {
        if (!value.number) return "";
        const auto* scale = instrument.scale_of(item.id);
        auto v = static_cast<int>(*value.number);
        std::string label = scale ? scale->label_of(v) : "";
        char number[32];
        std::snprintf(number, sizeof number, "%g", *value.number);
        return label.empty() ? number : label + " (" + number + ")";
    }
    case guides::ItemType::Number: {
        if (!value.number) return "";
        char number[64];
        std::snprintf(number, sizeof number, "%g", *value.number);
        return item.unit.empty() ? number : std::string(number) + " " + item.unit;
    }
    case guides::ItemType::Multi: {
        std::string out;
        for (const auto& c : value.choices)
            out += (out.empty() ? "" : "; ") + c;
        return out;
    }
    case guides::ItemType::Choice:
    case guides::ItemType::Text:
        return value.text;
    }
    return "";
}

std::unique_ptr<SurveyModel> make_survey_model(store::Workspace& ws,
                                               const std::string& instrument_id) {
    static std::atomic<std::uint64_t> generations{0};
    auto m = std::make_unique<SurveyModel>();
    m->generation = ++generations;
    m->instrument_id = instrument_id;
    m->data = store::load_survey(ws, instrument_id);
    m->table = exporting::make_table(m->data);
    m->items = exporting::item_results(m->table);
    m->constructs = exporting::construct_results(m->table);
    auto complete = exporting::complete_respondents(m->table);
    for (bool keep : {true, false}) {
        auto data = exporting::only(m->data, complete, keep);
        auto table = exporting::make_table(data);
        auto& subset = keep ? m->complete : m->partial;
        subset.respondents = data.respondents.size();
        subset.items = exporting::item_results(table);
        subset.constructs = exporting::construct_results(table);
    }
    for (const auto& item : m->data.instrument.items) {
        if (item.type != guides::ItemType::Text) continue;
        OpenTextItem t{item.id, item.text, {}};
        for (const auto& r : m->data.respondents)
            if (auto it = r.responses.find(item.id);
                it != r.responses.end() && !it->second.text.empty())
                t.answers.push_back({respondent_name(r), it->second.text});
        m->open_text.push_back(std::move(t));
    }
    return m;
}

// All, complete or partial responses: a combo naming how many each has.
static void filter_combo(const SurveyModel& m, int& filter) {
    const char* names[] = {"All responses", "Complete responses", "Partial responses"};
    std::size_t counts[] = {m.data.respondents.size(), m.complete.respondents,
                            m.partial.respondents};
    auto label = [&](int i) {
        return std::string(names[i]) + " (" + std::to_string(counts[i]) + ")";
    };
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (ImGui::BeginCombo("##filter", label(filter).c_str())) {
        const char* ids[] = {"all", "complete", "partial"};
        for (int i = 0; i < 3; ++i) {
            if (ImGui::Selectable(label(i).c_str(), i == filter)) filter = i;
            probe(std::string("surveys.results.filter.") + ids[i]);
        }
        ImGui::EndCombo();
    }
    probe("surveys.results.filter");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Complete: answered every rating and number item; partial: the rest.");
}

void draw_survey_results(const SurveyModel& model, int& filter) {
    if (model.data.respondents.empty()) {
        widgets::empty_state("No responses yet",
                             "Import a CSV from your survey service, or collect "
                             "responses on this laptop with the kiosk.");
        return;
    }
    filter_combo(model, filter);
    // What the filter shows: references into the model, nothing copied in a frame.
    struct Shown {
        std::size_t respondents;
        const std::vector<exporting::ItemResult>& items;
        const std::vector<exporting::ConstructResult>& constructs;
        const std::vector<OpenTextItem>& open_text;
        const store::SurveyData& data;
    };
    const auto& sub = filter == 1 ? model.complete : model.partial;
    const Shown m = filter == 0 ? Shown{model.data.respondents.size(), model.items,
                                        model.constructs, model.open_text, model.data}
                                : Shown{sub.respondents, sub.items, sub.constructs, model.open_text,
                                        model.data};
    ImGui::SameLine();
    const auto count = widgets::count(m.respondents, "respondent");
    ImGui::TextUnformatted(count.c_str());
    probe("surveys.results.count", count);
    if (!m.constructs.empty() &&
        ImGui::BeginTable("##constructs", 5,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        float em = ImGui::GetFontSize();
        ImGui::TableSetupColumn("Construct", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("n", ImGuiTableColumnFlags_WidthFixed, em * 3);
        ImGui::TableSetupColumn("Mean", ImGuiTableColumnFlags_WidthFixed, em * 3);
        ImGui::TableSetupColumn("SD", ImGuiTableColumnFlags_WidthFixed, em * 3);
        ImGui::TableSetupColumn("Alpha", ImGuiTableColumnFlags_WidthFixed, em * 3);
        ImGui::TableHeadersRow();
        for (const auto& c : m.constructs) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%s (%s)", c.label.c_str(), widgets::count(c.items, "item").c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%zu", c.n);
            ImGui::TableNextColumn();
            if (c.score) ImGui::Text("%.2f", c.score->mean);
            ImGui::TableNextColumn();
            if (c.score && c.score->n > 1) ImGui::Text("%.2f", c.score->sd);
            ImGui::TableNextColumn();
            if (c.alpha)
                ImGui::Text("%.2f", *c.alpha);
            else
                ImGui::TextDisabled("-");
        }
        ImGui::EndTable();
    }
    probe("surveys.constructs");
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    widgets::wrapped("Items: answers as given (reverse-scored items marked R); each bar puts "
                     "disagreement left of the line and agreement right of it, neutral across it.");
    ImGui::PopStyleColor();
    legend(m.data.instrument);
    float bar_w = ImGui::GetFontSize() * 12;
    // With open questions, the items take a little under half the height, their answers the rest.
    bool any_text = false;
    for (const auto& t : m.open_text)
        any_text |= !t.answers.empty();
    const float items_h = any_text ? ImGui::GetContentRegionAvail().y * 0.45f : 0.0f;
    if (!ImGui::BeginTable("##items", 8,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                               ImGuiTableFlags_ScrollY,
                           ImVec2(0, items_h)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Item", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("n", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 2.5f);
    ImGui::TableSetupColumn("Mean", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 3);
    ImGui::TableSetupColumn("SD", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 3);
    ImGui::TableSetupColumn("Median", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 3.5f);
    ImGui::TableSetupColumn("Agree", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 3);
    ImGui::TableSetupColumn("Disagree", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 4);
    ImGui::TableSetupColumn("Distribution", ImGuiTableColumnFlags_WidthFixed, bar_w);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m.items.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& r = m.items[std::size_t(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%s%s", r.reverse ? "(R) " : "", r.text.c_str());
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s\n(%s)", r.text.c_str(), r.item_id.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%zu", r.n);
            ImGui::TableNextColumn();
            if (r.stats) ImGui::Text("%.2f", r.stats->mean);
            ImGui::TableNextColumn();
            if (r.stats && r.stats->n > 1) ImGui::Text("%.2f", r.stats->sd);
            ImGui::TableNextColumn();
            if (r.stats) ImGui::Text("%g", r.stats->median);
            auto shares = r.likert ? exporting::answer_shares(r) : exporting::AnswerShares{};
            ImGui::TableNextColumn();
            if (!shares.percent.empty()) ImGui::Text("%.0f%%", shares.top_two);
            probe("surveys.item.agree." + r.item_id);
            ImGui::TableNextColumn();
            if (!shares.percent.empty()) ImGui::Text("%.0f%%", shares.bottom_two);
            ImGui::TableNextColumn();
            if (r.likert) {
                diverging_bar(r, bar_w - 4);
                if (ImGui::IsItemHovered()) answer_tooltip(m.data.instrument, r);
            }
        }
    }
    ImGui::EndTable();
    if (m.open_text.empty()) return;
    ImGui::Spacing();
    ImGui::BeginChild("##open_text");
    draw_open_text(model);
    ImGui::EndChild();
}

} // namespace convene::app
