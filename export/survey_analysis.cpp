#include "export/survey_analysis.hpp"
#include "guides/text.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>
#include <unordered_map>

namespace convene::exporting {
namespace {

using guides::ItemType;
const double kMissing = std::nan("");

} // namespace

std::vector<int> compare_columns(const SurveyTable& t, const CompareRequest& req) {
    const auto& inst = t.data->instrument;
    std::vector<int> cols;
    if (!req.item.empty()) {
        const auto* item = inst.item(req.item);
        if (!item) throw std::invalid_argument("no item \"" + req.item + "\" in " + inst.id);
        int c = t.column(req.item);
        if (c < 0)
            throw std::invalid_argument("item \"" + req.item + "\" is not a Likert or number item");
        cols.push_back(c);
    } else if (!req.construct.empty()) {
        const auto* construct = inst.construct(req.construct);
        if (!construct) {
            std::string known =
                guides::join_by(inst.constructs, [](const auto& x) { return x.id; });
            throw std::invalid_argument("no construct \"" + req.construct + "\" in " + inst.id +
                                        "; constructs are " + known);
        }
        for (const auto& id : construct->items)
            cols.push_back(t.column(id));
    } else {
        for (std::size_t i = 0; i < t.items.size(); ++i)
            if (t.items[i]->type == ItemType::Likert) cols.push_back(static_cast<int>(i));
    }
    return cols;
}

const SurveyTable::AttributeColumn* SurveyTable::attribute(std::string_view id) const {
    for (const auto& a : attributes)
        if (a.id == id) return &a;
    return nullptr;
}

int SurveyTable::column(std::string_view item_id) const {
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i]->id == item_id) return static_cast<int>(i);
    return -1;
}

void TableCells::reserve(std::size_t cells) {
    if (wide_)
        doubles_.reserve(cells);
    else
        floats_.reserve(cells);
}

void TableCells::append_missing(std::size_t cells) {
    if (wide_)
        doubles_.resize(doubles_.size() + cells, std::numeric_limits<double>::quiet_NaN());
    else
        floats_.resize(floats_.size() + cells, std::numeric_limits<float>::quiet_NaN());
}

void TableCells::set(std::size_t cell, double value) {
    if (!wide_) {
        auto narrow = static_cast<float>(value);
        if (static_cast<double>(narrow) == value || std::isnan(value)) {
            floats_[cell] = narrow;
            return;
        }
        // The first value a float cannot hold: every cell as double from now on.
        doubles_.reserve(floats_.capacity());
        doubles_.assign(floats_.begin(), floats_.end());
        floats_ = {};
        wide_ = true;
    }
    doubles_[cell] = value;
}

namespace {

// Fills a SurveyTable one respondent at a time: the columns are the instrument's Likert and
// number items; each respondent's answers are walked once (no look-up per cell).
class TableFiller {
  public:
    TableFiller(SurveyTable& t, const guides::Instrument& inst, std::size_t respondents) : t_(t) {
        for (const auto& item : inst.items) {
            if (item.type != ItemType::Likert && item.type != ItemType::Number) continue;
            index_[item.id] = t.items.size();
            t.items.push_back(&item);
            const auto* scale = item.type == ItemType::Likert ? inst.scale(item.scale) : nullptr;
            int points = scale ? scale->points() : 0;
            t.reverse_from.push_back(item.reverse && points > 0 ? points + 1 : 0);
        }
        for (const auto& a : inst.attributes) {
            t.attributes.push_back({a.id, {}, {}});
            t.attributes.back().of.reserve(respondents);
        }
        value_index_.resize(t.attributes.size());
        t.raw.reserve(respondents * t.items.size());
    }

    // One respondent from the store's structures (the screen's loaded survey).
    void add(const store::Respondent& respondent) {
        std::size_t row = begin_row();
        for (const auto& [item_id, value] : respondent.responses)
            if (value.number) set_number(row, item_id, *value.number);
        for (std::size_t a = 0; a < t_.attributes.size(); ++a)
            if (auto given = respondent.attributes.find(t_.attributes[a].id);
                given != respondent.attributes.end())
                set_attribute(a, given->second);
    }

