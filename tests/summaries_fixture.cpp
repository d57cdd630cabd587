#include "summaries_fixture.hpp"

#include "store/answer_changes.hpp"
#include "store/code_edits.hpp"
#include "store/conversations.hpp"
#include "store/guides.hpp"
#include "store/people.hpp"
#include "store/segments.hpp"
#include "store/uuid.hpp"

#include <stdexcept>

namespace convene::test {
namespace {

using nlohmann::json;

struct Builder {
    store::Workspace& ws;
    store::Database& db = ws.db();
    SummariesFixture& f;

    std::string conversation(const std::string& group, const std::string& state,
                             const std::string& date) {
        store::Conversation c;
        c.guide_hash = *store::current_guide_hash(ws, "air-2019");
        c.group = group;
        c.state = state;
        c.org = group + " office " + state;
        c.scheduled_at = date + "T10:00";
        return store::create_conversation(db, c);
    }
    std::string answer(const std::string& conversation, const std::string& question,
                       const std::string& notes, std::map<std::string, json> values,
                       std::vector<store::Quote> quotes = {}) {
        store::AnswerChange ch;
        ch.conversation_uuid = conversation;
        ch.question_id = question;
        if (!notes.empty()) ch.notes = notes;
        ch.values = std::move(values);
        for (auto& q : quotes)
            q.uuid = store::new_uuid();
        ch.quotes_set = std::move(quotes);
        return store::record_answer_change(db, ch);
    }
    // A segment on the notes (part "notes"), a quote ("quote") or the whole answer ("").
    std::string code(const std::string& answer_uuid, const std::string& code,
                     const std::string& coder, const std::string& part,
                     const std::string& words = {}) {
        store::NewSegment s{answer_uuid, code, coder, store::SegmentPart::Answer, {}, 0, 0, {}};
        if (part == "notes" || part == "quote") {
            store::Statement st(db, part == "notes"
                                        ? "SELECT '', notes FROM answer WHERE uuid = ?1"
                                        : "SELECT uuid, text FROM quote WHERE answer_uuid = ?1");
            st.bind(1, answer_uuid);
            while (st.step()) {
                auto text = st.text(1);
                auto at = text.find(words);
                if (at == std::string::npos) continue;
                s.part = part == "notes" ? store::SegmentPart::Notes : store::SegmentPart::Quote;
                s.quote_uuid = st.text(0);
                s.start = static_cast<std::int64_t>(at);
                s.end = s.start + static_cast<std::int64_t>(words.size());
                break;
            }
            if (s.part == store::SegmentPart::Answer)
                throw std::logic_error("fixture: no \"" + words + "\" in " + part);
        }
        return store::apply_code(db, s);
    }
};

} // namespace

SummariesFixture build_summaries_fixture(store::Workspace& ws) {
    SummariesFixture f;
    Builder b{ws, ws.db(), f};
    auto& db = ws.db();
    f.c1 = b.conversation("licensing", "MI", "2024-03-01");
    f.c2 = b.conversation("licensing", "Ohio", "2024-04-10");
    f.c3 = b.conversation("association", "MI", "2024-05-20");
    f.c4 = b.conversation("licensing", "IL", "2024-06-01");
    f.c5 = b.conversation("licensing", "MI", "2024-02-01");
    f.ana = store::add_person(db, "Ana");
    f.bo = store::add_person(db, "Bo");
    f.price = store::add_code(db, {"Price", "", "Cost named as a worry.", ""});
    f.keen = store::add_code(db, {"Keen", "", "", ""});
    f.rigor = store::add_code(db, {"Rigor", "", "", ""});

    auto& a = f.answer;
    a["C1 first_thoughts"] =
        b.answer(f.c1, "perceptions.first_thoughts", "Likes the idea but worries about cost.",
                 {{"sentiment", "mixed"}}, {{"", "Cost is the real barrier", "Dana"}});
    a["C1 grain_size"] =
        b.answer(f.c1, "recognition.grain_size", "", {{"clock_hours", 10}, {"grad_credits", 1}});
    a["C1 challenges"] = b.answer(f.c1, "wrap_up.challenges", "",
                                  {{"obstacles", json::array({"cost", "tracking"})}});
    a["C1 interest"] =
        b.answer(f.c1, "wrap_up.interest", "", {{"interest", 4}, {"further_talks", "yes"}});
    a["C2 first_thoughts"] =
        b.answer(f.c2, "perceptions.first_thoughts", "Very keen.", {{"sentiment", "positive"}},
                 {{"", "We would use this tomorrow", "Eli"}});
    a["C2 grain_size"] =
        b.answer(f.c2, "recognition.grain_size", "", {{"clock_hours", 20}, {"grad_credits", 3}});
    a["C2 grad_credit"] =
        b.answer(f.c2, "recognition.grad_credit", "", {{"earns_grad_credit", "no"}});
    a["C2 challenges"] =
        b.answer(f.c2, "wrap_up.challenges", "Cost again.", {{"obstacles", json::array({"cost"})}});
    a["C3 first_thoughts"] =
        b.answer(f.c3, "perceptions.first_thoughts", "Doubts rigor.", {{"sentiment", "negative"}},
                 {{"", "Show me the evidence", "Fay"}});
    a["C3 grain_size"] = b.answer(f.c3, "recognition.grain_size", "", {{"grad_credits", 2}});
    a["C3 grad_credit"] =
        b.answer(f.c3, "recognition.grad_credit", "", {{"earns_grad_credit", "yes"}});
    a["C3 interest"] = b.answer(f.c3, "wrap_up.interest", "", {{"interest", 2}});
    a["C5 first_thoughts"] =
        b.answer(f.c5, "perceptions.first_thoughts", "Trashed cost.", {{"sentiment", "negative"}});

    auto& s = f.segment;
    s["S1"] = b.code(a["C1 first_thoughts"], f.price, f.ana, "notes", "worries about cost");
    s["S2"] = b.code(a["C1 first_thoughts"], f.price, f.ana, "quote", "Cost is the real barrier");
    s["S3"] = b.code(a["C1 first_thoughts"], f.keen, f.ana, "");
    s["S4"] = b.code(a["C1 first_thoughts"], f.price, f.bo, "notes", "cost");
    s["S5"] = b.code(a["C2 first_thoughts"], f.keen, f.ana, "notes", "Very keen");
    s["S6"] = b.code(a["C2 challenges"], f.price, f.ana, "");
    s["S7"] = b.code(a["C3 first_thoughts"], f.rigor, f.ana, "");
    s["S8"] = b.code(a["C3 first_thoughts"], f.price, f.bo, "notes", "Doubts");
    b.code(a["C5 first_thoughts"], f.price, f.ana, "notes", "cost");

    store::set_conversation_status(db, f.c1, store::Status::Complete);
    store::set_conversation_status(db, f.c2, store::Status::Complete);
    store::set_conversation_status(db, f.c3, store::Status::InProgress);
    store::trash_conversation(db, f.c5);
    return f;
}

} // namespace convene::test
