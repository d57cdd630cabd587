// How each survey service lays out its CSV export, recognised from the header (sources in
// tests/data/exports/README.md):
//   - Google Forms: "Timestamp" first, the question texts as headers, a grid question as one column
//     per row, "Question [Row]"; checkbox answers joined by ", ".
//   - Qualtrics: short names (Q1, Q2_3) in the header, then a row of question texts and a row of
//     {"ImportId": ...} cells; the legacy export has V1..V10 and question ids in the header and the
//     texts in one row under it.
//   - SurveyMonkey: question texts in the header, blank over a question's further columns, and a
//     second header row naming each column's option, matrix row or "Response".
//   - LimeSurvey: question codes (q1, q2[SQ001]) or full texts ("Question [Option]"); "submitdate",
//     "lastpage", "startlanguage" (or "Date submitted", "Last page", "Start language").
//   - KoboToolbox / ODK: "group/question" paths, "_uuid", "_submission_time"; a select_multiple as
//     one column of space-joined choice names and/or one 1/0 column per choice, "question/choice".
// read_layout takes the extra header rows out of the table and says, per column, which question
// it belongs to and which option (sub-question, row, choice) of it, if any.
#pragma once

#include "guides/csv_reader.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace convene::guides {

enum class SurveyService {
    Generic,
    GoogleForms,
    Qualtrics,
    QualtricsLegacy,
    SurveyMonkey,
    LimeSurvey,
    Kobo
};

// "Google Forms", "Qualtrics", "Qualtrics (legacy export)", ..., "CSV".
std::string_view service_name(SurveyService service);

struct SurveyLayout {
    SurveyService service = SurveyService::Generic;
    std::size_t extra_header_rows = 0; // rows under the header that were taken out
    // Per column:
    std::vector<std::string> questions; // the question's text (the header when nothing better)
    std::vector<std::string> options;   // the option, sub-question or row of the question; "" none
    std::vector<std::size_t> groups;    // the first column of the question the column belongs to
};

// Recognises the service, takes its extra header rows out of the table and, for SurveyMonkey,
// replaces the header by one unique name per column ("Question / Option").
SurveyLayout read_layout(CsvTable& table);

} // namespace convene::guides
