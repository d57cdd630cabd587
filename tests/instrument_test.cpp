// Survey instruments: the bundled ones load cleanly with the expected constructs and respondent
// attributes, saving is canonical and round-trips, Likert answers are scored (with reverse items)
// and looked up by label, and malformed instruments report every problem with its path.
#include "guides/data_dir.hpp"
#include "guides/guide_json.hpp"
#include "guides/instrument.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <set>

using namespace convene::guides;
using nlohmann::json;

namespace {

const Instrument& bundled(const std::string& id) {
    static std::map<std::string, Instrument> cache;
    if (auto it = cache.find(id); it != cache.end()) return it->second;
    auto file = id + ".instrument.json";
    auto load = load_instrument_file(data_dir() / file);
    INFO(describe(load.problems, file));
    REQUIRE(load.problems.empty());
    REQUIRE(load.instrument);
    return cache.emplace(id, *load.instrument).first->second;
}

json bundled_json(const std::string& id) {
    return json::parse(read_text_file(data_dir() / (id + ".instrument.json")));
}

std::vector<std::string> construct_ids(const Instrument& inst) {
    std::vector<std::string> ids;
    for (const auto& c : inst.constructs)
        ids.push_back(c.id);
    return ids;
}

void check_kvec_attributes(const Instrument& inst) {
    REQUIRE(inst.attributes.size() == 3);
    const Attribute* format = inst.attribute("pl_format");
    REQUIRE(format);
    CHECK(format->label == "Professional-learning format");
    CHECK(format->choices == std::vector<std::string>{"micro-credential", "other"});
    const Attribute* years = inst.attribute("experience");
    REQUIRE(years);
    CHECK(years->label == "Years of experience");
    CHECK(years->choices == std::vector<std::string>{"10 or fewer", "more than 10"});
    const Attribute* level = inst.attribute("school_level");
    REQUIRE(level);
    CHECK(level->label == "School level");
    CHECK(level->choices == std::vector<std::string>{"elementary", "middle", "high"});
}

// Every construct lists Likert items only, and no item is in two constructs.
void check_constructs_well_formed(const Instrument& inst) {
    std::set<std::string> seen;
    for (const auto& c : inst.constructs) {
        CHECK_FALSE(c.label.empty());
        for (const auto& id : c.items) {
            INFO(c.id << " lists " << id);
            const Item* item = inst.item(id);
            REQUIRE(item);
            CHECK(item->type == ItemType::Likert);
            CHECK(seen.insert(id).second);
            CHECK(inst.construct_of(id) == &c);
        }
    }
}

} // namespace

TEST_CASE("mc-participant loads with its constructs and attributes", "[instrument]") {
    const Instrument& inst = bundled("mc-participant");
    CHECK(inst.id == "mc-participant");
    CHECK(inst.items.size() >= 12);
    CHECK(inst.items.size() <= 16);
    CHECK(construct_ids(inst) ==
          std::vector<std::string>{"relevance", "application", "support", "recognition"});
    check_constructs_well_formed(inst);
    check_kvec_attributes(inst);

    const RatingScale* agree = inst.scale("agree5");
    REQUIRE(agree);
    CHECK(agree->labels == std::vector<std::string>{"Strongly disagree", "Disagree", "Neutral",
                                                    "Agree", "Strongly agree"});

    const Item* hours = inst.item("hours");
    REQUIRE(hours);
    CHECK(hours->type == ItemType::Number);
    CHECK(hours->unit == "hours");

    const Item* recognition = inst.item("rec.kinds");
    REQUIRE(recognition);
    CHECK(recognition->type == ItemType::Multi);
    CHECK(recognition->choices == std::vector<std::string>{"PD clock hours", "Re-licensure credit",
                                                           "Graduate credit", "Salary or promotion",
                                                           "None", "Other"});

    const Item* again = inst.item("earn_another");
    REQUIRE(again);
    CHECK(again->type == ItemType::Likert);

    int reversed = 0;
    for (const auto& item : inst.items)
        reversed += item.reverse ? 1 : 0;
    CHECK(reversed >= 2);
    CHECK(reversed <= 6);
}

