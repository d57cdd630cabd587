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
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

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
    std::string id;
    std::string_view area; // a title in the guide
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

// The questions of the conversation's answers in the order the sheet lists them: the guide's
// order (question_order), then answers to questions no longer in the guide.
std::vector<QuestionInfo> answer_order(const store::Conversation& c, const guides::Guide& g,
                                       const std::map<std::string, store::Answer>& answers) {
    auto order = question_order(c, g);
    std::unordered_set<std::string_view> in_order;
    for (const auto& q : order)
        in_order.insert(q.id);
    std::vector<QuestionInfo> gone;
    for (const auto& [qid, a] : answers)
        if (!in_order.count(qid)) gone.push_back({qid, "", nullptr});
    order.insert(order.end(), std::make_move_iterator(gone.begin()),
                 std::make_move_iterator(gone.end()));
    return order;
}

// The quotes as the Answers sheet shows them, one a line: “text” — speaker.
void set_quotes(ExportContext& ctx, std::string& out, const std::vector<store::Quote>& quotes) {
    out.clear();
    for (const auto& q : quotes) {
        if (!out.empty()) out += "\n";
        out += "\u201C";
        if (ctx.names.enabled())
            out += ctx.names.text(q.text);
        else
            out += q.text;
        out += "\u201D";
        if (q.speaker.empty()) continue;
        out += " \u2014 ";
        if (ctx.names.enabled())
            out += ctx.names.name(q.speaker);
        else
            out += q.speaker;
    }
}

// The codes applied to each answer of a conversation (the chosen coder's only), counted into
// ctx.code_counts as the Answers sheet is written: segments, answers and conversations per code.
class AnswerCodes {
  public:
    explicit AnswerCodes(ExportContext& ctx) : ctx_(ctx), reader_(ctx.ws.db()) {
        for (const auto& [uuid, code] : ctx.codes)
            tally_.emplace(uuid, Tally{&code.path, &ctx.code_counts[uuid], 0});
    }
    void read(const std::string& conversation_uuid) {
        ++conversation_;
        segments_.clear();
        for (const auto& s : reader_.read(conversation_uuid))
            if (coder_wanted(ctx_, s.coder_uuid)) segments_.push_back(&s);
        std::sort(segments_.begin(), segments_.end(), [](const auto* a, const auto* b) {
            return std::tie(a->answer_uuid, a->code_uuid) < std::tie(b->answer_uuid, b->code_uuid);
        });
    }
    // The answer's segments, counted; its codes' paths into `codes` ("A; B", sorted).
    std::size_t count(const std::string& answer_uuid, std::string& codes) {
        auto [begin, end] =
            std::equal_range(segments_.begin(), segments_.end(), answer_uuid, Less{});
        paths_.clear();
        for (auto it = begin; it != end; ++it) {
            auto t = tally_.find((*it)->code_uuid);
            if (t == tally_.end()) continue;
            auto& tally = t->second;
            ++tally.counts->segments;
            if (it != begin && (*it)->code_uuid == (*(it - 1))->code_uuid) continue;
            paths_.push_back(tally.path);
            ++tally.counts->answers;
            if (tally.conversation != conversation_) ++tally.counts->conversations;
            tally.conversation = conversation_;
        }
        std::sort(paths_.begin(), paths_.end(),
                  [](const auto* a, const auto* b) { return *a < *b; });
        codes.clear();
        for (const auto* p : paths_) {
            if (!codes.empty()) codes += "; ";
            codes += *p;
        }
        return static_cast<std::size_t>(end - begin);
    }

  private:
    struct Tally {
        const std::string* path;
        CodeCounts* counts;
        std::size_t conversation; // the last counted in (conversations from 1)
    };
    struct Less { // segments by answer uuid, for equal_range
        bool operator()(const store::SegmentCode* s, const std::string& a) const {
            return s->answer_uuid < a;
        }
        bool operator()(const std::string& a, const store::SegmentCode* s) const {
            return a < s->answer_uuid;
        }
    };
    ExportContext& ctx_;
    store::ConversationSegmentCodes reader_;
    std::unordered_map<std::string, Tally> tally_;
    std::vector<const store::SegmentCode*> segments_;
    std::vector<const std::string*> paths_;
    std::size_t conversation_ = 0;
};

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
    store::ConversationReader reader(ctx.ws.db());
    for (const auto& row : rows) {
        auto c = reader.read(row.uuid);
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
        store::ConversationAnswers answers(ctx.ws.db());
        for (const auto& c : ctx.conversations) {
            ctx.names.add(c.facilitator);
            ctx.names.add(c.note_taker);
            for (const auto& p : c.participants)
                ctx.names.add(p.name);
            for (const auto& [qid, a] : answers.read(c.uuid))
                for (const auto& q : a.quotes)
                    ctx.names.add(q.speaker);
        }
        // Everyone else in the workspace too: their names may be typed into exported notes.
        for (const auto& row : store::list_conversations(ctx.ws.db()))
            if (auto c = reader.read(row.uuid)) {
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
    store::ConversationAnswers reader(ctx.ws.db());
    AnswerCodes codes(ctx);
    std::vector<Cell> cells(t.columns.size());
    std::string quotes, code_paths;
    for (const auto& c : ctx.conversations) {
        auto answers = reader.read(c.uuid);
        codes.read(c.uuid);
        const auto group = ctx.group_label(c);
        for (const auto& info : answer_order(c, ctx.guide_of(c), answers)) {
            auto it = answers.find(info.id);
            if (it == answers.end() || it->second.empty()) continue;
            const auto& a = it->second;
            auto segments = codes.count(a.uuid, code_paths);
            set_quotes(ctx, quotes, a.quotes);
            set_text(cells[0], a.uuid);
            set_text(cells[1], c.uuid);
            set_text(cells[2], c.scheduled_at);
            set_text(cells[3], group);
            set_text(cells[4], c.org);
            set_text(cells[5], c.state);
            set_text(cells[6], info.area);
            set_text(cells[7], info.id);
            set_text(cells[8], question_text(c, info));
            set_text(cells[9], asked_name(a.asked));
            set_named_text(ctx, cells[10], a.notes);
            set_text(cells[11], quotes);
            set_named_text(ctx, cells[12], values_text(info.question, a.values));
            set_text(cells[13], code_paths);
            cells[14] = segments == 0 ? Cell() : num(static_cast<double>(segments));
            sink.row(cells);
            ++ctx.answers;
            ctx.segments += segments;
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
