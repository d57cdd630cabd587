// Recording what changed in one respondent's answers and nothing else: each attribute and each
// item is its own part, patched into the respondent's JSON inside one IMMEDIATE transaction, so
// the kiosk, an import and the facilitator's edits never write back each other's stale copy.
#pragma once

#include "store/surveys.hpp"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace convene::store {

struct RespondentChange {
    std::string uuid, instrument_id, source; // source is kept from the row's first write
    std::map<std::string, std::optional<std::string>> attributes;  // nullopt removes
    std::map<std::string, std::optional<ResponseValue>> responses; // item id; nullopt removes
    std::optional<bool> partial;                                   // left unfinished
    bool trash = false; // move to the trash (no other write takes it out again)
    bool empty() const { return attributes.empty() && responses.empty() && !partial && !trash; }
};

// Writes the change in one transaction, the respondent row made first when missing.
void record_respondent_change(Database& db, const RespondentChange& change);

// What turns before into after (same respondent).
RespondentChange diff_respondents(const std::string& instrument_id, const Respondent& before,
                                  const Respondent& after);

// The change split into parts keyed "attribute/ID", "item/ID", "partial" and "trash".
std::vector<std::pair<std::string, RespondentChange>> split_by_part(const RespondentChange& c);

} // namespace convene::store