    // One respondent row as read (the analysis-only load): the same fields from its JSON.
    void add(const store::RespondentRow& respondent) {
        std::size_t row = begin_row();
        for (const auto& [item_id, value] : respondent.answers.items())
            if (value.is_number()) set_number(row, item_id, value.get<double>());
        for (std::size_t a = 0; a < t_.attributes.size(); ++a)
            if (auto given = respondent.attributes.find(t_.attributes[a].id);
                given != respondent.attributes.end() && given->is_string())
                set_attribute(a, given->get_ref<const std::string&>());
    }

  private:
    // A new row: every answer missing, every attribute not given, until set.
    std::size_t begin_row() {
        t_.raw.append_missing(t_.items.size());
        for (auto& column : t_.attributes)
            column.of.push_back(-1);
        return t_.respondents++;
    }
    void set_number(std::size_t row, std::string_view item_id, double v) {
        if (auto it = index_.find(item_id); it != index_.end())
            t_.raw.set(row * t_.items.size() + it->second, v);
    }
    void set_attribute(std::size_t a, const std::string& value) {
        auto& column = t_.attributes[a];
        // A free-text attribute may have thousands of values: found by hash, not by scan.
        auto [at, added] =
            value_index_[a].try_emplace(value, static_cast<int>(column.values.size()));
        if (added) column.values.push_back(value);
        column.of.back() = at->second;
    }

    SurveyTable& t_;
    std::map<std::string, std::size_t, std::less<>> index_;
    std::vector<std::unordered_map<std::string, int>> value_index_; // per attribute column
};

} // namespace

SurveyTable make_table(const store::SurveyData& data) {
    SurveyTable t;
    t.data = &data;
    TableFiller fill(t, data.instrument, data.respondents.size());
    for (const auto& r : data.respondents)
        fill.add(r);
    return t;
}

SurveyForAnalysis load_for_analysis(store::Workspace& ws, const std::string& instrument_id) {
    auto inst = store::current_instrument(ws, instrument_id);
    if (!inst)
        throw std::runtime_error("no instrument \"" + instrument_id + "\" in " +
                                 ws.path().string());
    return load_for_analysis(ws.db(), std::move(*inst));
}

SurveyForAnalysis load_for_analysis(store::Database& db, guides::Instrument instrument,
                                    std::size_t respondents) {
    SurveyForAnalysis out{std::make_unique<store::SurveyData>(), {}};
    auto& data = *out.data;
    data.instrument = std::move(instrument);
    out.table.data = &data;
    TableFiller fill(out.table, data.instrument, respondents);
    store::visit_respondent_rows(db, data.instrument.id,
                                 [&](const store::RespondentRow& r) { fill.add(r); });
    return out;
}

std::vector<ItemResult> item_results(const store::SurveyData& data) {
    return item_results(make_table(data));
}

