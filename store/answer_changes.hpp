// Recording what a person changed in an answer, and nothing else. Two writers on one answer (the
// app and a script, two windows) each write only their own change, inside one IMMEDIATE
// transaction, so neither reverts the other: notes, asked/skipped, each probe, each structured
// value and each quote (by its own uuid) are separate parts. Both front ends record answers
// through record_answer_change.
#pragma once

#include "store/answers.hpp"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace convene::store {

struct AnswerChange {
    std::string conversation_uuid, question_id;
    std::optional<std::string> notes;
    std::optional<Asked> asked;
    std::map<int, bool> probes;                   // probe index -> ticked
    std::map<std::string, nlohmann::json> values; // field id -> value; null removes it
    std::vector<Quote> quotes_set;                // added or edited, matched by uuid
    std::vector<std::string> quotes_removed;      // by uuid
    bool empty() const {
        return !notes && !asked && probes.empty() && values.empty() && quotes_set.empty() &&
               quotes_removed.empty();
    }
};

// Writes the change in one transaction: the answer row is made when missing, only the parts
// named are written, and a planned conversation becomes in progress. Throws Error for a
// conversation that does not exist or is in the trash. Returns the answer's uuid.
std::string record_answer_change(Database& db, const AnswerChange& change);

// What turns before into after: the parts a person edited. Quotes without a uuid get one.
AnswerChange diff_answers(const Answer& before, Answer& after);

// The change split into its parts, each with a key naming the part
// ("notes", "value/FIELD", "quote/UUID", ...): a newer change to the same part replaces an
// older one not yet written, and changes to different parts never replace each other.
std::vector<std::pair<std::string, AnswerChange>> split_by_part(const AnswerChange& change);

} // namespace convene::store
