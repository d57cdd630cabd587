#include "guides/json_reader.hpp"

#include "guides/limits.hpp"

#include <algorithm>
#include <limits>

namespace convene::guides {

namespace {

// "line 3, column 7" for the byte at offset.
std::string line_and_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1 + static_cast<std::size_t>(std::count(
                               text.begin(), text.begin() + static_cast<long>(offset), '\n'));
    auto last_nl = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    std::size_t column =
        last_nl == std::string_view::npos || offset == 0 ? offset + 1 : offset - last_nl;
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// Where arrays and objects first nest deeper than kMaxJsonDepth (outside strings), if they do.
// Checked before parsing, so that nothing later walks a million levels deep.
std::optional<std::size_t> too_deep_at(std::string_view text) {
    std::size_t depth = 0;
    bool in_string = false, escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxJsonDepth) return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<json> parse_json_text(std::string_view text, Problems& problems) {
    if (text.size() > kMaxDataFileBytes) {
        problems.push_back({"", "is " + std::to_string(text.size()) +
                                    " bytes; Convene reads data files of at most " +
                                    size_text(kMaxDataFileBytes)});
        return std::nullopt;
    }
    if (auto at = too_deep_at(text)) {
        problems.push_back({"", "arrays and objects nest more than " +
                                    std::to_string(kMaxJsonDepth) + " levels deep at " +
                                    line_and_column(text, *at)});
        return std::nullopt;
    }
    try {
        return json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        std::string what = e.what();
        if (auto p = what.find("parse error"); p != std::string::npos) what = what.substr(p);
        problems.push_back({"", "not valid JSON at " +
                                    line_and_column(text, e.byte == 0 ? 0 : e.byte - 1) + " (" +
                                    what + ")"});
        return std::nullopt;
    } catch (const json::exception& e) {
        // e.g. a number too large for a double: not a syntax error, still not a usable file
        problems.push_back({"", std::string("not usable JSON: ") + e.what()});
        return std::nullopt;
    }
}

std::optional<std::int64_t> whole_number(const json& value) {
    if (value.is_number_unsigned()) {
        auto u = value.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return std::nullopt;
        return static_cast<std::int64_t>(u);
    }
    if (value.is_number_integer()) return value.get<std::int64_t>();
    return std::nullopt;
}

std::string JsonReader::describe_type(const json& v) {
    if (v.is_null()) return "null";
    if (v.is_boolean()) return "a boolean";
    if (v.is_number()) return "a number";
    if (v.is_string()) return "a string";
    if (v.is_array()) return "an array";
    return "an object";
}

bool JsonReader::valid_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    });
}

bool JsonReader::object(const json& value, const std::string& path,
                        std::initializer_list<std::string_view> allowed) {
    if (!value.is_object()) {
        problem(path, "expected an object, found " + describe_type(value));
        return false;
    }
    for (auto it = value.begin(); it != value.end(); ++it) {
        if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end()) {
            std::string known;
            for (auto k : allowed)
                known += (known.empty() ? "" : ", ") + std::string(k);
            problem(path, "unknown key \"" + it.key() + "\"; known keys are " + known);
        }
    }
    return true;
}

std::string JsonReader::string(const json& obj, const std::string& path, std::string_view key,
                               bool required, bool non_empty) {
    auto it = obj.find(key);
    std::string p = join(path, key);
    if (it == obj.end()) {
        if (required) problem(p, "missing; expected a string");
        return {};
    }
    if (!it->is_string()) {
        problem(p, "expected a string, found " + describe_type(*it));
        return {};
    }
    auto s = it->get<std::string>();
    text_size(p, s);
    if (non_empty && s.find_first_not_of(" \t\r\n") == std::string::npos)
        problem(p, "is empty; expected some text");
    return s;
}

std::string JsonReader::id(const json& obj, const std::string& path, std::string_view key) {
    auto s = string(obj, path, key, true);
    if (!s.empty() && !valid_id(s))
        problem(join(path, key), "\"" + s +
                                     "\" is not a valid id; use lower-case letters, digits, "
                                     "'-', '_' and '.' (at most 64)");
    return s;
}

