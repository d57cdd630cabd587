// Structured answers across conversations, read from the guide itself: every choice, multi-
// choice, yes/partly/no, yes/no and 1-5 field is tallied per stakeholder group (and for all
// groups), every number field gets n, median and range. A number whose unit is a currency
// (clock hours, graduate credits, CEUs) is also given in clock hours, each value converted
// through the currency table of its conversation's state, so suggestions from states that
// count a credit differently land on one scale. Fields no selected conversation answered are
// left out. Text fields are left to the framework matrix.
#include "export/statistics.hpp"
#include "export/summaries/common.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>
#include <unordered_map>

namespace convene::exporting {

namespace {

const std::string kAllGroups = "(all groups)";

struct FieldRef {
    std::string question;
    const guides::Field* field;
};

std::vector<FieldRef> guide_fields(const Snapshot& s) {
    std::vector<FieldRef> out;
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& g : s.guides)
        for (const auto& area : g.areas)
            for (const auto& q : area.questions)
                for (const auto& f : q.fields)
                    if (f.type != guides::FieldType::Text && seen.emplace(q.id, f.id).second)
                        out.push_back({q.id, &f});
    return out;
}

std::string lower(std::string_view text) {
    std::string out;
    for (char c : text)
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    while (!out.empty() && out.back() == 's')
        out.pop_back(); // "credits" and "credit" alike
    return out;
}

// The currency unit a number field's unit names: a unit's id or label, or the usual words.
std::string currency_unit(const guides::CurrencyTable& table, const std::string& unit) {
    auto u = lower(unit);
    if (u.empty()) return {};
    if (u == "clock hour" || u == "hour") return "clock_hour";
    if (u == "graduate credit" || u == "credit" || u == "semester credit")
        return "semester_credit_hour";
    for (const auto& c : table.units)
        if (lower(c.id) == u || lower(c.label) == u) return c.id;
    return {};
}

// The currency table's code for a conversation's state, given as a code ("MI") or a name
// ("Michigan", as the demo and many facilitators type it); "" when the table has no such state
// (then each unit's default worth applies).
std::string state_code(const guides::CurrencyTable& table, const std::string& state) {
    auto same = [](std::string_view a, std::string_view b) {
        return a.size() == b.size() &&
               std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
                   return std::tolower(static_cast<unsigned char>(x)) ==
                          std::tolower(static_cast<unsigned char>(y));
               });
    };
    for (const auto& [code, name] : table.states)
        if (same(code, state) || same(name, state)) return code;
    return {};
}

// One answer's value of the field, with where it came from.
struct Given {
    int group; // index in the groups list
    int answer;
    nlohmann::json value;
};

// The selected answers (indexes) of each question, made once for every field.
using AnswersByQuestion = std::unordered_map<std::string_view, std::vector<std::size_t>>;
AnswersByQuestion answers_by_question(const Snapshot& s, const Selection& sel) {
    AnswersByQuestion out;
    for (std::size_t i = 0; i < s.answers.size(); ++i)
        if (sel.answer(static_cast<int>(i))) out[s.question_id(s.answers[i])].push_back(i);
    return out;
}

// The selected answers of one question that have structured values, the values parsed: once
// for all the question's fields (the snapshot keeps them as text).
struct QuestionValues {
    std::string question;
    std::vector<std::pair<std::size_t, nlohmann::json>> answers; // (answer index, values)
};
void parse_values(const Snapshot& s, const AnswersByQuestion& by_question,
                  const std::string& question, QuestionValues& out) {
    if (out.question == question) return; // parsed for the question's previous field
    out.question = question;
    out.answers.clear();
    auto answers = by_question.find(question);
    if (answers == by_question.end()) return;
    for (auto i : answers->second)
        if (s.answers[i].values_size > 0) out.answers.emplace_back(i, s.values(s.answers[i]));
}

std::vector<Given> givens(const Snapshot& s, const QuestionValues& parsed,
                          const std::vector<int>& group_of, const FieldRef& ref) {
    std::vector<Given> out;
    for (const auto& [i, values] : parsed.answers) {
        auto v = values.find(ref.field->id);
        if (v == values.end() || v->is_null()) continue;
        out.push_back({group_of[static_cast<std::size_t>(s.answers[i].conversation)],
                       static_cast<int>(i), *v});
    }
    return out;
}

