// Code co-occurrence: for every pair of codes, the answers that carry both (on any part of the
// answer, by any selected coder). Pairs that never meet are left out; most frequent first.
#include "export/summaries/common.hpp"

#include <algorithm>
#include <cstdint>

namespace convene::exporting {

SummaryTable co_occurrence(const Snapshot& s, const Filters& f) {
    auto sel = select(s, f);
    auto spans = detail::segments_by_answer(s);
    // (pair, answer) for every pair of codes on an answer, pair = a * codes + b with a < b;
    // then sorted, so each pair's answers are one run.
    std::vector<std::pair<std::uint64_t, int>> hits;
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
                hits.emplace_back(static_cast<std::uint64_t>(codes[a]) * s.codes.size() +
                                      static_cast<std::uint64_t>(codes[b]),
                                  static_cast<int>(answer));
    }
    std::sort(hits.begin(), hits.end());
    struct Run {
        std::uint64_t pair;
        std::size_t begin, end; // into hits
    };
    std::vector<Run> runs;
    for (std::size_t i = 0; i < hits.size();) {
        auto j = i;
        while (j < hits.size() && hits[j].first == hits[i].first)
            ++j;
        runs.push_back({hits[i].first, i, j});
        i = j;
    }
    std::stable_sort(runs.begin(), runs.end(), [](const Run& x, const Run& y) {
        return x.end - x.begin > y.end - y.begin; // most frequent first, then codes in tree order
    });

    SummaryTable table;
    table.id = "co_occurrence";
    table.title = "Code co-occurrence";
    table.note = "Pairs of codes applied to the same answer, with the number of answers that "
                 "carry both.";
    table.columns = {detail::text_column("code_a", "Code"),
                     detail::text_column("code_b", "With code"),
                     detail::count_column("answers", "Answers", "answers")};
    table.rows.reserve(runs.size());
    for (const auto& run : runs) {
        std::vector<std::uint32_t> answers;
        answers.reserve(run.end - run.begin);
        for (auto i = run.begin; i < run.end; ++i)
            answers.push_back(detail::key(static_cast<std::size_t>(hits[i].second)));
        auto n = answers.size();
        table.rows.push_back({detail::code_label(s, static_cast<int>(run.pair / s.codes.size())),
                              detail::code_label(s, static_cast<int>(run.pair % s.codes.size())),
                              detail::count_cell(n, {}, std::move(answers))});
    }
    return table;
}

} // namespace convene::exporting