std::optional<double> JsonReader::number(const json& obj, const std::string& path,
                                         std::string_view key, bool required) {
    auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) problem(join(path, key), "missing; expected a number");
        return std::nullopt;
    }
    if (!it->is_number()) {
        problem(join(path, key), "expected a number, found " + describe_type(*it));
        return std::nullopt;
    }
    return it->get<double>();
}

std::optional<int> JsonReader::integer(const json& obj, const std::string& path,
                                       std::string_view key, bool required, int lo, int hi) {
    auto it = obj.find(key);
    std::string p = join(path, key);
    if (it == obj.end()) {
        if (required) problem(p, "missing; expected a whole number");
        return std::nullopt;
    }
    if (!it->is_number_integer()) {
        problem(p, "expected a whole number, found " + describe_type(*it));
        return std::nullopt;
    }
    // Compared before converting: 4294967297 must not become 1.
    auto n = whole_number(*it);
    if (!n || *n < lo || *n > hi) {
        problem(p, it->dump() + " is out of range; expected a whole number from " +
                       std::to_string(lo) + " to " + std::to_string(hi));
        return std::nullopt;
    }
    return static_cast<int>(*n);
}

bool JsonReader::text_size(const std::string& path, const std::string& text) {
    if (text.size() <= kMaxTextBytes) return true;
    problem(path, "is " + std::to_string(text.size()) + " bytes long; a text holds at most " +
                      size_text(kMaxTextBytes));
    return false;
}

bool JsonReader::boolean(const json& obj, const std::string& path, std::string_view key,
                         bool fallback) {
    auto it = obj.find(key);
    if (it == obj.end()) return fallback;
    if (!it->is_boolean()) {
        problem(join(path, key), "expected true or false, found " + describe_type(*it));
        return fallback;
    }
    return it->get<bool>();
}

const json* JsonReader::array(const json& obj, const std::string& path, std::string_view key,
                              bool required, bool non_empty) {
    auto it = obj.find(key);
    std::string p = join(path, key);
    if (it == obj.end()) {
        if (required) problem(p, "missing; expected an array");
        return nullptr;
    }
    if (!it->is_array()) {
        problem(p, "expected an array, found " + describe_type(*it));
        return nullptr;
    }
    if (non_empty && it->empty()) problem(p, "is empty; expected at least one entry");
    return &*it;
}

std::vector<std::string> JsonReader::strings(const json& obj, const std::string& path,
                                             std::string_view key, bool required, bool non_empty) {
    std::vector<std::string> out;
    const json* a = array(obj, path, key, required, non_empty);
    if (!a) return out;
    std::string p = join(path, key);
    for (std::size_t i = 0; i < a->size(); ++i) {
        const json& v = (*a)[i];
        if (!v.is_string()) {
            problem(index(p, i), "expected a string, found " + describe_type(v));
            continue;
        }
        out.push_back(v.get<std::string>());
        text_size(index(p, i), out.back());
    }
    return out;
}

bool JsonReader::header(const json& doc, std::string_view kind, int schema) {
    if (!doc.is_object()) {
        problem("", "expected a JSON object at the top, found " + describe_type(doc));
        return false;
    }
    bool ok = true;
    auto s = integer(doc, "", "schema", true, 1, std::numeric_limits<int>::max());
    if (!s) {
        ok = false;
    } else if (*s != schema) {
        problem("schema", "this version of Convene reads " + std::string(kind) + " schema " +
                              std::to_string(schema) + ", the file has schema " +
                              std::to_string(*s));
        ok = false;
    }
    auto k = string(doc, "", "kind", true);
    if (!k.empty() && k != kind) {
        problem("kind", "expected \"" + std::string(kind) + "\", found \"" + k + "\"");
        ok = false;
    }
    return ok;
}

} // namespace convene::guides
