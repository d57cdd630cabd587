// The review step of an instrument proposed from an export (instrument_inference.hpp): what a
// column is taken as, changed one column at a time, and constructs set item by item, each change
// keeping the instrument valid. Pure: the GUI's review and the tests call these.
#pragma once

#include "store/instrument_inference.hpp"

#include <optional>
#include <string>

namespace convene::store {

// What the review step lets a column be taken as.
enum class ColumnRole { Ignore, RespondentId, Attribute, Likert, Choice, Multi, Number, Text };
inline constexpr const char* kColumnRoleNames[] = {"ignore", "respondent id", "attribute",
                                                   "Likert", "single choice", "multiple choice",
                                                   "number", "open text"};
// The role of a column as the proposal has it now; nullopt for one choice of a multi-choice item
// spread over several columns (not changed one column at a time).
std::optional<ColumnRole> column_role(const InstrumentProposal& proposal, std::size_t column);
// Takes the column as `role`, keeping the instrument whole: the item or attribute it was is
// replaced in place (same id and position), a construct loses an item that is no longer Likert,
// scales nothing uses are dropped, and a second respondent id column makes the first "ignore".
// Returns why it cannot be done ("" when done): Likert for answers that fit no label family, or
// a column spread over several.
std::string retarget_column(InstrumentProposal& proposal, std::size_t column, ColumnRole role);
// Puts a Likert item in the construct labelled `label` (made when none is; "" takes it out of
// any), keeping constructs to items on one scale. Returns why it cannot ("" when done).
std::string set_construct(guides::Instrument& instrument, const std::string& item_id,
                          const std::string& label);

} // namespace convene::store
