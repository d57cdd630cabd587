#include "app/cli/terminal_text.hpp"

#include <cstdio>
#include <sstream>

namespace convene::cli {
namespace {

std::string escaped(unsigned code) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\u%04x", code);
    return buf;
}

bool control(unsigned char c) {
    return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f;
}

} // namespace

std::string terminal_safe(std::string_view text) {
    std::ostringstream out;
    {
        TerminalSafeBuf buf(out.rdbuf());
        std::ostream safe(&buf);
        safe << text;
    }
    return out.str();
}

TerminalSafeBuf::~TerminalSafeBuf() {
    flush_lead_byte();
}

TerminalSafeBuf::int_type TerminalSafeBuf::overflow(int_type ch) {
    if (!traits_type::eq_int_type(ch, traits_type::eof())) put(traits_type::to_char_type(ch));
    return failed_ ? traits_type::eof() : traits_type::not_eof(ch);
}

std::streamsize TerminalSafeBuf::xsputn(const char* s, std::streamsize n) {
    for (std::streamsize i = 0; i < n; ++i)
        put(s[i]);
    return failed_ ? 0 : n;
}

int TerminalSafeBuf::sync() {
    flush_lead_byte();
    return !failed_ && target_->pubsync() == 0 ? 0 : -1;
}

void TerminalSafeBuf::put(char ch) {
    auto c = static_cast<unsigned char>(ch);
    if (lead_c2_) {
        lead_c2_ = false;
        if (c >= 0x80 && c <= 0x9f) return write(escaped(c)); // UTF-8 C2 80..9F: U+0080..U+009F
        write("\xc2");
    }
    if (c == 0xc2)
        lead_c2_ = true;
    else if (control(c))
        write(escaped(c));
    else
        write(std::string_view(&ch, 1));
}

void TerminalSafeBuf::write(std::string_view s) {
    if (target_->sputn(s.data(), static_cast<std::streamsize>(s.size())) !=
        static_cast<std::streamsize>(s.size()))
        failed_ = true;
}

void TerminalSafeBuf::flush_lead_byte() {
    if (lead_c2_) write("\xc2");
    lead_c2_ = false;
}

} // namespace convene::cli
