// The tables read from the store: conversations, participants, answers (one row per answer),
// coded segments (one row per segment) and the codebook with how often each code was used.
// Conversation by conversation, so memory does not grow with the workspace.
#include "export/export_context.hpp"
#include "guides/field_values.hpp"
#include "store/answers.hpp"
#include "store/guides.hpp"
#include "store/people.hpp"
#include "store/segment_codes.hpp"
#include "store/segment_rows.hpp"
#include "store/segments.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace convene::exporting {
namespace {

Cell text(std::string s) {
    return text_cell(std::move(s));
}
// The cell as text_cell(s) would make it, reusing the buffer of the text it held.
void set_text(Cell& cell, std::string_view s) {
    if (s.empty())
        cell.value = std::monostate();
    else if (auto* held = std::get_if<std::string>(&cell.value))
        held->assign(s);
    else
        cell.value.emplace<std::string>(s);
}
// The cell as link_cell(uuid, uuid) would make it.
void set_link(Cell& cell, std::string_view answer_uuid) {
    if (auto* held = std::get_if<std::string>(&cell.value))
        held->assign(answer_uuid);
    else
        cell.value.emplace<std::string>(answer_uuid);
    cell.link.assign(answer_uuid);
}
Cell num(double v) {
    return Cell(v);
}

const char* asked_name(store::Asked a) {
    return a == store::Asked::Asked ? "asked" : a == store::Asked::Skipped ? "skipped" : "";
}

// A question of a conversation: its id, its area's title, the guide's question (none for a
// follow-up or a question no longer in the guide).
struct QuestionInfo {
    std::string id, area;
    const guides::Question* question = nullptr;
};

// The conversation's questions in the order they were asked: the guide's areas and questions,
// each area's follow-up questions after its own.
std::vector<QuestionInfo> question_order(const store::Conversation& c, const guides::Guide& g) {
    std::vector<QuestionInfo> out;
    for (const auto& area : g.areas) {
        for (const auto& q : area.questions)
            out.push_back({q.id, area.title, &q});
        for (const auto& f : c.follow_ups)
            if (f.area_id == area.id)
                out.push_back({store::follow_up_question_id(f.uuid), area.title, nullptr});
    }
    return out;
}

// The question as asked of this conversation's group (a follow-up's own text).
std::string question_text(const store::Conversation& c, const QuestionInfo& info) {
    if (info.question) return guides::substitute(info.question->text_for(c.group), c.state, c.org);
    for (const auto& f : c.follow_ups)
        if (store::follow_up_question_id(f.uuid) == info.id) return f.text + " (follow-up)";
    return "";
}

std::string values_text(const guides::Question* q, const nlohmann::json& values) {
    std::string out;
    for (auto it = values.begin(); it != values.end(); ++it) {
        const guides::Field* field = q ? q->field(it.key()) : nullptr;
        std::string v = field ? guides::value_text(*field, it.value()) : it.value().dump();
        if (v.empty()) continue;
        if (!out.empty()) out += "; ";
        out += (field && !field->label.empty() ? field->label : it.key()) + ": " + v;
    }
    return out;
}

bool coder_wanted(const ExportContext& ctx, const std::string& coder_uuid) {
    return ctx.coder_uuid.empty() || coder_uuid == ctx.coder_uuid;
}

// Text that may hold names (pseudonymised when the export is), into a cell.
void set_named_text(const ExportContext& ctx, Cell& cell, const std::string& s) {
    if (ctx.names.enabled())
        set_text(cell, ctx.names.text(s));
    else
        set_text(cell, s);
}

} // namespace

void ExportContext::tick(std::size_t done, std::size_t total, const std::string& sheet) {
    if (!progress || !*progress) return;
    constexpr std::size_t scale = 1000;
    std::size_t within = total == 0 ? scale : std::min(done, total) * scale / total;
    if (!(*progress)(stage * scale + within, stages * scale, sheet)) throw ExportCancelled();
}

const guides::Guide& ExportContext::guide_of(const store::Conversation& c) const {
    return guides.at(c.guide_hash);
}

std::string ExportContext::group_label(const store::Conversation& c) const {
    const auto* g = guide_of(c).group(c.group);
    return g ? g->label : c.group;
}

