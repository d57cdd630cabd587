#include "export/agreement.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>

namespace convene::exporting::agreement {

namespace {

[[noreturn]] void fail(const char* function, const std::string& reason) {
    throw std::invalid_argument(std::string("agreement: ") + function + ": " + reason);
}

// Equal ordered pairs among the values of one unit: sum over categories of n_c (n_c - 1).
std::size_t agreeing_pairs(const std::vector<int>& values) {
    std::map<int, std::size_t> n_c;
    for (int v : values)
        ++n_c[v];
    std::size_t pairs = 0;
    for (const auto& [value, n] : n_c)
        pairs += n * (n - 1);
    return pairs;
}

} // namespace

void require_well_formed(const ReliabilityData& data, const char* function) {
    for (std::size_t u = 0; u < data.units.size(); ++u)
        if (data.units[u].size() != data.raters)
            fail(function, "unit " + std::to_string(u) + " has " +
                               std::to_string(data.units[u].size()) + " entries for " +
                               std::to_string(data.raters) + " raters");
}

std::vector<int> values_of(const std::vector<std::optional<int>>& unit) {
    std::vector<int> values;
    for (const auto& v : unit)
        if (v) values.push_back(*v);
    return values;
}

std::vector<std::size_t> disagreeing_units(const ReliabilityData& data) {
    require_well_formed(data, "disagreeing_units");
    std::vector<std::size_t> result;
    for (std::size_t u = 0; u < data.units.size(); ++u) {
        std::vector<int> values = values_of(data.units[u]);
        if (values.size() < 2) continue;
        auto differs = [&](int v) { return v != values.front(); };
        if (std::any_of(values.begin(), values.end(), differs)) result.push_back(u);
    }
    return result;
}

PercentAgreement percent_agreement(const ReliabilityData& data) {
    require_well_formed(data, "percent_agreement");
    PercentAgreement result;
    double sum_of_shares = 0.0;
    for (const auto& unit : data.units) {
        std::vector<int> values = values_of(unit);
        std::size_t m = values.size();
        if (m < 2) continue;
        std::size_t pairs = m * (m - 1);
        sum_of_shares += static_cast<double>(agreeing_pairs(values)) / static_cast<double>(pairs);
        result.pairs += pairs;
        ++result.pairable_units;
    }
    if (result.pairable_units > 0)
        result.proportion = sum_of_shares / static_cast<double>(result.pairable_units);
    return result;
}

// Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and Psychological
// Measurement, 20(1), 37-46. kappa = (po - pe) / (1 - pe), with po the observed proportion of
// agreement and pe the proportion expected by chance from the two raters' marginal proportions.
CohenKappa cohen_kappa(const ReliabilityData& data, std::size_t rater_a, std::size_t rater_b) {
    require_well_formed(data, "cohen_kappa");
    if (rater_a >= data.raters || rater_b >= data.raters)
        fail("cohen_kappa",
             "rater index out of range (" + std::to_string(data.raters) + " raters)");
    if (rater_a == rater_b) fail("cohen_kappa", "needs two different raters");

    CohenKappa result;
    std::size_t agreements = 0;
    std::map<int, std::size_t> marginal_a;
    std::map<int, std::size_t> marginal_b;
    for (const auto& unit : data.units) {
        const auto& a = unit[rater_a];
        const auto& b = unit[rater_b];
        if (!a || !b) continue;
        ++result.n;
        if (*a == *b) ++agreements;
        ++marginal_a[*a];
        ++marginal_b[*b];
    }
    if (result.n == 0) return result;

    // pe * n^2 in integers, so that pe == 1 is decided exactly.
    std::size_t chance_products = 0;
    for (const auto& [category, count_a] : marginal_a) {
        auto b = marginal_b.find(category);
        if (b != marginal_b.end()) chance_products += count_a * b->second;
    }
    double n = static_cast<double>(result.n);
    result.po = static_cast<double>(agreements) / n;
    result.pe = static_cast<double>(chance_products) / (n * n);
    if (chance_products != result.n * result.n)
        result.kappa = (*result.po - *result.pe) / (1.0 - *result.pe);
    return result;
}

// Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological
// Bulletin, 76(5), 378-382. With N subjects, m ratings per subject and n_ij the raters who put
// subject i in category j: p_j = sum_i n_ij / (N m); P_i = sum_j n_ij (n_ij - 1) / (m (m - 1));
// P-bar = mean of P_i; P-bar_e = sum_j p_j^2; kappa = (P-bar - P-bar_e) / (1 - P-bar_e).
FleissKappa fleiss_kappa(const CategoryCounts& table) {
    FleissKappa result;
    result.categories = table.categories;
    result.subjects = table.counts.size();
    std::size_t k = table.categories.size();
    std::vector<std::size_t> column_totals(k, 0);
    for (std::size_t i = 0; i < table.counts.size(); ++i) {
        const auto& row = table.counts[i];
        if (row.size() != k)
            fail("fleiss_kappa", "subject " + std::to_string(i) + " has " +
                                     std::to_string(row.size()) + " counts for " +
                                     std::to_string(k) + " categories");
        std::size_t m = 0;
        for (std::size_t j = 0; j < k; ++j) {
            m += row[j];
            column_totals[j] += row[j];
        }
        if (i == 0) result.raters = m;
        if (m != result.raters)
            fail("fleiss_kappa", "subject " + std::to_string(i) + " has " + std::to_string(m) +
                                     " ratings, subject 0 has " + std::to_string(result.raters));
    }
    std::size_t N = result.subjects;
    std::size_t m = result.raters;
    if (N == 0 || m < 2) return result;

    double assignments = static_cast<double>(N * m);
    std::size_t sum_of_squared_totals = 0;
    for (std::size_t total : column_totals) {
        result.p_j.push_back(static_cast<double>(total) / assignments);
        sum_of_squared_totals += total * total;
    }
    double P_sum = 0.0;
    for (const auto& row : table.counts) {
        std::size_t pairs = 0;
        for (std::size_t n_ij : row)
            if (n_ij > 0) pairs += n_ij * (n_ij - 1);
        result.P_i.push_back(static_cast<double>(pairs) / static_cast<double>(m * (m - 1)));
        P_sum += result.P_i.back();
    }
    result.P_bar = P_sum / static_cast<double>(N);
    double P_e = 0.0;
    for (double p : result.p_j)
        P_e += p * p;
    result.P_e = P_e;
    // P-bar_e == 1 exactly when every assignment went to one category; decided in integers.
    if (sum_of_squared_totals != N * m * N * m) result.kappa = (*result.P_bar - P_e) / (1.0 - P_e);
    return result;
}

CategoryCounts category_counts(const ReliabilityData& data) {
    require_well_formed(data, "category_counts");
    std::map<int, std::size_t> column_of;
    for (const auto& unit : data.units)
        for (const auto& v : unit)
            if (v) column_of.emplace(*v, 0);
    CategoryCounts table;
    for (auto& [value, column] : column_of) {
        column = table.categories.size();
        table.categories.push_back(value);
    }
    for (const auto& unit : data.units) {
        std::vector<std::size_t> row(table.categories.size(), 0);
        for (const auto& v : unit)
            if (v) ++row[column_of.at(*v)];
        table.counts.push_back(std::move(row));
    }
    return table;
}

FleissKappa fleiss_kappa(const ReliabilityData& data) {
    return fleiss_kappa(category_counts(data));
}

} // namespace convene::exporting::agreement
