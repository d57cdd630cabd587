#include "app/code_filter.hpp"

#include <algorithm>

namespace convene::app {
namespace {

// Decodes one UTF-8 character at s[i], advancing i; a malformed byte decodes as itself.
char32_t decode(std::string_view s, std::size_t& i) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80           ? 1
                    : (c >> 5) == 0x6  ? 2
                    : (c >> 4) == 0xE  ? 3
                    : (c >> 3) == 0x1E ? 4
                                       : 0;
    if (n <= 1 || i + n > s.size()) {
        ++i;
        return c;
    }
    char32_t cp = c & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
        auto b = static_cast<unsigned char>(s[i + k]);
        if ((b >> 6) != 0x2) {
            ++i;
            return c;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    i += n;
    return cp;
}

void encode(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

char32_t lower(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 0x20;
    if (c < 0xC0) return c;
    if (c <= 0xDE) return c == 0xD7 ? c : c + 0x20; // À..Þ, not ×
    // Latin Extended-A: capitals and small letters alternate, in two phases.
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return c | 1;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return c % 2 ? c + 1 : c;
    if (c == 0x178) return 0xFF;                                 // Ÿ
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 0x20; // Greek
    if (c >= 0x410 && c <= 0x42F) return c + 0x20;               // Cyrillic А..Я
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;               // Ѐ..Џ
    return c;
}

std::vector<std::string> words_of(std::string_view typed) {
    std::vector<std::string> out;
    std::string folded = fold_case(typed);
    std::size_t i = 0;
    while (i < folded.size()) {
        auto b = folded.find_first_not_of(" \t", i);
        if (b == std::string::npos) break;
        auto e = folded.find_first_of(" \t", b);
        if (e == std::string::npos) e = folded.size();
        out.push_back(folded.substr(b, e - b));
        i = e;
    }
    return out;
}

bool holds_all(std::string_view text, const std::vector<std::string>& words) {
    return std::all_of(words.begin(), words.end(), [&](const std::string& w) {
        return text.find(w) != std::string_view::npos;
    });
}

} // namespace

std::string fold_case(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        auto c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) { // the common case, without decoding
            out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 0x20)
                                               : static_cast<char>(c));
            ++i;
            continue;
        }
        std::size_t at = i;
        char32_t cp = decode(utf8, i);
        if (i == at + 1 && cp >= 0x80) { // a malformed byte: kept as it was
            out.push_back(static_cast<char>(c));
            continue;
        }
        encode(lower(cp), out);
    }
    return out;
}

std::vector<std::size_t> filter_codes(const std::vector<store::CodeRow>& codes,
                                      std::string_view typed) {
    auto words = words_of(typed);
    std::vector<std::size_t> ranked[3];
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const auto& code = codes[i];
        if (!code.deleted_at.empty()) continue;
        if (words.empty()) {
            ranked[0].push_back(i);
            continue;
        }
        std::string name = fold_case(code.name);
        if (name.starts_with(words.front()) && holds_all(name, words))
            ranked[0].push_back(i);
        else if (holds_all(name, words))
            ranked[1].push_back(i);
        else if (holds_all(fold_case(code.path.empty() ? code.name : code.path), words))
            ranked[2].push_back(i);
    }
    auto& out = ranked[0];
    out.insert(out.end(), ranked[1].begin(), ranked[1].end());
    out.insert(out.end(), ranked[2].begin(), ranked[2].end());
    return out;
}

} // namespace convene::app