void load_context(ExportContext& ctx) {
    const auto& f = ctx.filter;
    store::ConversationFilter cf{f.group, f.state, f.status, f.from, f.to, false};
    auto rows = store::list_conversations(ctx.ws.db(), cf);
    std::reverse(rows.begin(), rows.end()); // oldest first
    for (const auto& row : rows) {
        auto c = store::get_conversation(ctx.ws.db(), row.uuid);
        if (!c) continue;
        if (!ctx.guides.count(c->guide_hash)) {
            auto g = store::guide_by_hash(ctx.ws, c->guide_hash);
            if (!g) throw std::runtime_error("conversation " + c->uuid + " names a missing guide");
            ctx.guides.emplace(c->guide_hash, std::move(*g));
        }
        if (!f.guide.empty() && ctx.guides.at(c->guide_hash).id != f.guide) continue;
        ctx.conversations.push_back(std::move(*c));
    }
    for (auto& code : store::list_codes(ctx.ws.db())) {
        ctx.code_order.push_back(code.uuid);
        ctx.codes.emplace(code.uuid, std::move(code));
    }
    if (!f.coder.empty()) {
        auto p = store::find_person(ctx.ws.db(), f.coder);
        if (!p) throw std::runtime_error("no coder \"" + f.coder + "\" in the workspace");
        ctx.coder_uuid = p->uuid;
    }
    // Codes for names in a stable order: conversation by conversation (oldest first) the
    // facilitator, the note taker, the participants and the quote speakers; then the coders.
    if (ctx.names.enabled()) {
        for (const auto& c : ctx.conversations) {
            ctx.names.add(c.facilitator);
            ctx.names.add(c.note_taker);
            for (const auto& p : c.participants)
                ctx.names.add(p.name);
            for (const auto& [qid, a] : store::answers_for(ctx.ws.db(), c.uuid))
                for (const auto& q : a.quotes)
                    ctx.names.add(q.speaker);
        }
        // Everyone else in the workspace too: their names may be typed into exported notes.
        for (const auto& row : store::list_conversations(ctx.ws.db()))
            if (auto c = store::get_conversation(ctx.ws.db(), row.uuid)) {
                ctx.names.add(c->facilitator);
                ctx.names.add(c->note_taker);
                for (const auto& p : c->participants)
                    ctx.names.add(p.name);
            }
    }
    for (const auto& p : store::list_people(ctx.ws.db()))
        ctx.coders[p.uuid] = ctx.names.name(p.name);
}

std::size_t write_conversations(ExportContext& ctx, TableSink& sink) {
    TableInfo t{"Conversations",
                "conversations",
                "One row per conversation: who was talked to, when, with which guide, by whom.",
                {{"conversation_uuid", "Conversation", ColumnType::Text},
                 {"date", "Date", ColumnType::Date},
                 {"stakeholder_group", "Stakeholder group", ColumnType::Text},
                 {"group_id", "Group id", ColumnType::Text},
                 {"mode", "Mode", ColumnType::Text},
                 {"organisation", "Organisation", ColumnType::Text},
                 {"state", "State", ColumnType::Text},
                 {"status", "Status", ColumnType::Text},
                 {"guide", "Guide", ColumnType::Text},
                 {"guide_version", "Guide version", ColumnType::Text},
                 {"facilitator", "Facilitator", ColumnType::Text},
                 {"note_taker", "Note taker", ColumnType::Text},
                 {"participants", "Participants", ColumnType::Integer},
                 {"mc_profile", "MC profile shown", ColumnType::Text},
                 {"minutes", "Minutes", ColumnType::Real},
                 {"notes", "Conversation notes", ColumnType::Text}}};
    t.long_text = {"notes"};
    sink.begin(t);
    std::size_t n = 0;
    for (const auto& c : ctx.conversations) {
        const auto& g = ctx.guide_of(c);
        double seconds = 0;
        for (const auto& [area, s] : c.area_seconds)
            seconds += s;
        sink.row({text(c.uuid), text(c.scheduled_at), text(ctx.group_label(c)), text(c.group),
                  text(c.mode == "focus_group" ? "focus group" : c.mode), text(c.org),
                  text(c.state), text(std::string(store::status_name(c.status))), text(g.title),
                  text(g.version), text(ctx.names.name(c.facilitator)),
                  text(ctx.names.name(c.note_taker)),
                  num(static_cast<double>(c.participants.size())), text(c.profile),
                  seconds > 0 ? num(seconds / 60.0) : Cell(), text(ctx.names.text(c.notes))});
        ctx.tick(++n, ctx.conversations.size(), t.sheet);
    }
    sink.end();
    return n;
}

