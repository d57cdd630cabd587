// Code co-occurrence: for every pair of codes, the answers that carry both (on any part of the
// answer, by any selected coder). Pairs that never meet are left out; most frequent first.
#include "export/summaries/common.hpp"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace convene::exporting {

CoOccurrence::CoOccurrence(const Snapshot& s, const Filters& f)
    : s_(s), n_codes_(s.codes.size()), n_answers_(s.answers.size()) {
    auto sel = select(s, f);
    auto spans = detail::segments_by_answer(s);
    // One number per (pair, answer), pair = a * codes + b with a < b: pair * answers + answer.
    // Sorted, each pair's answers are one run, in answer order (plain integers sort fast; a
    // large workspace has hundreds of thousands).
    // Each selected answer's codes, once each, handed to `visit(answer, codes)`.
    std::vector<int> codes;
    auto each_answer = [&](auto&& visit) {
        for (std::size_t answer = 0; answer < s.answers.size(); ++answer) {
            if (!sel.answer(static_cast<int>(answer))) continue;
            codes.clear();
            for (auto i = spans.begin[answer]; i < spans.end[answer]; ++i)
                if (sel.segment(i)) codes.push_back(s.segments[i].code);
            std::sort(codes.begin(), codes.end());
            codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
            visit(answer);
        }
    };
    // Counted first, so the list is allocated once at its size.
    std::size_t hits = 0;
    each_answer([&](std::size_t) {
        std::size_t k = codes.size(); // k codes make k (k - 1) / 2 pairs
        if (k > 1) hits += k * (k - 1) / 2;
    });
    if (hits > UINT32_MAX) throw std::length_error("code co-occurrence: too many pairs to count");
    hits_.reserve(hits);
    each_answer([&](std::size_t answer) {
        for (std::size_t a = 0; a < codes.size(); ++a)
            for (std::size_t b = a + 1; b < codes.size(); ++b)
                hits_.push_back((static_cast<std::uint64_t>(codes[a]) * n_codes_ +
                                 static_cast<std::uint64_t>(codes[b])) *
                                    n_answers_ +
                                answer);
    });
    std::sort(hits_.begin(), hits_.end());
    std::size_t pairs = 0;
    for (std::size_t i = 0; i < hits_.size(); ++i)
        pairs += i == 0 || pair_of(i) != pair_of(i - 1);
    runs_.reserve(pairs);
    for (std::size_t i = 0; i < hits_.size();) {
        auto j = i + 1;
        while (j < hits_.size() && pair_of(j) == pair_of(i))
            ++j;
        runs_.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j - i)});
        i = j;
    }
    std::sort(runs_.begin(), runs_.end(), [this](const Run& x, const Run& y) {
        // Most frequent first, then codes in tree order.
        return x.count != y.count ? x.count > y.count : pair_of(x.begin) < pair_of(y.begin);
    });
}

SummaryTable CoOccurrence::head() const {
    SummaryTable table;
    table.id = "co_occurrence";
    table.title = "Code co-occurrence";
    table.note = "Pairs of codes applied to the same answer, with the number of answers that "
                 "carry both.";
    table.columns = {detail::text_column("code_a", "Code"),
                     detail::text_column("code_b", "With code"),
                     detail::count_column("answers", "Answers", "answers")};
    return table;
}

const std::string& CoOccurrence::label(std::uint64_t pair, bool second) const {
    auto code = second ? pair % n_codes_ : pair / n_codes_;
    return detail::code_label(s_, static_cast<int>(code));
}

void CoOccurrence::rows(bool drill_down, RowRef row) const {
    std::vector<Cell> cells;
    for (const auto& run : runs_) {
        cells.resize(3); // the row may have been moved away (table)
        auto pair = pair_of(run.begin);
        cells[0] = Cell(label(pair, false));
        cells[1] = Cell(label(pair, true));
        if (drill_down) {
            std::vector<std::uint32_t> answers;
            answers.reserve(run.count);
            for (std::size_t i = run.begin; i < std::size_t{run.begin} + run.count; ++i)
                answers.push_back(detail::key(static_cast<std::size_t>(hits_[i] % n_answers_)));
            auto n = answers.size();
            cells[2] = detail::count_cell(n, {}, std::move(answers));
        } else {
            cells[2] = Cell(static_cast<std::int64_t>(run.count));
        }
        row(cells);
    }
}

SummaryTable co_occurrence(const Snapshot& s, const Filters& f) {
    return CoOccurrence(s, f).table();
}

} // namespace convene::exporting
