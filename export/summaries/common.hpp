// Small pieces the summaries share (internal to export/summaries/).
#pragma once

#include "export/summaries.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace convene::exporting::detail {

// The groups of the selected conversations: in the order their guides list them, then any
// others by id.
std::vector<std::string> selected_groups(const Snapshot& s, const Selection& sel);
// The guide's label of each group (what a reader sees in the group column).
std::vector<std::string> group_labels(const Snapshot& s, const std::vector<std::string>& groups);
// Index of each group in `groups` per conversation (-1 when not selected or not listed).
std::vector<int> group_of_conversations(const Snapshot& s, const Selection& sel,
                                        const std::vector<std::string>& groups);
// The selected segments of each answer, in one pass: [begin, end) into s.segments per answer
// (the snapshot keeps segments sorted by answer).
struct AnswerSegments {
    std::vector<std::size_t> begin, end;
};
AnswerSegments segments_by_answer(const Snapshot& s);

const std::string& code_label(const Snapshot& s, int code); // "Parent / Child"
Column text_column(std::string id, std::string header);
Column count_column(std::string id, std::string header, std::string unit);
// An index into the snapshot's vectors, as a cell keeps it.
inline std::uint32_t key(std::size_t index) {
    return static_cast<std::uint32_t>(index);
}
// Indexes 0..n-1 sorted into numbered buckets, each bucket's in order: the segments behind each
// cell of a table of counts, counted first and then placed (no vector grows one at a time).
struct Buckets {
    std::vector<std::size_t> start; // bucket b holds items[start[b], start[b + 1])
    std::vector<std::uint32_t> items;
    std::size_t size(std::size_t b) const { return start[b + 1] - start[b]; }
    std::vector<std::uint32_t> copy(std::size_t b) const {
        return {items.begin() + static_cast<std::ptrdiff_t>(start[b]),
                items.begin() + static_cast<std::ptrdiff_t>(start[b + 1])};
    }
};
// bucket_of(i): the bucket of index i, or -1 to leave it out.
template <typename BucketOf>
Buckets make_buckets(std::size_t n, std::size_t buckets, BucketOf bucket_of) {
    std::vector<int> of(n);
    Buckets out;
    out.start.assign(buckets + 1, 0);
    for (std::size_t i = 0; i < n; ++i)
        if ((of[i] = bucket_of(i)) >= 0) ++out.start[static_cast<std::size_t>(of[i]) + 1];
    for (std::size_t b = 0; b < buckets; ++b)
        out.start[b + 1] += out.start[b];
    out.items.resize(out.start.back());
    auto next = out.start;
    for (std::size_t i = 0; i < n; ++i)
        if (of[i] >= 0) out.items[next[static_cast<std::size_t>(of[i])]++] = key(i);
    return out;
}
// A row of cells moved in (a braced list would copy every cell, its index lists too).
template <typename... Cells> std::vector<Cell> make_row(Cells&&... cells) {
    std::vector<Cell> row;
    row.reserve(sizeof...(cells));
    (row.emplace_back(std::forward<Cells>(cells)), ...);
    return row;
}
// Per column, bytes of the longest text among the rows that `each(RowRef)` hands over.
template <typename Each> std::vector<std::size_t> longest_texts(std::size_t columns, Each each) {
    std::vector<std::size_t> longest(columns, 0);
    each([&](std::vector<Cell>& cells) {
        for (std::size_t c = 0; c < cells.size() && c < columns; ++c)
            if (const auto* t = cells[c].text()) longest[c] = std::max(longest[c], t->size());
    });
    return longest;
}
// A count with the segments and answers behind it (indexes into the snapshot).
Cell count_cell(std::size_t n, std::vector<std::uint32_t> segments,
                std::vector<std::uint32_t> answers = {});

} // namespace convene::exporting::detail
