// The question-by-question part of the conversation report: per area, each question with its
// notes, quotes and structured answers, and the follow-up questions added in the conversation.
#pragma once

#include "export/conversation_report.hpp"
#include "export/pseudonymizer.hpp"

namespace convene::exporting::report_answers {

void areas(doc::Document& d, const ReportInput& in, const ReportOptions& o,
           const Pseudonymizer& names);

} // namespace convene::exporting::report_answers
