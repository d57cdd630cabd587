// What the code picker shows for what was typed: a pure function, so the picker's response time
// can be measured without a window (bench/summaries_bench) and tested on its own.
#pragma once

#include "store/codebook.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace convene::app {

// Lower case for matching: ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic capitals become
// small letters; accents stay as they are ("É" matches "é", not "e").
std::string fold_case(std::string_view utf8);

// Indexes into codes of the live codes matching typed: every word typed (split at spaces) is found
// in the code's name or path ("Parent / Child"), ignoring case, accents as typed. Codes whose
// name starts with the first word come first, then those whose name holds every word, then those
// matched through their parents' names; the codebook's order within each. Nothing typed: all.
std::vector<std::size_t> filter_codes(const std::vector<store::CodeRow>& codes,
                                      std::string_view typed);

} // namespace convene::app
