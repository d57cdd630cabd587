// convene-cli summary NAME [filters]: a cross-conversation summary (export/summaries.hpp) as an
// aligned table, or with --json as {summary, title, note, filters, columns, rows}.
#include "app/cli/context.hpp"
#include "export/summaries.hpp"
#include "guides/text.hpp"
#include "store/people.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>

namespace convene::cli {
namespace {

using nlohmann::ordered_json;

constexpr std::size_t kMaxCellWidth = 40; // characters shown of a cell in text mode

struct SummaryArgs {
    std::string name, coder;
    exporting::Filters filters;
};

std::size_t width(std::string_view s) { // characters, not bytes
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// One line, at most kMaxCellWidth characters, cut with "…" (never inside a character).
std::string fit(std::string s) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    if (width(s) <= kMaxCellWidth) return s;
    std::size_t chars = 0, i = 0;
    for (; i < s.size(); ++i) {
        if ((s[i] & 0xC0) != 0x80 && chars++ == kMaxCellWidth - 1) break;
    }
    return s.substr(0, i) + "\u2026";
}

std::string pad(const std::string& s, std::size_t w, bool right) {
    std::string gap(w - std::min(w, width(s)), ' ');
    return right ? gap + s : s + gap;
}

void print_table(std::ostream& out, const exporting::SummaryTable& t) {
    out << t.title << "\n";
    if (t.rows.empty()) {
        out << "(nothing to show)\n";
        return;
    }
    std::vector<std::vector<std::string>> cells;
    std::vector<std::size_t> w;
    for (const auto& c : t.columns)
        w.push_back(width(fit(c.header)));
    for (const auto& row : t.rows) {
        auto& line = cells.emplace_back();
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            line.push_back(fit(exporting::format_cell(t.columns[c], row[c])));
            w[c] = std::max(w[c], width(line.back()));
        }
    }
    auto numeric = [&](std::size_t c) {
        auto type = t.columns[c].type;
        return type != exporting::ColumnType::Text && type != exporting::ColumnType::Date;
    };
    auto print_line = [&](const std::vector<std::string>& line) {
        std::string text;
        for (std::size_t c = 0; c < line.size(); ++c)
            text += (c ? "  " : "") + pad(line[c], w[c], numeric(c));
        while (!text.empty() && text.back() == ' ')
            text.pop_back();
        out << text << "\n";
    };
    std::vector<std::string> header;
    for (const auto& c : t.columns)
        header.push_back(fit(c.header));
    print_line(header);
    for (const auto& line : cells)
        print_line(line);
}

ordered_json cell_json(const exporting::Cell& cell) {
    if (const auto* text = cell.text()) return *text;
    if (const auto* n = std::get_if<std::int64_t>(&cell.value)) return *n;
    if (const auto* x = std::get_if<double>(&cell.value)) return *x;
    return nullptr;
}

ordered_json table_json(const SummaryArgs& a, const exporting::SummaryTable& t) {
    const auto& f = a.filters;
    ordered_json filters = ordered_json::object();
    for (auto [key, value] : {std::pair{"group", &f.group},
                              {"state", &f.state},
                              {"from", &f.from},
                              {"to", &f.to},
                              {"guide", &f.guide},
                              {"status", &f.status}})
        if (!value->empty()) filters[key] = *value;
    if (!a.coder.empty()) filters["coder"] = a.coder;
    ordered_json columns = ordered_json::array();
    const char* types[] = {"text", "integer", "real", "percent", "date"};
    for (const auto& c : t.columns)
        columns.push_back({{"id", c.id},
                           {"header", c.header},
                           {"type", types[static_cast<int>(c.type)]},
                           {"unit", c.unit}});
    ordered_json rows = ordered_json::array();
    for (const auto& row : t.rows) {
        ordered_json r = ordered_json::object();
        for (std::size_t c = 0; c < t.columns.size(); ++c)
            r[t.columns[c].id] = cell_json(row[c]);
        rows.push_back(std::move(r));
    }
    return {{"summary", a.name},  {"title", t.title},   {"note", t.note},
            {"filters", filters}, {"columns", columns}, {"rows", rows}};
}

// A group or guide that nothing in the workspace names is a typo, not an empty answer. (A state
// is not checked: one with no conversation yet is a fair question, answered by empty tables.)
void check_known(const std::string& what, const std::string& given,
                 const std::set<std::string>& known) {
    if (given.empty() || known.count(given)) return;
    throw CommandError("no " + what + " \"" + given + "\" in this workspace" +
                       (known.empty() ? "" : " (" + guides::join_by(known, [](const auto& k) {
                                                 return k;
                                             }) + ")"));
}

void check_filters(const store::CodingSnapshot& s, const exporting::Filters& f) {
    std::set<std::string> groups, guide_ids;
    for (const auto& g : s.guides) {
        guide_ids.insert(g.id);
        for (const auto& group : g.groups)
            groups.insert(group.id);
    }
    for (const auto& c : s.conversations)
        groups.insert(c.group);
    check_known("stakeholder group", f.group, groups);
    check_known("guide in use", f.guide, guide_ids);
}

int summary(Context& ctx, SummaryArgs a) {
    const auto* kind = exporting::find_summary(a.name);
    if (!kind) {
        std::vector<std::string> names;
        for (const auto& k : exporting::summary_kinds())
            names.emplace_back(k.name);
        throw CommandError("no summary \"" + a.name + "\" (summaries are " +
                           guides::join_by(names, [](const auto& k) { return k; }) + ")");
    }
    check_status(a.filters.status);
    for (const auto* d : {&a.filters.from, &a.filters.to})
        if (!d->empty() && !valid_date(*d, false))
            throw CommandError("\"" + *d + "\" is not a date like 2026-11-23");
    if (!a.coder.empty()) {
        auto person = store::find_person(ctx.workspace().db(), a.coder);
        if (!person)
            throw CommandError("no coder \"" + a.coder + "\" (see convene-cli coder list)");
        a.filters.coder = person->uuid;
        a.coder = person->name;
    }
    auto snapshot = store::load_coding_snapshot(ctx.workspace());
    check_filters(snapshot, a.filters);
    auto table = kind->compute(snapshot, a.filters);
    if (ctx.json)
        ctx.out << table_json(a, table).dump(2) << "\n";
    else
        print_table(ctx.out, table);
    return 0;
}

} // namespace

void add_summary_commands(CLI::App& app, Context& ctx) {
    auto a = std::make_shared<SummaryArgs>();
    auto* cmd = app.add_subcommand(
        "summary", "A summary across conversations: code-frequencies, framework-matrix, "
                   "code-by-area, quotes-by-code, structured-answers, co-occurrence");
    cmd->add_option("NAME", a->name, "Which summary")->required();
    cmd->add_option("--group", a->filters.group, "Only this stakeholder group (id)");
    cmd->add_option("--state", a->filters.state, "Only conversations in this state");
    cmd->add_option("--from", a->filters.from, "From this date (YYYY-MM-DD)");
    cmd->add_option("--to", a->filters.to, "To this date (YYYY-MM-DD), inclusive");
    cmd->add_option("--guide", a->filters.guide, "Only conversations run with this guide (id)");
    cmd->add_option("--status", a->filters.status, "planned, in_progress or complete");
    cmd->add_option("--coder", a->coder, "Only this coder's segments (name or uuid)");
    cmd->callback([&ctx, a] { ctx.action = [&ctx, a] { return summary(ctx, *a); }; });
}

} // namespace convene::cli
