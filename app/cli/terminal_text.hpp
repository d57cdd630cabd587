// What convene-cli writes passes through here, so that text from a workspace or an imported file
// (an organisation's name, a note, a survey answer) cannot send control sequences to the
// terminal: ESC, the other C0 controls except tab and line feed, DEL and the C1 controls
// (U+0080-U+009F, e.g. the one-byte CSI U+009B) are shown escaped as \u001b, \u007f, \u009b.
// JSON output stays valid JSON: those escapes mean the same characters in a JSON string.
#pragma once

#include <streambuf>
#include <string>
#include <string_view>

namespace convene::cli {

// text with the controls escaped as above.
std::string terminal_safe(std::string_view text);

// A stream buffer that escapes as terminal_safe does and writes to another buffer.
class TerminalSafeBuf : public std::streambuf {
  public:
    explicit TerminalSafeBuf(std::streambuf* target) : target_(target) {}
    ~TerminalSafeBuf() override;
    TerminalSafeBuf(const TerminalSafeBuf&) = delete;
    TerminalSafeBuf& operator=(const TerminalSafeBuf&) = delete;

  protected:
    int_type overflow(int_type ch) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override;

  private:
    void put(char c);
    void write(std::string_view s);
    void flush_lead_byte();

    std::streambuf* target_;
    bool lead_c2_ = false; // a 0xC2 byte is held back: the next byte may make it a C1 control
    bool failed_ = false;
};

} // namespace convene::cli
