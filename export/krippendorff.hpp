// Krippendorff's alpha for any number of raters, with missing values, computed through the
// coincidence matrix as in Krippendorff, K. (2011), "Computing Krippendorff's alpha-reliability",
// Annenberg School for Communication, University of Pennsylvania (departmental paper 43).
// Input and error policy: see export/agreement.hpp.
#pragma once

#include "export/agreement.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace convene::exporting::agreement {

// The difference function delta^2(c, k) between two values.
enum class Metric {
    nominal,  // 0 when c == k, else 1
    ordinal,  // (sum of n_g for g from c to k - (n_c + n_k) / 2)^2, n_g the value totals
    interval, // (c - k)^2
};

struct KrippendorffAlpha {
    Metric metric = Metric::nominal;
    std::size_t pairable_units = 0;  // units with at least two values; the others are dropped
    std::size_t pairable_values = 0; // n, the values in pairable units
    std::vector<int> values;         // the distinct values in pairable units, ascending
    // o_ck, indexed like `values`: sum over units u of (c-k pairs in u) / (m_u - 1), counting
    // ordered pairs of values from different raters.
    std::vector<std::vector<double>> coincidences;
    std::vector<double> value_totals;            // n_c, the row sums of the coincidence matrix
    std::optional<double> observed_disagreement; // D_o; nullopt when no unit is pairable
    std::optional<double> expected_disagreement; // D_e; nullopt when no unit is pairable
    // 1 - D_o / D_e; nullopt when no unit is pairable or D_e == 0 (a single value used in all
    // pairable units: the paper leaves alpha undefined when the data show no variation).
    std::optional<double> alpha;
};

// Throws std::invalid_argument when the data is malformed (see require_well_formed).
KrippendorffAlpha krippendorff_alpha(const ReliabilityData& data, Metric metric);

} // namespace convene::exporting::agreement
