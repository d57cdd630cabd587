// Reads a JSON document into a model while collecting every problem with its path, so a loader
// reports all of them at once ("areas[3].questions[2].groups[0]: unknown group ...").
#pragma once

#include "guides/problems.hpp"

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace convene::guides {

using json = nlohmann::json;

// Parses text; on a syntax error adds a problem with line and column and returns nullopt.
std::optional<json> parse_json_text(std::string_view text, Problems& problems);

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
    std::optional<int> integer(const json& obj, const std::string& path, std::string_view key,
                               bool required);
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
