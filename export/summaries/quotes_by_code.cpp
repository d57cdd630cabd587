// Quotes by code: each verbatim quote under each code it carries, with who said it where. A
// quote carries a code when a segment on the quote has it, or a whole-answer segment of the
// quote's answer does (a segment on the notes does not reach the quotes). A quote coded twice
// with one code (two coders) is one row holding both segments.
#include "export/summaries/common.hpp"

#include <algorithm>
#include <cstdint>

namespace convene::exporting {

namespace {

struct Key {
    int code, answer, quote; // quote: index in the answer's quotes
    auto operator<=>(const Key&) const = default;
};

int quote_index(const store::SnapshotAnswer& a, const std::string& uuid) {
    for (std::size_t q = 0; q < a.quotes.size(); ++q)
        if (a.quotes[q].uuid == uuid) return static_cast<int>(q);
    return -1;
}

// Every (quote, code) a selected segment reaches, with the segment (an index into the snapshot),
// sorted by key: each row's segments are one run.
std::vector<std::pair<Key, std::uint32_t>> coded_quotes(const Snapshot& s, const Selection& sel) {
    std::vector<std::pair<Key, std::uint32_t>> out;
    for (std::size_t i = 0; i < s.segments.size(); ++i) {
        const auto& seg = s.segments[i];
        if (!sel.segment(i) || seg.part == store::SegmentPart::Notes) continue;
        const auto& a = s.answers[static_cast<std::size_t>(seg.answer)];
        if (seg.part == store::SegmentPart::Quote) {
            int q = quote_index(a, seg.quote_uuid);
            if (q >= 0) out.push_back({{seg.code, seg.answer, q}, detail::key(i)});
            continue;
        }
        for (std::size_t q = 0; q < a.quotes.size(); ++q)
            out.push_back({{seg.code, seg.answer, static_cast<int>(q)}, detail::key(i)});
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

SummaryTable quotes_by_code(const Snapshot& s, const Filters& f) {
    auto sel = select(s, f);
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
    // Rows by code (tree order), then conversation and question order, then quote position:
    // the key order, since answers are sorted that way in the snapshot.
    auto coded = coded_quotes(s, sel);
    std::vector<std::string> labels; // the group's label, per conversation (made when needed)
    labels.resize(s.conversations.size());
    for (std::size_t i = 0; i < coded.size();) {
        const auto& key = coded[i].first;
        std::vector<std::uint32_t> segments;
        for (; i < coded.size() && coded[i].first == key; ++i)
            segments.push_back(coded[i].second);
        const auto& a = s.answers[static_cast<std::size_t>(key.answer)];
        const auto& c = s.conversations[static_cast<std::size_t>(a.conversation)];
        const auto& q = a.quotes[static_cast<std::size_t>(key.quote)];
        auto& group = labels[static_cast<std::size_t>(a.conversation)];
        if (group.empty()) group = s.group_label(c.group);
        Cell quote(q.text);
        quote.segments = std::move(segments);
        quote.answers = {detail::key(static_cast<std::size_t>(key.answer))};
        quote.link = a.uuid;
        table.rows.push_back(detail::make_row(detail::code_label(s, key.code), std::move(quote),
                                              q.speaker, c.uuid, c.org, group, c.state, c.date(),
                                              a.question_id));
    }
    return table;
}

} // namespace convene::exporting
