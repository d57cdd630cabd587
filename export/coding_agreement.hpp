// Answer-level reliability data for intercoder agreement: per code, was the code applied to an
// answer (1) or not (0) by each coder. Pure function over plain records; the store supplies them.
#pragma once

#include "export/agreement.hpp"

#include <cstdint>
#include <map>
#include <optional>
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

// Agreement on each code at once, from the codings by index. An answer no coder applied a code to
// is "not applied" by everyone who coded it: it adds the same to every code's figures, so such
// answers are counted once for all codes and a code costs only its own applications. Gives the
// figures of code_reliability_data fed to percent_agreement, cohen_kappa and krippendorff_alpha
// (nominal) without making codes x answers values (1,000 codes x 60,000 answers: 60 million).
struct Coding {
    int unit = 0;  // an answer, 0 <= unit < units
    int rater = 0; // a coder, 0 <= rater < raters
    int code = 0;  // 0 <= code < codes; several codings of one (unit, rater, code) count once
};

struct CodeFigures {
    std::size_t pairable_units = 0;    // units coded by two or more raters
    std::optional<double> percent;     // percent agreement; nullopt: no pairable unit
    std::optional<double> cohen_kappa; // raters 0 and 1, only when there are exactly two
    std::optional<double> alpha;       // Krippendorff's alpha, nominal
    std::size_t units_with_code = 0;   // units some rater applied the code to
    std::size_t disagreeing_units = 0; // pairable units whose raters did not all agree
    // The lists behind the two counts: filled only when asked for (figures(code, true)).
    std::vector<int> with_code; // units some rater applied the code to, ascending
    // A unit whose raters did not all agree: its raters in split_raters from `begin`, those who
    // applied the code first, then those who did not (each part ascending). One pool for all, as
    // a large workspace has a hundred thousand of them.
    struct Split {
        int unit = 0;
        std::uint32_t begin = 0, applied = 0, raters = 0;
    };
    std::vector<Split> disagreements; // pairable units whose raters did not all agree, ascending
    std::vector<int> split_raters;
    std::span<const int> applied(const Split& d) const {
        return {split_raters.data() + d.begin, d.applied};
    }
    std::span<const int> not_applied(const Split& d) const {
        return {split_raters.data() + d.begin + d.applied, d.raters - d.applied};
    }
};

class CodeAgreement {
  public:
    // Throws std::invalid_argument for a unit, rater or code out of range.
    CodeAgreement(std::size_t units, std::size_t raters, std::size_t codes,
                  std::span<const Coding> codings);
    // `lists`: also the units behind the counts (with_code, disagreements, split_raters), which
    // a summary for the screen opens; without them a code's figures are a few numbers.
    CodeFigures figures(int code, bool lists = true) const;

  private:
    void reserve_figures(int code, CodeFigures& out) const;

    std::size_t raters_ = 0;
    // The raters who coded unit u: unit_raters_[unit_begin_[u], unit_begin_[u + 1]), ascending.
    std::vector<std::size_t> unit_begin_;
    std::vector<int> unit_raters_;
    // The (unit, rater) pairs of code c, likewise from code_begin_[c], sorted, each once.
    std::vector<std::size_t> code_begin_;
    std::vector<std::pair<int, int>> code_codings_;
    std::size_t pairable_units_ = 0, pairable_values_ = 0, both_coded_ = 0;
};

} // namespace convene::exporting::agreement
