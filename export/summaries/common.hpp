// Small pieces the summaries share (internal to export/summaries/).
#pragma once

#include "export/summaries.hpp"

#include <cstdint>
#include <string>
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
// A count with the segments and answers behind it (indexes into the snapshot).
Cell count_cell(std::size_t n, std::vector<std::uint32_t> segments,
                std::vector<std::uint32_t> answers = {});

} // namespace convene::exporting::detail
