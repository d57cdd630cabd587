// Reading a date as a person types it: ISO (2026-11-04, 2026-11-04T10:00, 2026-11-04 10:00) or
// a written month (4 Nov 2026, November 4, 2026 10:00). A form that could mean two dates
// (11/04/2026) or no date (2026-02-30) is refused with the reason.
#pragma once

#include <string>
#include <string_view>

namespace convene::app {

struct ParsedDate {
    std::string iso;   // "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"; empty when refused
    std::string error; // why it was refused; empty when accepted
};

ParsedDate parse_date(std::string_view typed);
// Today's local date as "YYYY-MM-DD".
std::string today_iso();

} // namespace convene::app
