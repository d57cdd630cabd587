#include "export/protocol_parts.hpp"

#include <cstdio>

namespace convene::exporting::protocol_parts {

using namespace doc;

namespace {

std::string number_text(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// What the placeholders of the guide and of our own script are filled with.
std::map<std::string, std::string> values_of(const ProtocolOptions& o) {
    return {{"state", o.state},
            {"org", o.org},
            {"facilitator", o.facilitator},
            {"note_taker", o.note_taker}};
}

const std::map<std::string, std::string>& hints() {
    static const std::map<std::string, std::string> h = {{"state", "state"},
                                                         {"org", "organisation"},
                                                         {"facilitator", "facilitator's name"},
                                                         {"note_taker", "note taker's name"}};
    return h;
}

Text value_or_blank(const std::string& value, std::string hint) {
    return value.empty() ? blank(std::move(hint)) : plain(value);
}

double total_minutes(const std::vector<guides::AreaView>& areas) {
    double m = 0;
    for (const auto& a : areas)
        m += a.area->minutes;
    return m;
}

Block question_block(int number, const guides::QuestionView& qv, const ProtocolOptions& o) {
    const auto values = values_of(o);
    std::vector<Block> parts;
    parts.push_back(paragraph(strong(std::to_string(number) + ".") + plain(" ") +
                              fill(qv.text, values, hints())));
    if (!qv.question->cue.empty()) parts.push_back(aside(fill(qv.question->cue, values, hints())));
    if (!qv.probes.empty()) {
        std::vector<Text> probes;
        for (const auto& p : qv.probes)
            probes.push_back(fill(p.text, values, hints()) +
                             (p.optional ? emphasis(" (if there is time)") : Text{}));
        Block b = bullets(std::move(probes));
        b.css_class = "probes";
        parts.push_back(std::move(b));
    }
    for (const auto& f : qv.question->fields)
        parts.push_back(field_block(f));
    parts.push_back(write_lines(plain("Notes"), 3));
    return keep(std::move(parts), "question");
}

// Whether this conversation's set-up says the questions under condition are to be asked.
std::string set_up_says(const guides::Question& q, const ProtocolOptions& o) {
    if (!o.flags) return {};
    return q.applies(*o.flags) ? "This conversation's set-up says this holds: ask them."
                               : "This conversation's set-up says it does not: skip them unless "
                                 "that turns out otherwise in the room.";
}

} // namespace

Block field_block(const guides::Field& f) {
    std::vector<Text> answers;
    std::string ask = f.label;
    switch (f.type) {
    case guides::FieldType::Number:
        return paragraph(plain(f.label + ": ") + blank(f.unit.empty() ? "number" : f.unit),
                         "field");
    case guides::FieldType::Text:
        return write_lines(plain(f.label), 1);
    case guides::FieldType::Choice:
        ask += " (tick one):";
        break;
    case guides::FieldType::Multi:
        ask += " (tick all that apply):";
        break;
    case guides::FieldType::Ynpu:
    case guides::FieldType::YesNo:
        ask += ":";
        break;
    case guides::FieldType::Scale5:
        ask += " (1 to 5):";
        for (int i = 1; i <= 5; ++i) {
            std::string t = std::to_string(i);
            if (i == 1 && !f.low.empty()) t += " " + f.low;
            if (i == 5 && !f.high.empty()) t += " " + f.high;
            answers.push_back(plain(t));
        }
        return ticks(plain(ask), std::move(answers));
    }
    for (const auto& v : f.allowed_values())
        answers.push_back(plain(v));
    return ticks(plain(ask), std::move(answers));
}

void header(Document& d, const guides::Guide& g, const guides::Group& group,
            const ProtocolOptions& o) {
    d.blocks.push_back(title(plain(g.title)));
    d.blocks.push_back(
        paragraph(strong("Protocol for a conversation with: ") + plain(group.label)));
    std::string mode = o.mode == "focus_group" ? "Focus group"
                       : o.mode == "interview" ? "Interview"
                                               : "";
    std::string people;
    for (const auto& p : o.participants)
        people += (people.empty() ? "" : "; ") + p;
    d.blocks.push_back(facts({
        {"Date and time", value_or_blank(long_date(o.date), "date and time")},
        {"Place", value_or_blank(o.place, "room, address or video link")},
        {"Organisation", value_or_blank(o.org, "organisation")},
        {"State", value_or_blank(o.state, "state")},
        {"Kind", value_or_blank(mode, "interview or focus group")},
        {"Facilitator", value_or_blank(o.facilitator, "name")},
        {"Note taker", value_or_blank(o.note_taker, "name")},
        {"Participants", value_or_blank(people, "names and roles")},
        {"MC profile shown", value_or_blank(o.profile_title, "title, or none")},
    }));
    if (!g.source.title.empty())
        d.blocks.push_back(
            aside(plain("The topics follow " + g.source.title +
                        (g.source.date.empty() ? "" : " (" + g.source.date + ")") +
                        (g.source.publisher.empty() ? "" : ", " + g.source.publisher) +
                        "; the wording is Convene's.")));
    if (!group.purposes.empty()) {
        d.blocks.push_back(heading(plain("What this conversation is for")));
        std::vector<Text> items;
        for (const auto& p : group.purposes)
            items.push_back(plain(p));
        d.blocks.push_back(bullets(std::move(items)));
    }
}

void time_plan(Document& d, const std::vector<guides::AreaView>& areas) {
    d.blocks.push_back(heading(plain("Time plan")));
    std::vector<std::vector<std::string>> rows{{"Area", "Minutes", "Questions"}};
    std::size_t n = 0;
    for (const auto& a : areas) {
        rows.push_back(
            {a.area->title, number_text(a.area->minutes), std::to_string(a.questions.size())});
        n += a.questions.size();
    }
    rows.push_back({"In all", number_text(total_minutes(areas)), std::to_string(n)});
    d.blocks.push_back(table(std::move(rows), true));
    d.blocks.push_back(
        paragraph(plain("Started at: ") + blank("time") + plain("   Ended at: ") + blank("time")));
}

void opening(Document& d, const std::vector<guides::AreaView>& areas, const ProtocolOptions& o) {
    auto values = values_of(o);
    values["minutes"] = number_text(total_minutes(areas));
    d.blocks.push_back(heading(plain("Opening")));
    d.blocks.push_back(aside(plain("Put it in your own words; these lines say what to cover.")));
    for (const char* line : {
             "Thank you for giving us this time. I am {facilitator}, from the state education "
             "agency; {note_taker} is with me and will write notes, so that I can listen.",
             "We are talking with several organisations about micro-credentials: short "
             "recognitions an educator earns by showing evidence of one skill in practice. We "
             "want to understand how {org} sees them today, in {state}. Your doubts help us as "
             "much as your hopes, and nothing you say is a wrong answer.",
             "We have planned about {minutes} minutes. If I move us along, it is because of the "
             "clock, not because of what you said.",
         })
        d.blocks.push_back(paragraph(fill(line, values, hints())));
    Block consent = ticks(plain("Before the first question, check that everyone here:"),
                          {plain("knows why we are talking and agrees to take part;"),
                           plain("knows that notes are taken, who will read them, and where "
                                 "they are kept;"),
                           plain("knows they may pass on any question, or stop, at any time;"),
                           plain("has said whether we may quote their words without their "
                                 "name (note anyone who said no);"),
                           plain("knows we will send them a summary to correct.")});
    consent.css_class = "checklist";
    d.blocks.push_back(keep({std::move(consent)}));
}

void questions(Document& d, const guides::Guide& g, const std::vector<guides::AreaView>& areas,
               const ProtocolOptions& o) {
    int n = 0;
    for (const auto& av : areas) {
        d.blocks.push_back(
            heading(plain(av.area->title + " — " + number_text(av.area->minutes) + " min")));
        // Questions in a row that share a condition go under one direction, said once.
        for (std::size_t i = 0; i < av.questions.size();) {
            const auto& condition = av.questions[i].question->condition;
            std::size_t end = i + 1;
            while (end < av.questions.size() && av.questions[end].question->condition == condition)
                ++end;
            if (condition.empty()) {
                for (; i < end; ++i)
                    d.blocks.push_back(question_block(++n, av.questions[i], o));
                continue;
            }
            std::vector<Block> inside;
            if (auto said = set_up_says(*av.questions[i].question, o); !said.empty())
                inside.push_back(aside(plain(said)));
            for (; i < end; ++i)
                inside.push_back(question_block(++n, av.questions[i], o));
            d.blocks.push_back(box(plain(ask_if_text(g, condition)), std::move(inside)));
        }
    }
}

void closing(Document& d, const ProtocolOptions& o) {
    auto values = values_of(o);
    d.blocks.push_back(heading(plain("Closing")));
    for (const char* line : {
             "Thank everyone. Say what happens next: within a couple of weeks {facilitator} "
             "sends a summary of what we heard, so that people can correct it or take a quote "
             "back; we put it together with other conversations before drawing conclusions.",
             "Ask whether there is anyone else we should talk to, and how best to reach them.",
         })
        d.blocks.push_back(paragraph(fill(line, values, hints())));
    d.blocks.push_back(keep({write_lines(plain("Promised after the conversation (who, what, by "
                                               "when)"),
                                         3)}));
}

} // namespace convene::exporting::protocol_parts
