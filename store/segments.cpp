#include "store/segments.hpp"

#include "store/uuid.hpp"

#include <cstdlib>
#include <optional>

namespace convene::store {
namespace {

bool continuation_byte(std::string_view text, std::int64_t at) {
    return at < static_cast<std::int64_t>(text.size()) &&
           (static_cast<unsigned char>(text[static_cast<std::size_t>(at)]) & 0xC0) == 0x80;
}

// The text a segment part points at now; nullopt when it is gone (a removed quote).
std::optional<std::string> part_text(Database& db, const std::string& answer, SegmentPart part,
                                     const std::string& quote) {
    if (part == SegmentPart::Quote) {
        Statement st(db, "SELECT text FROM quote WHERE uuid = ?1 AND answer_uuid = ?2");
        st.bind(1, quote).bind(2, answer);
        if (!st.step()) return std::nullopt;
        return st.text(0);
    }
    Statement st(db, "SELECT notes FROM answer WHERE uuid = ?1");
    st.bind(1, answer);
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

void require_live(Database& db, const char* sql, const std::string& uuid, const char* what) {
    Statement st(db, sql);
    st.bind(1, uuid);
    if (!st.step()) throw Error(std::string("there is no ") + what + " " + uuid);
    if (st.integer(0)) throw Error(std::string("that ") + what + " is in the trash");
}

void require_codable(Database& db, const NewSegment& s) {
    require_live(db,
                 "SELECT c.deleted_at IS NOT NULL FROM answer a JOIN conversation c "
                 "ON c.uuid = a.conversation_uuid WHERE a.uuid = ?1",
                 s.answer_uuid, "answer's conversation");
    require_live(db, "SELECT deleted_at IS NOT NULL FROM code WHERE uuid = ?1", s.code_uuid,
                 "code");
    require_live(db, "SELECT deleted_at IS NOT NULL FROM person WHERE uuid = ?1", s.coder_uuid,
                 "coder");
}

Segment read_segment(Statement& st) {
    Segment s;
    s.uuid = st.text(0);
    s.answer_uuid = st.text(1);
    s.code_uuid = st.text(2);
    s.coder_uuid = st.text(3);
    s.part = parse_part(st.text(4));
    s.quote_uuid = st.text(5);
    s.start = st.int64(6);
    s.end = st.int64(7);
    s.excerpt = st.text(8);
    s.memo = st.text(9);
    s.lost = st.text(10) == "lost";
    s.created_at = st.text(11);
    s.updated_at = st.text(12);
    return s;
}

constexpr const char* kColumns =
    "s.uuid, s.answer_uuid, s.code_uuid, s.coder_uuid, s.part, s.quote_uuid, s.start_byte, "
    "s.end_byte, s.excerpt, s.memo, s.anchor, s.created_at, s.updated_at";

std::vector<Segment> segments_where(Database& db, const std::string& condition,
                                    const std::string& key) {
    Statement st(db, std::string("SELECT ") + kColumns +
                         " FROM segment s JOIN code k ON k.uuid = s.code_uuid "
                         "JOIN answer a ON a.uuid = s.answer_uuid "
                         "WHERE s.deleted_at IS NULL AND k.deleted_at IS NULL AND " +
                         condition + " ORDER BY s.part, s.quote_uuid, s.start_byte, s.end_byte");
    st.bind(1, key);
    std::vector<Segment> out;
    while (st.step())
        out.push_back(read_segment(st));
    return out;
}

void set_state(Database& db, const std::string& uuid, const char* sql) {
    Statement st(db, sql);
    st.bind(1, uuid).bind(2, now_utc()).run();
    if (db.changes() == 0) throw Error("there is no such coded segment " + uuid);
}

} // namespace

SegmentPart parse_part(std::string_view name) {
    if (name == "notes") return SegmentPart::Notes;
    if (name == "quote") return SegmentPart::Quote;
    return SegmentPart::Answer;
}

const char* part_name(SegmentPart part) {
    switch (part) {
    case SegmentPart::Notes:
        return "notes";
    case SegmentPart::Quote:
        return "quote";
    case SegmentPart::Answer:
        break;
    }
    return "answer";
}

bool valid_utf8_range(std::string_view text, std::int64_t start, std::int64_t end) {
    auto size = static_cast<std::int64_t>(text.size());
    return start >= 0 && start < end && end <= size && !continuation_byte(text, start) &&
           !continuation_byte(text, end);
}

Anchor reanchor(std::string_view text, std::string_view excerpt, std::int64_t old_start,
                std::int64_t old_end) {
    auto size = static_cast<std::int64_t>(text.size());
    if (old_start >= 0 && old_end <= size && old_start <= old_end &&
        text.substr(static_cast<std::size_t>(old_start),
                    static_cast<std::size_t>(old_end - old_start)) == excerpt)
        return {old_start, old_end, excerpt.empty()};
    if (excerpt.empty()) return {old_start, old_end, true};
    std::optional<std::int64_t> best;
    for (auto at = text.find(excerpt); at != std::string_view::npos;
         at = text.find(excerpt, at + 1)) {
        auto pos = static_cast<std::int64_t>(at);
        if (!best || std::llabs(pos - old_start) < std::llabs(*best - old_start)) best = pos;
    }
    if (!best) return {old_start, old_end, true};
    return {*best, *best + static_cast<std::int64_t>(excerpt.size()), false};
}

namespace {

// The segment's uuid, and whether it was added (false: the same coding was already there).
std::pair<std::string, bool> insert_segment(Database& db, const NewSegment& s) {
    require_codable(db, s);
    auto text = part_text(db, s.answer_uuid, s.part, s.quote_uuid);
    if (!text) throw Error("that quote is no longer in the answer");
    std::int64_t start = 0, end = static_cast<std::int64_t>(text->size());
    if (s.part != SegmentPart::Answer) {
        if (!valid_utf8_range(*text, s.start, s.end))
            throw Error("the selection " + std::to_string(s.start) + ".." + std::to_string(s.end) +
                        " is not a piece of the text (" + std::to_string(text->size()) + " bytes)");
        start = s.start;
        end = s.end;
    }
    Statement same(db, "SELECT uuid FROM segment WHERE deleted_at IS NULL AND answer_uuid = ?1 "
                       "AND code_uuid = ?2 AND coder_uuid = ?3 AND part = ?4 AND quote_uuid = ?5 "
                       "AND (part = 'answer' OR (start_byte = ?6 AND end_byte = ?7))");
    same.bind(1, s.answer_uuid).bind(2, s.code_uuid).bind(3, s.coder_uuid);
    same.bind(4, part_name(s.part)).bind(5, s.quote_uuid).bind(6, start).bind(7, end);
    if (same.step()) return {same.text(0), false};
    std::string uuid = new_uuid(), now = now_utc();
    Statement st(db, "INSERT INTO segment(uuid, answer_uuid, code_uuid, coder_uuid, part, "
                     "quote_uuid, start_byte, end_byte, excerpt, memo, created_at, updated_at) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)");
    st.bind(1, uuid).bind(2, s.answer_uuid).bind(3, s.code_uuid).bind(4, s.coder_uuid);
    st.bind(5, part_name(s.part)).bind(6, s.quote_uuid).bind(7, start).bind(8, end);
    st.bind(9,
            text->substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start)));
    st.bind(10, s.memo).bind(11, now).run();
    return {uuid, true};
}

} // namespace