std::size_t write_participants(ExportContext& ctx, TableSink& sink) {
    TableInfo t{"Participants",
                "participants",
                "One row per participant of each conversation, with role and consent.",
                {{"conversation_uuid", "Conversation", ColumnType::Text},
                 {"date", "Date", ColumnType::Date},
                 {"stakeholder_group", "Stakeholder group", ColumnType::Text},
                 {"conversation_organisation", "Conversation organisation", ColumnType::Text},
                 {"state", "State", ColumnType::Text},
                 {"participant", "Participant", ColumnType::Text},
                 {"role", "Role", ColumnType::Text},
                 {"organisation", "Participant organisation", ColumnType::Text},
                 {"consent", "Consent", ColumnType::Text}}};
    sink.begin(t);
    std::size_t n = 0, i = 0;
    for (const auto& c : ctx.conversations) {
        for (const auto& p : c.participants) {
            sink.row({text(c.uuid), text(c.scheduled_at), text(ctx.group_label(c)), text(c.org),
                      text(c.state), text(ctx.names.name(p.name)), text(p.role),
                      text(p.organisation), text(p.consent ? "yes" : "no")});
            ++n;
        }
        ctx.tick(++i, ctx.conversations.size(), t.sheet);
    }
    sink.end();
    return n;
}

std::size_t write_answers(ExportContext& ctx, TableSink& sink) {
    TableInfo t{"Answers",
                "answers",
                "One row per answer: the question as asked of that group, notes, verbatim "
                "quotes, structured values and the codes applied.",
                {{"answer_uuid", "Answer", ColumnType::Text},
                 {"conversation_uuid", "Conversation", ColumnType::Text},
                 {"date", "Date", ColumnType::Date},
                 {"stakeholder_group", "Stakeholder group", ColumnType::Text},
                 {"organisation", "Organisation", ColumnType::Text},
                 {"state", "State", ColumnType::Text},
                 {"area", "Question area", ColumnType::Text},
                 {"question_id", "Question id", ColumnType::Text},
                 {"question", "Question", ColumnType::Text},
                 {"asked", "Asked", ColumnType::Text},
                 {"notes", "Notes", ColumnType::Text},
                 {"quotes", "Quotes", ColumnType::Text},
                 {"values", "Structured answers", ColumnType::Text},
                 {"codes", "Codes", ColumnType::Text},
                 {"segments", "Coded segments", ColumnType::Integer}},
                0};
    t.long_text = {"question", "notes", "quotes", "values", "codes"};
    sink.begin(t);
    std::size_t i = 0;
    std::vector<Cell> cells;
    for (const auto& c : ctx.conversations) {
        const auto& g = ctx.guide_of(c);
        auto answers = store::answers_for(ctx.ws.db(), c.uuid);
        std::map<std::string, std::vector<store::SegmentCode>> by_answer;
        for (auto& s : store::segment_codes_for_conversation(ctx.ws.db(), c.uuid))
            if (coder_wanted(ctx, s.coder_uuid)) by_answer[s.answer_uuid].push_back(std::move(s));
        std::set<std::string> codes_here;
        auto order = question_order(c, g);
        std::set<std::string> in_order;
        for (const auto& q : order)
            in_order.insert(q.id);
        for (const auto& [qid, a] : answers) // answers to questions no longer in the guide
            if (!in_order.count(qid)) order.push_back({qid, "", nullptr});
        for (const auto& info : order) {
            const auto& qid = info.id;
            auto it = answers.find(qid);
            if (it == answers.end() || it->second.empty()) continue;
            const auto& a = it->second;
            std::string quotes;
            for (const auto& q : a.quotes) {
                if (!quotes.empty()) quotes += "\n";
                quotes += "\u201C" + ctx.names.text(q.text) + "\u201D";
                if (!q.speaker.empty()) quotes += " \u2014 " + ctx.names.name(q.speaker);
            }
            const auto& segs = by_answer[a.uuid];
            std::vector<std::string> code_names;
            std::set<std::string> seen;
            for (const auto& s : segs) {
                auto code = ctx.codes.find(s.code_uuid);
                if (code == ctx.codes.end() || !seen.insert(s.code_uuid).second) continue;
                code_names.push_back(code->second.path);
                auto& counts = ctx.code_counts[s.code_uuid];
                ++counts.answers;
                if (codes_here.insert(s.code_uuid).second) ++counts.conversations;
            }
            for (const auto& s : segs)
                ++ctx.code_counts[s.code_uuid].segments;
            std::sort(code_names.begin(), code_names.end());
            std::string codes;
            for (const auto& n : code_names)
                codes += (codes.empty() ? "" : "; ") + n;
            sink.row({text(a.uuid), text(c.uuid), text(c.scheduled_at), text(ctx.group_label(c)),
                      text(c.org), text(c.state), text(info.area), text(qid),
                      text(question_text(c, info)), text(asked_name(a.asked)),
                      text(ctx.names.text(a.notes)), text(quotes),
                      text(ctx.names.text(values_text(info.question, a.values))), text(codes),
                      segs.empty() ? Cell() : num(static_cast<double>(segs.size()))});
            ++ctx.answers;
            ctx.segments += segs.size();
        }
        ctx.tick(++i, ctx.conversations.size(), t.sheet);
    }
    sink.end();
    return ctx.answers;
}

