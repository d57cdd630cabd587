// The common Likert label families (agreement, frequency, satisfaction, importance, likelihood,
// favourability; 4, 5 and 7 points), and how a cell as a survey service exported it is read
// against a rating scale: "5 - Strongly agree", "strongly  AGREE", "Neither agree nor disagree"
// for a scale whose midpoint is "Neutral". Also the answers that mean "no answer" ("N/A", "Not
// applicable", "Unfamiliar (N/A)"). Pure functions, used by the import and by the inference of
// an instrument from an export.
#pragma once

#include "guides/instrument.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace convene::guides {

// A label compared with others: lower case, white space and '_' collapsed to one space, surrounding
// spaces and trailing '.' dropped, British "favour" spelt "favor", "or" in "neither ... or ..."
// read as "nor".
std::string label_key(std::string_view label);

// The label without a leading or trailing scale number: "5 - Strongly agree", "5. Strongly
// agree", "(5) Strongly agree" and "Strongly agree (5)" -> "Strongly agree". The number is
// returned too; a cell that is only a number, or has none, comes back as it was with no number.
struct NumberedLabel {
    std::string label;
    std::optional<int> number;
};
NumberedLabel strip_scale_number(std::string_view cell);

// "N/A", "NA", "Not applicable", "Does not apply", "Unfamiliar (N/A)" or anything ending in
// "(N/A)": an answer that is kept as missing, not as a scale point. Blank is missing too.
bool is_not_applicable(std::string_view cell);

// A family of labels: for each point (1..n) the words that mean it. labels[i][0] is the form
// proposed for a new scale.
struct LabelFamily {
    std::string id;   // "agree5"
    std::string kind; // "agreement"
    std::vector<std::vector<std::string>> points;
};
const std::vector<LabelFamily>& label_families();

// The family a scale belongs to: one with as many points whose words include each of the
// scale's labels at the same point. nullptr when there is none.
const LabelFamily* family_of(const RatingScale& scale);

// Reads cells against one scale, built once per column: the scale's own labels, with or without
// a scale number, and the words of its family at each point.
class ScaleReader {
  public:
    explicit ScaleReader(const RatingScale& scale);
    // The value 1..n of a label cell; nullopt when it names no point of the scale. (Plain numbers
    // are the caller's business: they are checked for range.)
    std::optional<int> value(std::string_view cell) const;

  private:
    std::unordered_map<std::string, int> values_; // label_key -> value
};

// The scale that the distinct answers of a column fit: the family with the fewest points in
// which every answer names a different point (leading numbers and not-applicable answers
// ignored). Its labels are the answers as written where the column has them and the family's
// words elsewhere. nullopt when no family fits or fewer than 2 answers are labels.
std::optional<RatingScale> infer_scale(const std::vector<std::string>& distinct_answers);

} // namespace convene::guides
