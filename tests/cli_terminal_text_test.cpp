// convene-cli's output filter: controls that a terminal acts on are shown escaped; text,
// tabs, line ends and every other UTF-8 character pass through unchanged.
#include "app/cli/terminal_text.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using convene::cli::terminal_safe;

TEST_CASE("terminal_safe escapes C0 controls, DEL and C1 controls and keeps everything else") {
    CHECK(terminal_safe("plain text\twith a tab\n") == "plain text\twith a tab\n");
    CHECK(terminal_safe("\x1b[2J\x1b]0;title\x07") == "\\u001b[2J\\u001b]0;title\\u0007");
    CHECK(terminal_safe(std::string("a\0b\rc\x7f", 6)) == "a\\u0000b\\u000dc\\u007f");
    // U+009B (CSI in one character) is C2 9B in UTF-8; U+00E9 (C3 A9) and U+00A0 (C2 A0) are text.
    CHECK(terminal_safe("\xc2\x9b"
                        "31m") == "\\u009b31m");
    CHECK(terminal_safe("Jos\xc3\xa9\xc2\xa0\xe2\x80\x94 ok") ==
          "Jos\xc3\xa9\xc2\xa0\xe2\x80\x94 ok");
    CHECK(terminal_safe("ends with a lead byte \xc2") == "ends with a lead byte \xc2");
}

TEST_CASE("TerminalSafeBuf escapes what is streamed through it, one character at a time too") {
    std::ostringstream target;
    {
        convene::cli::TerminalSafeBuf buf(target.rdbuf());
        std::ostream out(&buf);
        out << "cell: " << '\x1b' << '[' << "1m" << '\xc2' << '\x9b' << std::endl;
    }
    CHECK(target.str() == "cell: \\u001b[1m\\u009b\n");
}
