#include "export/report_answers.hpp"

#include "guides/field_values.hpp"
#include "guides/guide_view.hpp"

#include <algorithm>
#include <cstdio>

namespace convene::exporting::report_answers {

using namespace doc;

namespace {

// One question as the report shows it: the guide's or a follow-up's.
struct Item {
    const guides::Question* question = nullptr;
    std::string text; // this group's wording, placeholders kept
    std::vector<guides::ProbeView> probes;
    bool follow_up = false;
};

const std::map<std::string, std::string>& hints() {
    static const std::map<std::string, std::string> h = {{"state", "state"},
                                                         {"org", "organisation"}};
    return h;
}

// Placeholders filled from the set-up; one not set prints as a line, never as "{org}".
Text filled(const std::string& text, const store::Conversation& c) {
    return fill(text, {{"state", c.state}, {"org", c.org}}, hints());
}

bool has_content(const store::Answer* a) {
    return a && (!a->notes.empty() || !a->quotes.empty() || !a->values.empty());
}

std::string shown_value(const guides::Field& f, const nlohmann::json& v) {
    std::string s = guides::value_text(f, v);
    if (f.type == guides::FieldType::Scale5 && v.is_number()) {
        s += " of 5";
        if (!f.low.empty() && !f.high.empty()) s += " (1 " + f.low + ", 5 " + f.high + ")";
    }
    return s;
}

std::vector<Block> answer_blocks(const Item& item, const store::Answer* a,
                                 const store::Conversation& c, const ReportOptions& o,
                                 const Pseudonymizer& names) {
    std::vector<Block> out;
    if (!a || a->empty() || (a->asked == store::Asked::NotYet && !has_content(a))) {
        out.push_back(aside(plain("Not discussed.")));
        return out;
    }
    if (a->asked == store::Asked::Skipped) out.push_back(aside(plain("Skipped.")));
    if (!a->notes.empty()) out.push_back(paragraph(plain(names.text(a->notes)), "notes"));
    for (const auto& q : a->quotes)
        out.push_back(quote(names.text(q.text), names.known(q.speaker).value_or(q.speaker)));
    std::vector<std::pair<std::string, Text>> values;
    for (const auto& f : item.question->fields) {
        auto v = a->values.find(f.id);
        if (v == a->values.end() || v->is_null()) continue;
        values.emplace_back(f.label, plain(names.text(shown_value(f, *v))));
    }
    if (!values.empty()) out.push_back(facts(std::move(values)));
    if (o.facilitator_notes && !a->probes.empty()) {
        std::vector<Text> covered;
        for (int i : a->probes)
            if (i >= 0 && static_cast<std::size_t>(i) < item.probes.size())
                covered.push_back(filled(item.probes[static_cast<std::size_t>(i)].text, c));
        if (!covered.empty()) {
            out.push_back(aside(plain("Probes covered:")));
            out.push_back(bullets(std::move(covered)));
        }
    }
    return out;
}

std::vector<Item> items_of(const guides::AreaView& av, const ReportInput& in,
                           std::vector<guides::Question>& follow_ups) {
    const auto& c = in.conversation;
    std::vector<Item> items;
    for (const auto& qv : av.questions) {
        auto a = in.answers.find(qv.question->id);
        bool answered = a != in.answers.end() && !a->second.empty();
        // A question whose condition does not hold is left out, unless it was answered anyway.
        if (qv.question->applies(c.flags) || answered)
            items.push_back({qv.question, qv.text, qv.probes, false});
    }
    for (const auto& f : c.follow_ups) {
        if (f.area_id != av.area->id) continue;
        auto& q = follow_ups.emplace_back();
        q.id = store::follow_up_question_id(f.uuid);
        q.text[""] = f.text;
        items.push_back({&q, f.text, {}, true});
    }
    return items;
}

std::string area_time(const guides::Area& area, const store::Conversation& c) {
    auto it = c.area_seconds.find(area.id);
    double s = it == c.area_seconds.end() ? 0 : it->second;
    if (s <= 0) return {}; // no time was recorded for it
    char buf[64];
    std::snprintf(buf, sizeof buf, " — %d:%02d used of %g min", int(s) / 60, int(s) % 60,
                  area.minutes);
    return buf;
}

} // namespace

void areas(Document& d, const ReportInput& in, const ReportOptions& o, const Pseudonymizer& names) {
    const auto& c = in.conversation;
    std::vector<guides::Question> follow_ups;
    follow_ups.reserve(c.follow_ups.size()); // items point into it
    int n = 0;
    for (const auto& av : guides::view_for_group(in.guide, c.group, "{state}", "{org}")) {
        std::vector<Block> blocks;
        for (const auto& item : items_of(av, in, follow_ups)) {
            auto a = in.answers.find(item.question->id);
            const store::Answer* answer = a == in.answers.end() ? nullptr : &a->second;
            if (o.for_participants && !has_content(answer)) continue;
            std::vector<Block> parts;
            parts.push_back(
                paragraph(strong(std::to_string(++n) + ".") + plain(" ") + filled(item.text, c) +
                          (item.follow_up ? emphasis(" (asked on the spot)") : Text{})));
            for (auto& b : answer_blocks(item, answer, c, o, names))
                parts.push_back(std::move(b));
            blocks.push_back(keep(std::move(parts), "question"));
        }
        if (blocks.empty()) continue;
        d.blocks.push_back(
            heading(plain(av.area->title + (o.facilitator_notes ? area_time(*av.area, c) : ""))));
        for (auto& b : blocks)
            d.blocks.push_back(std::move(b));
    }
}

} // namespace convene::exporting::report_answers
