// Guide <-> JSON: loading validates everything and reports every problem with its path;
// saving writes a canonical form, so load(save(g)) == g and the content hash is stable.
#pragma once

#include "guides/guide.hpp"
#include "guides/limits.hpp"
#include "guides/problems.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace convene::guides {

class JsonReader;

struct GuideLoad {
    std::optional<Guide> guide; // set only when there are no problems
    Problems problems;
};

GuideLoad parse_guide(std::string_view json_text);
GuideLoad load_guide_file(const std::filesystem::path& file);

// Canonical JSON text (2-space indent, keys in FORMAT.md order, trailing newline).
std::string guide_to_json(const Guide& guide);
// SHA-256 of the canonical JSON, as 64 hex digits: a conversation's snapshot key.
std::string content_hash(const Guide& guide);
std::string sha256_hex(std::string_view bytes);

// The optional "source" object (the document a guide or instrument is based on), shared by
// every data format that cites one.
void read_source(JsonReader& reader, const nlohmann::json& doc, Source& source);
void write_source(nlohmann::ordered_json& doc, const Source& source);

// Reads a whole file; throws std::runtime_error naming the file on failure or when the file is
// larger than max_bytes (data loaders pass kMaxDataFileBytes).
std::string read_text_file(const std::filesystem::path& file,
                           std::size_t max_bytes = kMaxTextFileBytes);

} // namespace convene::guides
