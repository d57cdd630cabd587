#include "guides/likert_labels.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace convene::guides {
namespace {

bool is_space(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
}

bool has_letter(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    });
}

std::string_view trim_view(std::string_view s) {
    while (!s.empty() && is_space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_space(s.back()))
        s.remove_suffix(1);
    return s;
}

// A number of one or two digits at the start of s; how many characters it took.
std::size_t leading_digits(std::string_view s) {
    std::size_t n = 0;
    while (n < s.size() && n < 3 && is_digit(s[n]))
        ++n;
    return n <= 2 ? n : 0;
}

// Separators between a scale number and its label: "5 - x", "5. x", "5) x", "5: x", "5 = x".
bool separator(char c) {
    return c == '-' || c == '.' || c == ')' || c == ':' || c == '=';
}

LabelFamily family(std::string id, std::string kind, std::vector<std::vector<std::string>> points) {
    return {std::move(id), std::move(kind), std::move(points)};
}

std::vector<LabelFamily> make_families() {
    const std::string nad = "Neither agree nor disagree";
    const std::string nsd = "Neither satisfied nor dissatisfied";
    const std::string nlu = "Neither likely nor unlikely";
    const std::string nfu = "Neither favorable nor unfavorable";
    return {
        family("agree4", "agreement",
               {{"Strongly disagree", "Completely disagree"},
                {"Disagree", "Somewhat disagree", "Tend to disagree"},
                {"Agree", "Somewhat agree", "Tend to agree"},
                {"Strongly agree", "Completely agree"}}),
        family("frequency4", "frequency",
               {{"Never"},
                {"Sometimes", "Rarely", "Seldom"},
                {"Often", "Usually", "Frequently"},
                {"Always", "Almost always"}}),
        family("satisfaction4", "satisfaction",
               {{"Very dissatisfied"},
                {"Dissatisfied", "Somewhat dissatisfied"},
                {"Satisfied", "Somewhat satisfied"},
                {"Very satisfied"}}),
        family("importance4", "importance",
               {{"Not at all important", "Not important"},
                {"Slightly important", "Somewhat important"},
                {"Moderately important", "Important"},
                {"Very important"}}),
        family("likelihood4", "likelihood",
               {{"Very unlikely"},
                {"Unlikely", "Somewhat unlikely"},
                {"Likely", "Somewhat likely"},
                {"Very likely"}}),
        family("favorability4", "favourability",
               {{"Very unfavorable"},
                {"Unfavorable", "Somewhat unfavorable"},
                {"Favorable", "Somewhat favorable"},
                {"Very favorable"}}),
        family("agree5", "agreement",
               {{"Strongly disagree", "Completely disagree"},
                {"Disagree", "Somewhat disagree", "Tend to disagree"},
                {nad, "Neutral", "Undecided", "Neither disagree nor agree", "Neither"},
                {"Agree", "Somewhat agree", "Tend to agree"},
                {"Strongly agree", "Completely agree"}}),
        family("frequency5", "frequency",
               {{"Never"},
                {"Rarely", "Seldom", "Almost never"},
                {"Sometimes", "Occasionally"},
                {"Often", "Usually", "Frequently", "Very often", "Most of the time"},
                {"Always", "Almost always"}}),
        family("satisfaction5", "satisfaction",
               {{"Very dissatisfied", "Extremely dissatisfied"},
                {"Dissatisfied", "Somewhat dissatisfied"},
                {nsd, "Neutral"},
                {"Satisfied", "Somewhat satisfied"},
                {"Very satisfied", "Extremely satisfied"}}),
        family("importance5", "importance",
               {{"Not at all important", "Not important"},
                {"Slightly important", "Of little importance", "Low importance"},
                {"Moderately important", "Somewhat important", "Neutral"},
                {"Very important", "Important"},
                {"Extremely important"}}),
        family("likelihood5", "likelihood",
               {{"Very unlikely", "Extremely unlikely"},
                {"Unlikely", "Somewhat unlikely"},
                {nlu, "Neutral", "Not sure", "Unsure"},
                {"Likely", "Somewhat likely"},
                {"Very likely", "Extremely likely"}}),
        family("favorability5", "favourability",
               {{"Very unfavorable"},
                {"Unfavorable", "Somewhat unfavorable"},
                {nfu, "Neutral"},
                {"Favorable", "Somewhat favorable"},
                {"Very favorable"}}),
        family("quality5", "quality", {{"Poor"}, {"Fair"}, {"Good"}, {"Very good"}, {"Excellent"}}),
        family("agree7", "agreement",
               {{"Strongly disagree"},
                {"Disagree", "Moderately disagree"},
                {"Somewhat disagree", "Slightly disagree"},
                {nad, "Neutral", "Undecided"},
                {"Somewhat agree", "Slightly agree"},
                {"Agree", "Moderately agree"},
                {"Strongly agree"}}),
        family("frequency7", "frequency",
               {{"Never"},
                {"Rarely"},
                {"Occasionally"},
                {"Sometimes"},
                {"Frequently", "Often"},
                {"Usually", "Almost always"},
                {"Always", "Every time"}}),
        family("satisfaction7", "satisfaction",
               {{"Extremely dissatisfied", "Very dissatisfied"},
                {"Moderately dissatisfied", "Dissatisfied"},
                {"Slightly dissatisfied", "Somewhat dissatisfied"},
                {nsd, "Neutral"},
                {"Slightly satisfied", "Somewhat satisfied"},
                {"Moderately satisfied", "Satisfied"},
                {"Extremely satisfied", "Very satisfied"}}),
        family("likelihood7", "likelihood",
               {{"Extremely unlikely", "Very unlikely"},
                {"Moderately unlikely", "Unlikely"},
                {"Slightly unlikely", "Somewhat unlikely"},
                {nlu, "Neutral", "Not sure"},
                {"Slightly likely", "Somewhat likely"},
                {"Moderately likely", "Likely"},
                {"Extremely likely", "Very likely"}}),
    };
}

