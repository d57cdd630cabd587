// convene-cli code apply | unapply | segments: coding answers from the command line.
#include "app/cli/coding_lookup.hpp"
#include "guides/text.hpp"
#include "store/code_edits.hpp"
#include "store/segments.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <ostream>

namespace convene::cli {

store::CodeRow require_code(Context& ctx, const std::string& text, bool in_trash) {
    if (auto row = store::find_code(ctx.workspace().db(), text, in_trash)) return *row;
    throw CommandError("no code \"" + text + "\"" + (in_trash ? " in the trash" : "") +
                       " (see convene-cli code list" + (in_trash ? " --trash" : "") + ")");
}

store::Person require_coder(Context& ctx, const std::string& name) {
    auto& db = ctx.workspace().db();
    if (!name.empty()) {
        if (auto p = store::find_person(db, name)) return *p;
        throw CommandError("no coder \"" + name + "\" (add one with: convene-cli coder add NAME)");
    }
    auto people = store::list_people(db);
    if (people.size() == 1) return people[0];
    if (people.empty())
        throw CommandError("say who is coding: add a coder first (convene-cli coder add NAME)");
    throw CommandError("say who is coding with --coder NAME (coders are " +
                       guides::join_by(people, [](const auto& p) { return p.name; }) + ")");
}

namespace {

using nlohmann::ordered_json;

struct CodingArgs {
    std::string conversation, question, code, coder, excerpt, memo;
};

std::string answer_uuid(Context& ctx, const std::string& conversation,
                        const std::string& question) {
    store::Statement st(ctx.workspace().db(), "SELECT uuid FROM answer WHERE "
                                              "conversation_uuid = ?1 AND question_id = ?2");
    st.bind(1, conversation).bind(2, question);
    if (!st.step())
        throw CommandError("conversation " + conversation.substr(0, 8) + " has no answer to \"" +
                           question + "\" yet (see conversation show)");
    return st.text(0);
}

// Where the excerpt is: the notes first, then each quote in order.
store::NewSegment locate(Context& ctx, const std::string& answer, const std::string& excerpt) {
    auto& db = ctx.workspace().db();
    store::Statement st(db, "SELECT 'notes', '', notes FROM answer WHERE uuid = ?1 UNION ALL "
                            "SELECT * FROM (SELECT 'quote', uuid, text FROM quote WHERE "
                            "answer_uuid = ?1 ORDER BY position)");
    st.bind(1, answer);
    while (st.step()) {
        auto text = st.text(2);
        auto at = text.find(excerpt);
        if (at == std::string::npos) continue;
        store::NewSegment s;
        s.answer_uuid = answer;
        s.part = st.text(0) == "quote" ? store::SegmentPart::Quote : store::SegmentPart::Notes;
        s.quote_uuid = st.text(1);
        s.start = static_cast<std::int64_t>(at);
        s.end = s.start + static_cast<std::int64_t>(excerpt.size());
        return s;
    }
    throw CommandError("\"" + excerpt + "\" is not in the notes or quotes of that answer");
}

store::NewSegment target(Context& ctx, const CodingArgs& a) {
    auto conversation = require_conversation_uuid(ctx, a.conversation);
    auto answer = answer_uuid(ctx, conversation, a.question);
    store::NewSegment s;
    if (!a.excerpt.empty()) s = locate(ctx, answer, a.excerpt);
    s.answer_uuid = answer;
    s.code_uuid = require_code(ctx, a.code).uuid;
    s.coder_uuid = require_coder(ctx, a.coder).uuid;
    s.memo = a.memo;
    return s;
}

int apply(Context& ctx, const CodingArgs& a) {
    auto s = target(ctx, a);
    ctx.out << store::apply_code(ctx.workspace().db(), s) << "\n";
    return 0;
}

int unapply(Context& ctx, const CodingArgs& a) {
    auto s = target(ctx, a);
    auto& db = ctx.workspace().db();
    int removed = 0;
    for (const auto& seg : store::segments_for_answer(db, s.answer_uuid)) {
        bool same_text = a.excerpt.empty() ? seg.part == store::SegmentPart::Answer
                                           : seg.part == s.part && seg.quote_uuid == s.quote_uuid &&
                                                 seg.start == s.start && seg.end == s.end;
        if (seg.code_uuid == s.code_uuid && seg.coder_uuid == s.coder_uuid && same_text) {
            store::remove_segment(db, seg.uuid);
            ++removed;
        }
    }
    if (removed == 0) throw CommandError("that code was not applied there by that coder");
    ctx.out << "Removed " << removed << " coded segment" << (removed > 1 ? "s" : "") << ".\n";
    return 0;
}

int list_segments(Context& ctx, const std::string& given) {
    auto& db = ctx.workspace().db();
    auto conversation = require_conversation_uuid(ctx, given);
    std::map<std::string, std::string> code_path, coder_name, question_of;
    for (const auto& c : store::list_codes(db))
        code_path[c.uuid] = c.path;
    for (const auto& p : store::list_people(db))
        coder_name[p.uuid] = p.name;
    store::Statement q(db, "SELECT uuid, question_id FROM answer WHERE conversation_uuid = ?1");
    q.bind(1, conversation);
    while (q.step())
        question_of[q.text(0)] = q.text(1);
    auto segments = store::segments_for_conversation(db, conversation);
    if (ctx.json) {
        ordered_json out = ordered_json::array();
        for (const auto& s : segments)
            out.push_back({{"uuid", s.uuid},
                           {"question", question_of[s.answer_uuid]},
                           {"code", code_path[s.code_uuid]},
                           {"code_uuid", s.code_uuid},
                           {"coder", coder_name[s.coder_uuid]},
                           {"coder_uuid", s.coder_uuid},
                           {"part", store::part_name(s.part)},
                           {"quote_uuid", s.quote_uuid},
                           {"start", s.start},
                           {"end", s.end},
                           {"excerpt", s.excerpt},
                           {"memo", s.memo},
                           {"lost", s.lost}});
        ctx.out << out.dump(2) << "\n";
        return 0;
    }
    if (segments.empty()) ctx.out << "No coded segments.\n";
    for (const auto& s : segments)
        ctx.out << s.uuid.substr(0, 8) << "  " << question_of[s.answer_uuid] << "  "
                << code_path[s.code_uuid] << "  (" << coder_name[s.coder_uuid] << ")  "
                << (s.part == store::SegmentPart::Answer ? "whole answer" : "\"" + s.excerpt + "\"")
                << (s.lost ? "  [text gone: check it]" : "") << "\n";
    return 0;
}

void coding_options(CLI::App* cmd, CodingArgs& a) {
    cmd->add_option("UUID", a.conversation, "The conversation (a unique start of its uuid)")
        ->required();
    cmd->add_option("QUESTION_ID", a.question, "The question (see conversation show)")->required();
    cmd->add_option("CODE", a.code, "The code: name, path (Parent/Child) or uuid")->required();
    cmd->add_option("--coder", a.coder, "Who is coding (needed when there are several coders)");
    cmd->add_option("--excerpt", a.excerpt,
                    "Words from the notes or a quote to code (none: the whole answer)");
}

} // namespace

void add_coding_commands(CLI::App* code, Context& ctx) {
    auto* apply_cmd = code->add_subcommand("apply", "Code an answer, or words in it; prints the "
                                                    "segment's uuid");
    auto a = std::make_shared<CodingArgs>();
    coding_options(apply_cmd, *a);
    apply_cmd->add_option("--memo", a->memo, "A note on why");
    apply_cmd->callback([&ctx, a] { ctx.action = [&ctx, a] { return apply(ctx, *a); }; });

    auto* unapply_cmd = code->add_subcommand("unapply", "Remove a coding (it can be restored)");
    auto u = std::make_shared<CodingArgs>();
    coding_options(unapply_cmd, *u);
    unapply_cmd->callback([&ctx, u] { ctx.action = [&ctx, u] { return unapply(ctx, *u); }; });

    auto* seg_cmd = code->add_subcommand("segments", "List a conversation's coded segments");
    auto conv = std::make_shared<std::string>();
    seg_cmd->add_option("UUID", *conv, "The conversation")->required();
    seg_cmd->callback(
        [&ctx, conv] { ctx.action = [&ctx, conv] { return list_segments(ctx, *conv); }; });
}

} // namespace convene::cli
