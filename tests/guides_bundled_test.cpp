// The bundled air-2019 guide encodes the structure of AIR's 2019 conversation guide
// (../shared/guide-outline.md): groups, areas in order, every question intent per group,
// conditions and structured answer fields.
#include "guides/data_dir.hpp"
#include "guides/guide_json.hpp"
#include "guides/guide_view.hpp"

#include <catch2/catch.hpp>

using namespace convene::guides;

namespace {

const Guide& bundled() {
    static Guide g = [] {
        auto load = load_guide_file(data_dir() / "air-2019.guide.json");
        INFO(describe(load.problems, "air-2019.guide.json"));
        REQUIRE(load.guide);
        return *load.guide;
    }();
    return g;
}

// One id per question intent of the outline, by the group it is asked of.
const std::vector<std::string> kBoth = {
    "perceptions.first_thoughts", "experience.knowledge",
    "experience.involvement",     "proficiency.current_criteria",
    "proficiency.info_needed",    "recognition.currency_kinds",
    "recognition.grain_size",     "recognition.profile_currencies",
    "recognition.pd_credit",      "recognition.relicensure",
    "recognition.tracking",       "recognition.grad_credit",
    "stacking.experience",        "stacking.pathways",
    "stacking.stack_currency",    "stacking.alternative_routes",
    "stacking.high_need_fields",  "stacking.completion_recognition",
    "wrap_up.opportunities",      "wrap_up.best_fit",
    "wrap_up.state_priorities",   "wrap_up.challenges",
    "wrap_up.concerns",           "wrap_up.interest"};
const std::vector<std::string> kLicensingOnly = {
    "proficiency.who_assesses", "proficiency.assessor_qualifications", "issuing.qualified_issuers",
    "issuing.issuer_confidence"};
const std::vector<std::string> kAssociationOnly = {
    "proficiency.mc_criteria",       "proficiency.criteria_by_currency",
    "proficiency.evidence_required", "issuing.org_experience",
    "issuing.prospective_criteria",  "issuing.should_issue",
    "issuing.quality_standards",     "issuing.recognition_form",
    "wrap_up.system_benefits"};

} // namespace

TEST_CASE("the bundled guide cites its source and has the two priority groups with purposes") {
    const Guide& g = bundled();
    CHECK(g.id == "air-2019");
    CHECK_THAT(g.source.title, Catch::Contains("Exploring Micro-Credentials With Stakeholders"));
    CHECK(g.source.version == "1.0");
    CHECK(g.source.date == "2019-09");
    CHECK_THAT(g.source.publisher, Catch::Contains("American Institutes for Research"));
    REQUIRE(g.groups.size() >= 2);
    CHECK(g.groups[0].id == "licensing");
    CHECK(g.groups[1].id == "association");
    CHECK(g.groups[0].purposes.size() == 5);
    CHECK(g.groups[1].purposes.size() == 5);
}

TEST_CASE("the bundled guide has the seven areas in the outline's order, each with a budget") {
    const Guide& g = bundled();
    std::vector<std::string> ids;
    for (const auto& a : g.areas) {
        ids.push_back(a.id);
        CHECK(a.minutes > 0);
    }
    CHECK(ids == std::vector<std::string>{"perceptions", "experience", "proficiency", "issuing",
                                          "recognition", "stacking", "wrap_up"});
}

TEST_CASE("every question intent of the outline is asked of its group") {
    const Guide& g = bundled();
    auto asked = [&](const std::string& id, const char* group) {
        const Question* q = g.question(id);
        INFO(id << " for " << group);
        REQUIRE(q != nullptr);
        CHECK(q->asked_of(group));
        CHECK_FALSE(q->text_for(group).empty());
    };
    for (const auto& id : kBoth) {
        asked(id, "licensing");
        asked(id, "association");
    }
    for (const auto& id : kLicensingOnly) {
        asked(id, "licensing");
        CHECK_FALSE(g.question(id)->asked_of("association"));
    }
    for (const auto& id : kAssociationOnly) {
        asked(id, "association");
        CHECK_FALSE(g.question(id)->asked_of("licensing"));
    }
    CHECK(g.question_count("licensing") >= 28);
    CHECK(g.question_count("association") >= 33);
    // The opening question carries its timing cue.
    CHECK_FALSE(g.question("perceptions.first_thoughts")->cue.empty());
    CHECK(g.areas[0].questions[0].id == "perceptions.first_thoughts");
}

