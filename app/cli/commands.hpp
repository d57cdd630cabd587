// convene-cli's commands. run() parses argv, runs one command and returns the exit code:
// 0 on success, non-zero with a one-line reason on stderr otherwise.
#pragma once

#include <iosfwd>

namespace convene::cli {

int run(int argc, const char* const* argv);
// For tests: the same, writing to the given streams.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

} // namespace convene::cli