TEST_CASE("pl-standards has the seven standards as constructs in order", "[instrument]") {
    const Instrument& inst = bundled("pl-standards");
    std::vector<std::string> labels;
    for (const auto& c : inst.constructs)
        labels.push_back(c.label);
    CHECK(labels == std::vector<std::string>{"Learning Communities", "Leadership", "Resources",
                                             "Data", "Learning Designs", "Implementation",
                                             "Outcomes"});
    check_constructs_well_formed(inst);
    check_kvec_attributes(inst);
    std::size_t listed = 0;
    for (const auto& c : inst.constructs) {
        INFO(c.id);
        CHECK(c.items.size() >= 4);
        CHECK(c.items.size() <= 6);
        listed += c.items.size();
        bool any_reverse = false;
        for (const auto& id : c.items) {
            CHECK(inst.item(id)->scale == "agree5");
            any_reverse |= inst.item(id)->reverse;
        }
        CHECK(any_reverse);
    }
    std::size_t likert = 0;
    for (const auto& item : inst.items)
        likert += item.type == ItemType::Likert ? 1 : 0;
    CHECK(listed == likert);                         // every Likert item is in a construct
    CHECK(inst.items.back().type == ItemType::Text); // and one open question ends it
}

TEST_CASE("bundled instruments are stored in canonical form", "[instrument]") {
    for (std::string id : {"mc-participant", "pl-standards"}) {
        INFO(id);
        CHECK(instrument_to_json(bundled(id)) ==
              read_text_file(data_dir() / (id + ".instrument.json")));
    }
}

TEST_CASE("instrument round trip through the canonical writer", "[instrument]") {
    for (std::string id : {"mc-participant", "pl-standards"}) {
        INFO(id);
        const Instrument& inst = bundled(id);
        auto again = parse_instrument(instrument_to_json(inst));
        INFO(describe(again.problems, id));
        REQUIRE(again.instrument);
        CHECK(*again.instrument == inst);
        CHECK(instrument_to_json(*again.instrument) == instrument_to_json(inst));
    }

    Instrument x;
    x.id = "tiny";
    x.version = "0.1";
    x.title = "Tiny";
    x.source = {"A source", "2", "2020-01", "Someone"};
    x.scales = {{"yn3", {"No", "Maybe", "Yes"}}};
    Item a;
    a.id = "a";
    a.text = "Likert, reversed";
    a.scale = "yn3";
    a.reverse = true;
    Item b;
    b.id = "b";
    b.text = "Number with a lower bound only";
    b.type = ItemType::Number;
    b.min = 0.5;
    Item c;
    c.id = "c";
    c.text = "Pick one";
    c.type = ItemType::Choice;
    c.choices = {"x", "y"};
    Item d;
    d.id = "d";
    d.text = "Say something";
    d.type = ItemType::Text;
    x.items = {a, b, c, d};
    x.constructs = {{"k", "K", {"a"}}};
    x.attributes = {{"grp", "Group", {"one", "two"}}};
    auto load = parse_instrument(instrument_to_json(x));
    INFO(describe(load.problems, "tiny"));
    REQUIRE(load.instrument);
    CHECK(*load.instrument == x);

    x.items[0].reverse = false;
    CHECK_FALSE(*load.instrument == x);
}

