#include "export/summaries.hpp"

#include "export/summaries/common.hpp"
#include "export/table_sink.hpp"

namespace convene::exporting {

SummaryTable RowByRowSummary::table() const {
    auto table = head();
    rows(true, [&](std::vector<Cell>& cells) { table.rows.push_back(std::move(cells)); });
    return table;
}

std::vector<std::string> RowByRowSummary::long_text_columns() const {
    auto columns = head().columns;
    auto longest = detail::longest_texts(columns.size(), [&](RowRef row) { rows(false, row); });
    std::vector<std::string> out;
    for (std::size_t c = 0; c < columns.size(); ++c)
        if (long_text(longest[c])) out.push_back(columns[c].id);
    return out;
}

const std::vector<SummaryKind>& summary_kinds() {
    static const std::vector<SummaryKind> kinds{
        {"code-frequencies", "Code frequencies by stakeholder group", code_frequencies},
        {"code-by-area", "Codes by question area", code_by_area},
        {"framework-matrix", "Framework matrix", framework_matrix},
        {"quotes-by-code", "Quotes by code", quotes_by_code},
        {"structured-answers", "Structured answers", structured_answers},
        {"co-occurrence", "Code co-occurrence", co_occurrence},
    };
    return kinds;
}

std::vector<std::string> segment_uuids(const Snapshot& s, const Cell& cell) {
    std::vector<std::string> out;
    out.reserve(cell.segments.size());
    for (auto i : cell.segments)
        out.push_back(s.segment_texts.at(i).uuid);
    return out;
}

std::vector<std::string> answer_uuids(const Snapshot& s, const Cell& cell) {
    std::vector<std::string> out;
    out.reserve(cell.answers.size());
    for (auto i : cell.answers)
        out.push_back(s.holds_texts() ? s.answer_texts.at(i).uuid : s.answer_text(i, false).uuid);
    return out;
}

const SummaryKind* find_summary(std::string_view name) {
    for (const auto& k : summary_kinds())
        if (k.name == name) return &k;
    return nullptr;
}

} // namespace convene::exporting