std::size_t write_segments(ExportContext& ctx, TableSink& sink) {
    TableInfo t{"Coded segments",
                "coded_segments",
                "One row per coded segment: the code, the coder, the words coded and the memo; "
                "the answer links to its row in Answers.",
                {{"segment_uuid", "Segment", ColumnType::Text},
                 {"answer_uuid", "Answer", ColumnType::Text},
                 {"conversation_uuid", "Conversation", ColumnType::Text},
                 {"stakeholder_group", "Stakeholder group", ColumnType::Text},
                 {"state", "State", ColumnType::Text},
                 {"question_id", "Question id", ColumnType::Text},
                 {"code", "Code", ColumnType::Text},
                 {"code_uuid", "Code uuid", ColumnType::Text},
                 {"coder", "Coder", ColumnType::Text},
                 {"part", "Part", ColumnType::Text},
                 {"excerpt", "Excerpt", ColumnType::Text},
                 {"memo", "Memo", ColumnType::Text},
                 {"anchor", "Anchor", ColumnType::Text},
                 {"coded_at", "Coded at", ColumnType::Text}}};
    t.long_text = {"excerpt", "memo"};
    sink.begin(t);
    std::size_t n = 0, i = 0;
    store::ConversationSegmentRows segments(ctx.ws.db());
    std::vector<Cell> cells(t.columns.size());
    for (const auto& c : ctx.conversations) {
        const auto& group = ctx.group_label(c);
        for (const auto* s : segments.read(c.uuid)) {
            if (!coder_wanted(ctx, s->coder_uuid)) continue;
            auto code = ctx.codes.find(s->code_uuid);
            auto coder = ctx.coders.find(s->coder_uuid);
            set_text(cells[0], s->uuid);
            set_link(cells[1], s->answer_uuid);
            set_text(cells[2], c.uuid);
            set_text(cells[3], group);
            set_text(cells[4], c.state);
            set_text(cells[5], s->question_id);
            set_text(cells[6], code == ctx.codes.end() ? std::string_view() : code->second.path);
            set_text(cells[7], s->code_uuid);
            set_text(cells[8], coder == ctx.coders.end() ? std::string_view() : coder->second);
            set_text(cells[9], store::part_name(s->part));
            set_named_text(ctx, cells[10], s->excerpt);
            set_named_text(ctx, cells[11], s->memo);
            set_text(cells[12], s->lost ? "lost" : "ok");
            set_text(cells[13], s->created_at);
            sink.row(cells);
            ++n;
        }
        ctx.tick(++i, ctx.conversations.size(), t.sheet);
    }
    sink.end();
    return n;
}

std::size_t write_codebook(ExportContext& ctx, TableSink& sink) {
    TableInfo t{"Codebook",
                "codebook",
                "Every code with its description (when to apply it) and how often it was "
                "applied in the conversations exported.",
                {{"code_uuid", "Code uuid", ColumnType::Text},
                 {"code", "Code", ColumnType::Text},
                 {"name", "Name", ColumnType::Text},
                 {"parent", "Parent", ColumnType::Text},
                 {"depth", "Depth", ColumnType::Integer},
                 {"description", "Description", ColumnType::Text},
                 {"colour", "Colour", ColumnType::Text},
                 {"segments", "Segments", ColumnType::Integer},
                 {"answers", "Answers", ColumnType::Integer},
                 {"conversations", "Conversations", ColumnType::Integer}}};
    t.long_text = {"description"};
    sink.begin(t);
    std::size_t n = 0;
    for (const auto& uuid : ctx.code_order) {
        const auto& code = ctx.codes.at(uuid);
        CodeCounts counts;
        if (auto it = ctx.code_counts.find(uuid); it != ctx.code_counts.end()) counts = it->second;
        std::string parent;
        if (auto p = ctx.codes.find(code.parent_uuid); p != ctx.codes.end())
            parent = p->second.path;
        sink.row({text(code.uuid), text(code.path), text(code.name), text(parent), num(code.depth),
                  text(code.description), text(code.colour),
                  num(static_cast<double>(counts.segments)),
                  num(static_cast<double>(counts.answers)),
                  num(static_cast<double>(counts.conversations))});
        ++n;
    }
    ctx.tick(1, 1, t.sheet);
    sink.end();
    return n;
}

} // namespace convene::exporting
