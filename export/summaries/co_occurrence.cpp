// Code co-occurrence: for every pair of codes, the answers that carry both (on any part of the
// answer, by any selected coder). Pairs that never meet are left out; most frequent first.
#include "export/summaries/common.hpp"

#include <algorithm>
#include <cstdint>

namespace convene::exporting {

SummaryTable co_occurrence(const Snapshot& s, const Filters& f) {
    auto sel = select(s, f);
    auto spans = detail::segments_by_answer(s);
    // One number per (pair, answer), pair = a * codes + b with a < b: pair * answers + answer.
    // Sorted, each pair's answers are one run, in answer order (plain integers sort fast; a
    // large workspace has hundreds of thousands).
    const std::uint64_t n_codes = s.codes.size(), n_answers = s.answers.size();
    std::vector<std::uint64_t> hits;
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
                hits.push_back((static_cast<std::uint64_t>(codes[a]) * n_codes +
                                static_cast<std::uint64_t>(codes[b])) *
                                   n_answers +
                               answer);
    }
    std::sort(hits.begin(), hits.end());
    struct Run {
        std::uint64_t pair;
        std::size_t begin, end; // into hits
    };
    std::vector<Run> runs;
    for (std::size_t i = 0; i < hits.size();) {
        auto pair = hits[i] / n_answers;
        auto j = i + 1;
        while (j < hits.size() && hits[j] / n_answers == pair)
            ++j;
        runs.push_back({pair, i, j});
        i = j;
    }
    std::sort(runs.begin(), runs.end(), [](const Run& x, const Run& y) {
        // Most frequent first, then codes in tree order.
        auto nx = x.end - x.begin, ny = y.end - y.begin;
        return nx != ny ? nx > ny : x.pair < y.pair;
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
            answers.push_back(detail::key(static_cast<std::size_t>(hits[i] % n_answers)));
        auto n = answers.size();
        table.rows.push_back(
            detail::make_row(detail::code_label(s, static_cast<int>(run.pair / n_codes)),
                             detail::code_label(s, static_cast<int>(run.pair % n_codes)),
                             detail::count_cell(n, {}, std::move(answers))));
    }
    return table;
}

} // namespace convene::exporting
