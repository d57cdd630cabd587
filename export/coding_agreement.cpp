#include "export/coding_agreement.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

namespace convene::exporting::agreement {

ReliabilityIndex::ReliabilityIndex(std::span<const CodeApplication> applications,
                                   std::span<const std::string> coders)
    : raters_(coders.size()) {
    std::map<std::string, std::size_t> rater_of;
    for (const auto& coder : coders)
        if (!rater_of.emplace(coder, rater_of.size()).second)
            throw std::invalid_argument("agreement: code_reliability_data: coder '" + coder +
                                        "' is listed twice");

    // Per answer, per rater, the codes applied. A rater whose set is empty did not code the
    // answer at all; one with any code did, so a code missing from the set was not applied.
    std::map<std::string, std::vector<std::set<int>>> codes_of_answer;
    for (const auto& a : applications) {
        auto rater = rater_of.find(a.coder);
        if (rater == rater_of.end()) continue;
        auto& by_rater = codes_of_answer[a.answer];
        by_rater.resize(coders.size());
        auto id = code_ids_.emplace(a.code, static_cast<int>(code_ids_.size())).first->second;
        by_rater[rater->second].insert(id);
    }
    for (auto& [answer, by_rater] : codes_of_answer) {
        answers_.push_back(answer);
        std::vector<std::vector<int>> row;
        for (const auto& codes : by_rater)
            row.emplace_back(codes.begin(), codes.end());
        applied_.push_back(std::move(row));
    }
}

CodeReliabilityData ReliabilityIndex::data_for(const std::string& code) const {
    CodeReliabilityData per_code;
    per_code.code = code;
    per_code.data.raters = raters_;
    auto it = code_ids_.find(code);
    int id = it == code_ids_.end() ? -1 : it->second;
    per_code.answers = answers_;
    per_code.data.units.reserve(answers_.size());
    for (const auto& by_rater : applied_) {
        std::vector<std::optional<int>> row(raters_);
        for (std::size_t r = 0; r < by_rater.size(); ++r)
            if (!by_rater[r].empty())
                row[r] = std::binary_search(by_rater[r].begin(), by_rater[r].end(), id) ? 1 : 0;
        per_code.data.units.push_back(std::move(row));
    }
    return per_code;
}

std::vector<CodeReliabilityData>
code_reliability_data(std::span<const CodeApplication> applications,
                      std::span<const std::string> coders, std::span<const std::string> codes) {
    ReliabilityIndex index(applications, coders);
    std::vector<CodeReliabilityData> result;
    for (const auto& code : codes)
        result.push_back(index.data_for(code));
    return result;
}

} // namespace convene::exporting::agreement
