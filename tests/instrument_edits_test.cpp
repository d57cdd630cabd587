// The instrument editor's changes (store/instrument_edits.hpp), one at a time, on a small
// instrument; what they make passes the validating loader.
#include "guides/guide_json.hpp"
#include "guides/likert_labels.hpp"
#include "store/instrument_edits.hpp"

#include <catch2/catch.hpp>

using namespace convene;
using guides::ItemType;

namespace {

guides::Instrument small() {
    guides::Instrument inst;
    inst.id = "coaching";
    inst.version = "1";
    inst.title = "Coaching";
    inst.scales = {{"agree4", {"Strongly disagree", "Disagree", "Agree", "Strongly agree"}}};
    inst.items = {{.id = "useful", .text = "It was useful.", .scale = "agree4"},
                  {.id = "again", .text = "I would do it again.", .scale = "agree4"}};
    inst.constructs = {{"value", "Value", {"useful", "again"}}};
    return inst;
}

std::vector<std::string> ids(const guides::Instrument& inst) {
    std::vector<std::string> out;
    for (const auto& i : inst.items)
        out.push_back(i.id);
    return out;
}

bool valid(const guides::Instrument& inst) {
    auto load = guides::parse_instrument(guides::instrument_to_json(inst));
    INFO(guides::describe(load.problems, "the edited instrument"));
    return load.instrument.has_value();
}

} // namespace

TEST_CASE("items of every type are added with readable ids made from their text") {
    auto inst = small();
    CHECK(store::add_item(inst, ItemType::Likert, "The coach listened.") == "the_coach_listened");
    CHECK(store::add_item(inst, ItemType::Choice, "Which format?") == "which_format");
    CHECK(store::add_item(inst, ItemType::Multi, "Which supports did you use?") ==
          "which_supports_did_you_use");
    CHECK(store::add_item(inst, ItemType::Number, "Hours of coaching") == "hours_of_coaching");
    CHECK(store::add_item(inst, ItemType::Text, "What would you change?") ==
          "what_would_you_change");
    // The same text again gets an id of its own.
    CHECK(store::add_item(inst, ItemType::Text, "What would you change?") ==
          "what_would_you_change_2");
    CHECK(inst.item("the_coach_listened")->scale == "agree4");
    CHECK(inst.item("which_format")->choices.size() == 2);
    CHECK(inst.item("which_supports_did_you_use")->type == ItemType::Multi);
    CHECK(valid(inst));
    // An instrument with no scale gets the five-point agreement scale for its first Likert item.
    guides::Instrument bare{.id = "bare", .version = "1", .title = "Bare"};
    auto id = store::add_item(bare, ItemType::Likert, "I felt heard.");
    REQUIRE(bare.scale_of(id));
    CHECK(bare.scale_of(id)->points() == 5);
    CHECK(bare.scale_of(id)->label_of(3) == "Neither agree nor disagree");
    CHECK(valid(bare));
}

TEST_CASE("items are moved and removed, and a removed item leaves its construct") {
    auto inst = small();
    store::add_item(inst, ItemType::Number, "Hours");
    CHECK(store::move_item(inst, 2, -1));
    CHECK(ids(inst) == std::vector<std::string>{"useful", "hours", "again"});
    CHECK(store::move_item(inst, 0, +1));
    CHECK(ids(inst) == std::vector<std::string>{"hours", "useful", "again"});
    CHECK_FALSE(store::move_item(inst, 0, -1));
    CHECK_FALSE(store::move_item(inst, 2, +1));
    CHECK_FALSE(store::move_item(inst, 9, -1));
    CHECK(store::remove_item(inst, 1));
    CHECK(ids(inst) == std::vector<std::string>{"hours", "again"});
    CHECK(inst.construct("value")->items == std::vector<std::string>{"again"});
    CHECK_FALSE(store::remove_item(inst, 5));
    CHECK(valid(inst));
}

TEST_CASE("a Likert item takes another scale, and leaves a construct on the old one") {
    auto inst = small();
    const auto* family = &guides::label_families().front();
    for (const auto& f : guides::label_families())
        if (f.id == "frequency5") family = &f;
    auto scale = store::add_scale(inst, store::family_scale(*family));
    CHECK(scale == "frequency5");
    CHECK(inst.scale("frequency5")->label_of(1) == "Never");
    // Adding the same labels again uses the scale that is there.
    CHECK(store::add_scale(inst, store::family_scale(*family)) == "frequency5");
    CHECK(inst.scales.size() == 2);
    CHECK(store::set_item_scale(inst, "useful", "frequency5").empty());
    CHECK(inst.item("useful")->scale == "frequency5");
    CHECK(inst.construct("value")->items == std::vector<std::string>{"again"});
    CHECK_FALSE(store::set_item_scale(inst, "useful", "nope").empty());
    CHECK(valid(inst));
    // ... and cannot join a construct whose items use another scale.
    auto why = store::set_item_construct(inst, "useful", "value");
    CHECK(why == "the items of \"Value\" use the scale \"agree4\"; this item uses \"frequency5\"");
}

TEST_CASE("constructs and attributes are added with ids from their labels") {
    auto inst = small();
    auto k = store::add_construct(inst, "Follow-up");
    CHECK(k == "follow_up");
    CHECK(store::add_construct(inst, "  ").empty());
    // An empty construct is not yet a valid instrument: the loader says so when it is saved.
    CHECK_FALSE(valid(inst));
    CHECK(store::set_item_construct(inst, "again", "follow_up").empty());
    CHECK(inst.construct("follow_up")->items == std::vector<std::string>{"again"});
    CHECK(inst.construct("value")->items == std::vector<std::string>{"useful"});
    CHECK(valid(inst));
    CHECK(store::set_item_construct(inst, "again", "").empty());
    CHECK(inst.construct_of("again") == nullptr);
    store::remove_construct(inst, "follow_up");
    CHECK(inst.constructs.size() == 1);

    auto a = store::add_attribute(inst, "School level", {"Elementary", "Secondary"});
    CHECK(a == "school_level");
    CHECK(inst.attribute(a)->choices.size() == 2);
    // An attribute's id is never an item's.
    store::add_item(inst, ItemType::Choice, "Format");
    CHECK(store::add_attribute(inst, "Format", {"A", "B"}) == "format_2");
    CHECK(valid(inst));
    store::remove_attribute(inst, "school_level");
    CHECK_FALSE(inst.attribute("school_level"));
}

TEST_CASE("a saved edit gets the next version") {
    CHECK(store::next_version("1") == "2");
    CHECK(store::next_version("1.9") == "1.10");
    CHECK(store::next_version("2024-spring") == "2024-spring.1");
    CHECK(store::next_version("") == "1");
}