std::vector<ItemResult> item_results(const SurveyTable& t) {
    std::vector<ItemResult> out;
    const auto& inst = t.data->instrument;
    std::size_t respondents = t.respondents;
    for (std::size_t c = 0; c < t.items.size(); ++c) {
        const auto& item = *t.items[c];
        ItemResult r;
        r.item_id = item.id;
        r.text = item.text;
        r.likert = item.type == ItemType::Likert;
        r.reverse = item.reverse;
        if (const auto* construct = inst.construct_of(item.id)) r.construct_id = construct->id;
        std::vector<double> values;
        values.reserve(respondents);
        for (std::size_t i = 0; i < respondents; ++i)
            if (double v = t.raw_at(i, c); !std::isnan(v)) values.push_back(v);
        r.n = values.size();
        if (!values.empty()) r.stats = stats::describe(values);
        if (r.likert) {
            const auto* scale = inst.scale(item.scale);
            r.points = scale ? scale->points() : 0;
            if (r.points > 0 && !values.empty())
                r.distribution = stats::distribution(values, r.points);
            else
                r.distribution.assign(static_cast<std::size_t>(r.points), 0);
        }
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<bool> complete_respondents(const SurveyTable& t) {
    std::vector<bool> out(t.respondents, true);
    for (std::size_t r = 0; r < out.size(); ++r)
        for (std::size_t c = 0; c < t.items.size() && out[r]; ++c)
            out[r] = !std::isnan(t.raw_at(r, c));
    return out;
}

store::SurveyData only(const store::SurveyData& data, const std::vector<bool>& flags, bool keep) {
    store::SurveyData out;
    out.instrument = data.instrument;
    for (std::size_t r = 0; r < data.respondents.size(); ++r)
        if (flags[r] == keep) out.respondents.push_back(data.respondents[r]);
    return out;
}

AnswerShares answer_shares(const ItemResult& r) {
    AnswerShares out;
    if (r.n == 0 || r.distribution.empty()) return out;
    for (auto c : r.distribution)
        out.percent.push_back(100.0 * double(c) / double(r.n));
    std::size_t k = out.percent.size(), boxes = k >= 4 ? 2 : 1;
    for (std::size_t i = 0; i < boxes && i < k; ++i) {
        out.bottom_two += out.percent[i];
        out.top_two += out.percent[k - 1 - i];
    }
    return out;
}

std::vector<std::optional<double>> construct_scores(const store::SurveyData& data,
                                                    const guides::Construct& construct) {
    return construct_scores(make_table(data), construct);
}

std::vector<std::optional<double>> construct_scores(const SurveyTable& t,
                                                    const guides::Construct& construct) {
    std::vector<int> cols;
    for (const auto& id : construct.items)
        cols.push_back(t.column(id));
    std::vector<std::optional<double>> scores;
    scores.reserve(t.respondents);
    for (std::size_t r = 0; r < t.respondents; ++r) {
        double sum = 0;
        bool complete = !cols.empty();
        for (int c : cols) {
            double v = c < 0 ? kMissing : t.scored_at(r, static_cast<std::size_t>(c));
            if (std::isnan(v)) {
                complete = false;
                break;
            }
            sum += v;
        }
        scores.push_back(complete ? std::optional(sum / double(cols.size())) : std::nullopt);
    }
    return scores;
}

std::vector<ConstructResult> construct_results(const store::SurveyData& data) {
    return construct_results(make_table(data));
}

std::vector<ConstructResult> construct_results(const SurveyTable& t) {
    std::vector<ConstructResult> out;
    for (const auto& c : t.data->instrument.constructs) {
        ConstructResult r;
        r.id = c.id;
        r.label = c.label;
        r.items = c.items.size();
        std::vector<double> scores;
        for (const auto& s : construct_scores(t, c))
            if (s) scores.push_back(*s);
        r.n = scores.size();
        if (!scores.empty()) r.score = stats::describe(scores);
        // Alpha over complete cases (NaN marks a missing item; the function drops those rows).
        std::vector<int> cols;
        for (const auto& id : c.items)
            cols.push_back(t.column(id));
        std::vector<std::vector<double>> rows;
        rows.reserve(t.respondents);
        for (std::size_t i = 0; i < t.respondents; ++i) {
            std::vector<double> row;
            for (int col : cols)
                row.push_back(col < 0 ? kMissing : t.scored_at(i, static_cast<std::size_t>(col)));
            rows.push_back(std::move(row));
        }
        try {
            if (c.items.size() >= 2) r.alpha = stats::cronbach_alpha(rows).alpha;
        } catch (const std::invalid_argument&) {
            // too few complete cases or no variance: alpha stays empty
        }
        out.push_back(std::move(r));
    }
    return out;
}

Comparison compare_groups(const store::SurveyData& data, const CompareRequest& req) {
    return compare_groups(make_table(data), req);
}

Comparison compare_groups(const SurveyTable& t, const CompareRequest& req) {
    const auto& data = *t.data;
    const auto* attr = data.instrument.attribute(req.attribute);
    if (!attr) {
        std::string known =
            guides::join_by(data.instrument.attributes, [](const auto& x) { return x.id; });
        throw std::invalid_argument("no attribute \"" + req.attribute + "\" in " +
                                    data.instrument.id + "; attributes are " + known);
    }
    std::vector<std::string> groups = req.groups;
    if (groups.empty()) {
        if (attr->choices.size() != 2)
            throw std::invalid_argument("attribute \"" + attr->id + "\" has " +
                                        std::to_string(attr->choices.size()) +
                                        " values; name the two to compare");
        groups = attr->choices;
    }
    if (groups.size() != 2) throw std::invalid_argument("a comparison needs exactly two groups");
    for (const auto& g : groups)
        if (std::find(attr->choices.begin(), attr->choices.end(), g) == attr->choices.end())
            throw std::invalid_argument("\"" + g + "\" is not a value of " + attr->id);

    auto cols = compare_columns(t, req);
    std::vector<double> a, b;
    std::vector<std::optional<double>> construct_score;
    if (req.unit == Unit::Respondent && !req.construct.empty())
        construct_score = construct_scores(t, *data.instrument.construct(req.construct));
    const auto* given = t.attribute(attr->id);
    for (std::size_t i = 0; given && i < t.respondents; ++i) {
        const auto* value = given->at(i);
        if (!value) continue;
        std::vector<double>* side = *value == groups[0] ? &a : *value == groups[1] ? &b : nullptr;
        if (!side) continue;
        if (req.unit == Unit::Item) {
            for (int c : cols)
                if (double v = t.scored_at(i, static_cast<std::size_t>(c)); !std::isnan(v))
                    side->push_back(v);
        } else if (!req.construct.empty()) {
            if (construct_score[i]) side->push_back(*construct_score[i]);
        } else {
            // One value per respondent: the mean of the items they answered.
            double sum = 0;
            int n = 0;
            for (int c : cols)
                if (double v = t.scored_at(i, static_cast<std::size_t>(c)); !std::isnan(v)) {
                    sum += v;
                    ++n;
                }
            if (n > 0) side->push_back(sum / n);
        }
    }
    Comparison out;
    out.attribute = attr->id;
    out.group_a = groups[0];
    out.group_b = groups[1];
    out.target = !req.item.empty()        ? req.item
                 : !req.construct.empty() ? req.construct
                                          : "all Likert items";
    out.unit = req.unit == Unit::Item ? "item" : "respondent";
    if (a.size() < 2 || b.size() < 2)
        throw std::invalid_argument("too few answers to compare: " + std::to_string(a.size()) +
                                    " in \"" + groups[0] + "\", " + std::to_string(b.size()) +
                                    " in \"" + groups[1] + "\"");
    out.student = stats::student_t(a, b);
    out.welch = stats::welch_t(a, b);
    out.mann_whitney = stats::mann_whitney(a, b);
    return out;
}

std::vector<Crosstab> crosstabs(const store::SurveyData& data, const std::string& by) {
    return crosstabs(make_table(data), by);
}

std::vector<Crosstab> crosstabs(const SurveyTable& table, const std::string& by) {
    const auto& inst = table.data->instrument;
    const auto* col = inst.attribute(by);
    if (!col) throw std::invalid_argument("no attribute \"" + by + "\" in " + inst.id);
    std::vector<Crosstab> out;
    const std::string missing = "(not given)";
    for (const auto& row_attr : inst.attributes) {
        if (row_attr.id == by) continue;
        Crosstab t;
        t.row_attribute = row_attr.id;
        t.column_attribute = by;
        t.rows = row_attr.choices;
        t.columns = col->choices;
        t.rows.push_back(missing);
        t.columns.push_back(missing);
        t.counts.assign(t.rows.size(), std::vector<std::size_t>(t.columns.size(), 0));
        // Each value given: its row (or column), "(not given)" for a value not among the choices.
        auto places = [](const std::vector<std::string>& values, const auto* given) {
            std::vector<std::size_t> at;
            for (const auto& v : given->values) {
                auto pos = std::find(values.begin(), values.end(), v);
                at.push_back(pos == values.end() ? values.size() - 1
                                                 : static_cast<std::size_t>(pos - values.begin()));
            }
            return at;
        };
        const auto* row_given = table.attribute(row_attr.id);
        const auto* col_given = table.attribute(by);
        auto row_at = places(t.rows, row_given);
        auto col_at = places(t.columns, col_given);
        auto place = [](const std::vector<std::size_t>& at, const auto* given, std::size_t r,
                        std::size_t none) {
            int v = given->of[r];
            return v < 0 ? none : at[static_cast<std::size_t>(v)];
        };
        for (std::size_t r = 0; r < table.respondents; ++r)
            ++t.counts[place(row_at, row_given, r, t.rows.size() - 1)]
                      [place(col_at, col_given, r, t.columns.size() - 1)];
        // Drop the "(not given)" row and column when nobody is in them.
        bool any_row = false, any_col = false;
        for (auto c : t.counts.back())
            any_row |= c > 0;
        for (const auto& row : t.counts)
            any_col |= row.back() > 0;
        if (!any_col) {
            t.columns.pop_back();
            for (auto& row : t.counts)
                row.pop_back();
        }
        if (!any_row) {
            t.rows.pop_back();
            t.counts.pop_back();
        }
        out.push_back(std::move(t));
    }
    return out;
}

} // namespace convene::exporting
