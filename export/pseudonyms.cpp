#include "export/pseudonyms.hpp"

#include <algorithm>
#include <cctype>

namespace convene::exporting {

std::string pseudonym(std::size_t index) {
    return "Participant " + std::to_string(index + 1);
}

namespace {
// A byte that may be part of a word: ASCII letters and digits, and any byte of a UTF-8 sequence
// (so "Zoë" is one word and "Anna" is not found inside "Annabel" or "Jóanna").
bool word_byte(char c) {
    auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || std::isalnum(u);
}

// Typographic punctuation (U+2000 to U+203F: dashes, curly quotes) is three bytes E2 80 xx.
bool punctuation_at(const std::string& s, std::size_t i) {
    return s.compare(i, 2, "\xE2\x80") == 0;
}

std::vector<std::string> name_parts(const std::string& name) {
    std::vector<std::string> parts;
    std::string part;
    for (char c : name + " ") {
        if (c == ' ' || c == '-' || c == ',') {
            if (part.size() >= 3 && std::isupper(static_cast<unsigned char>(part[0])))
                parts.push_back(part);
            part.clear();
        } else if (c != '.') {
            part += c;
        }
    }
    return parts;
}
} // namespace

Pseudonyms::Pseudonyms(const std::vector<store::Participant>& participants) {
    for (std::size_t i = 0; i < participants.size(); ++i) {
        const auto& name = participants[i].name;
        if (name.empty()) continue;
        speakers_.emplace_back(name, pseudonym(i));
        names_.emplace_back(name, pseudonym(i));
    }
    // Full names first, then their parts, so "Rebecca Okonkwo" becomes one pseudonym.
    for (std::size_t i = 0; i < participants.size(); ++i)
        for (const auto& part : name_parts(participants[i].name))
            if (part != participants[i].name) names_.emplace_back(part, pseudonym(i));
}

std::string Pseudonyms::speaker(const std::string& name) const {
    for (const auto& [n, p] : speakers_)
        if (n == name) return p;
    return name;
}

std::string Pseudonyms::text(const std::string& text) const {
    std::string out = text;
    for (const auto& [name, replacement] : names_) {
        // "Gary's", "Gary’s" and "—Gary—" are found as "Gary"; "Garyson" is not.
        for (std::size_t at = 0; (at = out.find(name, at)) != std::string::npos;) {
            std::size_t end = at + name.size();
            bool before =
                at > 0 && word_byte(out[at - 1]) && !(at >= 3 && punctuation_at(out, at - 3));
            bool after = end < out.size() && word_byte(out[end]) && !punctuation_at(out, end);
            if (before || after) {
                at = end;
                continue;
            }
            out.replace(at, name.size(), replacement);
            at += replacement.size();
        }
    }
    return out;
}

} // namespace convene::exporting
