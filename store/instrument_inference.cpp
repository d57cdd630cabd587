#include "store/instrument_inference.hpp"

#include "guides/likert_labels.hpp"
#include "guides/numbers.hpp"
#include "guides/text.hpp"
#include "store/instrument_edits.hpp" // add_scale
#include "store/survey_import_parts.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace convene::store {
namespace {

using guides::ItemType;
using guides::SurveyService;

// Columns with at most this many distinct answers are proposed as respondent attributes.
constexpr std::size_t kAttributeValues = 6;
// Choice items have at most this many choices; more distinct answers make open text.
constexpr std::size_t kChoiceValues = 12;
// Answers longer than this are open text whatever their count.
constexpr std::size_t kShortAnswer = 60;

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

ColumnFacts facts_of(const guides::CsvTable& t, std::size_t c) {
    ColumnFacts f;
    std::set<std::string> seen;
    bool numeric = true;
    for (const auto& row : t.rows) {
        std::string cell = guides::trim(row[c]);
        if (guides::is_not_applicable(cell)) continue;
        ++f.answered;
        f.longest = std::max(f.longest, cell.size());
        numeric = numeric && guides::parse_number(cell).has_value();
        if (seen.insert(cell).second) f.distinct.push_back(std::move(cell));
    }
    f.numeric = numeric && f.answered > 0;
    return f;
}

// Splits a checkbox answer: Google Forms joins choices with ", ", Qualtrics with ",", Kobo with
// spaces.
std::vector<std::string> pieces(const std::string& cell, bool spaces) {
    std::vector<std::string> out;
    std::size_t start = 0;
    const std::string sep = spaces ? " " : ",";
    while (start <= cell.size()) {
        auto end = cell.find(sep, start);
        std::string piece = guides::trim(
            std::string_view(cell).substr(start, end == std::string::npos ? end : end - start));
        if (!piece.empty()) out.push_back(piece);
        if (end == std::string::npos) break;
        start = end + sep.size();
    }
    return out;
}

// The choices of a multiple-choice column, or empty when the answers do not look like one: some
// answer holds two or more choices, and the choices are fewer than the distinct answers.
std::vector<std::string> multi_choices(const ColumnFacts& f, bool spaces) {
    std::vector<std::string> choices;
    bool several = false;
    for (const auto& answer : f.distinct) {
        auto p = pieces(answer, spaces);
        several = several || p.size() > 1;
        for (auto& piece : p)
            if (std::find(choices.begin(), choices.end(), piece) == choices.end())
                choices.push_back(std::move(piece));
    }
    if (!several || choices.size() >= f.distinct.size() || choices.size() > kChoiceValues)
        return {};
    return choices;
}

class IdMaker {
  public:
    std::string operator()(std::string_view text) {
        std::string base = readable_id(text), id = base;
        for (int n = 2; !used_.insert(id).second; ++n)
            id = base + "_" + std::to_string(n);
        return id;
    }

  private:
    std::set<std::string> used_;
};

struct Builder {
    const guides::CsvTable& table;
    const guides::SurveyLayout& layout;
    InstrumentProposal out;
    IdMaker ids;
    bool have_id = false;

    ColumnProposal& column(std::size_t c) { return out.columns[c]; }

    // The text an item of column c is given: the question text where the service has one apart
    // from the header (Qualtrics), else the header, so that importing the next export of the same
    // survey matches the column by its text.
    std::string item_text(std::size_t c) const {
        const bool qualtrics = layout.service == SurveyService::Qualtrics ||
                               layout.service == SurveyService::QualtricsLegacy;
        return qualtrics ? layout.questions[c] : table.header[c];
    }

    bool metadata(std::size_t c) {
        auto& col = column(c);
        const auto& h = table.header[c];
        const auto& q = layout.questions[c];
        if (!have_id && (is_respondent_id_header(h) || is_respondent_id_header(q))) {
            have_id = true;
            col.target = "respondent_id";
            col.why = "respondent id";
            return true;
        }
        bool legacy_v = layout.service == SurveyService::QualtricsLegacy && h.size() >= 2 &&
                        h[0] == 'V' && std::isdigit(static_cast<unsigned char>(h[1]));
        if (is_metadata_header(h) || is_metadata_header(q) || legacy_v ||
            is_respondent_id_header(h) ||
            (layout.service == SurveyService::Kobo && !h.empty() && h[0] == '_')) {
            col.target = "ignore";
            col.why = "metadata";
            return true;
        }
        return false;
    }

    // A column of ids (every answer different) named like one: teacher_id, "Participant ID".
    bool id_like(std::size_t c) {
        std::string h = lower(guides::trim(table.header[c]));
        bool named = h == "id" || (h.size() > 3 && (h.ends_with("_id") || h.ends_with(" id")));
        const auto& f = column(c).facts;
        if (have_id || !named || f.answered != table.rows.size() || f.distinct.size() != f.answered)
            return false;
        have_id = true;
        column(c).target = "respondent_id";
        column(c).why = "respondent id";
        return true;
    }

