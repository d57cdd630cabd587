// Code co-occurrence: for every pair of codes, the answers that carry both (on any part of the
// answer, by any selected coder). Pairs that never meet are left out; most frequent first.
#include "export/summaries/common.hpp"

#include <algorithm>
#include <unordered_map>

namespace convene::exporting {

SummaryTable co_occurrence(const Snapshot& s, const Filters& f) {
    auto sel = select(s, f);
    auto spans = detail::segments_by_answer(s);
    std::unordered_map<std::uint64_t, std::vector<int>> pairs; // a * codes + b -> answers
    std::vector<int> codes;
    for (std::size_t answer = 0; answer < s.answers.size(); ++answer) {
        if (!sel.answer(static_cast<int>(answer))) continue;
        codes.clear();
        for (auto i = spans.begin[answer]; i < spans.end[answer]; ++i)
            if (sel.segment(i)) codes.push_back(s.segments[i].code);
        std::sort(codes.begin(), codes.end());
        codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
        for (std::size_t a = 0; a < codes.size(); ++a)
            for (std::size_t b = a + 1; b < codes.size(); ++b)
                pairs[static_cast<std::uint64_t>(codes[a]) * s.codes.size() +
                      static_cast<std::uint64_t>(codes[b])]
                    .push_back(static_cast<int>(answer));
    }
    std::vector<std::pair<std::uint64_t, std::vector<int>>> sorted(pairs.begin(), pairs.end());
    std::sort(sorted.begin(), sorted.end(), [](const auto& x, const auto& y) {
        if (x.second.size() != y.second.size()) return x.second.size() > y.second.size();
        return x.first < y.first; // codes in tree order
    });

    SummaryTable table;
    table.id = "co_occurrence";
    table.title = "Code co-occurrence";
    table.note = "Pairs of codes applied to the same answer, with the number of answers that "
                 "carry both.";
    table.columns = {detail::text_column("code_a", "Code"),
                     detail::text_column("code_b", "With code"),
                     detail::count_column("answers", "Answers", "answers")};
    for (auto& [key, answers] : sorted) {
        std::vector<std::string> uuids;
        for (int a : answers)
            uuids.push_back(s.answers[static_cast<std::size_t>(a)].uuid);
        auto n = uuids.size();
        table.rows.push_back({detail::code_label(s, static_cast<int>(key / s.codes.size())),
                              detail::code_label(s, static_cast<int>(key % s.codes.size())),
                              detail::count_cell(n, {}, std::move(uuids))});
    }
    return table;
}

} // namespace convene::exporting