TEST_CASE("instrument reverse scoring", "[instrument]") {
    const Instrument& inst = bundled("mc-participant");
    REQUIRE(inst.item("rel.off_target")->reverse);
    CHECK(inst.score("rel.off_target", 1) == 5);
    CHECK(inst.score("rel.off_target", 2) == 4);
    CHECK(inst.score("rel.off_target", 3) == 3);
    CHECK(inst.score("rel.off_target", 5) == 1);
    REQUIRE_FALSE(inst.item("rel.daily_work")->reverse);
    CHECK(inst.score("rel.daily_work", 4) == 4);
    CHECK(inst.score("rel.daily_work", 1) == 1);
    // Out of range, not Likert, unknown.
    CHECK_FALSE(inst.score("rel.off_target", 0));
    CHECK_FALSE(inst.score("rel.off_target", 6));
    CHECK_FALSE(inst.score("hours", 3));
    CHECK_FALSE(inst.score("rec.kinds", 1));
    CHECK_FALSE(inst.score("no.such_item", 3));

    RatingScale seven{"agree7", {"1", "2", "3", "4", "5", "6", "7"}};
    CHECK(likert_score(seven, true, 2) == 6);
    CHECK(likert_score(seven, true, 7) == 1);
    CHECK(likert_score(seven, false, 7) == 7);
    CHECK_FALSE(likert_score(seven, true, 8));
}

TEST_CASE("instrument label lookup", "[instrument]") {
    const Instrument& inst = bundled("mc-participant");
    const RatingScale& agree = *inst.scale("agree5");
    CHECK(agree.points() == 5);
    CHECK(agree.value_of("Strongly agree") == 5);
    CHECK(agree.value_of("  strongly AGREE \t") == 5);
    CHECK(agree.value_of("Agree") == 4);
    CHECK(agree.value_of("neutral") == 3);
    CHECK(agree.value_of("Strongly disagree") == 1);
    CHECK_FALSE(agree.value_of(""));
    CHECK_FALSE(agree.value_of("   "));
    CHECK_FALSE(agree.value_of("Somewhat agree"));
    CHECK(agree.label_of(1) == "Strongly disagree");
    CHECK(agree.label_of(5) == "Strongly agree");
    CHECK(agree.label_of(0).empty());
    CHECK(agree.label_of(6).empty());

    CHECK(inst.likert_value("earn_another", "very likely") == 5);
    CHECK(inst.likert_value("rel.off_target", "Agree") == 4); // raw value, before reversing
    CHECK(inst.score("rel.off_target", *inst.likert_value("rel.off_target", "Agree")) == 2);
    CHECK_FALSE(inst.likert_value("earn_another", "Agree"));
    CHECK_FALSE(inst.likert_value("hours", "Agree"));
    CHECK(inst.scale_of("hours") == nullptr);
    CHECK(inst.scale_of("earn_another") == inst.scale("likely5"));
}

