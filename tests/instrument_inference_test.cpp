// Instruments proposed from the committed sample exports of each survey service
// (tests/data/exports/), and the sample's responses imported with the proposed mapping.
#include "guides/guide_json.hpp"
#include "store/instrument_review.hpp"
#include "store/seed.hpp"
#include "store/survey_import.hpp"
#include "store/surveys.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace convene;
using convene::test::TempDir;
using guides::ItemType;
using guides::SurveyService;

namespace {

std::string sample(const std::string& name) {
    return guides::read_text_file(std::string(CONVENE_TEST_DATA_DIR "/exports/") + name);
}

store::InstrumentProposal propose(const std::string& name) {
    auto result = store::propose_instrument_from_csv(sample(name), "coaching", "Coaching");
    REQUIRE(result.problems.empty());
    REQUIRE(result.proposal);
    // What is proposed is a valid instrument.
    auto load = guides::parse_instrument(guides::instrument_to_json(result.proposal->instrument));
    INFO(guides::describe(load.problems, name));
    REQUIRE(load.instrument);
    return std::move(*result.proposal);
}

std::string target_of(const store::InstrumentProposal& p, const std::string& header) {
    for (const auto& c : p.columns)
        if (c.header == header) return c.target;
    FAIL("no column " << header);
    return {};
}

const guides::Item& item(const store::InstrumentProposal& p, const std::string& header) {
    const auto* i = p.instrument.item(target_of(p, header));
    REQUIRE(i);
    return *i;
}

// Imports the sample with the proposal's mapping into a new workspace.
struct Imported {
    TempDir dir;
    std::unique_ptr<store::Workspace> ws = store::open_workspace(dir / "ws.db");
    store::SurveyData data;

    Imported(const store::InstrumentProposal& p, const std::string& name) {
        store::import_instrument(*ws, p.instrument);
        store::ImportOptions options;
        options.mapping = p.mapping();
        auto report = store::import_survey_csv(*ws, p.instrument, sample(name), options);
        INFO((report.problems.empty() ? "" : report.problems[0].to_string()));
        REQUIRE(report.problems.empty());
        data = store::load_survey(*ws, p.instrument.id);
    }
    const store::ResponseValue& answer(std::size_t respondent, const std::string& item_id) {
        return data.respondents.at(respondent).responses.at(item_id);
    }
};

} // namespace

// The layout as the Sheet and the CSV download hold it: Timestamp first, a grid as "Question [Row]"
// (github.com/lesmana/google-sheet-format-form-grid-responses, DEMONSTRATION.md), checkboxes
// joined by ", "; see tests/data/exports/README.md for every source.
TEST_CASE("a Google Forms export: grid rows, checkboxes, numbers, attributes, open text") {
    auto p = propose("google-forms.csv");
    CHECK(p.service == SurveyService::GoogleForms);
    CHECK(target_of(p, "Timestamp") == "ignore");
    CHECK(target_of(p, "Email Address") == "ignore");
    CHECK(target_of(p, "Which professional learning did you take part in?") ==
          "attribute:which_professional_learning_did_you");
    CHECK(p.instrument.attributes[0].choices ==
          std::vector<std::string>{"Micro-credential", "Workshop series"});
    CHECK(p.instrument.attributes[1].choices ==
          std::vector<std::string>{"Elementary", "Middle", "High"});
    CHECK(item(p, "How many hours did you spend on it?").type == ItemType::Number);
    const auto& supports = item(p, "Which supports did you use?");
    CHECK(supports.type == ItemType::Multi);
    CHECK(supports.choices == std::vector<std::string>{"Coach", "Online modules", "Peer group"});
    const auto& useful = item(p, "The sessions were useful to me.");
    CHECK(useful.type == ItemType::Likert);
    CHECK(p.instrument.scale(useful.scale)->labels[2] == "Neither agree nor disagree");
    CHECK(item(p, "How often did you meet your coach?").scale == "frequency5");
    CHECK(item(p, "What would you change?").type == ItemType::Text);
    // The grid's rows are one construct on the agreement scale.
    REQUIRE(p.instrument.constructs.size() == 1);
    CHECK(p.instrument.constructs[0].label == "Rate each statement");
    CHECK(p.instrument.constructs[0].items.size() == 2);
    CHECK(p.instrument.scales.size() == 2);

    Imported im(p, "google-forms.csv");
    REQUIRE(im.data.respondents.size() == 8);
    CHECK(im.answer(0, useful.id).number == 5.0);
    CHECK(im.answer(0, supports.id).choices == std::vector<std::string>{"Coach", "Online modules"});
    CHECK(im.answer(1, item(p, "How many hours did you spend on it?").id).number == 9.5);
    CHECK(im.data.respondents[2].attributes.at("what_is_your_school_level") == "High");
    CHECK_FALSE(im.data.respondents[5].responses.contains(
        target_of(p, "Rate each statement [I shared what I learned with colleagues.]"))); // N/A
}

