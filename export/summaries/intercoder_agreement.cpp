// Intercoder agreement per code and the answers coders disagree on
// (export/intercoder_agreement.hpp).
#include "export/intercoder_agreement.hpp"

#include "export/summaries/common.hpp"

#include <algorithm>
#include <cassert>
#include <functional>
#include <iterator>
#include <optional>
#include <set>
#include <utility>

namespace convene::exporting {
namespace {

Filters without_coder(Filters f) {
    f.coder.clear();
    return f;
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

// Answers (indexes into s.answers) as the keys a count cell keeps (export/summaries/common.hpp).
std::vector<std::uint32_t> answer_keys(const std::vector<int>& answers) {
    std::vector<std::uint32_t> out;
    out.reserve(answers.size());
    for (int a : answers)
        out.push_back(detail::key(static_cast<std::size_t>(a)));
    return out;
}

// Per snapshot index 0..n-1, its position in `chosen` (indexes into the same vector), or -1.
std::vector<int> positions(std::size_t n, const std::vector<int>& chosen) {
    std::vector<int> out(n, -1);
    for (std::size_t i = 0; i < chosen.size(); ++i)
        out[static_cast<std::size_t>(chosen[i])] = static_cast<int>(i);
    return out;
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

AgreementResult compute_agreement(const Snapshot& s, const Filters& f, const AgreementOptions& o,
                                  bool lists) {
    AgreementResult r;
    r.filters = without_coder(f);
    auto sel = select(s, r.filters);
    r.coders = agreement_coders(s, f, o);
    auto rater_of = positions(s.coders.size(), r.coders);
    std::vector<agreement::Coding> codings;
    std::vector<char> used(s.codes.size(), 0);
    for (std::size_t i = 0; i < s.segments.size(); ++i) {
        const auto& seg = s.segments[i];
        if (!sel.segment(i) || seg.coder < 0) continue;
        int rater = rater_of[static_cast<std::size_t>(seg.coder)];
        if (rater < 0) continue;
        codings.push_back({seg.answer, rater, seg.code});
        used[static_cast<std::size_t>(seg.code)] = 1;
    }
    for (std::size_t c = 0; c < s.codes.size(); ++c) // tree order: codes are in tree order
        if (used[c] && (o.code.empty() || s.codes[c].uuid == o.code))
            r.codes.push_back(static_cast<int>(c));
    agreement::CodeAgreement index(s.answers.size(), r.coders.size(), s.codes.size(), codings);
    for (int c : r.codes)
        r.figures.push_back(index.figures(c, lists));
    return r;
}

SummaryTable intercoder_agreement(const Snapshot& s, const AgreementResult& r) {
    SummaryTable t;
    t.id = "intercoder_agreement";
    t.title = "Intercoder agreement";
    t.note = "Per code, at the answer level: was the code applied to the answer or not, for "
             "the answers each coder coded. Coders: " +
             (r.coders.empty() ? std::string("none") : coder_names(s, r.coders)) +
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
    for (std::size_t k = 0; k < r.codes.size(); ++k) {
        const auto& fig = r.figures[k];
        std::vector<int> disagreeing;
        for (const auto& d : fig.disagreements)
            disagreeing.push_back(d.unit);
        t.rows.push_back({detail::code_label(s, r.codes[k]), Cell(fig.pairable_units),
                          detail::count_cell(fig.units_with_code, {}, answer_keys(fig.with_code)),
                          optional_cell(fig.percent), optional_cell(fig.cohen_kappa),
                          optional_cell(fig.alpha),
                          detail::count_cell(fig.disagreeing_units, {}, answer_keys(disagreeing))});
    }
    return t;
}

SummaryTable coder_disagreements_columns() {
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
    return t;
}

namespace {

// The raters' names ("Ana, Ben") into out, replacing what it held (its buffer is reused).
void set_coder_names(std::string& out, const Snapshot& s, const AgreementResult& r,
                     std::span<const int> raters) {
    out.clear();
    for (int rater : raters) {
        if (!out.empty()) out += ", ";
        out += s.coders[static_cast<std::size_t>(r.coders[static_cast<std::size_t>(rater)])].name;
    }
}

std::string& text_of(Cell& cell) {
    if (auto* s = std::get_if<std::string>(&cell.value)) return *s;
    return cell.value.emplace<std::string>();
}

// Texts that depend on the answer or its conversation only: the question made once per answer
// (rows come answer by answer, several codes each), each group's label once.
class RowTexts {
  public:
    explicit RowTexts(const Snapshot& s) : s_(s), group_(s.conversations.size()) {}

    const std::string& question(std::size_t answer) {
        if (answer != answer_) {
            answer_ = answer;
            const auto& a = s_.answers[answer];
            question_ = s_.question_text(a);
            if (question_.empty()) question_ = s_.question_id(a);
        }
        return question_;
    }
    const std::string& group(std::size_t conversation) {
        auto& g = group_[conversation];
        if (!g) g = s_.group_label(s_.conversations[conversation].group);
        return *g;
    }

  private:
    const Snapshot& s_;
    std::size_t answer_ = static_cast<std::size_t>(-1);
    std::string question_;
    std::vector<std::optional<std::string>> group_;
};

// Who applied which code to one answer, and who coded it at all, from its segments.
class AnswerCodings {
  public:
    AnswerCodings(const Snapshot& s, const AgreementResult& r)
        : s_(s), sel_(select(s, r.filters)), rater_of_(positions(s.coders.size(), r.coders)),
          code_k_(positions(s.codes.size(), r.codes)) {}
    // The codings of segments [begin, end) (one answer's): raters() who coded it, ascending;
    // applied(): (k, rater) for each code of r.codes applied, sorted, each once.
    void read(std::size_t begin, std::size_t end) {
        raters_.clear();
        applied_.clear();
        for (std::size_t i = begin; i < end; ++i) {
            const auto& seg = s_.segments[i];
            if (!sel_.segment(i) || seg.coder < 0) continue;
            int rater = rater_of_[static_cast<std::size_t>(seg.coder)];
            if (rater < 0) continue;
            raters_.push_back(rater);
            if (int k = code_k_[static_cast<std::size_t>(seg.code)]; k >= 0)
                applied_.emplace_back(k, rater);
        }
        unique_sorted(raters_);
        unique_sorted(applied_);
    }
    const std::vector<int>& raters() const { return raters_; }
    const std::vector<std::pair<int, int>>& applied() const { return applied_; }

  private:
    template <typename T> static void unique_sorted(std::vector<T>& v) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
    }
    const Snapshot& s_;
    Selection sel_;
    std::vector<int> rater_of_, code_k_; // per snapshot coder and code: rater, k; -1 if none
    std::vector<int> raters_;
    std::vector<std::pair<int, int>> applied_;
};

} // namespace

// Rows by answer (conversations in the snapshot's order, answers in guide order), each answer's
// codes in tree order, found answer by answer from the segments (kept sorted by answer), so no
// list of disagreements is held and an answer's words are read once, a conversation's at once.
void for_each_disagreement(const Snapshot& s, const AgreementResult& r, RowRef row) {
    AnswerCodings codings(s, r);
    RowTexts texts(s);
    std::vector<Cell> cells;
    std::vector<int> applied, not_applied;
    std::vector<store::AnswerText> words; // of the conversation being written, from `first`
    std::size_t first = 0;
    int conversation = -1;
    for (std::size_t b = 0, e = 0; b < s.segments.size(); b = e) {
        // The snapshot keeps its segments sorted by answer (store/coding_snapshot.hpp).
        assert(b == 0 || s.segments[b - 1].answer < s.segments[b].answer);
        auto unit = static_cast<std::size_t>(s.segments[b].answer);
        for (e = b; e < s.segments.size() && s.segments[e].answer == s.segments[b].answer;)
            ++e;
        codings.read(b, e);
        const auto& raters = codings.raters();
        if (raters.size() < 2) continue; // not pairable: nobody to disagree with
        const auto& all = codings.applied();
        for (std::size_t i = 0, j = 0; i < all.size(); i = j) {
            applied.clear();
            for (j = i; j < all.size() && all[j].first == all[i].first; ++j)
                applied.push_back(all[j].second);
            if (applied.size() == raters.size()) continue; // every coder applied it
            not_applied.clear();
            std::set_difference(raters.begin(), raters.end(), applied.begin(), applied.end(),
                                std::back_inserter(not_applied));
            const auto& answer = s.answers[unit];
            if (answer.conversation != conversation) {
                conversation = answer.conversation;
                first = unit;
                std::size_t end = unit + 1;
                while (end < s.answers.size() && s.answers[end].conversation == conversation)
                    ++end;
                words = s.answer_texts_of(first, end, false);
            }
            const auto& w = words[unit - first];
            auto c = static_cast<std::size_t>(conversation);
            cells.resize(7); // the callback may have moved the cells away
            text_of(cells[0]) = s.conversations[c].org;
            text_of(cells[1]) = texts.group(c);
            text_of(cells[2]) = texts.question(unit);
            cells[2].answers.assign(1, detail::key(unit));
            cells[2].link = w.uuid;
            text_of(cells[3]) =
                detail::code_label(s, r.codes[static_cast<std::size_t>(all[i].first)]);
            set_coder_names(text_of(cells[4]), s, r, applied);
            set_coder_names(text_of(cells[5]), s, r, not_applied);
            text_of(cells[6]) = w.notes;
            row(cells);
        }
    }
}

SummaryTable coder_disagreements(const Snapshot& s, const AgreementResult& r) {
    auto t = coder_disagreements_columns();
    for_each_disagreement(s, r, [&](std::vector<Cell>& cells) { t.rows.push_back(cells); });
    return t;
}

SummaryTable intercoder_agreement(const Snapshot& s, const Filters& f, const AgreementOptions& o) {
    return intercoder_agreement(s, compute_agreement(s, f, o));
}

SummaryTable coder_disagreements(const Snapshot& s, const Filters& f, const AgreementOptions& o) {
    return coder_disagreements(s, compute_agreement(s, f, o, false)); // its rows need no lists
}

SummaryTable intercoder_agreement_all(const Snapshot& s, const Filters& f) {
    return intercoder_agreement(s, f, {});
}

SummaryTable coder_disagreements_all(const Snapshot& s, const Filters& f) {
    return coder_disagreements(s, f, {});
}

} // namespace convene::exporting
