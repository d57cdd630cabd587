// What stakeholders said about a topic: the coded segments under a code of the codebook (the
// code itself or any code beneath it), with the organisation and stakeholder group of the
// conversation they come from. The compiled quality review shows them beside each criterion.
#pragma once

#include "store/sqlite.hpp"

#include <string>
#include <vector>

namespace convene::store {

struct StakeholderExcerpt {
    std::string code_slug; // the code asked for (the segment's code is it or beneath it)
    std::string code_name; // the segment's own code
    std::string excerpt, org, group_id, conversation_uuid, question_id;
    bool quote = false; // a verbatim quote, not the facilitator's notes
    bool operator==(const StakeholderExcerpt&) const = default;
};

// Live segments (segment, code and conversation not in the trash) under each of the codes, in
// the order of codes, then organisation and question. The same words coded by two coders are
// listed once. A slug not in the codebook gives nothing.
std::vector<StakeholderExcerpt> excerpts_under_codes(Database& db,
                                                     const std::vector<std::string>& code_slugs);

} // namespace convene::store
