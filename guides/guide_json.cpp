#include "guides/guide_json.hpp"

#include "guides/json_reader.hpp"
#include "guides/limits.hpp"

#include <fstream>
#include <openssl/evp.h>
#include <set>
#include <stdexcept>

namespace convene::guides {
namespace {

Field read_field(JsonReader& r, const json& j, const std::string& path) {
    Field f;
    if (!r.object(j, path, {"id", "type", "label", "unit", "min", "max", "choices", "low", "high"}))
        return f;
    f.id = r.id(j, path, "id");
    f.label = r.string(j, path, "label", true);
    auto type_name = r.string(j, path, "type", true);
    if (auto t = field_type_from_name(type_name)) {
        f.type = *t;
    } else if (!type_name.empty()) {
        r.problem(JsonReader::join(path, "type"),
                  "unknown field type \"" + type_name +
                      "\"; types are number, choice, multi, ynpu, yesno, scale5, text");
    }
    f.unit = r.string(j, path, "unit", false, false);
    f.min = r.number(j, path, "min", false);
    f.max = r.number(j, path, "max", false);
    f.low = r.string(j, path, "low", false, false);
    f.high = r.string(j, path, "high", false, false);
    bool choosy = f.type == FieldType::Choice || f.type == FieldType::Multi;
    f.choices = r.strings(j, path, "choices", choosy, choosy);
    if (!choosy && j.contains("choices"))
        r.problem(JsonReader::join(path, "choices"), "only choice and multi fields have choices");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < f.choices.size(); ++i) {
        if (f.choices[i].empty())
            r.problem(JsonReader::index(JsonReader::join(path, "choices"), i), "is empty");
        else if (!seen.insert(f.choices[i]).second)
            r.problem(JsonReader::index(JsonReader::join(path, "choices"), i),
                      "duplicate choice \"" + f.choices[i] + "\"");
    }
    if (f.type != FieldType::Number && (f.min || f.max || !f.unit.empty()))
        r.problem(path, "unit, min and max belong to number fields only");
    if (f.min && f.max && *f.min > *f.max)
        r.problem(path, "min (" + json(*f.min).dump() + ") is greater than max (" +
                            json(*f.max).dump() + ")");
    return f;
}

std::string groups_list(const Guide& g) {
    std::string s;
    for (const auto& grp : g.groups)
        s += (s.empty() ? "" : ", ") + grp.id;
    return s;
}

Question read_question(JsonReader& r, const json& j, const std::string& path, const Guide& g) {
    Question q;
    if (!r.object(j, path, {"id", "groups", "text", "cue", "probes", "condition", "fields"}))
        return q;
    q.id = r.id(j, path, "id");
    q.groups = r.strings(j, path, "groups", true, true);
    std::string gpath = JsonReader::join(path, "groups");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < q.groups.size(); ++i) {
        if (!g.group(q.groups[i]))
            r.problem(JsonReader::index(gpath, i),
                      "unknown group \"" + q.groups[i] + "\"; groups are " + groups_list(g));
        else if (!seen.insert(q.groups[i]).second)
            r.problem(JsonReader::index(gpath, i), "group \"" + q.groups[i] + "\" listed twice");
    }
    std::string tpath = JsonReader::join(path, "text");
    auto text = j.find("text");
    if (text == j.end()) {
        r.problem(tpath, "missing; expected the question's wording (a string, or an object "
                         "with one wording per group)");
    } else if (text->is_string()) {
        q.text[""] = r.string(j, path, "text", true);
    } else if (text->is_object()) {
        for (auto it = text->begin(); it != text->end(); ++it) {
            std::string kpath = JsonReader::join(tpath, it.key());
            if (!q.asked_of(it.key()))
                r.problem(kpath, "wording for \"" + it.key() +
                                     "\", which is not one of this question's groups");
            if (!it->is_string() || it->get<std::string>().empty())
                r.problem(kpath, "expected the wording as non-empty text");
            else if (r.text_size(kpath, it->get_ref<const std::string&>()))
                q.text[it.key()] = it->get<std::string>();
        }
        for (const auto& grp : q.groups)
            if (!q.text.contains(grp) && g.group(grp))
                r.problem(tpath, "no wording for group \"" + grp + "\"");
    } else {
        r.problem(tpath,
                  "expected a string or an object, found " + JsonReader::describe_type(*text));
    }
    q.cue = r.string(j, path, "cue", false);
    if (const json* probes = r.array(j, path, "probes", false)) {
        std::string ppath = JsonReader::join(path, "probes");
        for (std::size_t i = 0; i < probes->size(); ++i) {
            const json& pj = (*probes)[i];
            std::string pp = JsonReader::index(ppath, i);
            if (!r.object(pj, pp, {"text", "optional", "groups"})) continue;
            Probe p;
            p.text = r.string(pj, pp, "text", true);
            p.optional = r.boolean(pj, pp, "optional", false);
            p.groups = r.strings(pj, pp, "groups", false, pj.contains("groups"));
            for (std::size_t k = 0; k < p.groups.size(); ++k)
                if (!q.asked_of(p.groups[k]))
                    r.problem(JsonReader::index(JsonReader::join(pp, "groups"), k),
                              "group \"" + p.groups[k] + "\" is not asked this question");
            q.probes.push_back(std::move(p));
        }
    }
    q.condition = r.string(j, path, "condition", false);
    if (!q.condition.empty()) {
        std::string flag = q.condition[0] == '!' ? q.condition.substr(1) : q.condition;
        bool known = false;
        std::string names;
        for (const auto& c : g.conditions) {
            known |= c.id == flag;
            names += (names.empty() ? "" : ", ") + c.id;
        }
        if (!known)
            r.problem(JsonReader::join(path, "condition"),
                      "unknown condition \"" + flag + "\"; conditions are " +
                          (names.empty() ? "(none declared)" : names));
    }
    if (const json* fields = r.array(j, path, "fields", false)) {
        std::string fpath = JsonReader::join(path, "fields");
        std::set<std::string> ids;
        for (std::size_t i = 0; i < fields->size(); ++i) {
            Field f = read_field(r, (*fields)[i], JsonReader::index(fpath, i));
            if (!f.id.empty() && !ids.insert(f.id).second)
                r.problem(JsonReader::index(fpath, i) + ".id",
                          "duplicate field id \"" + f.id + "\" in this question");
            q.fields.push_back(std::move(f));
        }
    }
    return q;
}

} // namespace

