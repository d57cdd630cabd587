// What the review's coding asks for, carried out after drawing through store/ functions.
#include "app/views/coding_panel.hpp"

#include "store/answers.hpp"
#include "store/people.hpp"
#include "store/workspace.hpp"

#include <algorithm>

namespace convene::app {
namespace {

// The saved text the target's words are in, or nullptr when it is not there (any more).
const std::string* saved_text(const store::Answer& answer, const CodingTarget& target) {
    if (target.part == store::SegmentPart::Notes) return &answer.notes;
    for (const auto& q : answer.quotes)
        if (q.uuid == target.quote_uuid) return &q.text;
    return nullptr;
}

std::string quoted(const std::string& excerpt) {
    if (excerpt.size() <= 48) return "“" + excerpt + "”";
    std::size_t cut = 45;
    while (cut > 0 && (static_cast<unsigned char>(excerpt[cut]) & 0xC0) == 0x80)
        --cut; // not inside a character
    return "“" + excerpt.substr(0, cut) + "…”";
}

} // namespace

void CodingPanel::apply(ViewContext& ctx, ConversationSession& session, const CodingRequest& r) {
    auto& db = ctx.workspace->db();
    using K = CodingRequest::Kind;
    switch (r.kind) {
    case K::Apply: {
        // The words are coded in the text as saved: write what is still waiting first.
        if (!session.flush()) throw std::runtime_error("the notes could not be saved first");
        const auto& t = r.target;
        auto answers = store::answers_for(db, session.conversation().uuid);
        auto it = answers.find(t.question_id);
        if (it == answers.end()) throw std::runtime_error("this answer is empty");
        store::NewSegment s{it->second.uuid,
                            r.uuid,
                            model_.coder,
                            t.part,
                            t.quote_uuid,
                            static_cast<std::int64_t>(t.begin),
                            static_cast<std::int64_t>(t.end),
                            {}};
        if (t.part != store::SegmentPart::Answer) {
            const std::string* text = saved_text(it->second, t);
            if (!text || text->compare(t.begin, t.end - t.begin, t.excerpt) != 0)
                throw std::runtime_error("the words changed meanwhile; select them again");
        }
        store::apply_code(db, s);
        say("Coded " + (t.part == store::SegmentPart::Answer ? "the answer" : quoted(t.excerpt)) +
            " as " + code_name(r.uuid) + ".");
        return;
    }
    case K::Remove:
        store::remove_segment(db, r.uuid);
        say("Removed the coding " + code_name(r.text) + ".", r.uuid);
        return;
    case K::Restore:
        store::restore_segment(db, r.uuid);
        say("The coding is back.");
        return;
    case K::Memo:
        store::set_segment_memo(db, r.uuid, r.text);
        say("Memo saved.");
        return;
    case K::Reanchor: {
        if (!session.flush()) throw std::runtime_error("the notes could not be saved first");
        store::set_segment_range(db, r.uuid, static_cast<std::int64_t>(r.target.begin),
                                 static_cast<std::int64_t>(r.target.end));
        say("The coding now covers " + quoted(r.target.excerpt) + ".");
        return;
    }
    case K::AddCoder:
    case K::ChooseCoder: {
        std::string uuid = r.kind == K::AddCoder ? store::add_person(db, r.text) : r.uuid;
        if (ctx.settings) {
            remember_coder(*ctx.settings, *ctx.workspace, uuid);
            ctx.settings_changed = true;
        }
        cache_.invalidate();
        model_.coder = uuid; // the picker that follows codes as this person
        if (!pending_.empty()) start_coding(pending_);
        return;
    }
    }
}

} // namespace convene::app
