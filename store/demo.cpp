#include "store/demo.hpp"

#include "guides/field_values.hpp"
#include "guides/guide_json.hpp"
#include "guides/json_reader.hpp"
#include "store/answers.hpp"
#include "store/conversations.hpp"
#include "store/demo_coding.hpp"
#include "store/demo_reviews.hpp"
#include "store/guides.hpp"
#include "store/survey_import.hpp"
#include "store/surveys.hpp"
#include "store/uuid.hpp"

#include <algorithm>

namespace convene::store {

DemoResult load_demo(Workspace& ws, const std::filesystem::path& file) {
    guides::Problems problems;
    auto doc = guides::parse_json_text(guides::read_text_file(file), problems);
    if (!doc) throw Error(guides::describe(problems, file.string()));
    guides::JsonReader r(problems);
    r.header(*doc, "demo", 1);
    const guides::json* list = r.array(*doc, "", "conversations", true);
    if (!list) throw Error(guides::describe(problems, file.string()));

    DemoResult result;
    Transaction tx(ws.db());
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto& cj = (*list)[i];
        std::string path = guides::JsonReader::index("conversations", i);
        auto guide_id = cj.value("guide", "");
        auto hash = current_guide_hash(ws, guide_id);
        if (!hash) throw Error(path + ".guide: no guide \"" + guide_id + "\" in the workspace");
        auto guide = *guide_by_hash(ws, *hash);
        Conversation c;
        c.guide_hash = *hash;
        c.group = cj.value("group", "");
        if (!guide.group(c.group)) throw Error(path + ".group: unknown group \"" + c.group + "\"");
        c.mode = cj.value("mode", "interview");
        c.org = cj.value("org", "");
        c.state = cj.value("state", "");
        c.scheduled_at = cj.value("date", "");
        c.facilitator = cj.value("facilitator", "");
        c.note_taker = cj.value("note_taker", "");
        c.status = parse_status(cj.value("status", "planned")).value_or(Status::Planned);
        c.profile = cj.value("profile", "");
        for (const auto& f : cj.value("flags", guides::json::array()))
            c.flags.insert(f.get<std::string>());
        for (const auto& p : cj.value("participants", guides::json::array()))
            c.participants.push_back({"", p.value("name", ""), p.value("role", ""),
                                      p.value("organisation", ""), p.value("consent", false)});
        const auto area_minutes = cj.value("area_minutes", guides::json::object());
        for (const auto& [area, minutes] : area_minutes.items())
            c.area_seconds[area] = minutes.get<double>() * 60.0;
        std::string uuid = create_conversation(ws.db(), c);
        ++result.conversations;
        result.uuids.push_back(uuid);
        set_conversation_notes(ws.db(), uuid, cj.value("notes", ""));
        set_last_speaker(ws.db(), uuid, cj.value("last_speaker", ""));
        // Follow-up questions asked on the spot, each with its answer.
        const auto follow_ups = cj.value("follow_ups", guides::json::array());
        for (std::size_t k = 0; k < follow_ups.size(); ++k) {
            const auto& fj = follow_ups[k];
            FollowUp f{new_uuid(), fj.value("area", ""), fj.value("text", "")};
            bool known = std::any_of(guide.areas.begin(), guide.areas.end(),
                                     [&](const auto& area) { return area.id == f.area_id; });
            if (!known)
                throw Error(path + ".follow_ups[" + std::to_string(k) + "].area: no area \"" +
                            f.area_id + "\" in the guide");
            add_follow_up(ws.db(), uuid, f);
            Answer a;
            a.conversation_uuid = uuid;
            a.question_id = follow_up_question_id(f.uuid);
            a.asked = Asked::Asked;
            a.notes = fj.value("notes", "");
            for (const auto& qj : fj.value("quotes", guides::json::array())) {
                a.quotes.push_back({"", qj.value("text", ""), qj.value("speaker", "")});
                ++result.quotes;
            }
            save_answer(ws.db(), a);
            ++result.answers;
        }

        const auto answers = cj.value("answers", guides::json::array());
        for (std::size_t k = 0; k < answers.size(); ++k) {
            const auto& aj = answers[k];
            std::string apath = path + ".answers[" + std::to_string(k) + "]";
            Answer a;
            a.conversation_uuid = uuid;
            a.question_id = aj.value("question", "");
            const auto* q = guide.question(a.question_id);
            if (!q || !q->asked_of(c.group))
                throw Error(apath + ": question \"" + a.question_id + "\" is not asked of " +
                            c.group);
            a.asked = aj.value("asked", true) ? Asked::Asked : Asked::Skipped;
            a.notes = aj.value("notes", "");
            for (const auto& p : aj.value("probes", guides::json::array()))
                a.probes.push_back(p.get<int>());
            const auto values = aj.value("values", guides::json::object());
            for (const auto& [field_id, value] : values.items()) {
                const auto* f = q->field(field_id);
                if (!f) throw Error(apath + ".values." + field_id + ": no such field");
                if (auto err = guides::check_value(*f, value))
                    throw Error(apath + ".values." + field_id + ": " + *err);
                a.values[field_id] = value;
            }
            for (const auto& qj : aj.value("quotes", guides::json::array())) {
                a.quotes.push_back({"", qj.value("text", ""), qj.value("speaker", "")});
                ++result.quotes;
            }
            save_answer(ws.db(), a);
            ++result.answers;
        }
    }
    tx.commit();
    return result;
}

DemoProject load_demo_project(Workspace& ws, const std::filesystem::path& data_dir) {
    DemoProject p;
    Transaction tx(ws.db());
    p.conversations = load_demo(ws, data_dir / "demo.json");
    auto inst = current_instrument(ws, "pl-standards");
    if (!inst) throw Error("the workspace has no pl-standards instrument for the demo survey");
    ImportOptions options;
    options.source = "demo-pl-standards.csv";
    auto report = import_survey_csv(
        ws, *inst, guides::read_text_file(data_dir / "demo-pl-standards.csv"), options);
    if (!report.problems.empty())
        throw Error("demo-pl-standards.csv: " + report.problems.front().to_string());
    p.survey_respondents = report.added + report.updated;
    auto coding = load_demo_coding(ws, data_dir / "demo-coding.json", p.conversations.uuids);
    p.coders = coding.coders;
    p.segments = coding.segments;
    auto reviews = load_demo_reviews(ws, data_dir / "demo-reviews.json");
    p.reviewers = reviews.reviewers;
    p.ratings = reviews.ratings;
    tx.commit();
    return p;
}

} // namespace convene::store
