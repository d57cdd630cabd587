#include "export/coding_agreement.hpp"

#include <map>
#include <set>
#include <stdexcept>

namespace convene::exporting::agreement {

std::vector<CodeReliabilityData>
code_reliability_data(std::span<const CodeApplication> applications,
                      std::span<const std::string> coders, std::span<const std::string> codes) {
    std::map<std::string, std::size_t> rater_of;
    for (const auto& coder : coders)
        if (!rater_of.emplace(coder, rater_of.size()).second)
            throw std::invalid_argument("agreement: code_reliability_data: coder '" + coder +
                                        "' is listed twice");

    // Per answer, per rater, the codes applied. A rater whose set is empty did not code the
    // answer at all; one with any code did, so a code missing from the set was not applied.
    std::map<std::string, std::vector<std::set<std::string>>> codes_of_answer;
    for (const auto& a : applications) {
        auto rater = rater_of.find(a.coder);
        if (rater == rater_of.end()) continue;
        auto& by_rater = codes_of_answer[a.answer];
        by_rater.resize(coders.size());
        by_rater[rater->second].insert(a.code);
    }

    std::vector<CodeReliabilityData> result;
    for (const auto& code : codes) {
        CodeReliabilityData per_code;
        per_code.code = code;
        per_code.data.raters = coders.size();
        for (const auto& [answer, by_rater] : codes_of_answer) {
            per_code.answers.push_back(answer);
            std::vector<std::optional<int>> row(coders.size());
            for (std::size_t r = 0; r < by_rater.size(); ++r)
                if (!by_rater[r].empty()) row[r] = by_rater[r].contains(code) ? 1 : 0;
            per_code.data.units.push_back(std::move(row));
        }
        result.push_back(std::move(per_code));
    }
    return result;
}

} // namespace convene::exporting::agreement
