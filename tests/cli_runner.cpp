#include "cli_runner.hpp"

#include <atomic>
#include <cstdlib>
#include <sys/wait.h>

namespace convene::test {

std::string shell_quote(const std::string& s) {
    std::string q = "'";
    for (char c : s)
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

CliResult run_cli(const TempDir& dir, const std::string& args) {
    static std::atomic<int> runs{0};
    std::string n = std::to_string(++runs);
    auto out = dir / ("stdout-" + n + ".txt"), err = dir / ("stderr-" + n + ".txt");
    std::string cmd = shell_quote(CONVENE_CLI) + " " + args + " >" + shell_quote(out) + " 2>" +
                      shell_quote(err) + " </dev/null";
    int status = std::system(cmd.c_str());
    CliResult r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(out), read_file(err)};
    std::error_code ec;
    std::filesystem::remove(out, ec);
    std::filesystem::remove(err, ec);
    return r;
}

} // namespace convene::test
