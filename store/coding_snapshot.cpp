#include "store/coding_snapshot.hpp"

#include "store/currency.hpp"
#include "store/guides.hpp"
#include "store/json_column.hpp"
#include "store/uuid_index.hpp"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace convene::store {

static_assert(sizeof(SnapshotSegment) == 16, "a large workspace has hundreds of thousands");
namespace {

// A deferred read transaction (a savepoint, so it nests): every query sees the same workspace.
class ReadSnapshot {
  public:
    explicit ReadSnapshot(Database& db) : db_(db) { db_.exec("SAVEPOINT coding_snapshot"); }
    ~ReadSnapshot() {
        try {
            db_.exec("RELEASE coding_snapshot");
        } catch (...) { // nothing was written; a failed release loses nothing
        }
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

  private:
    Database& db_;
};

using Index = std::unordered_map<std::string, int>;
constexpr int kLast = 1 << 30; // the place of an answer to a question its guide does not have

void load_conversations(Database& db, CodingSnapshot& s, UuidIndex& by_uuid) {
    Statement st(db, "SELECT uuid, guide_hash, group_id, mode, org, state, scheduled_at, "
                     "facilitator, note_taker, status FROM conversation WHERE deleted_at IS NULL "
                     "ORDER BY scheduled_at, uuid");
    while (st.step()) {
        SnapshotConversation c;
        c.uuid = st.text(0);
        c.guide_hash = st.text(1);
        c.group = st.text(2);
        c.mode = st.text(3);
        c.org = st.text(4);
        c.state = st.text(5);
        c.scheduled_at = st.text(6);
        c.facilitator = st.text(7);
        c.note_taker = st.text(8);
        c.status = parse_status(st.text(9)).value_or(Status::Planned);
        by_uuid.add(c.uuid, static_cast<int>(s.conversations.size()));
        s.conversations.push_back(std::move(c));
    }
    by_uuid.seal();
    Statement ps(db, "SELECT conversation_uuid, uuid, name, role, organisation, consent "
                     "FROM participant ORDER BY conversation_uuid, position");
    while (ps.step()) {
        auto c = by_uuid.find(ps.text_view(0));
        if (!c) continue; // in the trash
        s.conversations[static_cast<std::size_t>(*c)].participants.push_back(
            {ps.text(1), ps.text(2), ps.text(3), ps.text(4), ps.integer(5) != 0});
    }
}

int area_index(CodingSnapshot& s, const guides::Area& area) {
    for (std::size_t i = 0; i < s.areas.size(); ++i)
        if (s.areas[i].id == area.id) return static_cast<int>(i);
    s.areas.push_back({area.id, area.title});
    return static_cast<int>(s.areas.size()) - 1;
}

// Where a question sits: its area (index into CodingSnapshot::areas) and its place in the guide.
struct Place {
    int area = kNoIndex;
    int order = 0;
};
using Places = std::unordered_map<std::string, Place>; // question id -> place

// Each guide used, once; and per guide (index as in s.guides) its questions' places.
std::vector<Places> load_guides(Database& db, CodingSnapshot& s) {
    std::vector<Places> area_of;
    Index by_hash;
    for (auto& c : s.conversations) {
        auto [it, added] = by_hash.emplace(c.guide_hash, static_cast<int>(s.guides.size()));
        c.guide = it->second;
        if (!added) continue;
        auto guide = guide_by_hash(db, c.guide_hash);
        if (!guide) throw Error("the guide " + c.guide_hash.substr(0, 12) + " is missing");
        auto& questions = area_of.emplace_back();
        int order = 0;
        for (const auto& area : guide->areas) {
            int index = area_index(s, area);
            for (const auto& q : area.questions)
                questions.emplace(q.id, Place{index, order++});
        }
        s.guides.push_back(std::move(*guide));
    }
    return area_of;
}

// Follow-ups come after every guide question (their conversation's own additions).
void load_follow_ups(Database& db, CodingSnapshot& s, Places& places) {
    Statement st(db, "SELECT uuid, area_id, text FROM follow_up ORDER BY conversation_uuid, "
                     "position");
    while (st.step()) {
        auto id = follow_up_question_id(st.text(0));
        auto found = std::find_if(s.areas.begin(), s.areas.end(),
                                  [&](const auto& a) { return a.id == st.text(1); });
        int area = found == s.areas.end() ? kNoIndex : static_cast<int>(found - s.areas.begin());
        places.emplace(id, Place{area, kLast - 1});
        s.follow_up_texts.emplace_back(id, st.text(2));
    }
}

// While loading: the answers' words (held texts only), and each quote's place (what a segment
// on a quote names). Answers are found by uuid as read; sorted_index maps them to their place
// once sorted.
struct Loading {
    Texts texts;
    std::vector<AnswerText> words; // per answer as read, when texts are held
    struct QuotePlace {
        int answer, index; // the answer as read (before sorting); index among its quotes
        std::int64_t rowid;
    };
    std::vector<QuotePlace> quotes; // as read
    UuidIndex quote_by_uuid;        // -> index into quotes
    std::vector<int> sorted_index;  // answer as read -> index once sorted
};

// Puts the item at i at dest[i], for every i, by following the permutation's cycles: a large
// vector is not copied to sort it (at 150,000 segments the copy was a few MB more at the load's
// peak). dest is used up.
template <typename Swap>
void permute_in_place(std::vector<std::uint32_t>& dest, Swap&& swap_items) {
    for (std::uint32_t i = 0; i < dest.size(); ++i)
        while (dest[i] != i) {
            auto j = dest[i];
            swap_items(i, j);
            std::swap(dest[i], dest[j]);
        }
}

// Answers by conversation (in the snapshot's order), then by their question's place.
void sort_answers(CodingSnapshot& s, Loading& l, const std::vector<int>& order) {
    std::vector<std::uint32_t> perm(s.answers.size());
    for (std::uint32_t i = 0; i < perm.size(); ++i)
        perm[i] = i;
    std::sort(perm.begin(), perm.end(), [&](std::uint32_t a, std::uint32_t b) {
        const auto& x = s.answers[a];
        const auto& y = s.answers[b];
        if (x.conversation != y.conversation) return x.conversation < y.conversation;
        if (order[a] != order[b]) return order[a] < order[b];
        return s.question_id(x) < s.question_id(y);
    });
    l.sorted_index.assign(perm.size(), 0);
    std::vector<std::uint32_t> dest(perm.size());
    for (std::uint32_t to = 0; to < perm.size(); ++to) {
        l.sorted_index[perm[to]] = static_cast<int>(to);
        dest[perm[to]] = to;
    }
    perm = {};
    bool held = l.texts == Texts::Held;
    permute_in_place(dest, [&](std::size_t i, std::size_t j) {
        std::swap(s.answers[i], s.answers[j]);
        if (held) std::swap(l.words[i], l.words[j]);
    });
    // Each answer's quotes' rows, in the answers' new order.
    std::uint32_t first = 0;
    for (auto& a : s.answers) {
        a.first_quote = first;
        first += a.quotes;
    }
    s.quote_rowids.assign(first, 0);
    for (const auto& q : l.quotes) {
        const auto& a = s.answers[static_cast<std::size_t>(l.sorted_index[q.answer])];
        s.quote_rowids[a.first_quote + static_cast<std::size_t>(q.index)] = q.rowid;
    }
    if (held) s.answer_texts = std::move(l.words);
    l.words = {};
}

void load_quotes(Database& db, CodingSnapshot& s, Loading& l, const UuidIndex& by_uuid) {
    bool held = l.texts == Texts::Held;
    Statement qs(db, held ? "SELECT answer_uuid, uuid, text, speaker, rowid FROM quote "
                            "ORDER BY answer_uuid, position, rowid"
                          : "SELECT answer_uuid, uuid, length(CAST(text AS BLOB)), '', rowid "
                            "FROM quote ORDER BY answer_uuid, position, rowid");
    while (qs.step()) {
        auto answer = by_uuid.find(qs.text_view(0));
        if (!answer) continue;
        auto& a = s.answers[static_cast<std::size_t>(*answer)];
        l.quote_by_uuid.add(qs.text_view(1), static_cast<int>(l.quotes.size()));
        l.quotes.push_back({*answer, static_cast<int>(a.quotes++), qs.int64(4)});
        auto bytes = held ? qs.text_view(2).size() : static_cast<std::size_t>(qs.int64(2));
        s.longest_quote = std::max(s.longest_quote, bytes);
        if (held)
            l.words[static_cast<std::size_t>(*answer)].quotes.push_back(
                {qs.text(1), qs.text(2), qs.text(3)});
    }
    l.quote_by_uuid.seal();
}

// The values checked and kept as compact text (most answers have none: nothing kept).
void keep_values(CodingSnapshot& s, SnapshotAnswer& a, const nlohmann::json& values) {
    if (values.empty()) return;
    auto text = values.dump();
    if (s.values_text.size() + text.size() > std::numeric_limits<std::uint32_t>::max())
        throw Error("the workspace's structured answers are too large to summarise (over 4 GB)");
    a.values_at = static_cast<std::uint32_t>(s.values_text.size());
    a.values_size = static_cast<std::uint32_t>(text.size());
    s.values_text += text;
}

void load_answers(Database& db, CodingSnapshot& s, Loading& l, const UuidIndex& conversations,
                  const std::vector<Places>& places, const Places& follow_ups, UuidIndex& by_uuid) {
    bool held = l.texts == Texts::Held;
    std::vector<int> order;
    std::unordered_map<std::string, std::uint32_t> question_of; // id -> index in question_ids
    // Allocated once at (about) its size, not grown by doubling.
    auto rows = static_cast<std::size_t>(query_int(db, "SELECT count(*) FROM answer"));
    s.answers.reserve(rows);
    order.reserve(rows);
    Statement st(db, held ? "SELECT uuid, conversation_uuid, question_id, notes, asked, "
                            "value_json, rowid FROM answer ORDER BY conversation_uuid, rowid"
                          : "SELECT uuid, conversation_uuid, question_id, '', asked, value_json, "
                            "rowid FROM answer ORDER BY conversation_uuid, rowid");
    while (st.step()) {
        auto c = conversations.find(st.text_view(1));
        if (!c) continue;
        SnapshotAnswer a;
        a.rowid = st.int64(6);
        a.conversation = *c;
        auto [q, added] = question_of.try_emplace(
            std::string(st.text_view(2)), static_cast<std::uint32_t>(s.question_ids.size()));
        if (added) s.question_ids.push_back(q->first);
        a.question = q->second;
        const auto& question_id = q->first;
        a.asked = static_cast<Asked>(st.integer(4));
        keep_values(
            s, a,
            json_column(st.text(5), "answer", "value_json", st.text_view(0), JsonKind::Object));
        const auto& guide =
            places[static_cast<std::size_t>(s.conversations[static_cast<std::size_t>(*c)].guide)];
        Place place{kNoIndex, kLast};
        if (auto it = guide.find(question_id); it != guide.end())
            place = it->second;
        else if (auto f = follow_ups.find(question_id); f != follow_ups.end())
            place = f->second;
        a.area = place.area;
        order.push_back(place.order);
        by_uuid.add(st.text_view(0), static_cast<int>(s.answers.size()));
        s.answers.push_back(std::move(a));
        if (held) l.words.push_back({st.text(0), st.text(3), {}});
    }
    by_uuid.seal();
    load_quotes(db, s, l, by_uuid);
    sort_answers(s, l, order);
}

// By answer, keeping the order read within an answer: counted, then each put in its place (the
// segments' words, when held, moved alike).
void sort_segments(CodingSnapshot& s) {
    std::vector<std::uint32_t> next(s.answers.size() + 1, 0);
    for (const auto& seg : s.segments)
        ++next[static_cast<std::size_t>(seg.answer) + 1];
    for (std::size_t a = 1; a < next.size(); ++a)
        next[a] += next[a - 1];
    std::vector<std::uint32_t> dest(s.segments.size());
    for (std::size_t i = 0; i < s.segments.size(); ++i)
        dest[i] = next[static_cast<std::size_t>(s.segments[i].answer)]++;
    next = {};
    bool held = !s.segment_texts.empty();
    permute_in_place(dest, [&](std::size_t i, std::size_t j) {
        std::swap(s.segments[i], s.segments[j]);
        if (held) std::swap(s.segment_texts[i], s.segment_texts[j]);
    });
}

void load_segments(Database& db, CodingSnapshot& s, const Loading& l, const UuidIndex& answers) {
    Index codes, coders;
    for (std::size_t i = 0; i < s.codes.size(); ++i)
        codes.emplace(s.codes[i].uuid, static_cast<int>(i));
    for (std::size_t i = 0; i < s.coders.size(); ++i)
        coders.emplace(s.coders[i].uuid, static_cast<int>(i));
    bool held = l.texts == Texts::Held;
    Statement st(db, held ? "SELECT uuid, answer_uuid, code_uuid, coder_uuid, part, quote_uuid, "
                            "excerpt, anchor FROM segment WHERE deleted_at IS NULL"
                          : "SELECT '', answer_uuid, code_uuid, coder_uuid, part, quote_uuid, "
                            "'', anchor FROM segment WHERE deleted_at IS NULL");
    // Allocated once at its size: grown by doubling, 150,000 segments would take room for 262,144.
    auto live = query_int(db, "SELECT count(*) FROM segment WHERE deleted_at IS NULL");
    s.segments.reserve(static_cast<std::size_t>(live));
    if (held) s.segment_texts.reserve(static_cast<std::size_t>(live));
    std::string key; // the uuid looked up, its buffer reused from row to row
    auto find = [&](const Index& index, int column) {
        key.assign(st.text_view(column));
        return index.find(key);
    };
    while (st.step()) {
        auto answer = answers.find(st.text_view(1));
        auto code = find(codes, 2);
        if (!answer || code == codes.end()) continue;
        SnapshotSegment seg;
        seg.answer = l.sorted_index[static_cast<std::size_t>(*answer)];
        seg.code = code->second;
        auto coder = find(coders, 3);
        seg.coder = coder == coders.end() ? kNoIndex : coder->second;
        auto part = st.text_view(4);
        seg.part = part == "notes"   ? SegmentPart::Notes
                   : part == "quote" ? SegmentPart::Quote
                                     : SegmentPart::Answer;
        if (seg.part == SegmentPart::Quote)
            if (auto q = l.quote_by_uuid.find(st.text_view(5))) {
                const auto& place = l.quotes[static_cast<std::size_t>(*q)];
                if (l.sorted_index[static_cast<std::size_t>(place.answer)] == seg.answer) {
                    if (place.index > kMaxQuoteIndex) // never typed by hand; refused, not wrong
                        throw Error("an answer has more than 32,767 quotes: too many to summarise");
                    seg.quote = static_cast<std::int16_t>(place.index); // a quote of this answer
                }
            }
        seg.lost = st.text_view(7) == "lost";
        s.segments.push_back(seg);
        if (held) s.segment_texts.push_back({st.text(0), st.text(6)});
    }
    sort_segments(s);
}

} // namespace

CodingSnapshot load_coding_snapshot(Workspace& ws) {
    return load_coding_snapshot(ws.db());
}

CodingSnapshot load_coding_snapshot(Database& db, Texts texts) {
    ReadSnapshot read(db);
    CodingSnapshot s;
    UuidIndex conversations, answers;
    load_conversations(db, s, conversations);
    auto area_of = load_guides(db, s);
    Places follow_ups;
    load_follow_ups(db, s, follow_ups);
    Loading loading{texts, {}, {}};
    load_answers(db, s, loading, conversations, area_of, follow_ups, answers);
    s.codes = list_codes(db);
    s.coders = list_people(db);
    load_segments(db, s, loading, answers);
    s.currency = load_currency(db);
    return s;
}

std::string CodingSnapshot::question_text(const SnapshotAnswer& answer) const {
    const auto& c = conversations[static_cast<std::size_t>(answer.conversation)];
    if (c.guide != kNoIndex) {
        const auto& guide = guides[static_cast<std::size_t>(c.guide)];
        if (const auto* q = guide.question(question_id(answer)))
            return guides::substitute(q->text_for(c.group), c.state, c.org);
    }
    for (const auto& [id, text] : follow_up_texts)
        if (id == question_id(answer)) return text;
    return {};
}

nlohmann::json CodingSnapshot::values(const SnapshotAnswer& a) const {
    if (a.values_size == 0) return nullptr;
    return nlohmann::json::parse(std::string_view(values_text).substr(a.values_at, a.values_size));
}

std::uint32_t CodingSnapshot::question_index(std::string_view id) {
    auto it = std::find(question_ids.begin(), question_ids.end(), id);
    if (it == question_ids.end()) it = question_ids.insert(it, std::string(id));
    return static_cast<std::uint32_t>(it - question_ids.begin());
}

std::string CodingSnapshot::group_label(const std::string& group_id) const {
    for (const auto& g : guides)
        if (const auto* group = g.group(group_id)) return group->label;
    return group_id;
}

} // namespace convene::store
