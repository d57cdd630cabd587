#include "guides/criteria.hpp"

#include "guides/guide_json.hpp"
#include "guides/json_reader.hpp"
#include "guides/limits.hpp"
#include "guides/text.hpp"

#include <cmath>
#include <cstdint>
#include <set>

namespace convene::guides {
namespace {

// At most nine levels: a reviewer rates with the keys 1 to 9.
constexpr std::size_t kMaxLevels = 9;

void read_levels(JsonReader& r, const json& doc, CriteriaSet& set) {
    const json* levels = r.array(doc, "", "levels", true);
    if (!levels) return;
    if (levels->size() < 2 || levels->size() > kMaxLevels)
        r.problem("levels", "has " + std::to_string(levels->size()) +
                                " levels; a set needs 2 to 9 (rated with the keys 1 to 9)");
    std::set<std::string> labels;
    for (std::size_t i = 0; i < levels->size(); ++i) {
        std::string p = JsonReader::index("levels", i);
        const json& lj = (*levels)[i];
        if (!r.object(lj, p, {"label", "score"})) continue;
        RatingLevel level{r.string(lj, p, "label", true),
                          r.number(lj, p, "score", true).value_or(0)};
        if (!level.label.empty() && !labels.insert(lower_ascii(level.label)).second)
            r.problem(p + ".label", "duplicate level \"" + level.label + "\"");
        if (!set.levels.empty() && lj.contains("score") && level.score <= set.levels.back().score)
            r.problem(p + ".score", "must be higher than the level before it (levels go from "
                                    "lowest to highest)");
        set.levels.push_back(std::move(level));
    }
}

Criterion read_criterion(JsonReader& r, const json& cj, const std::string& p) {
    Criterion c{r.id(cj, p, "id"), r.string(cj, p, "text", true), r.string(cj, p, "guidance", true),
                r.strings(cj, p, "codes", false)};
    for (std::size_t k = 0; k < c.codes.size(); ++k)
        if (!JsonReader::valid_id(c.codes[k]))
            r.problem(JsonReader::index(p + ".codes", k),
                      "\"" + c.codes[k] +
                          "\" is not a code id (a codebook id like evidence.rubrics)");
    return c;
}

void read_categories(JsonReader& r, const json& doc, CriteriaSet& set) {
    const json* cats = r.array(doc, "", "categories", true, true);
    if (!cats) return;
    std::set<std::string> category_ids, criterion_ids;
    for (std::size_t i = 0; i < cats->size(); ++i) {
        std::string p = JsonReader::index("categories", i);
        const json& cj = (*cats)[i];
        if (!r.object(cj, p, {"id", "title", "criteria"})) continue;
        CriteriaCategory cat{r.id(cj, p, "id"), r.string(cj, p, "title", true), {}};
        if (!cat.id.empty() && !category_ids.insert(cat.id).second)
            r.problem(p + ".id", "duplicate category id \"" + cat.id + "\"");
        if (const json* list = r.array(cj, p, "criteria", true, true)) {
            for (std::size_t k = 0; k < list->size(); ++k) {
                std::string cp = JsonReader::index(p + ".criteria", k);
                if (!r.object((*list)[k], cp, {"id", "text", "guidance", "codes"})) continue;
                auto c = read_criterion(r, (*list)[k], cp);
                if (!c.id.empty() && !criterion_ids.insert(c.id).second)
                    r.problem(cp + ".id", "duplicate criterion id \"" + c.id + "\"");
                cat.criteria.push_back(std::move(c));
            }
        }
        set.categories.push_back(std::move(cat));
    }
}

// A whole score is written as an integer ("score": 2, not 2.0), as people write it.
nlohmann::ordered_json score_json(double score) {
    if (score == std::floor(score) && std::fabs(score) < 1e15)
        return static_cast<std::int64_t>(score);
    return score;
}

} // namespace

std::vector<CriteriaSet::Entry> CriteriaSet::entries() const {
    std::vector<Entry> out;
    for (const auto& cat : categories)
        for (const auto& c : cat.criteria)
            out.push_back({&c, &cat});
    return out;
}

const Criterion* CriteriaSet::criterion(std::string_view criterion_id) const {
    for (const auto& cat : categories)
        for (const auto& c : cat.criteria)
            if (c.id == criterion_id) return &c;
    return nullptr;
}

std::optional<int> CriteriaSet::level_named(std::string_view text) const {
    std::string t = lower_ascii(trim(text));
    for (std::size_t i = 0; i < levels.size(); ++i)
        if (lower_ascii(levels[i].label) == t || std::to_string(i + 1) == t)
            return static_cast<int>(i);
    return std::nullopt;
}

CriteriaLoad parse_criteria(std::string_view text) {
    CriteriaLoad out;
    auto doc = parse_json_text(text, out.problems);
    if (!doc) return out;
    JsonReader r(out.problems);
    if (!r.header(*doc, "criteria", 1)) return out;
    r.object(*doc, "",
             {"schema", "kind", "id", "version", "title", "description", "levels", "categories"});
    CriteriaSet set;
    set.id = r.id(*doc, "", "id");
    set.version = r.string(*doc, "", "version", true);
    set.title = r.string(*doc, "", "title", true);
    set.description = r.string(*doc, "", "description", false, false);
    read_levels(r, *doc, set);
    read_categories(r, *doc, set);
    if (out.problems.empty()) out.set = std::move(set);
    return out;
}

CriteriaLoad load_criteria_file(const std::filesystem::path& file) {
    CriteriaLoad out;
    std::string text;
    try {
        text = read_text_file(file, kMaxDataFileBytes);
    } catch (const std::exception& e) {
        out.problems.push_back({"", e.what()});
        return out;
    }
    return parse_criteria(text);
}

std::string criteria_to_json(const CriteriaSet& set) {
    nlohmann::ordered_json j;
    j["schema"] = 1;
    j["kind"] = "criteria";
    j["id"] = set.id;
    j["version"] = set.version;
    j["title"] = set.title;
    if (!set.description.empty()) j["description"] = set.description;
    j["levels"] = nlohmann::ordered_json::array();
    for (const auto& l : set.levels)
        j["levels"].push_back({{"label", l.label}, {"score", score_json(l.score)}});
    j["categories"] = nlohmann::ordered_json::array();
    for (const auto& cat : set.categories) {
        nlohmann::ordered_json cj{{"id", cat.id}, {"title", cat.title}};
        cj["criteria"] = nlohmann::ordered_json::array();
        for (const auto& c : cat.criteria) {
            nlohmann::ordered_json one{{"id", c.id}, {"text", c.text}, {"guidance", c.guidance}};
            if (!c.codes.empty()) one["codes"] = c.codes;
            cj["criteria"].push_back(one);
        }
        j["categories"].push_back(cj);
    }
    return j.dump(2) + "\n";
}

} // namespace convene::guides
