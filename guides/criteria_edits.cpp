#include "guides/criteria_edits.hpp"

#include "guides/json_reader.hpp"

#include <algorithm>
#include <array>

namespace convene::guides {
namespace {

constexpr std::size_t kIdWords = 3;
constexpr std::size_t kIdLength = 40;

// Words that make an id longer without telling criteria apart.
bool filler(std::string_view word) {
    static constexpr std::array<std::string_view, 36> words{
        "a",   "an",   "the",  "of",    "and",   "or",  "to",   "is",   "are",
        "it",  "its",  "be",   "by",    "for",   "in",  "on",   "with", "at",
        "as",  "that", "this", "their", "there", "may", "can",  "has",  "have",
        "was", "were", "they", "what",  "which", "who", "from", "does", "do"};
    return std::find(words.begin(), words.end(), word) != words.end();
}

std::vector<std::string> ascii_words(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            word += c;
        } else if (static_cast<unsigned char>(c) >= 0x80) {
            continue; // a letter outside ASCII ("é") is left out, not a break between words
        } else if (!word.empty()) {
            words.push_back(std::exchange(word, {}));
        }
    }
    if (!word.empty()) words.push_back(word);
    return words;
}

// Adds one to a run of decimal digits ("09" -> "10", "99" -> "100").
std::string increment_digits(std::string digits) {
    for (std::size_t i = digits.size(); i-- > 0;) {
        if (digits[i] != '9') {
            ++digits[i];
            return digits;
        }
        digits[i] = '0';
    }
    return "1" + digits;
}

} // namespace

std::string readable_id(std::string_view text, std::string_view fallback,
                        const std::function<bool(const std::string&)>& taken) {
    std::string base;
    std::size_t used = 0;
    for (const auto& w : ascii_words(text)) {
        if (used == kIdWords) break;
        if (filler(w)) continue;
        if (base.size() + w.size() + 1 > kIdLength) break;
        base += (base.empty() ? "" : "_") + w;
        ++used;
    }
    if (base.empty()) base = fallback;
    if (!JsonReader::valid_id(base)) base = "item";
    std::string id = base;
    for (int n = 2; taken(id); ++n)
        id = base + "_" + std::to_string(n);
    return id;
}

std::string next_version(std::string_view version) {
    std::string v(version);
    auto end = v.find_last_of("0123456789");
    if (end == std::string::npos) return v.empty() ? "2" : v + " 2";
    auto begin = v.find_last_not_of("0123456789", end);
    begin = begin == std::string::npos ? 0 : begin + 1;
    return v.substr(0, begin) + increment_digits(v.substr(begin, end + 1 - begin)) +
           v.substr(end + 1);
}

void move_criterion(CriteriaSet& set, std::size_t from, std::size_t k, std::size_t to) {
    auto& cats = set.categories;
    if (from >= cats.size() || to >= cats.size() || from == to) return;
    if (k >= cats[from].criteria.size()) return;
    auto c = std::move(cats[from].criteria[k]);
    cats[from].criteria.erase(cats[from].criteria.begin() + static_cast<std::ptrdiff_t>(k));
    cats[to].criteria.push_back(std::move(c));
}

CriteriaSet starter_criteria_set(std::string id) {
    CriteriaSet set;
    set.id = std::move(id);
    set.version = "1";
    set.title = "New criteria set";
    set.levels = {{"Not evident", 0}, {"Partly evident", 1}, {"Fully evident", 2}};
    set.categories.push_back({"general", "General", {{"criterion", "", "", {}}}});
    return set;
}

CriteriaLoad check_criteria(const CriteriaSet& draft) {
    return parse_criteria(criteria_to_json(draft));
}

} // namespace convene::guides
