// A new instrument proposed from a survey service's CSV export: the service's layout is
// recognised (guides/survey_layout.hpp), metadata columns are kept out of the items, the response
// id is proposed as the respondent id, each question's type is inferred from its answers (Likert
// label families, numbers, single and multiple choice, open text) and columns with few distinct
// values are proposed as respondent attributes. Pure: nothing is read or written here.
#pragma once

#include "guides/instrument.hpp"
#include "guides/survey_layout.hpp"
#include "store/survey_import.hpp"

#include <optional>
#include <string>
#include <vector>

namespace convene::store {

// What a column's answers look like, kept so the review step can change an item's type.
struct ColumnFacts {
    std::vector<std::string> distinct; // non-missing answers, trimmed, in first-seen order
    std::size_t answered = 0;          // rows with an answer (not blank, not N/A)
    bool numeric = false;              // every answer is a number
    std::size_t longest = 0;           // bytes of the longest answer
};

struct ColumnProposal {
    std::string header;   // the column's name as the import sees it
    std::string question; // its question text
    std::string target;   // as in a mapping: item id, "attribute:ID", "respondent_id",
                          // "option:ITEM:CHOICE" or "ignore"
    std::string why;      // shown in the review: "metadata", "Likert (agree5)", "number", ...
    ColumnFacts facts;
};

struct InstrumentProposal {
    guides::SurveyService service = guides::SurveyService::Generic;
    guides::Instrument instrument;
    std::vector<ColumnProposal> columns;
    ColumnMapping mapping() const; // header -> target, for the import
};

// Proposes an instrument for a table read by read_layout (extra header rows already out).
InstrumentProposal propose_instrument(const guides::CsvTable& table,
                                      const guides::SurveyLayout& layout, const std::string& id,
                                      const std::string& title);

struct ProposalResult {
    std::optional<InstrumentProposal> proposal;
    std::vector<ImportProblem> problems; // the file could not be read as CSV
    std::vector<std::string> notes;      // e.g. read as Windows-1252
};
// Reads the bytes of an export (UTF-8, else Windows-1252) and proposes an instrument.
ProposalResult propose_instrument_from_csv(std::string_view bytes, const std::string& id,
                                           const std::string& title);

// The item a column gives when taken as `type` (the review step's type drop-down): choices from
// its answers, a Likert scale inferred from them (added to the instrument if new; nullopt when the
// answers fit no label family).
std::optional<guides::Item> item_of_type(guides::Instrument& instrument, const std::string& id,
                                         const std::string& text, guides::ItemType type,
                                         const ColumnFacts& facts);

// A readable id from a header or question text: "How satisfied were you overall?" ->
// "how_satisfied_were_you_overall", "grp/q1" -> "grp.q1", "q2[SQ001]" -> "q2.sq001".
std::string readable_id(std::string_view text);

} // namespace convene::store