GuideLoad parse_guide(std::string_view text) {
    GuideLoad out;
    auto doc = parse_json_text(text, out.problems);
    if (!doc) return out;
    JsonReader r(out.problems);
    if (!r.header(*doc, "guide", kGuideSchema)) return out;
    const json& j = *doc;
    r.object(j, "",
             {"schema", "kind", "id", "version", "title", "description", "source", "derived_from",
              "conditions", "groups", "areas"});
    Guide g;
    g.id = r.id(j, "", "id");
    g.version = r.string(j, "", "version", true);
    g.title = r.string(j, "", "title", true);
    g.description = r.string(j, "", "description", false, false);
    g.derived_from = r.string(j, "", "derived_from", false);
    read_source(r, j, g.source);
    if (const json* conds = r.array(j, "", "conditions", false)) {
        std::set<std::string> ids;
        for (std::size_t i = 0; i < conds->size(); ++i) {
            std::string p = JsonReader::index("conditions", i);
            if (!r.object((*conds)[i], p, {"id", "label"})) continue;
            Condition c{r.id((*conds)[i], p, "id"), r.string((*conds)[i], p, "label", true)};
            if (!c.id.empty() && !ids.insert(c.id).second)
                r.problem(p + ".id", "duplicate condition id \"" + c.id + "\"");
            g.conditions.push_back(std::move(c));
        }
    }
    if (const json* groups = r.array(j, "", "groups", true, true)) {
        std::set<std::string> ids;
        for (std::size_t i = 0; i < groups->size(); ++i) {
            std::string p = JsonReader::index("groups", i);
            const json& gj = (*groups)[i];
            if (!r.object(gj, p, {"id", "label", "purposes"})) continue;
            Group grp{r.id(gj, p, "id"), r.string(gj, p, "label", true),
                      r.strings(gj, p, "purposes", false)};
            if (!grp.id.empty() && !ids.insert(grp.id).second)
                r.problem(p + ".id", "duplicate group id \"" + grp.id + "\"");
            g.groups.push_back(std::move(grp));
        }
    }
    if (const json* areas = r.array(j, "", "areas", true, true)) {
        std::set<std::string> area_ids, question_ids;
        for (std::size_t i = 0; i < areas->size(); ++i) {
            std::string p = JsonReader::index("areas", i);
            const json& aj = (*areas)[i];
            if (!r.object(aj, p, {"id", "title", "minutes", "questions"})) continue;
            Area a;
            a.id = r.id(aj, p, "id");
            a.title = r.string(aj, p, "title", true);
            a.minutes = r.number(aj, p, "minutes", false).value_or(0);
            if (a.minutes < 0) r.problem(p + ".minutes", "must not be negative");
            if (!a.id.empty() && !area_ids.insert(a.id).second)
                r.problem(p + ".id", "duplicate area id \"" + a.id + "\"");
            if (const json* qs = r.array(aj, p, "questions", true, true)) {
                for (std::size_t k = 0; k < qs->size(); ++k) {
                    std::string qp = JsonReader::index(p + ".questions", k);
                    Question q = read_question(r, (*qs)[k], qp, g);
                    if (!q.id.empty() && !question_ids.insert(q.id).second)
                        r.problem(qp + ".id", "duplicate question id \"" + q.id + "\"");
                    a.questions.push_back(std::move(q));
                }
            }
            g.areas.push_back(std::move(a));
        }
    }
    if (out.problems.empty()) out.guide = std::move(g);
    return out;
}

