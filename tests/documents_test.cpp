// The printed protocol and the conversation report of a demo conversation, read back as text a
// person sees: every question, probe, filled placeholder and quote is there, and nothing like
// "{org}", "[organisation]" or an internal id is left.
#include "document_text.hpp"
#include "export/conversation_report.hpp"
#include "export/protocol_document.hpp"
#include "export/pseudonymizer.hpp"
#include "guides/data_dir.hpp"
#include "guides/field_values.hpp"
#include "guides/guide_json.hpp"
#include "guides/guide_view.hpp"
#include "store/demo.hpp"
#include "store/guides.hpp"
#include "store/seed.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace convene;
using convene::test::collapse;
using convene::test::TempDir;
using convene::test::visible_html;
using convene::test::visible_markdown;

namespace {

// The demo's focus group with the Cumberland cooperative: association group, an MC profile
// shown, conversation notes and a follow-up question added on the spot.
std::string cumberland(store::Workspace& ws) {
    for (const auto& r : store::list_conversations(ws.db()))
        if (r.org == "Cumberland Plateau Educational Cooperative") return r.uuid;
    FAIL("the demo has no Cumberland conversation");
    return {};
}

// Nothing a person should not see: placeholders, ids of questions, fields, conditions, groups,
// the conversation, its participants, answers and quotes, and the MC profile's slug.
void check_no_internals(const std::string& text, const exporting::ReportInput& in) {
    CHECK_THAT(text, !Catch::Contains("{") && !Catch::Contains("}"));
    CHECK_THAT(text, !Catch::Contains("[organisation]") && !Catch::Contains("[state]"));
    std::vector<std::string> ids = {in.conversation.uuid, in.conversation.guide_hash, "focus_group",
                                    "in_progress", "follow_up."};
    if (!in.conversation.profile.empty()) ids.push_back(in.conversation.profile);
    for (const auto& c : in.guide.conditions)
        ids.push_back(c.id);
    for (const auto& a : in.guide.areas)
        for (const auto& q : a.questions) {
            ids.push_back(q.id);
            for (const auto& f : q.fields)
                if (f.id.find('_') != std::string::npos) ids.push_back(f.id);
        }
    for (const auto& p : in.conversation.participants)
        ids.push_back(p.uuid);
    for (const auto& f : in.conversation.follow_ups)
        ids.push_back(f.uuid);
    for (const auto& [qid, a] : in.answers) {
        ids.push_back(a.uuid);
        for (const auto& q : a.quotes)
            ids.push_back(q.uuid);
    }
    for (const auto& id : ids)
        CHECK_THAT(text, !Catch::Contains(id));
}

struct Demo {
    TempDir dir;
    std::unique_ptr<store::Workspace> ws = store::open_workspace(dir / "ws.db");
    Demo() { store::load_demo(*ws, guides::data_dir() / "demo.json"); }
};

} // namespace

