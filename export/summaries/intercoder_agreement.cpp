// Intercoder agreement per code and the answers coders disagree on
// (export/intercoder_agreement.hpp).
#include "export/intercoder_agreement.hpp"

#include "export/coding_agreement.hpp"
#include "export/krippendorff.hpp"
#include "export/summaries/common.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace convene::exporting {
namespace {

struct Prepared {
    std::vector<int> coders;           // indexes into s.coders
    std::vector<int> codes;            // indexes into s.codes
    std::vector<std::string> code_ids; // their uuids
    // The codings, indexed once; each code's data is made when it is needed and dropped after
    // (all codes' at once would be codes x answers: gigabytes for a large workspace).
    std::optional<agreement::ReliabilityIndex> index;
    std::map<std::string, int> answer_index; // answer uuid -> index in s.answers
    std::size_t answer(const std::string& uuid) const {
        return static_cast<std::size_t>(answer_index.at(uuid));
    }
};

Filters without_coder(Filters f) {
    f.coder.clear();
    return f;
}

Prepared prepare(const Snapshot& s, const Filters& f, const AgreementOptions& o) {
    auto sel = select(s, without_coder(f));
    Prepared p;
    p.coders = agreement_coders(s, f, o);
    std::vector<agreement::CodeApplication> applied;
    std::set<int> used_codes;
    for (std::size_t i = 0; i < s.segments.size(); ++i) {
        const auto& seg = s.segments[i];
        if (!sel.segment(i) || seg.coder < 0) continue;
        const auto& answer = s.answers[static_cast<std::size_t>(seg.answer)];
        applied.push_back({answer.uuid, s.coders[static_cast<std::size_t>(seg.coder)].uuid,
                           s.codes[static_cast<std::size_t>(seg.code)].uuid});
        p.answer_index[answer.uuid] = seg.answer;
        if (std::find(p.coders.begin(), p.coders.end(), seg.coder) != p.coders.end())
            used_codes.insert(seg.code);
    }
    std::vector<std::string> coder_ids;
    for (int c : p.coders)
        coder_ids.push_back(s.coders[static_cast<std::size_t>(c)].uuid);
    for (int c : used_codes) // tree order: codes are indexed in tree order
        if (o.code.empty() || s.codes[static_cast<std::size_t>(c)].uuid == o.code) {
            p.codes.push_back(c);
            p.code_ids.push_back(s.codes[static_cast<std::size_t>(c)].uuid);
        }
    p.index.emplace(applied, coder_ids);
    return p;
}

std::string coder_names(const Snapshot& s, const std::vector<int>& coders) {
    std::string out;
    for (int c : coders)
        out += (out.empty() ? "" : ", ") + s.coders[static_cast<std::size_t>(c)].name;
    return out;
}

Cell optional_cell(const std::optional<double>& v) {
    return v ? Cell(*v) : Cell();
}

} // namespace

std::vector<int> agreement_coders(const Snapshot& s, const Filters& f, const AgreementOptions& o) {
    std::vector<int> out;
    if (!o.coders.empty()) {
        for (std::size_t i = 0; i < s.coders.size(); ++i)
            if (std::find(o.coders.begin(), o.coders.end(), s.coders[i].uuid) != o.coders.end())
                out.push_back(static_cast<int>(i));
        return out;
    }
    auto sel = select(s, without_coder(f));
    std::set<int> coded;
    for (std::size_t i = 0; i < s.segments.size(); ++i)
        if (sel.segment(i) && s.segments[i].coder >= 0) coded.insert(s.segments[i].coder);
    return {coded.begin(), coded.end()};
}