TEST_CASE("a Qualtrics export: three header rows, metadata, a matrix, comma-joined choices") {
    auto p = propose("qualtrics.csv");
    CHECK(p.service == SurveyService::Qualtrics);
    for (const char* meta : {"StartDate", "Status", "IPAddress", "Progress",
                             "Duration (in seconds)", "LocationLatitude", "UserLanguage"})
        CHECK(target_of(p, meta) == "ignore");
    CHECK(target_of(p, "ResponseId") == "respondent_id");
    CHECK(target_of(p, "Q1") == "attribute:q1");
    CHECK(item(p, "Q3_1").text == "Please rate each statement. - The sessions were useful to me.");
    CHECK(item(p, "Q3_1").scale == "agree5");
    CHECK(item(p, "Q4").type == ItemType::Number);
    CHECK(item(p, "Q5").type == ItemType::Multi);
    CHECK(item(p, "Q6").type == ItemType::Text);
    REQUIRE(p.instrument.constructs.size() == 1);
    CHECK(p.instrument.constructs[0].items == std::vector<std::string>{"q3_1", "q3_2", "q3_3"});

    Imported im(p, "qualtrics.csv");
    REQUIRE(im.data.respondents.size() == 8);
    CHECK(im.data.respondents[0].external_id == "R_1AbCdEfGhIjKlMn");
    CHECK(im.answer(0, "q3_2").number == 4.0); // "Somewhat agree"
    CHECK(im.answer(3, "q5").choices == std::vector<std::string>{"Online modules", "Peer group"});
}

TEST_CASE("a legacy Qualtrics export: V1..V10 and the texts in one row") {
    auto p = propose("qualtrics-legacy.csv");
    CHECK(p.service == SurveyService::QualtricsLegacy);
    CHECK(target_of(p, "V1") == "respondent_id");
    for (const char* meta : {"V2", "V3", "V8", "V10", "LocationAccuracy"})
        CHECK(target_of(p, meta) == "ignore");
    CHECK(item(p, "Q3_1").scale == "agree5");
    Imported im(p, "qualtrics-legacy.csv");
    CHECK(im.answer(2, "q3_1").number == 3.0); // "Neither Agree nor Disagree"
}

