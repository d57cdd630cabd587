// Which conversations and coded segments a summary counts: the filters of the Summaries screen,
// `convene-cli summary` and the workbook, applied to a loaded snapshot as a pure function.
#pragma once

#include "store/coding_snapshot.hpp"

#include <string>
#include <vector>

namespace convene::exporting {

// Empty means "any". Dates are inclusive "YYYY-MM-DD" and compare with the conversation's date
// (a conversation with no date passes only when neither from nor to is set).
struct Filters {
    std::string group; // stakeholder group id ("licensing")
    std::string state; // two-letter code, as stored
    std::string from, to;
    std::string guide;  // guide id ("air-2019"), any version
    std::string status; // "planned" | "in_progress" | "complete"
    std::string coder;  // coder uuid: only that coder's segments count
    bool operator==(const Filters&) const = default;
};

// The result of applying filters: flags by index into the snapshot's vectors.
struct Selection {
    std::vector<char> conversations; // conversation passes the filters
    std::vector<char> answers;       // its conversation passes
    std::vector<char> segments;      // its answer passes and (if set) its coder is the one asked
    bool conversation(int i) const { return conversations[static_cast<std::size_t>(i)] != 0; }
    bool answer(int i) const { return answers[static_cast<std::size_t>(i)] != 0; }
    bool segment(std::size_t i) const { return segments[i] != 0; }
};

bool passes(const store::CodingSnapshot& snapshot, const store::SnapshotConversation& c,
            const Filters& filters);
Selection select(const store::CodingSnapshot& snapshot, const Filters& filters);

} // namespace convene::exporting