TEST_CASE("conditions follow the outline") {
    const Guide& g = bundled();
    for (const char* c :
         {"mc_profile_shown", "org_evaluates_submissions", "no_issuing_experience"}) {
        bool declared = false;
        for (const auto& d : g.conditions)
            declared |= d.id == c;
        CHECK(declared);
    }
    for (const char* id :
         {"recognition.profile_currencies", "recognition.pd_credit", "recognition.relicensure",
          "recognition.tracking", "recognition.grad_credit"})
        CHECK(g.question(id)->condition == "mc_profile_shown");
    for (const auto& q : g.areas[5].questions)
        CHECK(q.condition == "mc_profile_shown");
    CHECK(g.question("proficiency.evidence_required")->condition == "org_evaluates_submissions");
    CHECK(g.question("issuing.prospective_criteria")->condition == "no_issuing_experience");
    // Without the profile flag, the stacking area is empty for the facilitator.
    CHECK_FALSE(g.question("stacking.pathways")->applies({}));
    CHECK(g.question("stacking.pathways")->applies({"mc_profile_shown"}));
}

TEST_CASE("structured answer fields are where the summaries expect them") {
    const Guide& g = bundled();
    auto field = [&](const char* q, const char* f) {
        INFO(q << "." << f);
        REQUIRE(g.question(q));
        const Field* fld = g.question(q)->field(f);
        REQUIRE(fld);
        return *fld;
    };
    auto sentiment = field("perceptions.first_thoughts", "sentiment");
    CHECK(sentiment.type == FieldType::Choice);
    CHECK(sentiment.choices ==
          std::vector<std::string>{"positive", "negative", "mixed", "neutral"});
    auto currencies = field("recognition.currency_kinds", "currencies");
    CHECK(currencies.type == FieldType::Multi);
    CHECK(currencies.choices.size() == 6);
    auto hours = field("recognition.grain_size", "clock_hours");
    CHECK(hours.type == FieldType::Number);
    CHECK(hours.unit == "clock hours");
    CHECK(field("recognition.grain_size", "grad_credits").type == FieldType::Number);
    CHECK(field("recognition.pd_credit", "earns_pd_credit").type == FieldType::Ynpu);
    CHECK(field("recognition.relicensure", "counts_relicensure").type == FieldType::Ynpu);
    CHECK(field("recognition.grad_credit", "earns_grad_credit").type == FieldType::Ynpu);
    auto obstacles = field("wrap_up.challenges", "obstacles");
    CHECK(obstacles.type == FieldType::Multi);
    CHECK(std::find(obstacles.choices.begin(), obstacles.choices.end(), "state or local code") !=
          obstacles.choices.end());
    CHECK(field("wrap_up.interest", "interest").type == FieldType::Scale5);
    CHECK(field("wrap_up.interest", "further_talks").type == FieldType::YesNo);
}

TEST_CASE("{state} is substituted in what the facilitator sees") {
    const Guide& g = bundled();
    bool saw_state = false;
    for (const auto& av : view_for_group(g, "licensing", "Ohio", "Ohio Department of Education")) {
        for (const auto& qv : av.questions) {
            CHECK(qv.text.find("{state}") == std::string::npos);
            CHECK(qv.text.find("{org}") == std::string::npos);
            saw_state |= qv.text.find("Ohio") != std::string::npos;
        }
    }
    CHECK(saw_state);
    CHECK(substitute("In {state}, {org} decides.", "Iowa", "AEA 267") ==
          "In Iowa, AEA 267 decides.");
    CHECK(substitute("{state}", "", "") == "[state]");
}

TEST_CASE("association-only probes are shown to associations only") {
    const Guide& g = bundled();
    auto probes = [&](const char* group) {
        return view_for_group(g, group, "", "")[0].questions[0].probes.size();
    };
    CHECK(probes("association") > probes("licensing"));
}

TEST_CASE("a guide saves and loads back exactly, with a stable content hash") {
    const Guide& g = bundled();
    std::string once = guide_to_json(g);
    auto again = parse_guide(once);
    REQUIRE(again.guide);
    CHECK(*again.guide == g);
    CHECK(guide_to_json(*again.guide) == once);
    CHECK(content_hash(*again.guide) == content_hash(g));
    CHECK(content_hash(g).size() == 64);
    Guide changed = g;
    changed.areas[0].questions[0].probes[0].text += " ";
    CHECK(content_hash(changed) != content_hash(g));
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