    void add_item(std::size_t c, guides::Item item, const std::string& why) {
        column(c).target = item.id;
        column(c).why = why;
        out.instrument.items.push_back(std::move(item));
    }

    void single(std::size_t c) {
        auto& f = column(c).facts;
        std::string text = item_text(c);
        std::string id = ids(table.header[c]);
        if (f.answered == 0 || f.longest > kShortAnswer) {
            add_item(c, *item_of_type(out.instrument, id, text, ItemType::Text, f), "open text");
        } else if (f.numeric) {
            add_item(c, *item_of_type(out.instrument, id, text, ItemType::Number, f), "number");
        } else if (auto likert = item_of_type(out.instrument, id, text, ItemType::Likert, f)) {
            std::string why = "Likert (" + likert->scale + ")";
            add_item(c, std::move(*likert), why);
        } else if (auto choices = multi_choices(f, layout.service == SurveyService::Kobo);
                   !choices.empty()) {
            guides::Item item{.id = id, .text = text, .type = ItemType::Multi};
            item.choices = std::move(choices);
            add_item(c, std::move(item), "multiple choice");
        } else if (f.distinct.size() <= kAttributeValues && f.distinct.size() < f.answered) {
            guides::Attribute a{.id = id, .label = text, .choices = f.distinct, .question = {}};
            column(c).target = "attribute:" + id;
            column(c).why = "attribute (" + std::to_string(f.distinct.size()) + " values)";
            out.instrument.attributes.push_back(std::move(a));
        } else if (f.distinct.size() <= kChoiceValues && f.distinct.size() * 2 <= f.answered) {
            add_item(c, *item_of_type(out.instrument, id, text, ItemType::Choice, f),
                     "single choice");
        } else {
            add_item(c, *item_of_type(out.instrument, id, text, ItemType::Text, f), "open text");
        }
    }

    // Every cell of the option columns is empty or says "chosen"/"not chosen".
    bool option_cells(const std::vector<std::size_t>& cols) const {
        static const std::set<std::string> marks = {"1",  "0", "y",    "n",    "yes",
                                                    "no", "x", "true", "false"};
        for (auto c : cols) {
            // "Other (please specify)": its cells hold the respondent's words.
            if (lower(layout.options[c]).rfind("other", 0) == 0) continue;
            for (const auto& v : column_facts(c).distinct)
                if (!marks.contains(lower(v)) && lower(v) != lower(layout.options[c])) return false;
        }
        return true;
    }
    const ColumnFacts& column_facts(std::size_t c) const { return out.columns[c].facts; }

    // A question of several columns, one per option: a multiple-choice item when the cells only
    // mark options as chosen, else one item per column (a matrix's rows).
    void group(std::size_t first, const std::vector<std::size_t>& cols) {
        std::vector<std::size_t> options;
        for (auto c : cols)
            if (!layout.options[c].empty()) options.push_back(c);
        if (options.size() >= 2 || (options.size() == 1 && layout.options[first].empty())) {
            if (option_cells(options)) {
                guides::Item item{.id = ids(layout.questions[first]),
                                  .text = layout.questions[first],
                                  .type = ItemType::Multi};
                for (auto c : options) {
                    item.choices.push_back(layout.options[c]);
                    column(c).target = "option:" + item.id + ":" + layout.options[c];
                    column(c).why = "choice of a multiple-choice item";
                }
                for (auto c : cols)
                    if (layout.options[c].empty()) {
                        column(c).target = "ignore";
                        column(c).why = "the same answers as the choice columns";
                    }
                out.instrument.items.push_back(std::move(item));
                return;
            }
        }
        // The rows of a matrix share one scale: infer it from all their answers.
        ColumnFacts all;
        for (auto c : cols)
            for (const auto& v : column_facts(c).distinct)
                if (std::find(all.distinct.begin(), all.distinct.end(), v) == all.distinct.end())
                    all.distinct.push_back(v);
        auto shared = guides::infer_scale(all.distinct);
        for (auto c : cols) {
            if (shared && !column_facts(c).numeric && column_facts(c).answered > 0) {
                guides::Item item{.id = ids(table.header[c]), .text = item_text(c)};
                item.scale = add_scale(out.instrument, *shared);
                add_item(c, std::move(item), "Likert (" + shared->id + ")");
            } else {
                single(c);
            }
        }
        propose_construct(first, cols);
    }

    // Likert rows of one matrix on one scale: proposed as a construct named by the question.
    void propose_construct(std::size_t first, const std::vector<std::size_t>& cols) {
        guides::Construct k{.id = ids(layout.questions[first]), .label = layout.questions[first]};
        std::string scale;
        for (auto c : cols) {
            const auto* item = out.instrument.item(column(c).target);
            if (!item || item->type != ItemType::Likert) return;
            if (!scale.empty() && item->scale != scale) return;
            scale = item->scale;
            k.items.push_back(item->id);
        }
        if (k.items.size() >= 2) out.instrument.constructs.push_back(std::move(k));
    }

