// Summaries > drill-down: the coded segments behind a count, each with its excerpt, code, coder,
// organisation, group and question, read from the snapshot the table was computed from. A count
// of answers with no segments behind it (agreement) lists the answers' notes and their codings.
#include "app/fonts.hpp"
#include "app/ui_probe.hpp"
#include "app/views/summary_panels.hpp"
#include "app/widgets.hpp"

#include <algorithm>
#include <imgui.h>

namespace convene::app {
namespace {

// Enough to read; a count behind which more hide says how many more.
constexpr std::size_t kMaxItems = 400;

std::string question_of(const store::CodingSnapshot& s, const store::SnapshotAnswer& a) {
    auto q = s.question_text(a);
    return q.empty() ? s.question_id(a) : q;
}

void fill_context(const store::CodingSnapshot& s, const store::SnapshotAnswer& a,
                  DrilldownItem& item) {
    const auto& c = s.conversations[static_cast<std::size_t>(a.conversation)];
    item.organisation = c.org.empty() ? "(organisation not known)" : c.org;
    item.group = s.group_label(c.group);
    item.question = question_of(s, a);
}

std::string coder_name(const store::CodingSnapshot& s, int coder) {
    return coder < 0 ? "(a coder no longer listed)"
                     : s.coders[static_cast<std::size_t>(coder)].name;
}

DrilldownItem segment_item(const store::CodingSnapshot& s, std::size_t index) {
    DrilldownItem item;
    const auto& seg = s.segments.at(index);
    const auto& a = s.answers[static_cast<std::size_t>(seg.answer)];
    fill_context(s, a, item);
    item.code = s.codes[static_cast<std::size_t>(seg.code)].path;
    item.coder = coder_name(s, seg.coder);
    const auto& excerpt = s.segment_texts.at(index).excerpt;
    item.text = excerpt.empty() ? s.answer_text(static_cast<std::size_t>(seg.answer), false).notes
                                : excerpt;
    item.lost = seg.lost;
    return item;
}

// An answer's notes (or its quotes when it has no notes) and every coding on it.
DrilldownItem answer_item(const store::CodingSnapshot& s, int index) {
    DrilldownItem item;
    item.answer = true;
    const auto& a = s.answers[static_cast<std::size_t>(index)];
    fill_context(s, a, item);
    auto words = s.answer_text(static_cast<std::size_t>(index));
    item.text = words.notes;
    if (words.notes.empty())
        for (const auto& q : words.quotes)
            item.text += (item.text.empty() ? "\u201C" : "\n\u201C") + q.text + "\u201D";
    // Segments are kept in answer order: the answer's codings are one run of them.
    auto first = std::lower_bound(s.segments.begin(), s.segments.end(), index,
                                  [](const auto& seg, int i) { return seg.answer < i; });
    auto last = std::upper_bound(first, s.segments.end(), index,
                                 [](int i, const auto& seg) { return i < seg.answer; });
    for (auto it = first; it != last; ++it)
        item.code += (item.code.empty() ? "" : "; ") +
                     s.codes[static_cast<std::size_t>(it->code)].path + " (" +
                     coder_name(s, it->coder) + ")";
    if (item.code.empty()) item.code = "(not coded)";
    return item;
}

} // namespace

Drilldown make_drilldown(const SummarySource& source, const exporting::Cell& cell,
                         std::string title) {
    const auto& s = source.snapshot;
    Drilldown d;
    d.title = std::move(title);
    d.answers = cell.segments.empty();
    const auto& keys = d.answers ? cell.answers : cell.segments;
    d.total = keys.size();
    // The cell keeps indexes into this snapshot: only the items shown are read.
    for (auto index : keys) {
        if (d.items.size() == kMaxItems) break;
        if (d.answers) {
            if (index < s.answers.size())
                d.items.push_back(answer_item(s, static_cast<int>(index)));
        } else if (index < s.segments.size()) {
            d.items.push_back(segment_item(s, index));
        }
    }
    return d;
}

void SegmentDrilldown::draw(const ImVec2& size) {
    if (!shown_) return;
    const auto& d = *shown_;
    ImGui::BeginChild("##drilldown", size, true);
    ImGui::PushFont(fonts().heading);
    ImGui::PushTextWrapPos(0.0f); // a code path and a group's label can be longer than the panel
    ImGui::TextUnformatted(d.title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    probe("summaries.drilldown", d.title);
    auto count = widgets::count(d.total, d.answers ? "answer" : "segment");
    if (d.items.size() < d.total)
        count += " (the first " + std::to_string(d.items.size()) + " shown)";
    ImGui::TextDisabled("%s", count.c_str());
    probe("summaries.drilldown.count", count);
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize("Close").x -
                    ImGui::GetStyle().FramePadding.x * 2);
    if (ImGui::SmallButton("Close")) shown_.reset();
    probe("summaries.drilldown.close");
    ImGui::Separator();
    if (!shown_) {
        ImGui::EndChild();
        return;
    }
    ImGui::BeginChild("##items");
    for (std::size_t i = 0; i < d.items.size(); ++i) {
        const auto& item = d.items[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::TextUnformatted(item.code.c_str());
        if (!item.answer) {
            ImGui::SameLine();
            ImGui::TextDisabled("coded by %s", item.coder.c_str());
        }
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s, %s: %s", item.organisation.c_str(), item.group.c_str(),
                            item.question.c_str());
        ImGui::Indent();
        ImGui::TextUnformatted(item.text.empty() ? "(no notes)" : item.text.c_str());
        probe("summaries.drilldown.item." + std::to_string(i), item.text);
        if (item.lost)
            ImGui::TextColored(ImVec4(0.8f, 0.4f, 0.0f, 1),
                               "This excerpt is no longer in the notes: the coder should look "
                               "at it again.");
        ImGui::Unindent();
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::EndChild();
}

} // namespace convene::app