std::vector<std::string> categories_of(const nlohmann::json& v) {
    std::vector<std::string> out;
    auto add = [&](const nlohmann::json& x) {
        if (x.is_string())
            out.push_back(x.get<std::string>());
        else if (x.is_number_integer())
            out.push_back(std::to_string(x.get<std::int64_t>()));
        else if (x.is_number())
            out.push_back(x.dump());
        else if (x.is_boolean())
            out.push_back(x.get<bool>() ? "yes" : "no");
    };
    if (v.is_array())
        for (const auto& x : v)
            add(x);
    else
        add(v);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

struct Builder {
    const Snapshot& s;
    std::vector<std::string> groups; // the groups, then kAllGroups
    std::vector<std::string> labels; // the group column: the guide's labels, then kAllGroups
    SummaryTable& table;

    std::vector<Cell> row_start(const FieldRef& ref, std::size_t group, std::string answer) {
        return {ref.question, ref.field->id, ref.field->label, labels[group], std::move(answer)};
    }
    bool in(const Given& g, std::size_t group) const {
        return group + 1 == groups.size() || g.group == static_cast<int>(group);
    }

    void tally(const FieldRef& ref, const std::vector<Given>& given) {
        auto categories = ref.field->allowed_values();
        std::set<std::string> extra;
        for (const auto& g : given)
            for (auto& c : categories_of(g.value))
                if (std::find(categories.begin(), categories.end(), c) == categories.end())
                    extra.insert(c);
        categories.insert(categories.end(), extra.begin(), extra.end());
        for (std::size_t group = 0; group < groups.size(); ++group) {
            std::size_t n = 0;
            std::vector<std::vector<std::uint32_t>> answers(categories.size());
            for (const auto& g : given) {
                if (!in(g, group)) continue;
                ++n;
                for (auto& c : categories_of(g.value)) {
                    auto at =
                        std::find(categories.begin(), categories.end(), c) - categories.begin();
                    answers[static_cast<std::size_t>(at)].push_back(
                        detail::key(static_cast<std::size_t>(g.answer)));
                }
            }
            for (std::size_t c = 0; c < categories.size(); ++c) {
                auto row = row_start(ref, group, categories[c]);
                auto count = answers[c].size();
                row.push_back(detail::count_cell(count, {}, std::move(answers[c])));
                row.push_back(Cell(n));
                row.push_back(n == 0 ? Cell()
                                     : Cell(static_cast<double>(count) / static_cast<double>(n)));
                row.insert(row.end(), {Cell(), Cell(), Cell(), Cell()});
                table.rows.push_back(std::move(row));
            }
        }
    }

    // factor(given) converts a value to the row's unit; nullopt leaves it out.
    template <typename Factor>
    void numbers(const FieldRef& ref, const std::vector<Given>& given, const std::string& label,
                 const std::string& unit, Factor factor) {
        for (std::size_t group = 0; group < groups.size(); ++group) {
            std::vector<double> values;
            std::vector<std::uint32_t> answers;
            for (const auto& g : given) {
                if (!in(g, group) || !g.value.is_number()) continue;
                auto k = factor(g);
                if (!k) continue;
                values.push_back(g.value.get<double>() * *k);
                answers.push_back(detail::key(static_cast<std::size_t>(g.answer)));
            }
            auto row = row_start(ref, group, label);
            auto n = values.size();
            row.push_back(Cell());
            row.push_back(detail::count_cell(n, {}, std::move(answers)));
            row.push_back(Cell());
            if (values.empty()) {
                row.insert(row.end(), {Cell(), Cell(), Cell()});
            } else {
                auto d = stats::describe(values);
                row.insert(row.end(), {Cell(d.median), Cell(d.min), Cell(d.max)});
            }
            row.push_back(unit);
            table.rows.push_back(std::move(row));
        }
    }

    void number_field(const FieldRef& ref, const std::vector<Given>& given) {
        auto unit = currency_unit(s.currency, ref.field->unit);
        auto as_given = [](const Given&) { return std::optional<double>(1.0); };
        if (unit != "clock_hour") numbers(ref, given, "as given", ref.field->unit, as_given);
        if (unit.empty()) return;
        numbers(ref, given, "in clock hours", "clock hours", [&](const Given& g) {
            const auto& a = s.answers[static_cast<std::size_t>(g.answer)];
            const auto& state = s.conversations[static_cast<std::size_t>(a.conversation)].state;
            return s.currency.clock_hours(unit, state_code(s.currency, state));
        });
    }
};

} // namespace

SummaryTable structured_answers(const Snapshot& s, const Filters& f) {
    auto sel = select(s, f);
    SummaryTable table;
    table.id = "structured_answers";
    table.title = "Structured answers";
    table.note = "Per field of the guide and group: for choices, how many conversations gave each "
                 "answer (share: of those that answered); for numbers, n, median and range, "
                 "currencies also in clock hours through the conversation's state's table.";
    table.columns = {detail::text_column("question", "Question"),
                     detail::text_column("field", "Field"),
                     detail::text_column("label", "Asked"),
                     detail::text_column("group", "Group"),
                     detail::text_column("answer", "Answer"),
                     detail::count_column("conversations", "Conversations", "conversations"),
                     detail::count_column("n", "Answered", "conversations"),
                     {"share", "Share", ColumnType::Percent, "of those that answered", 1},
                     {"median", "Median", ColumnType::Real, "", 1},
                     {"min", "Min", ColumnType::Real, "", 1},
                     {"max", "Max", ColumnType::Real, "", 1},
                     detail::text_column("unit", "Unit")};
    Builder b{s, detail::selected_groups(s, sel), {}, table};
    auto group_of = detail::group_of_conversations(s, sel, b.groups);
    b.labels = detail::group_labels(s, b.groups);
    b.groups.push_back(kAllGroups);
    b.labels.push_back(kAllGroups);
    auto by_question = answers_by_question(s, sel);
    // The values of the question whose fields come now (a question's fields are together).
    QuestionValues parsed;
    for (const auto& ref : guide_fields(s)) {
        parse_values(s, by_question, ref.question, parsed);
        auto given = givens(s, parsed, group_of, ref);
        if (given.empty()) continue; // a field nobody answered tells nothing
        if (ref.field->type == guides::FieldType::Number)
            b.number_field(ref, given);
        else
            b.tally(ref, given);
    }
    return table;
}

} // namespace convene::exporting