    void run() {
        const std::size_t n = table.header.size();
        out.service = layout.service;
        for (std::size_t c = 0; c < n; ++c)
            out.columns.push_back(
                {table.header[c], layout.questions[c], "", "", facts_of(table, c)});
        std::map<std::size_t, std::vector<std::size_t>> groups; // first column -> its columns
        for (std::size_t c = 0; c < n; ++c) {
            if (metadata(c) || id_like(c)) continue;
            groups[layout.groups[c]].push_back(c);
        }
        for (const auto& [first, cols] : groups) {
            if (cols.size() == 1 && layout.options[cols[0]].empty())
                single(cols[0]);
            else
                group(first, cols);
        }
        widen_scales();
    }

    // Items of one label family on scales of different lengths (a 4-point agreement scale where
    // nobody chose the midpoint): moved to the longest scale of that kind their answers fit.
    void widen_scales() {
        auto& inst = out.instrument;
        for (auto& item : inst.items) {
            if (item.type != ItemType::Likert) continue;
            const auto* own = guides::family_of(*inst.scale(item.scale));
            for (const auto& s : inst.scales) {
                const auto* f = guides::family_of(s);
                if (!own || !f || f->kind != own->kind ||
                    s.points() <= inst.scale(item.scale)->points())
                    continue;
                if (fits(s, item.id)) item.scale = s.id;
            }
        }
        std::erase_if(inst.scales, [&](const guides::RatingScale& s) {
            return std::none_of(inst.items.begin(), inst.items.end(),
                                [&](const guides::Item& i) { return i.scale == s.id; });
        });
        for (auto& col : out.columns)
            if (const auto* item = inst.item(col.target); item && item->type == ItemType::Likert)
                col.why = "Likert (" + item->scale + ")";
        std::erase_if(inst.constructs, [&](const guides::Construct& k) {
            return std::any_of(k.items.begin(), k.items.end(), [&](const std::string& id) {
                return inst.item(id)->scale != inst.item(k.items[0])->scale;
            });
        });
    }

    bool fits(const guides::RatingScale& scale, const std::string& item_id) const {
        guides::ScaleReader reader(scale);
        for (const auto& col : out.columns)
            if (col.target == item_id)
                for (const auto& v : col.facts.distinct)
                    if (!reader.value(v)) return false;
        return true;
    }
};

} // namespace

ColumnMapping InstrumentProposal::mapping() const {
    ColumnMapping m;
    for (const auto& c : columns)
        m[c.header] = c.target;
    return m;
}

std::string readable_id(std::string_view text) {
    std::string id;
    int words = 0;
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        char out = 0;
        if (std::isalnum(c))
            out = static_cast<char>(std::tolower(c));
        else if (ch == '/' || ch == '[' || ch == '.')
            out = '.';
        else if (ch == '-' || ch == '_' || ch == ' ')
            out = '_';
        if (!out) continue;
        bool sep = out == '.' || out == '_';
        if (sep && (id.empty() || id.back() == '.' || id.back() == '_')) continue;
        if (sep && ++words >= 5) break;
        id += out;
        if (id.size() >= 40) break;
    }
    while (!id.empty() && (id.back() == '.' || id.back() == '_'))
        id.pop_back();
    if (id.empty() || !std::isalpha(static_cast<unsigned char>(id[0]))) id = "q" + id;
    return id;
}

std::optional<guides::Item> item_of_type(guides::Instrument& inst, const std::string& id,
                                         const std::string& text, guides::ItemType type,
                                         const ColumnFacts& facts) {
    guides::Item item{.id = id, .text = text, .type = type};
    switch (type) {
    case ItemType::Likert: {
        auto scale = guides::infer_scale(facts.distinct);
        if (!scale) return std::nullopt;
        item.scale = add_scale(inst, *scale);
        break;
    }
    case ItemType::Choice:
    case ItemType::Multi:
        item.choices = facts.distinct;
        if (item.choices.empty()) item.choices.push_back("Yes");
        break;
    case ItemType::Number:
    case ItemType::Text:
        break;
    }
    return item;
}

InstrumentProposal propose_instrument(const guides::CsvTable& table,
                                      const guides::SurveyLayout& layout, const std::string& id,
                                      const std::string& title) {
    Builder b{table, layout, {}, {}, false};
    b.out.instrument.id = id;
    b.out.instrument.version = "1.0";
    b.out.instrument.title = title;
    b.run();
    return std::move(b.out);
}

ProposalResult propose_instrument_from_csv(std::string_view bytes, const std::string& id,
                                           const std::string& title) {
    ProposalResult result;
    auto csv = guides::parse_csv(import_text(bytes, result.notes));
    for (const auto& p : csv.problems)
        result.problems.push_back({p.line, p.column, "", "", p.reason});
    if (!csv.table) return result;
    auto layout = guides::read_layout(*csv.table);
    if (csv.table->rows.empty()) {
        result.problems.push_back({0, 0, "", "", "the file has a header but no responses"});
        return result;
    }
    result.proposal = propose_instrument(*csv.table, layout, id, title);
    return result;
}

} // namespace convene::store
