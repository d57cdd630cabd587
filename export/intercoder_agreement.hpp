// Intercoder agreement as summary tables: per code, at the answer level (was the code applied to
// this answer or not), for the chosen coders: the answers compared, percent agreement, Cohen's
// kappa (exactly two coders) and Krippendorff's alpha (nominal; copes with answers not every
// coder coded), and the list of answers where the coders disagree, to settle them. The
// statistics are export/agreement.hpp and export/krippendorff.hpp; the reliability data per
// code is export/coding_agreement.hpp.
#pragma once

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

// One row per code. The coder filter of f is ignored (agreement needs every coder's codings).
SummaryTable intercoder_agreement(const Snapshot& s, const Filters& f, const AgreementOptions& o);
// One row per answer and code where the coders who coded the answer do not all agree.
SummaryTable coder_disagreements(const Snapshot& s, const Filters& f, const AgreementOptions& o);

// The two with default options, for the summary registry.
SummaryTable intercoder_agreement_all(const Snapshot& s, const Filters& f);
SummaryTable coder_disagreements_all(const Snapshot& s, const Filters& f);

} // namespace convene::exporting
