#include "export/pseudonymizer.hpp"

#include <algorithm>
#include <cstdio>

namespace convene::exporting {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

// Length of the punctuation character at s[i] (U+2000..U+203F: dashes, curly quotes, ...), or 0.
std::size_t punctuation_at(std::string_view s, std::size_t i) {
    if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
        static_cast<unsigned char>(s[i + 1]) == 0x80)
        return 3;
    return 0;
}

// Letters, digits and non-ASCII letters make words; everything else separates them.
bool word_byte(std::string_view s, std::size_t i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) return punctuation_at(s, i) == 0;
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::size_t word_end(std::string_view s, std::size_t i) {
    while (i < s.size() && word_byte(s, i)) {
        // Step over a whole UTF-8 character so a punctuation check never starts mid-character.
        auto c = static_cast<unsigned char>(s[i]);
        i += c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    }
    return std::min(i, s.size());
}

std::vector<std::string> words_of(std::string_view s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size();) {
        if (!word_byte(s, i)) {
            std::size_t p = punctuation_at(s, i);
            i += p ? p : 1;
            continue;
        }
        std::size_t e = word_end(s, i);
        out.emplace_back(s.substr(i, e - i));
        i = e;
    }
    return out;
}

bool capitalised(const std::string& w) {
    auto c = static_cast<unsigned char>(w[0]);
    return c >= 0x80 || (c >= 'A' && c <= 'Z');
}

} // namespace

std::string Pseudonymizer::code_for(std::size_t index) const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%0*zu", style_.digits, index + 1);
    return style_.prefix + buf;
}

std::optional<std::string> Pseudonymizer::known(std::string_view raw) const {
    if (!enabled_) return std::nullopt;
    auto it = codes_.find(std::string(trim(raw)));
    if (it == codes_.end()) return std::nullopt;
    return it->second;
}

void Pseudonymizer::add(std::string_view raw) {
    std::string n(trim(raw));
    if (!enabled_ || n.empty() || codes_.count(n)) return;
    std::string code = code_for(order_.size());
    codes_.emplace(n, code);
    order_.push_back(n);
    auto words = words_of(n);
    if (words.empty()) return;
    auto& list = by_first_word_[words.front()];
    list.push_back(n);
    std::sort(list.begin(), list.end(), [](auto& a, auto& b) { return a.size() > b.size(); });
    for (const auto& w : words) {
        if (w.size() < 2 || !capitalised(w)) continue;
        auto [it, added] = parts_.emplace(w, code);
        if (!added && it->second != code) it->second = "[name]";
    }
}

std::string Pseudonymizer::name(std::string_view raw) {
    if (!enabled_) return std::string(raw);
    std::string n(trim(raw));
    if (n.empty()) return {};
    add(n);
    return codes_.at(n);
}

std::string Pseudonymizer::text(std::string_view s) const {
    if (!enabled_ || codes_.empty()) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (!word_byte(s, i)) {
            std::size_t p = punctuation_at(s, i);
            std::size_t n = p ? p : 1;
            out.append(s.substr(i, n));
            i += n;
            continue;
        }
        std::size_t e = word_end(s, i);
        std::string word(s.substr(i, e - i));
        bool done = false;
        if (auto it = by_first_word_.find(word); it != by_first_word_.end()) {
            for (const auto& full : it->second) {
                std::size_t end = i + full.size();
                if (s.compare(i, full.size(), full) == 0 &&
                    (end >= s.size() || !word_byte(s, end))) {
                    out += codes_.at(full);
                    i = end;
                    done = true;
                    break;
                }
            }
        }
        if (done) continue;
        if (auto it = parts_.find(word); it != parts_.end())
            out += it->second;
        else
            out += word;
        i = e;
    }
    return out;
}

} // namespace convene::exporting
