// Code frequencies by stakeholder group, long form (one row per code and group, zeros kept so
// a chart has every bar): segments with the code, conversations with at least one, and that
// count as a share of the group's conversations. Each code counts its own segments only (a
// parent does not add up its children).
#include "export/summaries/common.hpp"

#include <cstdint>

namespace convene::exporting {

SummaryTable code_frequencies(const Snapshot& s, const Filters& f) {
    auto sel = select(s, f);
    auto groups = detail::selected_groups(s, sel);
    auto group_of = detail::group_of_conversations(s, sel, groups);
    std::vector<std::size_t> group_size(groups.size(), 0);
    for (int g : group_of)
        if (g >= 0) ++group_size[static_cast<std::size_t>(g)];

    // Per code and group (bucket code * groups + group): the segments, by index; they come
    // sorted by answer and answers by conversation, so an answer's (and a conversation's)
    // segments are next to each other.
    auto tally =
        detail::make_buckets(s.segments.size(), s.codes.size() * groups.size(), [&](std::size_t i) {
            if (!sel.segment(i)) return -1;
            const auto& seg = s.segments[i];
            int g = group_of[static_cast<std::size_t>(
                s.answers[static_cast<std::size_t>(seg.answer)].conversation)];
            return g < 0 ? -1 : seg.code * static_cast<int>(groups.size()) + g;
        });
    auto labels = detail::group_labels(s, groups);

    SummaryTable table;
    table.id = "code_frequencies";
    table.title = "Code frequencies by stakeholder group";
    table.note = "Per code and group: coded segments, conversations with at least one, and "
                 "their share of the group's conversations. A code counts its own segments, "
                 "not its sub-codes'.";
    table.columns = {
        detail::text_column("code", "Code"),
        detail::text_column("group", "Group"),
        detail::count_column("segments", "Segments", "segments"),
        detail::count_column("conversations", "Conversations", "conversations"),
        detail::count_column("group_conversations", "Group's conversations", "conversations"),
        {"group_share", "Share of group", ColumnType::Percent, "of the group's conversations", 1}};
    table.rows.reserve(s.codes.size() * groups.size());
    for (std::size_t code = 0; code < s.codes.size(); ++code)
        for (std::size_t g = 0; g < groups.size(); ++g) {
            auto segments = tally.copy(code * groups.size() + g);
            std::vector<std::uint32_t> answers;
            std::size_t conversations = 0;
            int last_answer = -1, last_conversation = -1;
            for (auto i : segments) {
                const auto& seg = s.segments[i];
                if (seg.answer == last_answer) continue;
                last_answer = seg.answer;
                answers.push_back(detail::key(static_cast<std::size_t>(seg.answer)));
                int conversation = s.answers[static_cast<std::size_t>(seg.answer)].conversation;
                if (conversation != last_conversation) ++conversations;
                last_conversation = conversation;
            }
            Cell share =
                group_size[g] == 0
                    ? Cell()
                    : Cell(static_cast<double>(conversations) / static_cast<double>(group_size[g]));
            auto n = segments.size();
            table.rows.push_back(
                detail::make_row(detail::code_label(s, static_cast<int>(code)), labels[g],
                                 detail::count_cell(n, std::move(segments)),
                                 detail::count_cell(conversations, {}, std::move(answers)),
                                 Cell(group_size[g]), std::move(share)));
        }
    return table;
}

} // namespace convene::exporting
