// Intercoder agreement as summary tables: per code, at the answer level (was the code applied to
// this answer or not), for the chosen coders: the answers compared, percent agreement, Cohen's
// kappa (exactly two coders) and Krippendorff's alpha (nominal; copes with answers not every
// coder coded), and the list of answers where the coders disagree, to settle them. The
// statistics are export/agreement.hpp and export/krippendorff.hpp, computed for every code at
// once by export/coding_agreement.hpp (the same figures, without codes x answers values).
#pragma once

#include "export/coding_agreement.hpp"
#include "export/summaries.hpp"

#include <string>
#include <vector>

namespace convene::exporting {

struct AgreementOptions {
    std::vector<std::string> coders; // coder uuids; empty: everyone who coded a selected answer
    std::string code;                // a code uuid; empty: every code some coder applied
    bool operator==(const AgreementOptions&) const = default;
};

// The coders the options mean, in the snapshot's order (indexes into s.coders).
std::vector<int> agreement_coders(const Snapshot& s, const Filters& f, const AgreementOptions& o);

// Agreement on every code, computed once for both tables. The coder filter of f is ignored
// (agreement needs every coder's codings).
struct AgreementResult {
    Filters filters;                             // those given, without the coder
    std::vector<int> coders;                     // indexes into s.coders
    std::vector<int> codes;                      // indexes into s.codes, tree order
    std::vector<agreement::CodeFigures> figures; // per code; units are indexes into s.answers
};
// `lists`: each code's figures keep the answers behind their counts (the screen opens them);
// without, a code's figures are a few numbers (the workbook's, which never opens a count).
AgreementResult compute_agreement(const Snapshot& s, const Filters& f, const AgreementOptions& o,
                                  bool lists = true);

// One row per code.
SummaryTable intercoder_agreement(const Snapshot& s, const AgreementResult& r);
// One row per answer and code where the coders who coded the answer do not all agree (found
// from the snapshot's segments, answer by answer, not from r's lists: the segments must be sorted
// by answer, as a loaded snapshot keeps them): the
// table whole, or its columns (rows empty) and then each row handed over as it is made, for a
// writer that should not hold the list. The callback gets the row's cells to read, change or
// move from; the same vector is filled again for the next row, so its strings' buffers are
// reused rather than allocated per row.
SummaryTable coder_disagreements(const Snapshot& s, const AgreementResult& r);
SummaryTable coder_disagreements_columns();
void for_each_disagreement(const Snapshot& s, const AgreementResult& r, RowRef row);

// The same from the options, computing agreement for the one table.
SummaryTable intercoder_agreement(const Snapshot& s, const Filters& f, const AgreementOptions& o);
SummaryTable coder_disagreements(const Snapshot& s, const Filters& f, const AgreementOptions& o);

// The two with default options, for the summary registry.
SummaryTable intercoder_agreement_all(const Snapshot& s, const Filters& f);
SummaryTable coder_disagreements_all(const Snapshot& s, const Filters& f);

} // namespace convene::exporting
