#include "export/coding_agreement.hpp"

#include <algorithm>
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
                if (!by_rater[r].empty()) row[r] = by_rater[r].count(code) ? 1 : 0;
            per_code.data.units.push_back(std::move(row));
        }
        result.push_back(std::move(per_code));
    }
    return result;
}

namespace {

// Items grouped by key into one flat array: items of key k are at [begin[k], begin[k + 1]).
template <class T, class Key>
void group_by(std::size_t keys, std::vector<T>& items, std::vector<std::size_t>& begin, Key key) {
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
    begin.assign(keys + 1, 0);
    for (const auto& item : items)
        ++begin[static_cast<std::size_t>(key(item)) + 1];
    for (std::size_t k = 0; k < keys; ++k)
        begin[k + 1] += begin[k];
}

} // namespace

CodeAgreement::CodeAgreement(std::size_t units, std::size_t raters, std::size_t codes,
                             std::span<const Coding> codings)
    : raters_(raters) {
    std::vector<std::pair<int, int>> unit_rater;              // (unit, rater)
    std::vector<std::pair<int, std::pair<int, int>>> by_code; // (code, (unit, rater))
    unit_rater.reserve(codings.size());
    by_code.reserve(codings.size());
    for (const auto& c : codings) {
        if (c.unit < 0 || static_cast<std::size_t>(c.unit) >= units || c.rater < 0 ||
            static_cast<std::size_t>(c.rater) >= raters || c.code < 0 ||
            static_cast<std::size_t>(c.code) >= codes)
            throw std::invalid_argument("agreement: CodeAgreement: a coding out of range");
        unit_rater.emplace_back(c.unit, c.rater);
        by_code.push_back({c.code, {c.unit, c.rater}});
    }
    group_by(units, unit_rater, unit_begin_, [](const auto& p) { return p.first; });
    for (const auto& p : unit_rater)
        unit_raters_.push_back(p.second);
    group_by(codes, by_code, code_begin_, [](const auto& p) { return p.first; });
    for (const auto& p : by_code)
        code_codings_.push_back(p.second);
    for (std::size_t u = 0; u < units; ++u) {
        std::size_t m = unit_begin_[u + 1] - unit_begin_[u];
        if (m >= 2) {
            ++pairable_units_;
            pairable_values_ += m;
        }
        if (raters == 2 && m == 2) ++both_coded_;
    }
}

// Each list of a code's figures allocated once at its size: a thousand codes' lists grown by
// doubling held about half again as much as they use (at 150,000 coded segments, ~3 MB).
void CodeAgreement::reserve_figures(int code, CodeFigures& out) const {
    auto k = static_cast<std::size_t>(code);
    std::size_t units = 0, splits = 0, split_raters = 0;
    for (std::size_t i = code_begin_[k]; i < code_begin_[k + 1];) {
        auto u = static_cast<std::size_t>(code_codings_[i].first);
        std::size_t n1 = 0;
        for (; i < code_begin_[k + 1] && code_codings_[i].first == static_cast<int>(u); ++i)
            ++n1;
        ++units;
        std::size_t m = unit_begin_[u + 1] - unit_begin_[u];
        if (m >= 2 && n1 < m) {
            ++splits;
            split_raters += m;
        }
    }
    out.with_code.reserve(units);
    out.disagreements.reserve(splits);
    out.split_raters.reserve(split_raters);
}

CodeFigures CodeAgreement::figures(int code, bool lists) const {
    CodeFigures out;
    out.pairable_units = pairable_units_;
    std::size_t touched = 0, ones = 0, a1 = 0, b1 = 0, both = 0;
    double shares = 0, o01 = 0; // agreement shares, coincidences of 0 and 1 (touched units)
    auto k = static_cast<std::size_t>(code);
    if (lists) reserve_figures(code, out);
    std::vector<int> applied;
    for (std::size_t i = code_begin_[k]; i < code_begin_[k + 1];) {
        int unit = code_codings_[i].first;
        applied.clear();
        for (; i < code_begin_[k + 1] && code_codings_[i].first == unit; ++i)
            applied.push_back(code_codings_[i].second);
        ++out.units_with_code;
        if (lists) out.with_code.push_back(unit);
        auto u = static_cast<std::size_t>(unit);
        std::size_t m = unit_begin_[u + 1] - unit_begin_[u], n1 = applied.size(), n0 = m - n1;
        if (m < 2) continue;
        ++touched;
        ones += n1;
        shares +=
            static_cast<double>(n1 * (n1 - 1) + n0 * (n0 - 1)) / static_cast<double>(m * (m - 1));
        o01 += static_cast<double>(n1 * n0) / static_cast<double>(m - 1);
        if (raters_ == 2) { // m == 2: both raters coded it
            a1 += applied.front() == 0;
            b1 += applied.back() == 1;
            both += n1 == 2;
        }
        if (n0 == 0) continue;
        ++out.disagreeing_units;
        if (!lists) continue;
        auto begin = out.split_raters.size();
        out.split_raters.insert(out.split_raters.end(), applied.begin(), applied.end());
        for (std::size_t j = unit_begin_[u]; j < unit_begin_[u + 1]; ++j)
            if (!std::binary_search(applied.begin(), applied.end(), unit_raters_[j]))
                out.split_raters.push_back(unit_raters_[j]);
        out.disagreements.push_back({unit, static_cast<std::uint32_t>(begin),
                                     static_cast<std::uint32_t>(n1),
                                     static_cast<std::uint32_t>(out.split_raters.size() - begin)});
    }
    if (pairable_units_ == 0) return out;
    // Every untouched pairable unit: all its values 0, a share of 1, no 0-1 coincidence.
    out.percent = (shares + static_cast<double>(pairable_units_ - touched)) /
                  static_cast<double>(pairable_units_);
    // Nominal alpha with two values: D_o / D_e = (n - 1) (o_01 + o_10) / (2 n_0 n_1).
    std::size_t zeros = pairable_values_ - ones;
    if (ones > 0 && zeros > 0) {
        double n = static_cast<double>(pairable_values_);
        double expected = 2.0 * static_cast<double>(zeros) * static_cast<double>(ones);
        out.alpha = 1.0 - (n - 1.0) * (o01 + o01) / expected;
    }
    // Cohen's kappa over the units both coded, from the 2 x 2 table's margins (in integers).
    std::size_t n = both_coded_;
    if (raters_ == 2 && n > 0) {
        std::size_t agree = n - (a1 + b1 - 2 * both);
        std::size_t chance = (n - a1) * (n - b1) + a1 * b1;
        double po = static_cast<double>(agree) / static_cast<double>(n);
        double pe = static_cast<double>(chance) / (static_cast<double>(n) * static_cast<double>(n));
        if (chance != n * n) out.cohen_kappa = (po - pe) / (1.0 - pe);
    }
    return out;
}

} // namespace convene::exporting::agreement
