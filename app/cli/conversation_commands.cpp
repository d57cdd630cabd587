// convene-cli conversation new | list | show, answer set, search, demo
#include "app/cli/context.hpp"
#include "guides/data_dir.hpp"
#include "guides/field_values.hpp"
#include "guides/guide_view.hpp"
#include "guides/text.hpp"
#include "store/answer_changes.hpp"
#include "store/answers.hpp"
#include "store/conversations.hpp"
#include "store/demo.hpp"
#include "store/guides.hpp"
#include "store/mc_profiles.hpp"
#include "store/uuid.hpp"

#include <CLI/CLI.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <ostream>

namespace convene::cli {

bool valid_date(const std::string& s, bool time_allowed) {
    auto digits = [&](std::size_t from, std::size_t n) {
        for (std::size_t i = from; i < from + n; ++i)
            if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
        return true;
    };
    bool shape = s.size() >= 10 && digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' &&
                 digits(8, 2);
    if (!shape) return false;
    // A real day of the calendar: 2026-02-31 and 2026-13-01 are refused.
    std::chrono::year_month_day day{std::chrono::year{std::stoi(s.substr(0, 4))},
                                    std::chrono::month{unsigned(std::stoi(s.substr(5, 2)))},
                                    std::chrono::day{unsigned(std::stoi(s.substr(8, 2)))}};
    if (!day.ok()) return false;
    if (s.size() == 10) return true;
    return time_allowed && s.size() == 16 && s[10] == 'T' && digits(11, 2) && s[13] == ':' &&
           digits(14, 2) && s.substr(11, 2) <= "23" && s.substr(14, 2) <= "59";
}

void check_status(const std::string& status) {
    if (!status.empty() && !store::parse_status(status))
        throw CommandError("status \"" + status +
                           "\" is not one of: planned, in_progress, complete");
}

namespace {

using nlohmann::ordered_json;

struct NewArgs {
    std::string guide = "air-2019", group, org, state, mode = "interview", facilitator, note_taker,
                date, profile;
    std::vector<std::string> flags;
};

int new_conversation(Context& ctx, const NewArgs& a) {
    auto& ws = ctx.workspace();
    auto hash = store::current_guide_hash(ws, a.guide);
    if (!hash) throw CommandError("no guide \"" + a.guide + "\" in " + ctx.db);
    auto guide = *store::guide_by_hash(ws, *hash);
    if (!guide.group(a.group)) {
        std::string known = guides::join_by(guide.groups, [](const auto& x) { return x.id; });
        throw CommandError("guide " + a.guide + " has no group \"" + a.group + "\"; groups are " +
                           known);
    }
    if (!a.date.empty() && !valid_date(a.date, true))
        throw CommandError("--date \"" + a.date +
                           "\" is not a date like 2026-11-23 or 2026-11-23T14:30");
    if (!a.profile.empty() && !store::load_profiles(ws).profile(a.profile))
        throw CommandError("no MC profile \"" + a.profile + "\" in " + ctx.db +
                           " (see the Library)");
    store::Conversation c;
    c.guide_hash = *hash;
    c.group = a.group;
    c.mode = a.mode == "focus-group" ? "focus_group" : a.mode;
    c.org = a.org;
    c.state = a.state;
    c.facilitator = a.facilitator;
    c.note_taker = a.note_taker;
    c.scheduled_at = a.date;
    c.profile = a.profile;
    for (const auto& f : a.flags) {
        bool known = false;
        for (const auto& cond : guide.conditions)
            known |= cond.id == f;
        if (!known) throw CommandError("guide " + a.guide + " has no condition \"" + f + "\"");
        c.flags.insert(f);
    }
    if (auto err = store::check_conversation(c)) throw CommandError(*err);
    ctx.out << store::create_conversation(ws.db(), c) << "\n";
    return 0;
}

int list(Context& ctx, const store::ConversationFilter& f) {
    check_status(f.status);
    for (const auto* d : {&f.from, &f.to})
        if (!d->empty() && !valid_date(*d, false))
            throw CommandError("\"" + *d + "\" is not a date like 2026-11-23");
    auto rows = store::list_conversations(ctx.workspace().db(), f);
    if (ctx.json) {
        ordered_json a = ordered_json::array();
        for (const auto& r : rows) {
            ordered_json j;
            j["uuid"] = r.uuid;
            j["group"] = r.group;
            j["mode"] = r.mode;
            j["org"] = r.org;
            j["state"] = r.state;
            j["date"] = r.scheduled_at;
            j["facilitator"] = r.facilitator;
            j["status"] = store::status_name(r.status);
            j["answered"] = r.answered;
            j["participants"] = r.participants;
            if (f.trash) j["deleted_at"] = r.deleted_at;
            a.push_back(j);
        }
        ctx.out << a.dump(2) << "\n";
        return 0;
    }
    for (const auto& r : rows)
        ctx.out << r.uuid.substr(0, 8) << "  "
                << (r.scheduled_at.empty() ? "(no date)       " : r.scheduled_at) << "  "
                << store::status_name(r.status) << "  " << r.group << "  " << r.state << "  "
                << r.org << "  (" << r.answered << " answered)\n";
    if (rows.empty()) ctx.out << "No conversations.\n";
    return 0;
}

int show(Context& ctx, const std::string& given) {
    auto& db = ctx.workspace().db();
    auto uuid = require_conversation_uuid(ctx, given);
    auto c = *store::get_conversation(db, uuid);
    auto guide = *store::guide_by_hash(ctx.workspace(), c.guide_hash);
    auto answers = store::answers_for(db, uuid);
    if (ctx.json) {
        ordered_json j;
        j["uuid"] = c.uuid;
        j["guide"] = guide.id;
        j["guide_hash"] = c.guide_hash;
        j["group"] = c.group;
        j["mode"] = c.mode;
        j["org"] = c.org;
        j["state"] = c.state;
        j["date"] = c.scheduled_at;
        j["facilitator"] = c.facilitator;
        j["note_taker"] = c.note_taker;
        j["profile"] = c.profile;
        j["flags"] = c.flags;
        j["status"] = store::status_name(c.status);
        j["participants"] = ordered_json::array();
        for (const auto& p : c.participants)
            j["participants"].push_back({{"name", p.name},
                                         {"role", p.role},
                                         {"organisation", p.organisation},
                                         {"consent", p.consent}});
        j["area_seconds"] = c.area_seconds;
        j["notes"] = c.notes;
        j["follow_ups"] = ordered_json::array();
        for (const auto& f : c.follow_ups) {
            const auto* a = answers.count(store::follow_up_question_id(f.uuid))
                                ? &answers.at(store::follow_up_question_id(f.uuid))
                                : nullptr;
            ordered_json fj{{"area", f.area_id}, {"text", f.text}, {"notes", a ? a->notes : ""}};
            fj["quotes"] = ordered_json::array();
            for (const auto& q : a ? a->quotes : std::vector<store::Quote>{})
                fj["quotes"].push_back({{"text", q.text}, {"speaker", q.speaker}});
            j["follow_ups"].push_back(fj);
        }
        j["answers"] = ordered_json::array();
        for (const auto& av : guides::view_for_group(guide, c.group, c.state, c.org)) {
            for (const auto& qv : av.questions) {
                auto it = answers.find(qv.question->id);
                if (it == answers.end()) continue;
                const auto& a = it->second;
                ordered_json aj;
                aj["question"] = a.question_id;
                aj["area"] = av.area->id;
                aj["asked"] = a.asked == store::Asked::Asked     ? "asked"
                              : a.asked == store::Asked::Skipped ? "skipped"
                                                                 : "not yet";
                aj["notes"] = a.notes;
                aj["quotes"] = ordered_json::array();
                for (const auto& q : a.quotes)
                    aj["quotes"].push_back({{"text", q.text}, {"speaker", q.speaker}});
                aj["values"] = ordered_json::parse(a.values.dump());
                j["answers"].push_back(aj);
            }
        }
        ctx.out << j.dump(2) << "\n";
        return 0;
    }
    ctx.out << c.org << " (" << c.state << "), " << guide.group(c.group)->label << ", " << c.mode
            << ", " << store::status_name(c.status) << "\n"
            << "Date: " << c.scheduled_at << "  Facilitator: " << c.facilitator
            << "  Note taker: " << c.note_taker << "\n";
    for (const auto& p : c.participants)
        ctx.out << "  Participant: " << p.name << ", " << p.role
                << (p.consent ? "" : " (no consent recorded)") << "\n";
    for (const auto& av : guides::view_for_group(guide, c.group, c.state, c.org)) {
        ctx.out << "\n" << av.area->title << "\n";
        for (const auto& qv : av.questions) {
            auto it = answers.find(qv.question->id);
            if (it == answers.end()) continue;
            const auto& a = it->second;
            ctx.out << "  " << qv.text << (a.asked == store::Asked::Skipped ? "  [skipped]" : "")
                    << "\n";
            if (!a.notes.empty()) ctx.out << "    Notes: " << a.notes << "\n";
            for (const auto& q : a.quotes)
                ctx.out << "    “" << q.text << "” — " << q.speaker << "\n";
            for (const auto& f : qv.question->fields)
                if (a.values.contains(f.id))
                    ctx.out << "    " << f.label << ": " << guides::value_text(f, a.values[f.id])
                            << "\n";
        }
        for (const auto& f : c.follow_ups) {
            if (f.area_id != av.area->id) continue;
            ctx.out << "  Follow-up: " << f.text << "\n";
            auto it = answers.find(store::follow_up_question_id(f.uuid));
            if (it == answers.end()) continue;
            if (!it->second.notes.empty()) ctx.out << "    Notes: " << it->second.notes << "\n";
            for (const auto& q : it->second.quotes)
                ctx.out << "    “" << q.text << "” — " << q.speaker << "\n";
        }
    }
    if (!c.notes.empty()) ctx.out << "\nConversation notes:\n" << c.notes << "\n";
    return 0;
}

struct AnswerArgs {
    std::string uuid, question, notes, quote, speaker;
    std::vector<std::string> values;
    bool skipped = false;
    bool notes_given = false;
};

int answer_set(Context& ctx, const AnswerArgs& args) {
    if (!args.speaker.empty() && args.quote.empty())
        throw CommandError("--speaker names who said a --quote; give the quote too");
    auto& ws = ctx.workspace();
    auto uuid = require_conversation_uuid(ctx, args.uuid);
    auto c = *store::get_conversation(ws.db(), uuid);
    auto guide = *store::guide_by_hash(ws, c.guide_hash);
    const auto* q = guide.question(args.question);
    if (!q) throw CommandError("guide " + guide.id + " has no question \"" + args.question + "\"");
    if (!q->asked_of(c.group))
        throw CommandError("question " + args.question + " is not asked of group " + c.group);
    // Only what the command names is written: a concurrent writer's other parts stay.
    store::AnswerChange change;
    change.conversation_uuid = uuid;
    change.question_id = args.question;
    if (args.notes_given) change.notes = args.notes;
    if (!args.quote.empty())
        change.quotes_set.push_back({store::new_uuid(), args.quote, args.speaker});
    for (const auto& kv : args.values) {
        auto eq = kv.find('=');
        if (eq == std::string::npos)
            throw CommandError("--value wants FIELD=VALUE, got \"" + kv + "\"");
        std::string field_id = kv.substr(0, eq);
        const auto* f = q->field(field_id);
        if (!f) {
            std::string known = guides::join_by(q->fields, [](const auto& x) { return x.id; });
            throw CommandError("question " + args.question + " has no field \"" + field_id + "\"" +
                               (known.empty() ? " (it has none)" : "; fields are " + known));
        }
        auto parsed = guides::parse_value(*f, kv.substr(eq + 1));
        if (!parsed.error.empty()) throw CommandError(field_id + ": " + parsed.error);
        change.values[field_id] = parsed.value; // null removes the value
    }
    change.asked = args.skipped ? store::Asked::Skipped : store::Asked::Asked;
    store::record_answer_change(ws.db(), change);
    ctx.out << "Saved " << args.question << "\n";
    return 0;
}

int search(Context& ctx, const std::string& text) {
    auto hits = store::search_answers(ctx.workspace().db(), text);
    if (ctx.json) {
        ordered_json a = ordered_json::array();
        for (const auto& h : hits) {
            ordered_json j;
            j["conversation"] = h.conversation_uuid;
            j["question"] = h.question_id;
            j["snippet"] = h.snippet;
            j["org"] = h.org;
            j["state"] = h.state;
            j["group"] = h.group;
            a.push_back(j);
        }
        ctx.out << a.dump(2) << "\n";
        return 0;
    }
    for (const auto& h : hits)
        ctx.out << h.conversation_uuid.substr(0, 8) << "  " << h.question_id << "  " << h.org
                << " (" << h.state << ")\n    " << h.snippet << "\n";
    if (hits.empty()) ctx.out << "Nothing found for \"" << text << "\".\n";
    return 0;
}

int demo(Context& ctx) {
    auto& ws = ctx.workspace();
    if (!store::list_conversations(ws.db()).empty())
        throw CommandError(ctx.db + " already has conversations: load the demo into a new "
                                    "workspace (--db demo.db)");
    auto p = store::load_demo_project(ws, guides::data_dir());
    const auto& r = p.conversations;
    ctx.out << "Added " << r.conversations << " conversations, " << r.answers << " answers and "
            << r.quotes << " quotes, " << p.segments << " coded segments by " << p.coders
            << " coders, " << p.survey_respondents << " survey respondents (pl-standards) and "
            << p.ratings << " quality ratings (mc-quality) to " << ctx.db << "\n";
    return 0;
}

} // namespace

void add_conversation_commands(CLI::App& app, Context& ctx) {
    auto* conv = app.add_subcommand("conversation", "Interviews and focus groups");
    conv->require_subcommand(1);

    auto n = std::make_shared<NewArgs>();
    auto* new_cmd = conv->add_subcommand("new", "Set up a conversation; prints its uuid");
    new_cmd->add_option("--guide", n->guide, "Guide id")->capture_default_str();
    new_cmd->add_option("--group", n->group, "Stakeholder group")->required();
    new_cmd->add_option("--org", n->org, "Organisation")->required();
    new_cmd->add_option("--state", n->state, "State")->required();
    new_cmd->add_option("--mode", n->mode, "interview or focus_group")->capture_default_str();
    new_cmd->add_option("--facilitator", n->facilitator, "Facilitator's name");
    new_cmd->add_option("--note-taker", n->note_taker, "Note taker's name");
    new_cmd->add_option("--date", n->date, "Date and time, YYYY-MM-DDTHH:MM");
    new_cmd->add_option("--profile", n->profile, "MC profile id shown");
    new_cmd->add_option("--flag", n->flags,
                        "Condition flag set for this conversation (repeatable)");
    new_cmd->callback([&ctx, n] { ctx.action = [&ctx, n] { return new_conversation(ctx, *n); }; });

    auto f = std::make_shared<store::ConversationFilter>();
    auto* list_cmd = conv->add_subcommand("list", "List conversations, newest first");
    list_cmd->add_option("--group", f->group, "Only this stakeholder group");
    list_cmd->add_option("--state", f->state, "Only this state");
    list_cmd->add_option("--status", f->status, "planned, in_progress or complete");
    list_cmd->add_option("--from", f->from, "From this date (YYYY-MM-DD)");
    list_cmd->add_option("--to", f->to, "Up to this date (YYYY-MM-DD)");
    list_cmd->add_flag("--trash", f->trash, "List the trash instead");
    list_cmd->callback([&ctx, f] { ctx.action = [&ctx, f] { return list(ctx, *f); }; });

    auto uuid = std::make_shared<std::string>();
    auto* show_cmd = conv->add_subcommand("show", "Show a conversation with its answers");
    show_cmd->add_option("UUID", *uuid, "Conversation uuid (or a unique start of it)")->required();
    show_cmd->callback([&ctx, uuid] { ctx.action = [&ctx, uuid] { return show(ctx, *uuid); }; });

    auto* del_cmd = conv->add_subcommand("delete", "Move a conversation to the trash");
    del_cmd->add_option("UUID", *uuid, "Conversation uuid")->required();
    del_cmd->callback([&ctx, uuid] {
        ctx.action = [&ctx, uuid] {
            store::trash_conversation(ctx.workspace().db(), require_conversation_uuid(ctx, *uuid));
            ctx.out << "Moved to the trash (conversation restore brings it back)\n";
            return 0;
        };
    });
    auto* restore_cmd = conv->add_subcommand("restore", "Bring a conversation back from the trash");
    restore_cmd->add_option("UUID", *uuid, "Conversation uuid")->required();
    restore_cmd->callback([&ctx, uuid] {
        ctx.action = [&ctx, uuid] {
            store::restore_conversation(ctx.workspace().db(),
                                        require_conversation_uuid(ctx, *uuid));
            ctx.out << "Restored\n";
            return 0;
        };
    });
    add_conversation_document_commands(*conv, ctx);

    auto a = std::make_shared<AnswerArgs>();
    auto* answer = app.add_subcommand("answer", "Answers within a conversation");
    answer->require_subcommand(1);
    auto* set_cmd = answer->add_subcommand("set", "Record notes, a quote or field values");
    set_cmd->add_option("UUID", a->uuid, "Conversation uuid")->required();
    set_cmd->add_option("QUESTION_ID", a->question, "Question id")->required();
    set_cmd->add_option("--notes", a->notes, "Notes (replace the answer's notes)")
        ->each([a](const std::string&) { a->notes_given = true; });
    set_cmd->add_option("--quote", a->quote, "Add a verbatim quote");
    set_cmd->add_option("--speaker", a->speaker, "Who said the quote");
    set_cmd->add_option("--value", a->values, "FIELD=VALUE (repeatable; lists comma-separated)");
    set_cmd->add_flag("--skipped", a->skipped, "Mark the question as skipped");
    set_cmd->callback([&ctx, a] { ctx.action = [&ctx, a] { return answer_set(ctx, *a); }; });

    auto text = std::make_shared<std::string>();
    auto* search_cmd = app.add_subcommand("search", "Full-text search over notes and quotes");
    search_cmd->add_option("TEXT", *text, "Words to find (prefixes match)")->required();
    search_cmd->callback(
        [&ctx, text] { ctx.action = [&ctx, text] { return search(ctx, *text); }; });

    auto* demo_cmd =
        app.add_subcommand("demo", "Fill a new workspace with a realistic demo project");
    demo_cmd->callback([&ctx] { ctx.action = [&ctx] { return demo(ctx); }; });
}

} // namespace convene::cli