std::string read_text_file(const std::filesystem::path& file, std::size_t max_bytes) {
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec))
        throw std::runtime_error(file.string() + " is a folder, not a file");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    auto too_big = [&](const std::string& size) {
        return std::runtime_error(file.string() + " is " + size +
                                  " bytes; the limit for this kind of file is " +
                                  size_text(max_bytes));
    };
    auto size = std::filesystem::file_size(file, ec);
    if (!ec && size > max_bytes) throw too_big(std::to_string(size));
    std::string text;
    if (!ec) text.reserve(size);
    // Counted while reading too: the size of a pipe or a growing file is not known in advance.
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        text.append(buf, static_cast<std::size_t>(in.gcount()));
        if (text.size() > max_bytes) throw too_big("more than " + std::to_string(max_bytes));
    }
    if (in.bad()) throw std::runtime_error("cannot read " + file.string());
    return text;
}

GuideLoad load_guide_file(const std::filesystem::path& file) {
    GuideLoad out;
    std::string text;
    try {
        text = read_text_file(file, kMaxDataFileBytes);
    } catch (const std::exception& e) {
        out.problems.push_back({"", e.what()});
        return out;
    }
    return parse_guide(text);
}

namespace {

using ojson = nlohmann::ordered_json; // keeps keys in the order written: FORMAT.md's order

ojson field_json(const Field& f) {
    ojson j;
    j["id"] = f.id;
    j["type"] = std::string(field_type_name(f.type));
    j["label"] = f.label;
    if (!f.unit.empty()) j["unit"] = f.unit;
    if (f.min) j["min"] = *f.min;
    if (f.max) j["max"] = *f.max;
    if (!f.choices.empty()) j["choices"] = f.choices;
    if (!f.low.empty()) j["low"] = f.low;
    if (!f.high.empty()) j["high"] = f.high;
    return j;
}

ojson question_json(const Question& q) {
    ojson j;
    j["id"] = q.id;
    j["groups"] = q.groups;
    if (q.text.size() == 1 && q.text.begin()->first.empty()) {
        j["text"] = q.text.begin()->second;
    } else {
        ojson t = ojson::object();
        for (const auto& g : q.groups)
            if (auto it = q.text.find(g); it != q.text.end()) t[g] = it->second;
        j["text"] = t;
    }
    if (!q.cue.empty()) j["cue"] = q.cue;
    if (!q.probes.empty()) {
        j["probes"] = ojson::array();
        for (const auto& p : q.probes) {
            ojson pj;
            pj["text"] = p.text;
            pj["optional"] = p.optional;
            if (!p.groups.empty()) pj["groups"] = p.groups;
            j["probes"].push_back(pj);
        }
    }
    if (!q.condition.empty()) j["condition"] = q.condition;
    if (!q.fields.empty()) {
        j["fields"] = ojson::array();
        for (const auto& f : q.fields)
            j["fields"].push_back(field_json(f));
    }
    return j;
}

} // namespace

std::string guide_to_json(const Guide& g) {
    ojson j;
    j["schema"] = g.schema;
    j["kind"] = "guide";
    j["id"] = g.id;
    j["version"] = g.version;
    j["title"] = g.title;
    if (!g.description.empty()) j["description"] = g.description;
    write_source(j, g.source);
    if (!g.derived_from.empty()) j["derived_from"] = g.derived_from;
    j["conditions"] = ojson::array();
    for (const auto& c : g.conditions) {
        ojson cj;
        cj["id"] = c.id;
        cj["label"] = c.label;
        j["conditions"].push_back(cj);
    }
    j["groups"] = ojson::array();
    for (const auto& grp : g.groups) {
        ojson gj;
        gj["id"] = grp.id;
        gj["label"] = grp.label;
        gj["purposes"] = grp.purposes;
        j["groups"].push_back(gj);
    }
    j["areas"] = ojson::array();
    for (const auto& a : g.areas) {
        ojson aj;
        aj["id"] = a.id;
        aj["title"] = a.title;
        aj["minutes"] = a.minutes;
        aj["questions"] = ojson::array();
        for (const auto& q : a.questions)
            aj["questions"].push_back(question_json(q));
        j["areas"].push_back(aj);
    }
    return j.dump(2) + "\n";
}

void read_source(JsonReader& r, const json& doc, Source& source) {
    auto s = doc.find("source");
    if (s == doc.end() || !r.object(*s, "source", {"title", "version", "date", "publisher"}))
        return;
    source.title = r.string(*s, "source", "title", true);
    source.version = r.string(*s, "source", "version", false);
    source.date = r.string(*s, "source", "date", false);
    source.publisher = r.string(*s, "source", "publisher", false);
}

void write_source(nlohmann::ordered_json& doc, const Source& source) {
    if (source.title.empty()) return;
    nlohmann::ordered_json s;
    s["title"] = source.title;
    if (!source.version.empty()) s["version"] = source.version;
    if (!source.date.empty()) s["date"] = source.date;
    if (!source.publisher.empty()) s["publisher"] = source.publisher;
    doc["source"] = s;
}

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 failed");
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned i = 0; i < len; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return out;
}

std::string content_hash(const Guide& g) {
    return sha256_hex(guide_to_json(g));
}

} // namespace convene::guides
