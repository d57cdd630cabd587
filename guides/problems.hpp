// A problem found while loading a data file: where (a JSON path such as
// "areas[3].questions[2].groups[0]") and what was expected.
#pragma once

#include <string>
#include <vector>

namespace convene::guides {

struct Problem {
    std::string path;
    std::string message;
    std::string to_string() const { return path.empty() ? message : path + ": " + message; }
};

using Problems = std::vector<Problem>;

// "3 problems in FILE:\n  path: message\n ..." for error messages.
std::string describe(const Problems& problems, const std::string& source);

} // namespace convene::guides