namespace {

struct BadInstrument {
    std::string name;
    std::string text;
    std::vector<std::string> expected; // each must appear in some problem, path included
};

std::vector<BadInstrument> bad_instruments() {
    std::vector<BadInstrument> cases;
    auto mutate = [&](std::string name, auto change, std::vector<std::string> expected) {
        json j = bundled_json("mc-participant");
        change(j);
        cases.push_back({std::move(name), j.dump(2), std::move(expected)});
    };
    cases.push_back({"bad-json",
                     "{\n  \"schema\": 1,\n  \"kind\": \"instrument\",,\n}",
                     {"not valid JSON at line 3"}});
    mutate("wrong-schema", [](json& j) { j["schema"] = 2; },
           {"schema: this version of Convene reads instrument schema 1, the file has schema 2"});
    mutate("wrong-kind", [](json& j) { j["kind"] = "guide"; },
           {"kind: expected \"instrument\", found \"guide\""});
    mutate("bad-id", [](json& j) { j["id"] = "MC Participant"; },
           {"id: \"MC Participant\" is not a valid id"});
    mutate("unknown-top-key", [](json& j) { j["construct"] = json::array(); },
           {"unknown key \"construct\"; known keys are schema, kind, id"});
    mutate("missing-items", [](json& j) { j.erase("items"); },
           {"items: missing; expected an array"});
    mutate("unknown-scale", [](json& j) { j["items"][2]["scale"] = "agree7"; },
           {"items[2].scale: unknown scale \"agree7\"; scales are agree5, likely5"});
    mutate("likert-without-scale", [](json& j) { j["items"][13].erase("scale"); },
           {"items[13].scale: missing; expected the id of one of the instrument's scales "
            "(agree5, likely5)"});
    mutate("scale-on-text-item", [](json& j) { j["items"][0]["scale"] = "agree5"; },
           {"items[0].scale: only likert items have a scale"});
    mutate("duplicate-item-id", [](json& j) { j["items"][3]["id"] = "rel.daily_work"; },
           {"items[3].id: duplicate item id \"rel.daily_work\"",
            "constructs[0].items[1]: unknown item \"rel.chosen_need\""});
    mutate("construct-lists-unknown-item",
           [](json& j) { j["constructs"][1]["items"][2] = "app.fade"; },
           {"constructs[1].items[2]: unknown item \"app.fade\"; expected the id of one of the "
            "items"});
    mutate("reverse-on-number-item", [](json& j) { j["items"][1]["reverse"] = true; },
           {"items[1].reverse: only likert items can be reverse-scored; this is a number item"});
    mutate("reverse-not-boolean", [](json& j) { j["items"][4]["reverse"] = "yes"; },
           {"items[4].reverse: expected true or false, found a string"});
    mutate("empty-labels", [](json& j) { j["scales"][0]["labels"] = json::array(); },
           {"scales[0].labels: is empty; expected at least one entry"});
    mutate("one-label", [](json& j) { j["scales"][1]["labels"] = {"Likely"}; },
           {"scales[1].labels: has 1 label; a rating scale needs at least 2"});
    mutate("blank-label", [](json& j) { j["scales"][1]["labels"][2] = "  "; },
           {"scales[1].labels[2]: is empty; expected a label"});
    mutate("duplicate-label", [](json& j) { j["scales"][0]["labels"][1] = " strongly DISAGREE"; },
           {"scales[0].labels[1]: duplicate label \" strongly DISAGREE\" (same as [0]"});
    mutate("duplicate-scale-id", [](json& j) { j["scales"][1]["id"] = "agree5"; },
           {"scales[1].id: duplicate scale id \"agree5\""});
    mutate("unknown-item-key",
           [](json& j) {
               j["items"][0]["txt"] = j["items"][0]["text"];
               j["items"][0].erase("text");
           },
           {"items[0]: unknown key \"txt\"; known keys are id, text, type",
            "items[0].text: missing; expected a string"});
    mutate("unknown-item-type", [](json& j) { j["items"][12]["type"] = "checkboxes"; },
           {"items[12].type: unknown item type \"checkboxes\"; types are likert, choice, multi, "
            "number, text"});
    mutate("multi-without-choices", [](json& j) { j["items"][12].erase("choices"); },
           {"items[12].choices: missing; expected an array"});
    mutate("duplicate-choice", [](json& j) { j["items"][12]["choices"][4] = "graduate credit"; },
           {"items[12].choices[4]: duplicate choice \"graduate credit\" (same as [2]"});
    mutate("choices-on-likert",
           [](json& j) {
               j["items"][2]["choices"] = {"a", "b"};
           },
           {"items[2].choices: only choice and multi items have choices"});
    mutate("unit-on-likert", [](json& j) { j["items"][2]["unit"] = "hours"; },
           {"items[2].unit: only number items have min, max and unit"});
    mutate("min-above-max",
           [](json& j) {
               j["items"][1]["min"] = 10;
               j["items"][1]["max"] = 1;
           },
           {"items[1]: min (10.0) is greater than max (1.0)"});
    mutate("non-likert-in-construct",
           [](json& j) { j["constructs"][3]["items"].push_back("rec.kinds"); },
           {"constructs[3].items[2]: item \"rec.kinds\" is a multi item; constructs group likert "
            "items only"});
    mutate("item-in-two-constructs",
           [](json& j) { j["constructs"][3]["items"].push_back("rel.daily_work"); },
           {"constructs[3].items[2]: item \"rel.daily_work\" is already in construct "
            "\"relevance\""});
    mutate("item-listed-twice",
           [](json& j) { j["constructs"][2]["items"].push_back("sup.platform_easy"); },
           {"constructs[2].items[4]: item \"sup.platform_easy\" listed twice"});
    mutate("construct-mixes-scales",
           [](json& j) { j["constructs"][3]["items"].push_back("earn_another"); },
           {"constructs[3].items[2]: item \"earn_another\" uses scale \"likely5\" but item "
            "\"rec.valued\" uses \"agree5\""});
    mutate("duplicate-construct-id", [](json& j) { j["constructs"][1]["id"] = "relevance"; },
           {"constructs[1].id: duplicate construct id \"relevance\""});
    mutate("empty-construct", [](json& j) { j["constructs"][0]["items"] = json::array(); },
           {"constructs[0].items: is empty; expected at least one entry"});
    mutate("attribute-without-label", [](json& j) { j["attributes"][0].erase("label"); },
           {"attributes[0].label: missing; expected a string"});
    mutate("attribute-duplicate-choice",
           [](json& j) { j["attributes"][2]["choices"][2] = "Elementary"; },
           {"attributes[2].choices[2]: duplicate choice \"Elementary\""});
    mutate("attribute-id-is-item-id", [](json& j) { j["attributes"][1]["id"] = "hours"; },
           {"attributes[1].id: \"hours\" is also an item id"});
    return cases;
}

bool mentions(const Problems& problems, const std::string& expected) {
    for (const auto& p : problems)
        if (p.to_string().find(expected) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_CASE("malformed instruments report path and expectation", "[instrument]") {
    for (const auto& c : bad_instruments()) {
        auto load = parse_instrument(c.text);
        INFO(c.name << "\n" << describe(load.problems, c.name));
        CHECK_FALSE(load.instrument);
        CHECK_FALSE(load.problems.empty());
        for (const auto& e : c.expected) {
            INFO("expected: " << e);
            CHECK(mentions(load.problems, e));
        }
    }
}

TEST_CASE("instrument problems are all reported at once", "[instrument]") {
    json j = bundled_json("pl-standards");
    j["items"][0]["scale"] = "agree4";
    j["items"][6]["reverse"] = 1;
    j["items"][7]["id"] = j["items"][8]["id"];
    j["constructs"][6]["items"][0] = "out.missing";
    j["scales"][0]["labels"][3] = "";
    j["attributes"][0]["choices"] = json::array();
    j["extra"] = true;
    auto load = parse_instrument(j.dump());
    INFO(describe(load.problems, "pl-standards"));
    CHECK_FALSE(load.instrument);
    for (std::string e :
         {"items[0].scale: unknown scale \"agree4\"; scales are agree5",
          "items[6].reverse: expected true or false, found a number", "items[8].id: duplicate",
          "constructs[6].items[0]: unknown item \"out.missing\"",
          "scales[0].labels[3]: is empty; expected a label",
          "attributes[0].choices: is empty; expected at least one entry",
          "unknown key \"extra\""}) {
        INFO("expected: " << e);
        CHECK(mentions(load.problems, e));
    }
    CHECK(load.problems.size() >= 7);
}

TEST_CASE("instrument file that cannot be read", "[instrument]") {
    auto load = load_instrument_file(data_dir() / "no-such.instrument.json");
    CHECK_FALSE(load.instrument);
    REQUIRE(load.problems.size() == 1);
    CHECK_THAT(load.problems[0].message, Catch::Contains("no-such.instrument.json"));
}

TEST_CASE("an unknown scale is reported once without follow-on problems", "[instrument]") {
    json j = bundled_json("mc-participant");
    j["items"][2]["scale"] = "agree7"; // first item of the relevance construct
    auto load = parse_instrument(j.dump());
    INFO(describe(load.problems, "mc-participant"));
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].path == "items[2].scale");
}
