// Runs the real convene-cli executable, as a script or a second user would.
#pragma once

#include "temp_dir.hpp"

#include <string>

namespace convene::test {

struct CliResult {
    int code;
    std::string out;
    std::string err;
};

// A string quoted for /bin/sh.
std::string shell_quote(const std::string& s);
// Runs `convene-cli ARGS` (args already quoted), its output captured in files under dir.
// Several may run at once from different threads: each run has its own output files.
CliResult run_cli(const TempDir& dir, const std::string& args);

} // namespace convene::test
