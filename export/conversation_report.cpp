#include "export/conversation_report.hpp"
#include "export/atomic_file.hpp"
#include "export/protocol_document.hpp"
#include "export/pseudonymizer.hpp"
#include "export/report_answers.hpp"

#include "guides/guide_view.hpp"
#include "store/guides.hpp"
#include "store/mc_profiles.hpp"
#include "store/uuid.hpp"

#include <cstdio>
#include <stdexcept>

namespace convene::exporting {

using namespace doc;

ReportInput load_report_input(store::Workspace& ws, const std::string& uuid) {
    auto c = store::get_conversation(ws.db(), uuid);
    if (!c) throw std::runtime_error("no conversation " + uuid + " in this workspace");
    auto guide = store::guide_by_hash(ws, c->guide_hash);
    if (!guide) throw std::runtime_error("the guide of conversation " + uuid + " is missing");
    ReportInput in{std::move(*guide), std::move(*c), store::answers_for(ws.db(), uuid), ""};
    if (!in.conversation.profile.empty()) {
        auto lib = store::load_profiles(ws);
        const auto* p = lib.profile(in.conversation.profile);
        in.profile_title = p ? p->title : in.conversation.profile;
    }
    return in;
}

namespace {

std::string minutes_seconds(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d:%02d", int(s) / 60, int(s) % 60);
    return buf;
}

Text value_or_none(const std::string& v) {
    return v.empty() ? emphasis("not recorded") : plain(v);
}

void cover_note(Document& d, const ReportInput& in) {
    const auto& c = in.conversation;
    std::string who = c.facilitator.empty() ? "us" : c.facilitator;
    std::string when =
        c.scheduled_at.empty() ? "" : " on " + long_date(c.scheduled_at.substr(0, 10));
    Block b = box(plain("Please check this summary"),
                  {paragraph(plain("Thank you for talking with us" + when +
                                   ". Below is what we wrote down: our notes on each question, "
                                   "the words we noted as said by you, and the answers we "
                                   "recorded.")),
                   paragraph(plain("Please read it and tell " + who +
                                   " if anything is wrong or missing, or if there is a quote you "
                                   "would rather we did not use. We will correct the record "
                                   "before we combine it with other conversations.")),
                   paragraph(plain("Reply by: ") + blank("date"))});
    b.css_class = "cover";
    d.blocks.push_back(std::move(b));
}

void set_up(Document& d, const ReportInput& in, const ReportOptions& o) {
    const auto& c = in.conversation;
    const auto* grp = in.guide.group(c.group);
    std::vector<std::pair<std::string, Text>> rows = {
        {"Date and time", value_or_none(long_date(c.scheduled_at))},
        {"Organisation", value_or_none(c.org)},
        {"State", value_or_none(c.state)},
        {"Stakeholder group", plain(grp ? grp->label : "")},
        {"Kind", plain(c.mode == "focus_group" ? "Focus group" : "Interview")},
        {"Facilitator", value_or_none(c.facilitator)},
        {"Note taker", value_or_none(c.note_taker)},
        {"MC profile shown", plain(in.profile_title.empty() ? "none" : in.profile_title)},
        {"Guide", plain(in.guide.title + ", version " + in.guide.version)},
    };
    if (!o.for_participants) {
        std::string status = c.status == store::Status::Complete     ? "complete"
                             : c.status == store::Status::InProgress ? "in progress"
                                                                     : "planned";
        rows.push_back({"Status", plain(status)});
    }
    if (!o.for_participants && o.facilitator_notes) {
        double used = 0, planned = 0;
        for (const auto& a : in.guide.areas) {
            auto it = c.area_seconds.find(a.id);
            used += it == c.area_seconds.end() ? 0 : it->second;
            planned += a.minutes;
        }
        char buf[64];
        std::snprintf(buf, sizeof buf, "%g min planned", planned);
        rows.push_back({"Time", plain(used > 0 ? minutes_seconds(used) + " used of " + buf
                                               : std::string("not recorded (") + buf + ")")});
    }
    d.blocks.push_back(heading(plain("Set-up")));
    d.blocks.push_back(facts(std::move(rows)));
}

// Participants become "Participant 1", "Participant 2", ... in the order they were entered.
Pseudonymizer report_pseudonyms(const store::Conversation& c, bool on) {
    Pseudonymizer names(on, {.prefix = "Participant ", .digits = 1});
    for (const auto& p : c.participants)
        names.add(p.name);
    return names;
}

void participants(Document& d, const ReportInput& in, const ReportOptions& o,
                  const Pseudonymizer& names) {
    const auto& people = in.conversation.participants;
    d.blocks.push_back(heading(plain("Participants")));
    if (people.empty()) {
        d.blocks.push_back(aside(plain("No participants were recorded.")));
        return;
    }
    if (o.pseudonymize) {
        std::vector<Text> items;
        for (const auto& p : people)
            items.push_back(plain(names.known(p.name).value_or("A participant with no name")));
        d.blocks.push_back(bullets(std::move(items)));
        d.blocks.push_back(aside(plain("Names are replaced by these pseudonyms throughout, in the "
                                       "notes and for the speakers of quotes.")));
        return;
    }
    std::vector<std::vector<std::string>> rows;
    rows.push_back({"Name", "Role", "Organisation"});
    if (!o.for_participants) rows.front().push_back("Consent");
    for (const auto& p : people) {
        rows.push_back({p.name, p.role, p.organisation});
        if (!o.for_participants) rows.back().push_back(p.consent ? "yes" : "not recorded");
    }
    d.blocks.push_back(table(std::move(rows)));
}

} // namespace

Document conversation_report(const ReportInput& in, const ReportOptions& options) {
    ReportOptions o = options;
    if (o.for_participants) o.facilitator_notes = false;
    const auto& c = in.conversation;
    const auto* grp = in.guide.group(c.group);
    Pseudonymizer names = report_pseudonyms(c, o.pseudonymize);
    Document d;
    std::string with =
        c.org.empty() ? (grp ? grp->label : std::string("a stakeholder group")) : c.org;
    d.title = "Conversation with " + with;
    d.blocks.push_back(title(plain(d.title)));
    std::string sub = (grp ? grp->label : std::string()) +
                      (c.scheduled_at.empty() ? "" : " · " + long_date(c.scheduled_at));
    d.blocks.push_back(paragraph(plain(sub)));
    if (o.for_participants) cover_note(d, in);
    set_up(d, in, o);
    participants(d, in, o, names);
    report_answers::areas(d, in, o, names);
    if (o.facilitator_notes && !c.notes.empty()) {
        d.blocks.push_back(heading(plain("Facilitator's notes")));
        d.blocks.push_back(aside(plain("Impressions, actions and parking lot, as the facilitator "
                                       "kept them during the conversation.")));
        d.blocks.push_back(paragraph(plain(names.text(c.notes))));
    }
    d.footer = plain(std::string(o.for_participants ? "Summary for participants to check. " : "") +
                     "Prepared with Convene on " + long_date(store::now_local("%Y-%m-%d")) + ".");
    return d;
}

void write_conversation_report(const ReportInput& input, const ReportOptions& options,
                               const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    bool md = ext == ".md" || ext == ".markdown";
    if (!md && ext != ".html" && ext != ".htm")
        throw std::runtime_error("write the report to a .html or .md file (got " + file.string() +
                                 ")");
    auto d = conversation_report(input, options);
    write_file_atomically(file, md ? to_markdown(d) : to_html(d));
}

} // namespace convene::exporting