std::string apply_code(Database& db, const NewSegment& s) {
    Transaction tx(db);
    auto [uuid, added] = insert_segment(db, s);
    if (added) tx.commit();
    return uuid;
}

int apply_code_to_answers(Database& db, const std::vector<std::string>& answers,
                          const std::string& code, const std::string& coder) {
    Transaction tx(db);
    int added = 0;
    for (const auto& a : answers)
        added += insert_segment(db, {a, code, coder, SegmentPart::Answer, {}, 0, 0, {}}).second;
    tx.commit();
    return added;
}

void remove_segment(Database& db, const std::string& uuid) {
    set_state(db, uuid,
              "UPDATE segment SET deleted_at = ?2, updated_at = ?2 WHERE uuid = ?1 AND "
              "deleted_at IS NULL");
}

void restore_segment(Database& db, const std::string& uuid) {
    set_state(db, uuid,
              "UPDATE segment SET deleted_at = NULL, updated_at = ?2 WHERE uuid = ?1 AND "
              "deleted_at IS NOT NULL");
}

void set_segment_memo(Database& db, const std::string& uuid, const std::string& memo) {
    Statement st(db, "UPDATE segment SET memo = ?3, updated_at = ?2 WHERE uuid = ?1");
    st.bind(1, uuid).bind(2, now_utc()).bind(3, memo).run();
    if (db.changes() == 0) throw Error("there is no such coded segment " + uuid);
}

void set_segment_range(Database& db, const std::string& uuid, std::int64_t start,
                       std::int64_t end) {
    Transaction tx(db);
    Statement st(db, "SELECT answer_uuid, part, quote_uuid FROM segment WHERE uuid = ?1");
    st.bind(1, uuid);
    if (!st.step()) throw Error("there is no such coded segment " + uuid);
    auto text = part_text(db, st.text(0), parse_part(st.text(1)), st.text(2));
    if (!text || !valid_utf8_range(*text, start, end))
        throw Error("that range is not a piece of the segment's text");
    Statement(db, "UPDATE segment SET start_byte = ?2, end_byte = ?3, excerpt = ?4, "
                  "anchor = 'ok', updated_at = ?5 WHERE uuid = ?1")
        .bind(1, uuid)
        .bind(2, start)
        .bind(3, end)
        .bind(4,
              text->substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start)))
        .bind(5, now_utc())
        .run();
    tx.commit();
}

std::vector<Segment> segments_for_answer(Database& db, const std::string& answer_uuid) {
    return segments_where(db, "s.answer_uuid = ?1", answer_uuid);
}

std::vector<Segment> segments_for_conversation(Database& db, const std::string& conversation) {
    return segments_where(db, "a.conversation_uuid = ?1", conversation);
}

void reanchor_segments(Database& db, const std::string& answer_uuid) {
    Statement st(db, std::string("SELECT ") + kColumns +
                         " FROM segment s WHERE s.answer_uuid = ?1 AND s.deleted_at IS NULL");
    st.bind(1, answer_uuid);
    std::vector<Segment> all;
    while (st.step())
        all.push_back(read_segment(st));
    for (const auto& s : all) {
        auto text = part_text(db, s.answer_uuid, s.part, s.quote_uuid);
        Anchor a{s.start, s.end, true};
        std::string excerpt = s.excerpt;
        if (text && s.part == SegmentPart::Answer) {
            a = {0, static_cast<std::int64_t>(text->size()), false};
            excerpt = *text;
        } else if (text) {
            a = reanchor(*text, s.excerpt, s.start, s.end);
        }
        if (a == Anchor{s.start, s.end, s.lost} && excerpt == s.excerpt) continue;
        Statement(db, "UPDATE segment SET start_byte = ?2, end_byte = ?3, anchor = ?4, "
                      "excerpt = ?5, updated_at = ?6 WHERE uuid = ?1")
            .bind(1, s.uuid)
            .bind(2, a.start)
            .bind(3, a.end)
            .bind(4, a.lost ? "lost" : "ok")
            .bind(5, excerpt)
            .bind(6, now_utc())
            .run();
    }
}

} // namespace convene::store
