#include "app/date_input.hpp"

#include "store/uuid.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <optional>
#include <vector>

namespace convene::app {
namespace {

constexpr std::array<const char*, 12> kMonths{"january",   "february", "march",    "april",
                                              "may",       "june",     "july",     "august",
                                              "september", "october",  "november", "december"};

bool leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in(int y, int m) {
    constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[static_cast<std::size_t>(m - 1)];
}

// A token: a run of digits or of letters; separators are dropped, ':' kept for times.
std::vector<std::string> tokens(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty()) out.push_back(cur);
        cur.clear();
    };
    for (char ch : s) {
        auto c = static_cast<unsigned char>(ch);
        bool digit = std::isdigit(c) != 0, alpha = std::isalpha(c) != 0;
        if (ch == ':') {
            flush();
            out.emplace_back(":");
        } else if (!digit && !alpha) {
            flush();
        } else if (!cur.empty() &&
                   (std::isdigit(static_cast<unsigned char>(cur.back())) != 0) != digit) {
            flush();
            cur += static_cast<char>(std::tolower(c));
        } else {
            cur += static_cast<char>(std::tolower(c));
        }
    }
    flush();
    return out;
}

std::optional<int> number(const std::string& t) {
    int v = 0;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || p != t.data() + t.size()) return std::nullopt;
    return v;
}

std::optional<int> month_named(const std::string& t) {
    if (t.size() < 3) return std::nullopt;
    for (std::size_t i = 0; i < kMonths.size(); ++i)
        if (std::string_view(kMonths[i]).substr(0, t.size()) == t) return static_cast<int>(i + 1);
    return std::nullopt;
}

ParsedDate make(int y, int m, int d, int hour, int minute, bool time) {
    if (y < 1900 || y > 2200) return {{}, "the year should have four digits (e.g. 2026)"};
    if (m < 1 || m > 12) return {{}, "there is no month " + std::to_string(m)};
    if (d < 1 || d > days_in(y, m))
        return {{},
                std::string(kMonths[static_cast<std::size_t>(m - 1)]) + " " + std::to_string(y) +
                    " has no day " + std::to_string(d)};
    if (time && (hour < 0 || hour > 23 || minute < 0 || minute > 59))
        return {{}, "the time should be HH:MM between 00:00 and 23:59"};
    char buf[32];
    if (time)
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", y, m, d, hour, minute);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return {buf, {}};
}

} // namespace

ParsedDate parse_date(std::string_view typed) {
    auto t = tokens(typed);
    if (t.empty()) return {{}, "type a date, e.g. 2026-11-04 or 4 Nov 2026"};
    // A time at the end: H:MM, optionally am/pm.
    int hour = 0, minute = 0;
    bool time = false;
    std::string ampm;
    if (!t.empty() && (t.back() == "am" || t.back() == "pm")) {
        ampm = t.back();
        t.pop_back();
    }
    if (t.size() >= 3 && t[t.size() - 2] == ":") {
        auto h = number(t[t.size() - 3]), mi = number(t.back());
        if (!h || !mi) return {{}, "the time should be HH:MM"};
        hour = *h;
        minute = *mi;
        time = true;
        t.resize(t.size() - 3);
        if (!t.empty() && t.back() == "t") t.pop_back(); // 2026-11-04T10:00
        if (ampm == "pm" && hour < 12) hour += 12;
        if (ampm == "am" && hour == 12) hour = 0;
    }
    if (t.size() != 3) return {{}, "type a date as 2026-11-04 or 4 Nov 2026"};
    // Year first: ISO.
    if (t[0].size() == 4 && number(t[0]) && number(t[1]) && number(t[2]))
        return make(*number(t[0]), *number(t[1]), *number(t[2]), hour, minute, time);
    // A written month, before or after the day.
    for (std::size_t mi = 0; mi < 2; ++mi) {
        if (auto m = month_named(t[mi])) {
            auto d = number(t[1 - mi]);
            auto y = number(t[2]);
            if (!d || !y || t[2].size() != 4)
                return {{}, "type a date as 2026-11-04 or 4 Nov 2026"};
            return make(*y, *m, *d, hour, minute, time);
        }
    }
    if (number(t[0]) && number(t[1]) && number(t[2])) {
        int a = *number(t[0]), b = *number(t[1]);
        if (a != b && a <= 12 && b <= 12)
            return {{},
                    std::string(typed) +
                        " could be read as two different dates (day/month or month/day): "
                        "type it as 2026-11-04 or 4 Nov 2026"};
        // Only one reading is a date: 25/12/2026 or 12/25/2026.
        int day = a > 12 ? a : b, month = a > 12 ? b : a;
        return make(*number(t[2]), month, day, hour, minute, time);
    }
    return {{}, "type a date as 2026-11-04 or 4 Nov 2026"};
}

std::string today_iso() {
    return store::now_local("%Y-%m-%d");
}

} // namespace convene::app