// The point (0-based) of a label key in a family, or -1.
int point_in(const LabelFamily& f, const std::string& key) {
    for (std::size_t p = 0; p < f.points.size(); ++p)
        for (const auto& word : f.points[p])
            if (label_key(word) == key) return static_cast<int>(p);
    return -1;
}

} // namespace

std::string label_key(std::string_view label) {
    std::string out;
    bool space = false;
    for (char c : label) {
        if (is_space(c) || c == '_') { // Kobo's choice names: strongly_agree
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    while (!out.empty() && out.back() == '.')
        out.pop_back();
    replace_all(out, "favour", "favor");
    replace_all(out, "\xE2\x80\x99", "'"); // right single quotation mark
    if (out.rfind("neither ", 0) == 0) replace_all(out, " or ", " nor ");
    return out;
}

NumberedLabel strip_scale_number(std::string_view cell) {
    std::string_view s = trim_view(cell);
    NumberedLabel out{std::string(s), std::nullopt};
    auto take = [&](std::string_view rest, std::string_view digits) {
        rest = trim_view(rest);
        if (!has_letter(rest)) return false;
        out.label = std::string(rest);
        out.number = std::stoi(std::string(digits));
        return true;
    };
    // "(5) label"
    if (s.size() > 3 && s[0] == '(') {
        std::size_t n = leading_digits(s.substr(1));
        if (n && s.size() > n + 1 && s[n + 1] == ')' && take(s.substr(n + 2), s.substr(1, n)))
            return out;
    }
    // "5 - label", "5. label", "5) label"
    if (std::size_t n = leading_digits(s); n) {
        std::string_view rest = trim_view(s.substr(n));
        if (!rest.empty() && separator(rest[0]) && take(rest.substr(1), s.substr(0, n))) return out;
    }
    // "label (5)", "label - 5", "label = 5"
    std::size_t end = s.size();
    if (end && s[end - 1] == ')') {
        std::size_t open = s.rfind('(');
        if (open != std::string_view::npos) {
            auto digits = s.substr(open + 1, end - open - 2);
            if (!digits.empty() && leading_digits(digits) == digits.size() &&
                take(s.substr(0, open), digits))
                return out;
        }
    }
    std::size_t d = end;
    while (d > 0 && is_digit(s[d - 1]))
        --d;
    if (d < end && end - d <= 2) {
        std::string_view before = trim_view(s.substr(0, d));
        if (!before.empty() && (before.back() == '-' || before.back() == '=') &&
            take(before.substr(0, before.size() - 1), s.substr(d)))
            return out;
    }
    return out;
}

bool is_not_applicable(std::string_view cell) {
    std::string k = label_key(cell);
    static const std::set<std::string> words = {
        "", "n/a", "na", "n.a", "not applicable", "does not apply", "n / a"};
    if (words.contains(k)) return true;
    for (std::string_view tail : {"(n/a)", "(na)", "(not applicable)"})
        if (k.size() >= tail.size() && k.compare(k.size() - tail.size(), tail.size(), tail) == 0)
            return true;
    return false;
}

const std::vector<LabelFamily>& label_families() {
    static const std::vector<LabelFamily> families = make_families();
    return families;
}

const LabelFamily* family_of(const RatingScale& scale) {
    for (const auto& f : label_families()) {
        if (static_cast<int>(f.points.size()) != scale.points()) continue;
        bool all = true;
        for (std::size_t i = 0; i < scale.labels.size() && all; ++i)
            all = point_in(f, label_key(scale.labels[i])) == static_cast<int>(i);
        if (all) return &f;
    }
    return nullptr;
}

ScaleReader::ScaleReader(const RatingScale& scale) {
    for (std::size_t i = 0; i < scale.labels.size(); ++i)
        values_.emplace(label_key(scale.labels[i]), static_cast<int>(i) + 1);
    if (const auto* f = family_of(scale))
        for (std::size_t p = 0; p < f->points.size(); ++p)
            for (const auto& word : f->points[p])
                values_.emplace(label_key(word), static_cast<int>(p) + 1); // never overrides
}

std::optional<int> ScaleReader::value(std::string_view cell) const {
    if (auto it = values_.find(label_key(cell)); it != values_.end()) return it->second;
    auto stripped = strip_scale_number(cell);
    if (!stripped.number) return std::nullopt;
    if (auto it = values_.find(label_key(stripped.label)); it != values_.end()) return it->second;
    return std::nullopt;
}

std::optional<RatingScale> infer_scale(const std::vector<std::string>& distinct_answers) {
    std::vector<std::string> labels, keys;
    for (const auto& a : distinct_answers) {
        if (is_not_applicable(a)) continue;
        auto stripped = strip_scale_number(a);
        if (!has_letter(stripped.label)) return std::nullopt;
        std::string key = label_key(stripped.label);
        if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
        keys.push_back(key);
        labels.push_back(stripped.label);
    }
    if (keys.size() < 2) return std::nullopt;
    std::vector<const LabelFamily*> by_points;
    for (const auto& f : label_families())
        by_points.push_back(&f);
    std::stable_sort(by_points.begin(), by_points.end(),
                     [](auto* a, auto* b) { return a->points.size() < b->points.size(); });
    for (const auto* f : by_points) {
        if (f->points.size() < keys.size()) continue;
        std::vector<std::string> chosen(f->points.size());
        bool fits = true;
        for (std::size_t i = 0; i < keys.size() && fits; ++i) {
            int p = point_in(*f, keys[i]);
            fits = p >= 0 && chosen[static_cast<std::size_t>(p)].empty();
            if (fits) chosen[static_cast<std::size_t>(p)] = labels[i];
        }
        if (!fits) continue;
        RatingScale scale{f->id, {}};
        for (std::size_t p = 0; p < chosen.size(); ++p)
            scale.labels.push_back(chosen[p].empty() ? f->points[p][0] : chosen[p]);
        return scale;
    }
    return std::nullopt;
}

} // namespace convene::guides
