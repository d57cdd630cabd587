// Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. Annenberg School for
// Communication, University of Pennsylvania, departmental paper 43. Section C ("nominal data,
// any number of observers, missing data") and section E (the difference functions):
//   o_ck = sum_u (number of c-k pairs in unit u) / (m_u - 1), over units with m_u >= 2 values
//   n_c  = sum_k o_ck,  n = sum_c n_c
//   alpha = 1 - D_o / D_e = 1 - (n - 1) * sum_c sum_k o_ck delta2_ck / sum_c sum_k n_c n_k
//   delta2_ck
// with D_o = (1/n) sum o_ck delta2_ck and D_e = 1/(n(n - 1)) sum n_c n_k delta2_ck.
#include "export/krippendorff.hpp"

#include <algorithm>
#include <cstdint>
#include <map>

namespace convene::exporting::agreement {

namespace {

using Matrix = std::vector<std::vector<double>>;

// delta^2 for the values at indices c and k of `values` (ascending). The ordinal function uses
// the value totals n_g of the values ranked from c to k, both ends included.
double delta2(Metric metric, const std::vector<int>& values, const std::vector<double>& n_g,
              std::size_t c, std::size_t k) {
    switch (metric) {
    case Metric::nominal:
        return c == k ? 0.0 : 1.0;
    case Metric::interval: {
        double d = static_cast<double>(static_cast<std::int64_t>(values[c]) - values[k]);
        return d * d;
    }
    case Metric::ordinal: {
        std::size_t lo = std::min(c, k);
        std::size_t hi = std::max(c, k);
        double between = 0.0;
        for (std::size_t g = lo; g <= hi; ++g)
            between += n_g[g];
        double d = between - (n_g[c] + n_g[k]) / 2.0;
        return d * d;
    }
    }
    return 0.0; // unreachable: every Metric is handled above
}

// Fills values, pairable counts and the coincidence matrix with its row sums.
void count_coincidences(const ReliabilityData& data, KrippendorffAlpha& result) {
    std::map<int, std::size_t> index_of;
    for (const auto& unit : data.units) {
        std::vector<int> unit_values = values_of(unit);
        if (unit_values.size() < 2) continue;
        for (int v : unit_values)
            index_of.emplace(v, 0);
    }
    for (auto& [value, index] : index_of) {
        index = result.values.size();
        result.values.push_back(value);
    }
    std::size_t k = result.values.size();
    result.coincidences.assign(k, std::vector<double>(k, 0.0));
    for (const auto& unit : data.units) {
        std::vector<int> unit_values = values_of(unit);
        std::size_t m = unit_values.size();
        if (m < 2) continue;
        ++result.pairable_units;
        result.pairable_values += m;
        double weight = 1.0 / static_cast<double>(m - 1);
        for (std::size_t i = 0; i < m; ++i)
            for (std::size_t j = 0; j < m; ++j)
                if (i != j)
                    result.coincidences[index_of.at(unit_values[i])][index_of.at(unit_values[j])] +=
                        weight;
    }
    result.value_totals.assign(k, 0.0);
    for (std::size_t c = 0; c < k; ++c)
        for (std::size_t j = 0; j < k; ++j)
            result.value_totals[c] += result.coincidences[c][j];
}

} // namespace

KrippendorffAlpha krippendorff_alpha(const ReliabilityData& data, Metric metric) {
    require_well_formed(data, "krippendorff_alpha");
    KrippendorffAlpha result;
    result.metric = metric;
    count_coincidences(data, result);
    if (result.pairable_units == 0) return result;

    const auto& o = result.coincidences;
    const auto& n_c = result.value_totals;
    double n = static_cast<double>(result.pairable_values);
    double observed = 0.0;
    double expected = 0.0;
    for (std::size_t c = 0; c < result.values.size(); ++c)
        for (std::size_t k = 0; k < result.values.size(); ++k) {
            double d2 = delta2(metric, result.values, n_c, c, k);
            observed += o[c][k] * d2;
            expected += n_c[c] * n_c[k] * d2;
        }
    result.observed_disagreement = observed / n;
    result.expected_disagreement = expected / (n * (n - 1.0));
    // With two or more distinct values every metric gives D_e > 0; with one, D_e is exactly 0.
    if (result.values.size() >= 2) result.alpha = 1.0 - (n - 1.0) * observed / expected;
    return result;
}

} // namespace convene::exporting::agreement
