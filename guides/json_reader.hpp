// Reads a JSON document into a model while collecting every problem with its path, so a loader
// reports all of them at once ("areas[3].questions[2].groups[0]: unknown group ...").
#pragma once

#include "guides/problems.hpp"

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace convene::guides {

using json = nlohmann::json;

// Parses text; on a syntax error adds a problem with line and column and returns nullopt. Text
// longer than kMaxDataFileBytes or nested deeper than kMaxJsonDepth is refused the same way.
std::optional<json> parse_json_text(std::string_view text, Problems& problems);

// The value of a JSON integer, or nullopt if value is not one or does not fit in 64 bits.
std::optional<std::int64_t> whole_number(const json& value);

class JsonReader {
  public:
    explicit JsonReader(Problems& problems) : problems_(problems) {}

    void problem(const std::string& path, std::string message) {
        problems_.push_back({path, std::move(message)});
    }
    static std::string join(const std::string& path, std::string_view key) {
        return path.empty() ? std::string(key) : path + "." + std::string(key);
    }
    static std::string index(const std::string& path, std::size_t i) {
        return path + "[" + std::to_string(i) + "]";
    }

    // Checks that value is an object and that it has no keys besides the allowed ones.
    bool object(const json& value, const std::string& path,
                std::initializer_list<std::string_view> allowed);

    std::string string(const json& obj, const std::string& path, std::string_view key,
                       bool required, bool non_empty = true);
    // A string that must be an id: lower-case letters, digits, '-', '_' and '.'.
    std::string id(const json& obj, const std::string& path, std::string_view key);
    std::optional<double> number(const json& obj, const std::string& path, std::string_view key,
                                 bool required);
    // A whole number from lo to hi; anything outside is a problem, never a wrapped-around int.
    std::optional<int> integer(const json& obj, const std::string& path, std::string_view key,
                               bool required, int lo = std::numeric_limits<int>::min(),
                               int hi = std::numeric_limits<int>::max());
    // False, with a problem at path, when text is longer than kMaxTextBytes.
    bool text_size(const std::string& path, const std::string& text);
    bool boolean(const json& obj, const std::string& path, std::string_view key, bool fallback);
    // The array at key (nullptr with a problem if required and missing or not an array).
    const json* array(const json& obj, const std::string& path, std::string_view key, bool required,
                      bool non_empty = false);
    std::vector<std::string> strings(const json& obj, const std::string& path, std::string_view key,
                                     bool required, bool non_empty = false);

    // Checks "schema" and "kind" at the top of a bundled data file.
    bool header(const json& doc, std::string_view kind, int schema);

    static bool valid_id(std::string_view id);
    static std::string describe_type(const json& value);

  private:
    Problems& problems_;
};

} // namespace convene::guides