SummaryTable intercoder_agreement(const Snapshot& s, const Filters& f, const AgreementOptions& o) {
    auto p = prepare(s, f, o);
    SummaryTable t;
    t.id = "intercoder_agreement";
    t.title = "Intercoder agreement";
    t.note = "Per code, at the answer level: was the code applied to the answer or not, for "
             "the answers each coder coded. Coders: " +
             (p.coders.empty() ? std::string("none") : coder_names(s, p.coders)) +
             ". Cohen's kappa needs exactly two coders; Krippendorff's alpha (nominal) takes any "
             "number and answers not every coder coded. Blank: undefined (for instance a code "
             "every coder applied to every answer).";
    t.columns = {detail::text_column("code", "Code"),
                 detail::count_column("answers_compared", "Answers coded by 2+ coders", "answers"),
                 detail::count_column("answers_with_code", "Answers with the code", "answers"),
                 {"percent_agreement", "Agreement", ColumnType::Percent, "of coder pairs", 1},
                 {"cohen_kappa", "Cohen's kappa", ColumnType::Real, "", 3},
                 {"krippendorff_alpha", "Krippendorff's alpha", ColumnType::Real, "", 3},
                 detail::count_column("disagreements", "Disagreements", "answers")};
    for (std::size_t k = 0; k < p.codes.size(); ++k) {
        const auto data = p.index->data_for(p.code_ids[k]);
        auto percent = agreement::percent_agreement(data.data);
        auto alpha = agreement::krippendorff_alpha(data.data, agreement::Metric::nominal);
        std::optional<double> kappa;
        if (p.coders.size() == 2) kappa = agreement::cohen_kappa(data.data, 0, 1).kappa;
        auto key = [&](std::size_t u) { return detail::key(p.answer(data.answers[u])); };
        std::vector<std::uint32_t> with_code, disagreeing;
        for (std::size_t u = 0; u < data.answers.size(); ++u) {
            const auto& unit = data.data.units[u];
            if (std::any_of(unit.begin(), unit.end(), [](auto v) { return v && *v == 1; }))
                with_code.push_back(key(u));
        }
        for (auto u : agreement::disagreeing_units(data.data))
            disagreeing.push_back(key(u));
        auto n_with = with_code.size(), n_disagreeing = disagreeing.size();
        t.rows.push_back({detail::code_label(s, p.codes[k]), Cell(percent.pairable_units),
                          detail::count_cell(n_with, {}, std::move(with_code)),
                          optional_cell(percent.proportion), optional_cell(kappa),
                          optional_cell(alpha.alpha),
                          detail::count_cell(n_disagreeing, {}, std::move(disagreeing))});
    }
    return t;
}

SummaryTable coder_disagreements(const Snapshot& s, const Filters& f, const AgreementOptions& o) {
    auto p = prepare(s, f, o);
    SummaryTable t;
    t.id = "coder_disagreements";
    t.title = "Answers the coders disagree on";
    t.note = "Each answer and code where the coders who coded the answer did not all make the "
             "same choice: settle them, then code again or merge.";
    t.columns = {detail::text_column("organisation", "Organisation"),
                 detail::text_column("group", "Group"),
                 detail::text_column("question", "Question"),
                 detail::text_column("code", "Code"),
                 detail::text_column("applied_by", "Applied by"),
                 detail::text_column("not_applied_by", "Not applied by"),
                 detail::text_column("notes", "Notes")};
    for (std::size_t k = 0; k < p.codes.size(); ++k) {
        const auto data = p.index->data_for(p.code_ids[k]);
        for (auto u : agreement::disagreeing_units(data.data)) {
            auto index = p.answer(data.answers[u]);
            const auto& answer = s.answers[index];
            const auto& conv = s.conversations[static_cast<std::size_t>(answer.conversation)];
            std::vector<int> yes, no;
            for (std::size_t r = 0; r < p.coders.size(); ++r) {
                const auto& v = data.data.units[u][r];
                if (v) (*v == 1 ? yes : no).push_back(p.coders[r]);
            }
            Cell question(s.question_text(answer).empty() ? answer.question_id
                                                          : s.question_text(answer));
            question.answers = {detail::key(index)};
            question.link = answer.uuid;
            t.rows.push_back({conv.org, s.group_label(conv.group), std::move(question),
                              detail::code_label(s, p.codes[k]), coder_names(s, yes),
                              coder_names(s, no), answer.notes});
        }
    }
    return t;
}

SummaryTable intercoder_agreement_all(const Snapshot& s, const Filters& f) {
    return intercoder_agreement(s, f, {});
}

SummaryTable coder_disagreements_all(const Snapshot& s, const Filters& f) {
    return coder_disagreements(s, f, {});
}

} // namespace convene::exporting
