// Finds the bundled data (guides, codebook, profiles, instruments) at run time.
#pragma once

#include <filesystem>

namespace convene::guides {

// $CONVENE_DATA_DIR if set; else the source tree's guides/data this build was configured from;
// else <prefix>/share/convene next to the executable. Throws std::runtime_error naming the places
// looked at when none exists.
std::filesystem::path data_dir();

} // namespace convene::guides
