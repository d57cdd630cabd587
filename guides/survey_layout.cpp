#include "guides/survey_layout.hpp"

#include "guides/text.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace convene::guides {
namespace {

std::string lower(std::string_view s) {
    std::string out = trim(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool has_column(const CsvTable& t, std::initializer_list<std::string_view> names) {
    return std::any_of(t.header.begin(), t.header.end(), [&](const std::string& h) {
        auto l = lower(h);
        return std::find(names.begin(), names.end(), l) != names.end();
    });
}

void drop_rows(CsvTable& t, std::size_t n) {
    t.rows.erase(t.rows.begin(), t.rows.begin() + static_cast<std::ptrdiff_t>(n));
    t.row_lines.erase(t.row_lines.begin(), t.row_lines.begin() + static_cast<std::ptrdiff_t>(n));
}

SurveyService recognise(const CsvTable& t) {
    const auto& h = t.header;
    if (t.rows.size() >= 2 &&
        std::any_of(t.rows[1].begin(), t.rows[1].end(),
                    [](const std::string& c) { return c.rfind("{\"ImportId\"", 0) == 0; }))
        return SurveyService::Qualtrics;
    if (!h.empty() && h[0] == "V1" && !t.rows.empty() && lower(t.rows[0][0]) == "responseid")
        return SurveyService::QualtricsLegacy;
    if (has_column(t, {"respondent id"}) && has_column(t, {"collector id"}) && !t.rows.empty())
        return SurveyService::SurveyMonkey;
    if (has_column(t, {"_uuid", "_submission_time"})) return SurveyService::Kobo;
    if (has_column(t, {"submitdate", "lastpage", "startlanguage", "date submitted", "last page",
                       "start language"}))
        return SurveyService::LimeSurvey;
    if (!h.empty() && lower(h[0]) == "timestamp") return SurveyService::GoogleForms;
    return SurveyService::Generic;
}

// "Question text [Option]" -> question and option; false when the header has no such end.
bool split_bracket(const std::string& h, std::string& question, std::string& option) {
    if (h.size() < 3 || h.back() != ']') return false;
    auto open = h.rfind('[');
    if (open == std::string::npos || open == 0) return false;
    question = trim(std::string_view(h).substr(0, open));
    option = trim(std::string_view(h).substr(open + 1, h.size() - open - 2));
    return !question.empty() && !option.empty();
}

void surveymonkey(CsvTable& t, SurveyLayout& l) {
    static const std::set<std::string> plain = {"", "response", "open-ended response"};
    std::string current;
    std::size_t start = 0;
    std::set<std::string> seen;
    for (std::size_t c = 0; c < t.header.size(); ++c) {
        if (!trim(t.header[c]).empty()) {
            current = trim(t.header[c]);
            start = c;
        }
        std::string sub = trim(t.rows[0][c]);
        l.questions[c] = current;
        l.options[c] = plain.contains(lower(sub)) ? "" : sub;
        l.groups[c] = start;
        std::string name = l.options[c].empty() ? current : current + " / " + l.options[c];
        for (int n = 2; !seen.insert(name).second; ++n)
            name = current + " / " + l.options[c] + " (" + std::to_string(n) + ")";
        t.header[c] = name;
    }
    drop_rows(t, 1);
    l.extra_header_rows = 1;
}

void bracketed(const CsvTable& t, SurveyLayout& l) {
    std::map<std::string, std::size_t> first;
    for (std::size_t c = 0; c < t.header.size(); ++c) {
        std::string q, o;
        if (!split_bracket(t.header[c], q, o)) continue;
        l.questions[c] = q;
        l.options[c] = o;
        l.groups[c] = first.emplace(q, c).first->second;
    }
}

// Qualtrics names the columns of a matrix or a split multiple-choice question Q2_1, Q2_2, ... and
// their texts "Question - Row": columns sharing a prefix are one question, the rows its options.
void qualtrics(const CsvTable& t, SurveyLayout& l) {
    std::map<std::string, std::vector<std::size_t>> by_prefix;
    for (std::size_t c = 0; c < t.header.size(); ++c) {
        const auto& h = t.header[c];
        auto us = h.rfind('_');
        if (us == std::string::npos || us == 0 || us + 1 == h.size()) continue;
        if (!std::all_of(h.begin() + static_cast<std::ptrdiff_t>(us) + 1, h.end(),
                         [](unsigned char ch) { return std::isdigit(ch); }))
            continue;
        by_prefix[h.substr(0, us)].push_back(c);
    }
    for (const auto& [prefix, cols] : by_prefix) {
        if (cols.size() < 2) continue;
        for (auto c : cols) {
            const auto& text = l.questions[c];
            auto dash = text.rfind(" - ");
            if (dash == std::string::npos) continue;
            l.options[c] = trim(std::string_view(text).substr(dash + 3));
            l.groups[c] = cols.front();
        }
    }
}

void kobo(const CsvTable& t, SurveyLayout& l) {
    std::map<std::string, std::size_t> index;
    for (std::size_t c = 0; c < t.header.size(); ++c)
        index.emplace(t.header[c], c);
    for (std::size_t c = 0; c < t.header.size(); ++c) {
        const auto& h = t.header[c];
        auto slash = h.rfind('/');
        if (slash == std::string::npos) continue;
        l.questions[c] = h.substr(slash + 1);
        if (auto it = index.find(h.substr(0, slash)); it != index.end()) {
            l.questions[c] = l.questions[it->second];
            l.options[c] = h.substr(slash + 1);
            l.groups[c] = it->second;
        }
    }
}

} // namespace

std::string_view service_name(SurveyService service) {
    switch (service) {
    case SurveyService::GoogleForms:
        return "Google Forms";
    case SurveyService::Qualtrics:
        return "Qualtrics";
    case SurveyService::QualtricsLegacy:
        return "Qualtrics (legacy export)";
    case SurveyService::SurveyMonkey:
        return "SurveyMonkey";
    case SurveyService::LimeSurvey:
        return "LimeSurvey";
    case SurveyService::Kobo:
        return "KoboToolbox";
    case SurveyService::Generic:
        break;
    }
    return "CSV";
}

SurveyLayout read_layout(CsvTable& t) {
    SurveyLayout l;
    const std::size_t n = t.header.size();
    l.questions = t.header;
    l.options.assign(n, "");
    for (std::size_t c = 0; c < n; ++c)
        l.groups.push_back(c);
    l.service = recognise(t);
    switch (l.service) {
    case SurveyService::Qualtrics:
    case SurveyService::QualtricsLegacy: {
        for (std::size_t c = 0; c < n; ++c)
            if (!trim(t.rows[0][c]).empty()) l.questions[c] = trim(t.rows[0][c]);
        l.extra_header_rows = l.service == SurveyService::Qualtrics ? 2 : 1;
        drop_rows(t, l.extra_header_rows);
        qualtrics(t, l);
        break;
    }
    case SurveyService::SurveyMonkey:
        surveymonkey(t, l);
        break;
    case SurveyService::LimeSurvey:
    case SurveyService::GoogleForms:
        bracketed(t, l);
        break;
    case SurveyService::Kobo:
        kobo(t, l);
        break;
    case SurveyService::Generic:
        break;
    }
    return l;
}

} // namespace convene::guides
