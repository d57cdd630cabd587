#include "guides/instrument.hpp"

#include "guides/guide_json.hpp" // read_text_file
#include "guides/json_reader.hpp"

#include <array>
#include <map>
#include <set>
#include <stdexcept>

namespace convene::guides {
namespace {

constexpr std::array<std::pair<ItemType, std::string_view>, 5> kItemTypes = {{
    {ItemType::Likert, "likert"},
    {ItemType::Choice, "choice"},
    {ItemType::Multi, "multi"},
    {ItemType::Number, "number"},
    {ItemType::Text, "text"},
}};

// Lower-cased (ASCII) with leading and trailing white space removed: how labels are compared.
std::string fold(std::string_view s) {
    const char* ws = " \t\r\n\f\v";
    auto first = s.find_first_not_of(ws);
    if (first == std::string_view::npos) return {};
    auto last = s.find_last_not_of(ws);
    std::string out(s.substr(first, last - first + 1));
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool blank(std::string_view s) {
    return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

template <class T> std::string id_list(const std::vector<T>& v) {
    std::string s;
    for (const auto& x : v)
        if (!x.id.empty()) s += (s.empty() ? "" : ", ") + x.id;
    return s.empty() ? "(none declared)" : s;
}

template <class T> const T* find_by_id(const std::vector<T>& v, std::string_view id) {
    for (const auto& x : v)
        if (x.id == id) return &x;
    return nullptr;
}

// Reports empty and duplicate entries of a list of choices or labels (duplicates compared as
// labels are: ignoring case and surrounding spaces).
void check_entries(JsonReader& r, const std::vector<std::string>& entries, const std::string& path,
                   std::string_view what) {
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        std::string p = JsonReader::index(path, i);
        if (blank(entries[i])) {
            r.problem(p, "is empty; expected a " + std::string(what));
            continue;
        }
        auto [it, fresh] = seen.emplace(fold(entries[i]), i);
        if (!fresh)
            r.problem(p, "duplicate " + std::string(what) + " \"" + entries[i] + "\" (same as [" +
                             std::to_string(it->second) +
                             "] when case and surrounding spaces are ignored)");
    }
}

RatingScale read_scale(JsonReader& r, const json& j, const std::string& path) {
    RatingScale s;
    if (!r.object(j, path, {"id", "labels"})) return s;
    s.id = r.id(j, path, "id");
    std::string lpath = JsonReader::join(path, "labels");
    bool present = j.contains("labels") && j["labels"].is_array();
    s.labels = r.strings(j, path, "labels", true, true);
    if (present && j["labels"].size() == 1)
        r.problem(lpath, "has 1 label; a rating scale needs at least 2");
    check_entries(r, s.labels, lpath, "label");
    return s;
}

Item read_item(JsonReader& r, const json& j, const std::string& path, const Instrument& inst) {
    Item it;
    if (!r.object(j, path,
                  {"id", "text", "type", "scale", "reverse", "choices", "min", "max", "unit"}))
        return it;
    it.id = r.id(j, path, "id");
    it.text = r.string(j, path, "text", true);
    auto type_name = r.string(j, path, "type", true);
    std::optional<ItemType> type = item_type_from_name(type_name);
    if (type) {
        it.type = *type;
    } else if (!type_name.empty()) {
        r.problem(JsonReader::join(path, "type"),
                  "unknown item type \"" + type_name +
                      "\"; types are likert, choice, multi, number, text");
    }
    bool likert = type == ItemType::Likert;
    bool choosy = type == ItemType::Choice || type == ItemType::Multi;
    bool number = type == ItemType::Number;

    // Likert: a scale, and optionally reverse scoring.
    std::string spath = JsonReader::join(path, "scale");
    if (likert) {
        if (!j.contains("scale")) {
            r.problem(spath, "missing; expected the id of one of the instrument's scales (" +
                                 id_list(inst.scales) + ")");
        } else {
            it.scale = r.string(j, path, "scale", true);
            if (!it.scale.empty() && !inst.scale(it.scale))
                r.problem(spath,
                          "unknown scale \"" + it.scale + "\"; scales are " + id_list(inst.scales));
        }
    } else if (type && j.contains("scale")) {
        r.problem(spath, "only likert items have a scale");
    }
    it.reverse = r.boolean(j, path, "reverse", false);
    if (type && !likert && j.contains("reverse")) {
        r.problem(JsonReader::join(path, "reverse"),
                  "only likert items can be reverse-scored; this is a " + type_name + " item");
        it.reverse = false;
    }

    // Choice and multi: a list of choices.
    std::string cpath = JsonReader::join(path, "choices");
    if (choosy) {
        it.choices = r.strings(j, path, "choices", true, true);
        check_entries(r, it.choices, cpath, "choice");
    } else if (type && j.contains("choices")) {
        r.problem(cpath, "only choice and multi items have choices");
    }

    // Number: optional range and unit.
    if (number) {
        it.min = r.number(j, path, "min", false);
        it.max = r.number(j, path, "max", false);
        it.unit = r.string(j, path, "unit", false);
        if (it.min && it.max && *it.min > *it.max)
            r.problem(path, "min (" + json(*it.min).dump() + ") is greater than max (" +
                                json(*it.max).dump() + ")");
    } else if (type) {
        for (std::string_view key : {"min", "max", "unit"})
            if (j.contains(key))
                r.problem(JsonReader::join(path, key), "only number items have min, max and unit");
    }
    return it;
}

Construct read_construct(JsonReader& r, const json& j, const std::string& path,
                         const Instrument& inst, std::map<std::string, std::string>& owner) {
    Construct c;
    if (!r.object(j, path, {"id", "label", "items"})) return c;
    c.id = r.id(j, path, "id");
    c.label = r.string(j, path, "label", true);
    c.items = r.strings(j, path, "items", true, true);
    std::string ipath = JsonReader::join(path, "items");
    std::set<std::string> here;
    const Item* first_likert = nullptr;
    for (std::size_t k = 0; k < c.items.size(); ++k) {
        const std::string& id = c.items[k];
        std::string p = JsonReader::index(ipath, k);
        const Item* item = inst.item(id);
        if (!item) {
            r.problem(p, "unknown item \"" + id + "\"; expected the id of one of the items");
            continue;
        }
        if (!here.insert(id).second) {
            r.problem(p, "item \"" + id + "\" listed twice");
            continue;
        }
        if (item->type != ItemType::Likert) {
            r.problem(p, "item \"" + id + "\" is a " + std::string(item_type_name(item->type)) +
                             " item; constructs group likert items only");
            continue;
        }
        if (auto [o, fresh] = owner.emplace(id, c.id); !fresh)
            r.problem(p, "item \"" + id + "\" is already in construct \"" + o->second +
                             "\"; an item belongs to at most one construct");
        // An unknown scale is reported on the item; comparing it here would only repeat that.
        if (!inst.scale(item->scale)) continue;
        if (!first_likert) {
            first_likert = item;
        } else if (item->scale != first_likert->scale) {
            r.problem(p, "item \"" + id + "\" uses scale \"" + item->scale + "\" but item \"" +
                             first_likert->id + "\" uses \"" + first_likert->scale +
                             "\"; a construct's items share one scale");
        }
    }
    return c;
}

} // namespace

std::string_view item_type_name(ItemType type) {
    for (const auto& [t, name] : kItemTypes)
        if (t == type) return name;
    return "text";
}

std::optional<ItemType> item_type_from_name(std::string_view name) {
    for (const auto& [t, n] : kItemTypes)
        if (n == name) return t;
    return std::nullopt;
}

std::optional<int> RatingScale::value_of(std::string_view label) const {
    std::string wanted = fold(label);
    if (wanted.empty()) return std::nullopt;
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (fold(labels[i]) == wanted) return static_cast<int>(i + 1);
    return std::nullopt;
}

std::string RatingScale::label_of(int value) const {
    if (value < 1 || value > points()) return {};
    return labels[static_cast<std::size_t>(value - 1)];
}

bool is_none_choice(std::string_view label) {
    std::string f = fold(label);
    return f == "none" || f == "none of these" || f == "none of the above" ||
           f == "not applicable" || f == "n/a";
}

bool is_other_choice(std::string_view label) {
    std::string f = fold(label);
    return f == "other" || f.starts_with("other (") || f.starts_with("other:");
}

bool answer_is_choice(std::string_view answer, std::string_view label) {
    if (answer == label) return true;
    return is_other_choice(label) && answer.size() > label.size() + 1 &&
           answer.starts_with(label) && answer.substr(label.size(), 2) == ": ";
}

std::string attribute_question(const Attribute& attribute) {
    if (!attribute.question.empty()) return attribute.question;
    std::string label = attribute.label;
    if (label.empty() || label.back() == '?') return label;
    // "School level" -> "school level"; an acronym such as "MC format" keeps its capitals.
    auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    if (upper(label[0]) && !(label.size() > 1 && upper(label[1])))
        label[0] = static_cast<char>(label[0] - 'A' + 'a');
    return "What is your " + label + "?";
}

std::optional<int> likert_score(const RatingScale& scale, bool reverse, int value) {
    int n = scale.points();
    if (value < 1 || value > n) return std::nullopt;
    return reverse ? n + 1 - value : value;
}

const RatingScale* Instrument::scale(std::string_view scale_id) const {
    return find_by_id(scales, scale_id);
}
const Item* Instrument::item(std::string_view item_id) const {
    return find_by_id(items, item_id);
}
const Construct* Instrument::construct(std::string_view construct_id) const {
    return find_by_id(constructs, construct_id);
}
const Attribute* Instrument::attribute(std::string_view attribute_id) const {
    return find_by_id(attributes, attribute_id);
}

const Construct* Instrument::construct_of(std::string_view item_id) const {
    for (const auto& c : constructs)
        for (const auto& i : c.items)
            if (i == item_id) return &c;
    return nullptr;
}

const RatingScale* Instrument::scale_of(std::string_view item_id) const {
    const Item* i = item(item_id);
    if (!i || i->type != ItemType::Likert) return nullptr;
    return scale(i->scale);
}

std::optional<int> Instrument::score(std::string_view item_id, int value) const {
    const RatingScale* s = scale_of(item_id);
    if (!s) return std::nullopt;
    return likert_score(*s, item(item_id)->reverse, value);
}

std::optional<int> Instrument::likert_value(std::string_view item_id,
                                            std::string_view label) const {
    const RatingScale* s = scale_of(item_id);
    if (!s) return std::nullopt;
    return s->value_of(label);
}

InstrumentLoad parse_instrument(std::string_view text) {
    InstrumentLoad out;
    auto doc = parse_json_text(text, out.problems);
    if (!doc) return out;
    JsonReader r(out.problems);
    if (!r.header(*doc, "instrument", kInstrumentSchema)) return out;
    const json& j = *doc;
    r.object(j, "",
             {"schema", "kind", "id", "version", "title", "description", "source", "scales",
              "constructs", "items", "attributes"});
    Instrument inst;
    inst.id = r.id(j, "", "id");
    inst.version = r.string(j, "", "version", true);
    inst.title = r.string(j, "", "title", true);
    inst.description = r.string(j, "", "description", false, false);
    read_source(r, j, inst.source);

    if (const json* scales = r.array(j, "", "scales", false)) {
        std::set<std::string> ids;
        for (std::size_t i = 0; i < scales->size(); ++i) {
            std::string p = JsonReader::index("scales", i);
            RatingScale s = read_scale(r, (*scales)[i], p);
            if (!s.id.empty() && !ids.insert(s.id).second)
                r.problem(p + ".id", "duplicate scale id \"" + s.id + "\"");
            inst.scales.push_back(std::move(s));
        }
    }

    if (const json* items = r.array(j, "", "items", true, true)) {
        std::set<std::string> ids;
        for (std::size_t i = 0; i < items->size(); ++i) {
            std::string p = JsonReader::index("items", i);
            Item it = read_item(r, (*items)[i], p, inst);
            if (!it.id.empty() && !ids.insert(it.id).second)
                r.problem(p + ".id", "duplicate item id \"" + it.id + "\"");
            inst.items.push_back(std::move(it));
        }
    }

    if (const json* constructs = r.array(j, "", "constructs", false)) {
        std::set<std::string> ids;
        std::map<std::string, std::string> owner; // item id -> construct id
        for (std::size_t i = 0; i < constructs->size(); ++i) {
            std::string p = JsonReader::index("constructs", i);
            Construct c = read_construct(r, (*constructs)[i], p, inst, owner);
            if (!c.id.empty() && !ids.insert(c.id).second)
                r.problem(p + ".id", "duplicate construct id \"" + c.id + "\"");
            inst.constructs.push_back(std::move(c));
        }
    }

    if (const json* attrs = r.array(j, "", "attributes", false)) {
        std::set<std::string> ids;
        for (std::size_t i = 0; i < attrs->size(); ++i) {
            std::string p = JsonReader::index("attributes", i);
            const json& aj = (*attrs)[i];
            if (!r.object(aj, p, {"id", "label", "question", "choices"})) continue;
            Attribute a{r.id(aj, p, "id"), r.string(aj, p, "label", true),
                        r.strings(aj, p, "choices", true, true),
                        r.string(aj, p, "question", false)};
            check_entries(r, a.choices, p + ".choices", "choice");
            if (!a.id.empty() && !ids.insert(a.id).second)
                r.problem(p + ".id", "duplicate attribute id \"" + a.id + "\"");
            else if (!a.id.empty() && inst.item(a.id))
                r.problem(p + ".id", "\"" + a.id +
                                         "\" is also an item id; attribute and item ids must "
                                         "differ");
            inst.attributes.push_back(std::move(a));
        }
    }

    if (out.problems.empty()) out.instrument = std::move(inst);
    return out;
}

InstrumentLoad load_instrument_file(const std::filesystem::path& file) {
    InstrumentLoad out;
    std::string text;
    try {
        text = read_text_file(file, kMaxDataFileBytes);
    } catch (const std::exception& e) {
        out.problems.push_back({"", e.what()});
        return out;
    }
    return parse_instrument(text);
}

std::string instrument_to_json(const Instrument& inst) {
    using ojson = nlohmann::ordered_json; // keeps keys in FORMAT.md's order
    ojson j;
    j["schema"] = inst.schema;
    j["kind"] = "instrument";
    j["id"] = inst.id;
    j["version"] = inst.version;
    j["title"] = inst.title;
    if (!inst.description.empty()) j["description"] = inst.description;
    write_source(j, inst.source);
    j["scales"] = ojson::array();
    for (const auto& s : inst.scales) {
        ojson sj;
        sj["id"] = s.id;
        sj["labels"] = s.labels;
        j["scales"].push_back(sj);
    }
    j["constructs"] = ojson::array();
    for (const auto& c : inst.constructs) {
        ojson cj;
        cj["id"] = c.id;
        cj["label"] = c.label;
        cj["items"] = c.items;
        j["constructs"].push_back(cj);
    }
    j["items"] = ojson::array();
    for (const auto& it : inst.items) {
        ojson ij;
        ij["id"] = it.id;
        ij["text"] = it.text;
        ij["type"] = std::string(item_type_name(it.type));
        if (it.type == ItemType::Likert) {
            ij["scale"] = it.scale;
            if (it.reverse) ij["reverse"] = true;
        }
        if (!it.choices.empty()) ij["choices"] = it.choices;
        if (it.min) ij["min"] = *it.min;
        if (it.max) ij["max"] = *it.max;
        if (!it.unit.empty()) ij["unit"] = it.unit;
        j["items"].push_back(ij);
    }
    j["attributes"] = ojson::array();
    for (const auto& a : inst.attributes) {
        ojson aj;
        aj["id"] = a.id;
        aj["label"] = a.label;
        if (!a.question.empty()) aj["question"] = a.question;
        aj["choices"] = a.choices;
        j["attributes"].push_back(aj);
    }
    return j.dump(2) + "\n";
}

} // namespace convene::guides
