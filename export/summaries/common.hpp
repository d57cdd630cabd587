// Small pieces the summaries share (internal to export/summaries/).
#pragma once

#include "export/summaries.hpp"

#include <string>
#include <vector>

namespace convene::exporting::detail {

// The groups of the selected conversations: in the order their guides list them, then any
// others by id.
std::vector<std::string> selected_groups(const Snapshot& s, const Selection& sel);
// Index of each group in `groups` per conversation (-1 when not selected or not listed).
std::vector<int> group_of_conversations(const Snapshot& s, const Selection& sel,
                                        const std::vector<std::string>& groups);
// The selected segments of each answer, in one pass: [begin, end) into s.segments per answer
// (the snapshot keeps segments sorted by answer).
struct AnswerSegments {
    std::vector<std::size_t> begin, end;
};
AnswerSegments segments_by_answer(const Snapshot& s);

std::string code_label(const Snapshot& s, int code); // "Parent / Child"
Column text_column(std::string id, std::string header);
Column count_column(std::string id, std::string header, std::string unit);
// A count with the segments and answers behind it.
Cell count_cell(std::size_t n, std::vector<std::string> segments,
                std::vector<std::string> answers = {});

} // namespace convene::exporting::detail