// The layout checked against tools written for real exports: github.com/mattroumaya/doubleheadr
// (question text over its first column, sub-names in the second row),
// gist.github.com/sfirke/c26a90d13d43b2c4a4c5e5c3a8b372a5 ("Response", "Open-Ended Response"),
// rdrr.io/github/wmurphyrd/monkeywrangler/man/loadSurveyMonkeyXLS.html (nine respondent columns).
TEST_CASE("a SurveyMonkey export: the second header row, one column per choice, Windows-1252") {
    auto result = store::propose_instrument_from_csv(sample("surveymonkey.csv"), "c", "C");
    REQUIRE(result.proposal);
    CHECK(result.notes.size() == 1); // read as Windows-1252
    auto p = propose("surveymonkey.csv");
    CHECK(p.service == SurveyService::SurveyMonkey);
    CHECK(target_of(p, "Respondent ID") == "respondent_id");
    // The other eight respondent columns stay out of the items.
    for (const char* h : {"Collector ID", "Start Date", "End Date", "IP Address", "Email Address",
                          "First Name", "Last Name", "Custom Data 1"})
        CHECK(target_of(p, h) == "ignore");
    CHECK(target_of(p, "Which supports did you use? / Coach") ==
          "option:which_supports_did_you_use:Coach");
    const auto* supports = p.instrument.item("which_supports_did_you_use");
    REQUIRE(supports);
    CHECK(supports->choices == std::vector<std::string>{"Coach", "Online modules", "Peer group",
                                                        "Other (please specify)"});
    CHECK(item(p, "Please rate each statement. / I tried a new strategy in my classroom.").type ==
          ItemType::Likert);
    REQUIRE(p.instrument.constructs.size() == 1);

    Imported im(p, "surveymonkey.csv");
    REQUIRE(im.data.respondents.size() == 6);
    CHECK(im.data.respondents[0].external_id == "11402938475");
    CHECK(im.answer(3, "which_supports_did_you_use").choices ==
          std::vector<std::string>{"Online modules", "Peer group", "Other (please specify)"});
    CHECK(im.answer(5, target_of(p, "What would you change?")).text ==
          "More examples from secondary classrooms; the caf\xC3\xA9 talk was the best part.");
}

TEST_CASE("LimeSurvey exports: question codes with [SQ001], and full texts with [Option]") {
    auto codes = propose("limesurvey.csv");
    CHECK(codes.service == SurveyService::LimeSurvey);
    CHECK(target_of(codes, "id") == "respondent_id");
    CHECK(target_of(codes, "submitdate") == "ignore");
    CHECK(target_of(codes, "supports[SQ002]") == "option:supports:SQ002");
    CHECK(item(codes, "rate[SQ001]").scale == "agree5");
    CHECK(target_of(codes, "format") == "attribute:format");
    Imported im(codes, "limesurvey.csv");
    CHECK(im.answer(0, "supports").choices == std::vector<std::string>{"SQ001", "SQ002"});
    CHECK(im.answer(2, "rate.sq001").number == 3.0);

    auto full = propose("limesurvey-full-text.csv");
    CHECK(full.service == SurveyService::LimeSurvey);
    CHECK(target_of(full, "Response ID") == "respondent_id");
    CHECK(target_of(full, "Which supports did you use? [Peer group]") ==
          "option:which_supports_did_you_use:Peer group");
    CHECK(full.instrument.constructs.size() == 1);
    Imported im2(full, "limesurvey-full-text.csv");
    CHECK(im2.answer(3, "which_supports_did_you_use").choices ==
          std::vector<std::string>{"Online modules", "Peer group"});
}

TEST_CASE("a KoboToolbox export: group paths, _uuid, select_multiple as names and 1/0 columns") {
    auto p = propose("kobo.csv");
    CHECK(p.service == SurveyService::Kobo);
    CHECK(target_of(p, "_uuid") == "respondent_id");
    for (const char* meta :
         {"start", "end", "today", "deviceid", "_id", "_submission_time", "__version__", "_index"})
        CHECK(target_of(p, meta) == "ignore");
    CHECK(target_of(p, "background/format") == "attribute:background.format");
    CHECK(target_of(p, "supports") == "ignore");
    CHECK(target_of(p, "supports/online") == "option:supports:online");
    CHECK(item(p, "rating/useful").scale == "agree5");
    CHECK(item(p, "hours").type == ItemType::Number);
    Imported im(p, "kobo.csv");
    CHECK(im.data.respondents[0].external_id == "3f1c2a9e-1b7d-4c55-9a10-0d5e1f2a3b01");
    CHECK(im.answer(0, "supports").choices == std::vector<std::string>{"coach", "online"});
    CHECK(im.answer(2, "rating.useful").number == 3.0); // "neither"
    CHECK(im.answer(3, "rating.shared").number == 1.0); // "strongly_disagree"
}

