#include "guides/profiles.hpp"

#include "guides/json_reader.hpp"

#include <set>

namespace convene::guides {

const Profile* ProfileLibrary::profile(std::string_view profile_id) const {
    for (const auto& p : profiles)
        if (p.id == profile_id) return &p;
    return nullptr;
}

ProfilesLoad parse_profiles(std::string_view text) {
    ProfilesLoad out;
    auto doc = parse_json_text(text, out.problems);
    if (!doc) return out;
    JsonReader r(out.problems);
    if (!r.header(*doc, "profiles", 1)) return out;
    const json& j = *doc;
    r.object(j, "", {"schema", "kind", "stacks", "profiles"});
    ProfileLibrary lib;
    std::set<std::string> profile_ids;
    if (const json* ps = r.array(j, "", "profiles", true)) {
        for (std::size_t i = 0; i < ps->size(); ++i) {
            std::string p = JsonReader::index("profiles", i);
            const json& pj = (*ps)[i];
            if (!r.object(pj, p,
                          {"id", "title", "issuer", "developer", "competency", "key_method",
                           "method_components", "research_resources", "submission_criteria",
                           "rubric", "stack", "currency_granted", "estimated_hours", "sample"}))
                continue;
            Profile pr;
            pr.id = r.id(pj, p, "id");
            pr.title = r.string(pj, p, "title", true);
            pr.issuer = r.string(pj, p, "issuer", false);
            pr.developer = r.string(pj, p, "developer", false);
            pr.competency = r.string(pj, p, "competency", true);
            pr.key_method = r.string(pj, p, "key_method", false);
            pr.method_components = r.strings(pj, p, "method_components", false);
            pr.research_resources = r.strings(pj, p, "research_resources", false);
            pr.submission_criteria = r.strings(pj, p, "submission_criteria", false);
            if (const json* rows = r.array(pj, p, "rubric", false)) {
                for (std::size_t k = 0; k < rows->size(); ++k) {
                    std::string rp = JsonReader::index(p + ".rubric", k);
                    if (!r.object((*rows)[k], rp, {"criterion", "proficient", "not_yet"})) continue;
                    pr.rubric.push_back({r.string((*rows)[k], rp, "criterion", true),
                                         r.string((*rows)[k], rp, "proficient", true),
                                         r.string((*rows)[k], rp, "not_yet", false)});
                }
            }
            pr.stack = r.string(pj, p, "stack", false);
            pr.currency_granted = r.string(pj, p, "currency_granted", false, false);
            pr.estimated_hours = r.number(pj, p, "estimated_hours", false);
            if (pr.estimated_hours && *pr.estimated_hours < 0)
                r.problem(p + ".estimated_hours", "must not be negative");
            pr.sample = r.boolean(pj, p, "sample", false);
            if (!pr.id.empty() && !profile_ids.insert(pr.id).second)
                r.problem(p + ".id", "duplicate profile id \"" + pr.id + "\"");
            lib.profiles.push_back(std::move(pr));
        }
    }
    std::set<std::string> stack_ids;
    if (const json* ss = r.array(j, "", "stacks", false)) {
        for (std::size_t i = 0; i < ss->size(); ++i) {
            std::string p = JsonReader::index("stacks", i);
            const json& sj = (*ss)[i];
            if (!r.object(sj, p, {"id", "title", "description", "profiles"})) continue;
            Stack st{r.id(sj, p, "id"), r.string(sj, p, "title", true),
                     r.string(sj, p, "description", false),
                     r.strings(sj, p, "profiles", true, true)};
            for (std::size_t k = 0; k < st.profiles.size(); ++k)
                if (!profile_ids.contains(st.profiles[k]))
                    r.problem(JsonReader::index(p + ".profiles", k),
                              "unknown profile \"" + st.profiles[k] + "\"");
            if (!st.id.empty() && !stack_ids.insert(st.id).second)
                r.problem(p + ".id", "duplicate stack id \"" + st.id + "\"");
            lib.stacks.push_back(std::move(st));
        }
    }
    for (std::size_t i = 0; i < lib.profiles.size(); ++i)
        if (!lib.profiles[i].stack.empty() && !stack_ids.contains(lib.profiles[i].stack))
            r.problem(JsonReader::index("profiles", i) + ".stack",
                      "unknown stack \"" + lib.profiles[i].stack + "\"");
    if (out.problems.empty()) out.library = std::move(lib);
    return out;
}

std::string profiles_to_json(const ProfileLibrary& lib) {
    nlohmann::ordered_json j;
    j["schema"] = 1;
    j["kind"] = "profiles";
    j["stacks"] = nlohmann::ordered_json::array();
    for (const auto& s : lib.stacks) {
        nlohmann::ordered_json sj;
        sj["id"] = s.id;
        sj["title"] = s.title;
        if (!s.description.empty()) sj["description"] = s.description;
        sj["profiles"] = s.profiles;
        j["stacks"].push_back(sj);
    }
    j["profiles"] = nlohmann::ordered_json::array();
    for (const auto& p : lib.profiles) {
        nlohmann::ordered_json pj;
        pj["id"] = p.id;
        pj["title"] = p.title;
        for (auto [k, v] : {std::pair{"issuer", &p.issuer},
                            {"developer", &p.developer},
                            {"competency", &p.competency},
                            {"key_method", &p.key_method}})
            if (!v->empty()) pj[k] = *v;
        for (auto [k, v] : {std::pair{"method_components", &p.method_components},
                            {"research_resources", &p.research_resources},
                            {"submission_criteria", &p.submission_criteria}})
            if (!v->empty()) pj[k] = *v;
        if (!p.rubric.empty()) {
            pj["rubric"] = nlohmann::ordered_json::array();
            for (const auto& row : p.rubric) {
                nlohmann::ordered_json rj;
                rj["criterion"] = row.criterion;
                rj["proficient"] = row.proficient;
                if (!row.not_yet.empty()) rj["not_yet"] = row.not_yet;
                pj["rubric"].push_back(rj);
            }
        }
        if (!p.stack.empty()) pj["stack"] = p.stack;
        if (!p.currency_granted.empty()) pj["currency_granted"] = p.currency_granted;
        if (p.estimated_hours) pj["estimated_hours"] = *p.estimated_hours;
        if (p.sample) pj["sample"] = true;
        j["profiles"].push_back(pj);
    }
    return j.dump(2) + "\n";
}

} // namespace convene::guides
