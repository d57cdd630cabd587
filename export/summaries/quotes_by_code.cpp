// Quotes by code: each verbatim quote under each code it carries, with who said it where. A
// quote carries a code when a segment on the quote has it, or a whole-answer segment of the
// quote's answer does (a segment on the notes does not reach the quotes). A quote coded twice
// with one code (two coders) is one row holding both segments.
#include "export/summaries/common.hpp"
#include "export/table_sink.hpp"

#include <algorithm>
#include <cstdint>

namespace convene::exporting {

namespace {

// Every (quote, code) a selected segment reaches, with the segment (an index into the snapshot),
// sorted by key: each row's segments are one run.
std::vector<std::pair<QuoteKey, std::uint32_t>> coded_quotes(const Snapshot& s,
                                                             const Selection& sel) {
    std::vector<std::pair<QuoteKey, std::uint32_t>> out;
    for (std::size_t i = 0; i < s.segments.size(); ++i) {
        const auto& seg = s.segments[i];
        if (!sel.segment(i) || seg.part == store::SegmentPart::Notes) continue;
        const auto& a = s.answers[static_cast<std::size_t>(seg.answer)];
        if (seg.part == store::SegmentPart::Quote) {
            if (seg.quote != store::kNoIndex)
                out.push_back({{seg.code, seg.answer, seg.quote}, detail::key(i)});
            continue;
        }
        for (std::size_t q = 0; q < a.quotes; ++q)
            out.push_back({{seg.code, seg.answer, static_cast<int>(q)}, detail::key(i)});
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

QuotesByCode::QuotesByCode(const Snapshot& s, const Filters& f)
    : s_(s), coded_(coded_quotes(s, select(s, f))), groups_(s.conversations.size()) {}

SummaryTable QuotesByCode::head() const {
    SummaryTable table;
    table.id = "quotes_by_code";
    table.title = "Quotes by code";
    table.note = "Each quote under each code applied to it, or to its whole answer.";
    table.columns = {detail::text_column("code", "Code"),
                     detail::text_column("quote", "Quote"),
                     detail::text_column("speaker", "Speaker"),
                     detail::text_column("conversation", "Conversation"),
                     detail::text_column("organisation", "Organisation"),
                     detail::text_column("group", "Group"),
                     detail::text_column("state", "State"),
                     {"date", "Date", ColumnType::Date, "", 0},
                     detail::text_column("question", "Question")};
    return table;
}

// Found from the longest quote the snapshot has (coded or not), without reading any.
std::vector<std::string> QuotesByCode::long_text_columns() const {
    if (long_text(s_.longest_quote)) return {"quote"};
    return {};
}

// Rows by code (tree order), then conversation and question order, then quote position: the key
// order, since answers are sorted that way in the snapshot. `drill_down`: each quote cell keeps
// the segments and the answer behind it.
void QuotesByCode::rows(bool drill_down, RowRef row) const {
    std::vector<Cell> cells;
    for (std::size_t i = 0; i < coded_.size();) {
        cells.resize(9); // the row may have been moved away (table)
        const auto& key = coded_[i].first;
        std::vector<std::uint32_t> segments;
        for (; i < coded_.size() && coded_[i].first == key; ++i)
            if (drill_down) segments.push_back(coded_[i].second);
        const auto& a = s_.answers[static_cast<std::size_t>(key.answer)];
        const auto& c = s_.conversations[static_cast<std::size_t>(a.conversation)];
        // By the quote's own row: one deleted since the snapshot was loaded has no row here.
        auto q = s_.quote_words(static_cast<std::size_t>(key.answer),
                                static_cast<std::size_t>(key.quote));
        if (!q) continue;
        auto& group = groups_[static_cast<std::size_t>(a.conversation)];
        if (group.empty()) group = s_.group_label(c.group);
        cells[0] = Cell(detail::code_label(s_, key.code));
        cells[1] = Cell(std::move(q->text));
        if (drill_down) {
            cells[1].segments = std::move(segments);
            cells[1].answers = {detail::key(static_cast<std::size_t>(key.answer))};
        }
        cells[1].link = std::move(q->answer_uuid);
        cells[2] = Cell(std::move(q->speaker));
        cells[3] = Cell(c.uuid);
        cells[4] = Cell(c.org);
        cells[5] = Cell(group);
        cells[6] = Cell(c.state);
        cells[7] = Cell(c.date());
        cells[8] = Cell(s_.question_id(a));
        row(cells);
    }
}

SummaryTable quotes_by_code(const Snapshot& s, const Filters& f) {
    return QuotesByCode(s, f).table();
}

} // namespace convene::exporting
