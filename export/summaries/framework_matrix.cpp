// The framework matrix (as NVivo and MAXQDA call it): one row per conversation, one column per
// question area; each cell holds what was noted in that area (notes, quotes with their
// speaker, structured answers) and, on its last line, the codes applied there.
#include "export/summaries/common.hpp"
#include "guides/field_values.hpp"

#include <algorithm>
#include <cstdint>

namespace convene::exporting {

namespace {

struct AreaCell {
    std::string text;
    std::vector<int> codes;                       // sorted, once each: tree order is index order
    std::vector<std::uint32_t> answers, segments; // indexes into the snapshot
};

void add_answer(AreaCell& cell, const Snapshot& s, std::size_t index,
                const store::AnswerText& words) {
    const auto& a = s.answers[index];
    auto& text = cell.text; // appended to in place: a large matrix holds megabytes of notes
    auto new_line = [&] {
        if (!text.empty()) text += '\n';
    };
    if (!words.notes.empty()) {
        new_line();
        text += words.notes;
    }
    for (const auto& q : words.quotes) {
        new_line();
        text.append("\u201c").append(q.text).append("\u201d");
        if (!q.speaker.empty()) text.append(" (").append(q.speaker).append(")");
    }
    const auto& c = s.conversations[static_cast<std::size_t>(a.conversation)];
    const auto* question =
        c.guide == store::kNoIndex
            ? nullptr
            : s.guides[static_cast<std::size_t>(c.guide)].question(s.question_id(a));
    if (question && a.values_size > 0) {
        auto values = s.values(a);
        for (const auto& field : question->fields)
            if (auto v = values.find(field.id); v != values.end() && !v->is_null()) {
                new_line();
                text.append(field.label).append(": ").append(guides::value_text(field, *v));
            }
    }
    cell.answers.push_back(detail::key(index));
}

// The cell's text, then its codes on a line of their own (the cell's text moves out).
std::string cell_text(const Snapshot& s, AreaCell& cell) {
    auto text = std::move(cell.text);
    if (cell.codes.empty()) return text;
    text.append(text.empty() ? "Codes: " : "\nCodes: ");
    for (std::size_t i = 0; i < cell.codes.size(); ++i)
        text.append(i == 0 ? "" : "; ").append(detail::code_label(s, cell.codes[i]));
    return text;
}

} // namespace

FrameworkMatrix::FrameworkMatrix(const Snapshot& s, const Filters& f) : s_(s), sel_(select(s, f)) {}

SummaryTable FrameworkMatrix::head() const {
    SummaryTable table;
    table.id = "framework_matrix";
    table.title = "Framework matrix";
    table.note = "One row per conversation, one column per question area: the notes and quotes "
                 "of the area's answers, then the codes applied to them.";
    table.columns = {detail::text_column("conversation", "Conversation"),
                     {"date", "Date", ColumnType::Date, "", 0},
                     detail::text_column("group", "Group"),
                     detail::text_column("organisation", "Organisation"),
                     detail::text_column("state", "State")};
    for (const auto& a : s_.areas)
        table.columns.push_back(detail::text_column(a.id, a.title));
    return table;
}

std::vector<std::string> FrameworkMatrix::long_text_columns() const {
    std::vector<std::string> out;
    for (const auto& a : s_.areas)
        out.push_back(a.id);
    return out;
}

// One conversation at a time (its answers, in snapshot order, bucketed first), so only one
// row's notes are held at once. `drill_down`: each cell keeps the answers and segments behind it.
void FrameworkMatrix::rows(bool drill_down, RowRef row) const {
    const auto& s = s_;
    auto spans = detail::segments_by_answer(s);
    auto by_conversation =
        detail::make_buckets(s.answers.size(), s.conversations.size(), [&](std::size_t i) {
            const auto& a = s.answers[i];
            return !sel_.answer(static_cast<int>(i)) || a.area == store::kNoIndex ? -1
                                                                                  : a.conversation;
        });
    std::vector<AreaCell> areas;
    std::vector<Cell> cells;
    for (std::size_t c = 0; c < s.conversations.size(); ++c) {
        if (!sel_.conversation(static_cast<int>(c))) continue;
        areas.assign(s.areas.size(), AreaCell{});
        auto begin = by_conversation.start[c], end = by_conversation.start[c + 1];
        // The conversation's answers are one run of the snapshot's: their words read at once.
        std::size_t first = begin < end ? by_conversation.items[begin] : 0;
        auto words = s.answer_texts_of(first, begin < end ? by_conversation.items[end - 1] + 1 : 0);
        std::vector<std::string> links(s.areas.size());
        for (auto b = begin; b < end; ++b) {
            std::size_t i = by_conversation.items[b];
            auto area = static_cast<std::size_t>(s.answers[i].area);
            auto& cell = areas[area];
            if (cell.answers.empty()) links[area] = words[i - first].uuid;
            add_answer(cell, s, i, words[i - first]);
            for (auto k = spans.begin[i]; k < spans.end[i]; ++k)
                if (sel_.segment(k)) {
                    cell.codes.push_back(s.segments[k].code);
                    cell.segments.push_back(detail::key(k));
                }
        }
        const auto& conv = s.conversations[c];
        cells.clear();
        cells.emplace_back(conv.uuid);
        cells.emplace_back(conv.date());
        cells.emplace_back(s.group_label(conv.group));
        cells.emplace_back(conv.org);
        cells.emplace_back(conv.state);
        for (std::size_t k = 0; k < areas.size(); ++k) {
            auto& area = areas[k];
            std::sort(area.codes.begin(), area.codes.end());
            area.codes.erase(std::unique(area.codes.begin(), area.codes.end()), area.codes.end());
            Cell cell = area.text.empty() && area.codes.empty() ? Cell() : Cell(cell_text(s, area));
            if (!cell.empty() && !area.answers.empty()) cell.link = std::move(links[k]);
            if (drill_down) {
                cell.answers = std::move(area.answers);
                cell.segments = std::move(area.segments);
            }
            cells.push_back(std::move(cell));
        }
        row(cells);
    }
}

SummaryTable framework_matrix(const Snapshot& s, const Filters& f) {
    return FrameworkMatrix(s, f).table();
}

} // namespace convene::exporting
