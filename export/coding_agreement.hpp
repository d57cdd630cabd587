// Answer-level reliability data for intercoder agreement: per code, was the code applied to an
// answer (1) or not (0) by each coder. Pure function over plain records; the store supplies them.
#pragma once

#include "export/agreement.hpp"

#include <map>
#include <span>
#include <string>
#include <vector>

namespace convene::exporting::agreement {

// One code applied by one coder to one answer (a coded segment, or the whole answer). Several
// segments with the same code on the same answer by the same coder count once.
struct CodeApplication {
    std::string answer;
    std::string coder;
    std::string code;
};

// The reliability data of one code: unit u is answers[u], rater r is the r-th coder asked for.
struct CodeReliabilityData {
    std::string code;
    std::vector<std::string> answers; // ascending
    ReliabilityData data;             // values: 1 applied, 0 not applied, nullopt not coded
};

// One CodeReliabilityData per code in `codes`, in that order. An answer counts as coded by a
// coder when the coder applied any code to it (also a code not in `codes`); only then does the
// absence of a code mean "not applied" (0); for an answer the coder did not code, the value is
// missing. The units are the answers coded by at least one of `coders`, the same for every code.
// Applications by coders not in `coders` are ignored. Throws std::invalid_argument when a coder
// is listed twice.
std::vector<CodeReliabilityData>
code_reliability_data(std::span<const CodeApplication> applications,
                      std::span<const std::string> coders, std::span<const std::string> codes);

// The applications indexed once, so that the data of one code at a time can be made without
// holding every code's data (codes x answers) at once: with 1,000 codes and 60,000 answers that
// is gigabytes. data_for(code) equals code_reliability_data's entry for that code.
class ReliabilityIndex {
  public:
    ReliabilityIndex(std::span<const CodeApplication> applications,
                     std::span<const std::string> coders);
    CodeReliabilityData data_for(const std::string& code) const;

  private:
    std::size_t raters_ = 0;
    std::map<std::string, int> code_ids_;
    std::vector<std::string> answers_; // ascending
    // Per answer, per rater, the ids of the codes applied, ascending; empty: not coded.
    std::vector<std::vector<std::vector<int>>> applied_;
};

} // namespace convene::exporting::agreement