TEST_CASE("readable ids from headers and question texts") {
    CHECK(store::readable_id("How satisfied were you overall with it?") ==
          "how_satisfied_were_you_overall");
    CHECK(store::readable_id("grp/q1") == "grp.q1");
    CHECK(store::readable_id("q2[SQ001]") == "q2.sq001");
    CHECK(store::readable_id("2. Your role") == "q2.your_role");
    CHECK(store::readable_id("???") == "q");
}

TEST_CASE("a three-column file: the id column, an attribute and a number") {
    auto result = store::propose_instrument_from_csv(
        "teacher_id,format,score\nT1,MC,201\nT2,other,195\nT3,MC,210\nT4,other,190\n", "kvec",
        "KVEC");
    REQUIRE(result.proposal);
    const auto& p = *result.proposal;
    CHECK(p.service == SurveyService::Generic);
    CHECK(target_of(p, "teacher_id") == "respondent_id");
    CHECK(target_of(p, "format") == "attribute:format");
    CHECK(item(p, "score").type == ItemType::Number);
}

TEST_CASE("the review step changes a column's type, reverse scoring and construct") {
    auto p = propose("google-forms.csv");
    auto index = [&](const std::string& header) {
        for (std::size_t c = 0; c < p.columns.size(); ++c)
            if (p.columns[c].header == header) return c;
        FAIL("no column " << header);
        return std::size_t{0};
    };
    const auto hours = index("How many hours did you spend on it?");
    const std::string id = p.columns[hours].target;
    REQUIRE(store::retarget_column(p, hours, store::ColumnRole::Text).empty());
    CHECK(p.instrument.item(id)->type == ItemType::Text);
    CHECK(p.instrument.items[0].id == id); // in place

    const auto level = index("What is your school level?");
    REQUIRE(store::retarget_column(p, level, store::ColumnRole::Choice).empty());
    CHECK(p.instrument.item("what_is_your_school_level")->choices.size() == 3);
    CHECK_FALSE(p.instrument.attribute("what_is_your_school_level"));

    const auto change = index("What would you change?");
    CHECK(store::retarget_column(p, change, store::ColumnRole::Likert) ==
          "its answers fit no Likert label family");
    CHECK(store::column_role(p, change) == store::ColumnRole::Text);

    // A grid row taken out of its construct and put back; the frequency item cannot join it.
    const auto tried =
        p.columns[index("Rate each statement [I tried a new strategy in my classroom.]")].target;
    CHECK(store::set_construct(p.instrument, tried, "").empty());
    CHECK(p.instrument.constructs[0].items.size() == 1);
    CHECK(store::set_construct(p.instrument, tried, "Rate each statement").empty());
    CHECK(p.instrument.constructs[0].items.size() == 2);
    CHECK_FALSE(store::set_construct(p.instrument, "how_often_did_you_meet", "Rate each statement")
                    .empty());
    // Taking a construct's item as text takes it out of the construct.
    const auto shared = index("Rate each statement [I shared what I learned with colleagues.]");
    REQUIRE(store::retarget_column(p, shared, store::ColumnRole::Text).empty());
    CHECK(p.instrument.constructs[0].items == std::vector<std::string>{tried});

    const auto email = index("Email Address");
    REQUIRE(store::retarget_column(p, email, store::ColumnRole::RespondentId).empty());
    CHECK(p.mapping().at("Email Address") == "respondent_id");
    auto load = guides::parse_instrument(guides::instrument_to_json(p.instrument));
    CHECK(load.instrument);
}
