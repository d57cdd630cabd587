// Text encodings of files people bring: well-formed UTF-8, and the Windows-1252 text that older
// exports (SurveyMonkey, Excel's plain "CSV") are written in.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace convene::guides {

struct BadByte {
    std::size_t offset;
    bool nul; // a NUL byte (binary data or UTF-16), not a UTF-8 error
};

// The first NUL byte or byte that is not part of well-formed UTF-8 (no overlong forms, no
// surrogates, nothing above U+10FFFF); nullopt when there is none.
std::optional<BadByte> find_bad_byte(std::string_view text);

// Windows-1252 bytes as UTF-8. The five bytes Windows-1252 leaves undefined (81 8D 8F 90 9D) become
// the C1 controls of the same number, as the WHATWG encoding standard maps them.
std::string windows1252_to_utf8(std::string_view bytes);

} // namespace convene::guides