TEST_CASE("the protocol printed from a demo conversation has every question and probe, filled in") {
    Demo demo;
    auto in = exporting::load_report_input(*demo.ws, cumberland(*demo.ws));
    const auto& c = in.conversation;
    auto options = exporting::protocol_options_for(*demo.ws, c);
    auto html = exporting::protocol_html(in.guide, options);
    auto md = exporting::protocol_markdown(in.guide, options);
    for (const auto& text : {visible_html(html), visible_markdown(md)}) {
        std::size_t questions = 0;
        for (const auto& av : guides::view_for_group(in.guide, c.group, c.state, c.org)) {
            CHECK_THAT(text, Catch::Contains(av.area->title));
            for (const auto& qv : av.questions) {
                ++questions;
                CHECK_THAT(text, Catch::Contains(collapse(qv.text)));
                for (const auto& p : qv.probes)
                    CHECK_THAT(text, Catch::Contains(collapse(p.text)));
                for (const auto& f : qv.question->fields) {
                    CHECK_THAT(text, Catch::Contains(f.label));
                    for (const auto& choice : f.choices)
                        CHECK_THAT(text, Catch::Contains(choice));
                }
            }
        }
        CHECK(questions == in.guide.question_count(c.group));
        // The set-up in the header, and the placeholders filled from it.
        for (const auto& s : {c.org, c.state, c.facilitator, c.note_taker, options.profile_title,
                              exporting::long_date(c.scheduled_at)})
            CHECK_THAT(text, Catch::Contains(s));
        for (const auto& p : c.participants)
            CHECK_THAT(text, Catch::Contains(p.name + ", " + p.role));
        CHECK_THAT(text, Catch::Contains("Has " + c.org + " offered"));
        CHECK_THAT(text, Catch::Contains("Focus group"));
        // Our opening and consent check, the time plan with its total.
        CHECK_THAT(text,
                   Catch::Contains("Thank you for giving us this time. I am " + c.facilitator));
        CHECK_THAT(text, Catch::Contains("Before the first question, check that everyone here"));
        CHECK_THAT(text, Catch::Contains("In all 72 " + std::to_string(questions)));
        // Conditions said once per group of questions, for a person, not per question.
        CHECK_THAT(text, !Catch::Contains("Only when"));
        check_no_internals(text, in);
    }
    // The eleven profile questions fall in two runs (recognition, stacking): two directions.
    auto text = visible_html(html);
    auto count = [&](const std::string& s) {
        std::size_t n = 0;
        for (auto at = text.find(s); at != std::string::npos; at = text.find(s, at + 1))
            ++n;
        return n;
    };
    CHECK(count("Ask only if a specific MC profile is put in front of participants") == 2);
    CHECK(count("Skip if the organisation has never issued an MC") == 1);
    CHECK(count("This conversation's set-up says this holds: ask them.") == 4);
    // Print rules: a question with its probes stays on one page; choices are tick boxes.
    CHECK_THAT(html, Catch::Contains(".keep { break-inside: avoid; page-break-inside: avoid;"));
    std::size_t kept = 0;
    for (auto at = html.find("class=\"keep question\""); at != std::string::npos;
         at = html.find("class=\"keep question\"", at + 1))
        ++kept;
    CHECK(kept == in.guide.question_count(c.group));
    CHECK_THAT(html, Catch::Contains("<span class=\"tick\">mixed</span>"));
    CHECK_THAT(md, Catch::Contains("- [ ] mixed"));
}

TEST_CASE("a protocol printed without a conversation leaves lines to write on") {
    auto g = *guides::load_guide_file(guides::data_dir() / "air-2019.guide.json").guide;
    exporting::ProtocolOptions o;
    o.group = "association";
    auto html = exporting::protocol_html(g, o);
    auto text = visible_html(html);
    CHECK_THAT(html, Catch::Contains("Has <span class=\"blank\">organisation</span> offered"));
    CHECK_THAT(html, Catch::Contains("<th>Facilitator</th><td><span class=\"blank\">name"));
    CHECK_THAT(text, !Catch::Contains("[organisation]") && !Catch::Contains("{org}"));
    CHECK_THAT(text, Catch::Contains("I am facilitator's name, from the state education agency"));
    auto md = exporting::protocol_markdown(g, o);
    CHECK_THAT(md, Catch::Contains("Has \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_ (organisation) offered"));
    // Not from a conversation: the conditions are given, not judged.
    CHECK_THAT(text, !Catch::Contains("set-up says"));
}

TEST_CASE("the report of a demo conversation has each question's notes, quotes and answers") {
    Demo demo;
    auto in = exporting::load_report_input(*demo.ws, cumberland(*demo.ws));
    const auto& c = in.conversation;
    REQUIRE(c.follow_ups.size() == 1);
    REQUIRE_FALSE(c.notes.empty());
    auto doc = exporting::conversation_report(in, {});
    for (const auto& text : {visible_html(exporting::doc::to_html(doc)),
                             visible_markdown(exporting::doc::to_markdown(doc))}) {
        std::size_t quotes = 0;
        for (const auto& [qid, a] : in.answers) {
            const auto* q = in.guide.question(qid);
            std::string wording = q ? guides::substitute(q->text_for(c.group), c.state, c.org)
                                    : c.follow_ups.front().text;
            CHECK_THAT(text, Catch::Contains(collapse(wording)));
            if (!a.notes.empty()) CHECK_THAT(text, Catch::Contains(collapse(a.notes)));
            for (const auto& quote : a.quotes) {
                CHECK_THAT(text,
                           Catch::Contains("“" + collapse(quote.text) + "” — " + quote.speaker));
                ++quotes;
            }
            for (const auto& [field, value] : a.values.items())
                if (q && q->field(field))
                    CHECK_THAT(text, Catch::Contains(guides::value_text(*q->field(field), value)));
        }
        CHECK(quotes > 0);
        CHECK_THAT(text, Catch::Contains(c.follow_ups.front().text + " (asked on the spot)"));
        for (const auto& p : c.participants)
            CHECK_THAT(text, Catch::Contains(p.name + " " + p.role));
        CHECK_THAT(text, Catch::Contains("Facilitator's notes"));
        CHECK_THAT(text, Catch::Contains(collapse(c.notes)));
        CHECK_THAT(text, Catch::Contains("Not discussed."));
        check_no_internals(text, in);
    }
}

