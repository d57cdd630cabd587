#include "guides/field_values.hpp"

#include "guides/numbers.hpp"

#include "guides/json_reader.hpp"
#include "guides/limits.hpp"
#include "guides/text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace convene::guides {
namespace {

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string s;
    for (std::size_t i = 0; i < v.size(); ++i)
        s += (i ? sep : "") + v[i];
    return s;
}

bool allowed(const Field& f, const std::string& v) {
    auto values = f.allowed_values();
    return std::find(values.begin(), values.end(), v) != values.end();
}

constexpr int kScalePoints = 5;

std::string scale_range() {
    return "expected a whole number from 1 to " + std::to_string(kScalePoints);
}

// Compares as 64-bit integers, so 4294967297 is out of range rather than 1.
std::optional<std::string> check_scale_point(const nlohmann::json& v) {
    if (v.is_number_float()) {
        double d = v.get<double>();
        if (d >= 1 && d <= kScalePoints && d != std::floor(d))
            return nlohmann::json(d).dump() + " is not a whole scale point; " + scale_range();
        return scale_range();
    }
    auto n = whole_number(v);
    if (!n || *n < 1 || *n > kScalePoints) return scale_range();
    return std::nullopt;
}

// The text of a number field or scale point as JSON: a scale point becomes an int only once it
// is known to be a whole number from 1 to 5 (converting 1e300 to int is undefined).
nlohmann::json number_json(const Field& f, double d) {
    if (f.type == FieldType::Scale5 && d >= 1 && d <= kScalePoints && d == std::floor(d))
        return static_cast<int>(d);
    return d;
}

} // namespace

std::optional<std::string> check_value(const Field& f, const nlohmann::json& v) {
    if (v.is_null()) return std::nullopt;
    switch (f.type) {
    case FieldType::Number: {
        if (!v.is_number()) return "expected a number";
        double d = v.get<double>();
        if (!std::isfinite(d)) return "expected a finite number";
        if (f.min && d < *f.min) return "must be at least " + nlohmann::json(*f.min).dump();
        if (f.max && d > *f.max) return "must be at most " + nlohmann::json(*f.max).dump();
        return std::nullopt;
    }
    case FieldType::Scale5:
        return check_scale_point(v);
    case FieldType::Text:
        if (!v.is_string()) return "expected text";
        if (v.get_ref<const std::string&>().size() > kMaxTextBytes)
            return "is " + std::to_string(v.get_ref<const std::string&>().size()) +
                   " bytes long; a text answer holds at most " + size_text(kMaxTextBytes);
        return std::nullopt;
    case FieldType::Multi: {
        if (!v.is_array()) return "expected a list of choices";
        for (const auto& x : v)
            if (!x.is_string() || !allowed(f, x.get<std::string>()))
                return "\"" + (x.is_string() ? x.get<std::string>() : x.dump()) +
                       "\" is not one of: " + join(f.choices, ", ");
        return std::nullopt;
    }
    default:
        if (!v.is_string() || !allowed(f, v.get<std::string>()))
            return (v.is_string() ? "\"" + v.get<std::string>() + "\"" : v.dump()) +
                   " is not one of: " + join(f.allowed_values(), ", ");
        return std::nullopt;
    }
}

ParsedValue parse_value(const Field& f, std::string_view text) {
    std::string t = trim(text);
    if (t.empty()) return {nullptr, ""};
    nlohmann::json v;
    switch (f.type) {
    case FieldType::Number:
    case FieldType::Scale5: {
        auto d = parse_number(t);
        if (!d) return {nullptr, "\"" + t + "\" is not a number"};
        v = number_json(f, *d);
        break;
    }
    case FieldType::Multi: {
        v = nlohmann::json::array();
        std::size_t start = 0;
        while (start <= t.size()) {
            auto comma = t.find(',', start);
            auto item = trim(std::string_view(t).substr(
                start, comma == std::string::npos ? std::string::npos : comma - start));
            if (!item.empty()) v.push_back(item);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        break;
    }
    default:
        v = t;
    }
    if (auto err = check_value(f, v)) return {nullptr, *err};
    return {v, ""};
}

std::string value_text(const Field& f, const nlohmann::json& v) {
    if (v.is_null()) return {};
    if (v.is_array()) {
        std::vector<std::string> items;
        for (const auto& x : v)
            items.push_back(x.is_string() ? x.get<std::string>() : x.dump());
        return join(items, "; ");
    }
    if (v.is_string()) return v.get<std::string>();
    std::string s = v.dump();
    if (v.is_number_float()) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", v.get<double>());
        s = buf;
    }
    return f.unit.empty() ? s : s + " " + f.unit;
}

} // namespace convene::guides