TEST_CASE("the participants' version has a cover note and leaves out the facilitator's notes") {
    Demo demo;
    auto in = exporting::load_report_input(*demo.ws, cumberland(*demo.ws));
    exporting::ReportOptions o;
    o.for_participants = true;
    auto text = visible_html(exporting::doc::to_html(exporting::conversation_report(in, o)));
    CHECK_THAT(text, Catch::Contains("Please check this summary"));
    CHECK_THAT(text, Catch::Contains("tell " + in.conversation.facilitator + " if anything"));
    CHECK_THAT(text, !Catch::Contains(collapse(in.conversation.notes)));
    CHECK_THAT(text, !Catch::Contains("Facilitator's notes"));
    CHECK_THAT(text, !Catch::Contains("Not discussed."));
    CHECK_THAT(text, !Catch::Contains("Probes covered"));
    CHECK_THAT(text, !Catch::Contains("Consent"));
    // The team's version without the facilitator's notes: no notes section, no times.
    auto team = visible_html(exporting::doc::to_html(
        exporting::conversation_report(in, {.pseudonymize = false, .facilitator_notes = false})));
    CHECK_THAT(team, !Catch::Contains("Facilitator's notes"));
    CHECK_THAT(team, !Catch::Contains("min planned"));
    CHECK_THAT(team, Catch::Contains("Not discussed."));
}

TEST_CASE("a pseudonymized report names no participant, in notes and quotes either") {
    Demo demo;
    auto in = exporting::load_report_input(*demo.ws, cumberland(*demo.ws));
    exporting::ReportOptions o;
    o.pseudonymize = true;
    auto text = visible_html(exporting::doc::to_html(exporting::conversation_report(in, o)));
    // The demo's notes name participants by first name ("send Shayla the draft crosswalk").
    bool named_in_notes = false;
    for (const auto& p : in.conversation.participants) {
        auto first = p.name.substr(0, p.name.find(' '));
        named_in_notes |= in.conversation.notes.find(first) != std::string::npos;
        CHECK_THAT(text, !Catch::Contains(first));
        CHECK_THAT(text, !Catch::Contains(p.name.substr(p.name.rfind(' ') + 1)));
    }
    CHECK(named_in_notes);
    CHECK_THAT(text, Catch::Contains("Participant 1"));
    CHECK_THAT(text, Catch::Contains("— Participant "));
}

TEST_CASE("pseudonyms replace whole names only") {
    exporting::Pseudonymizer names(true, {.prefix = "Participant ", .digits = 1});
    names.add("Anna Lee-Marsh");
    names.add("Tom Ng");
    CHECK(names.text("Anna said Annabel’s view; Lee-Marsh agreed with Tom’s, Anna Lee-Marsh "
                     "too.") ==
          "Participant 1 said Annabel’s view; Participant 1-Participant 1 agreed with "
          "Participant 2’s, Participant 1 too.");
    CHECK(names.known("Tom Ng") == "Participant 2");
    CHECK_FALSE(names.known("Facilitator"));
}

TEST_CASE("Markdown escapes what would change its meaning") {
    exporting::doc::Document d;
    d.blocks.push_back(exporting::doc::paragraph(exporting::doc::plain("# not a heading\n- nor a "
                                                                       "list *or* <b>tag</b>")));
    CHECK(exporting::doc::to_markdown(d) ==
          "\\# not a heading\\\n\\- nor a list \\*or\\* \\<b\\>tag\\</b\\>\n");
    CHECK(exporting::doc::to_html(d).find("<p># not a heading<br>\n- nor a list *or* "
                                          "&lt;b&gt;tag&lt;/b&gt;</p>") != std::string::npos);
}
