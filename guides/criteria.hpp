// Quality criteria sets: what a workgroup rates a micro-credential profile against. Categories
// of criteria (each with guidance on what evidence shows it and, optionally, the codebook codes
// under which stakeholders talked about it) and the rating levels, lowest first.
#pragma once

#include "guides/problems.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace convene::guides {

struct RatingLevel {
    std::string label; // "Partly evident"
    double score = 0;  // strictly increasing from the first level to the last
    bool operator==(const RatingLevel&) const = default;
};

struct Criterion {
    std::string id, text, guidance;
    std::vector<std::string> codes; // codebook code ids (slugs): "what stakeholders said"
    bool operator==(const Criterion&) const = default;
};

struct CriteriaCategory {
    std::string id, title;
    std::vector<Criterion> criteria;
    bool operator==(const CriteriaCategory&) const = default;
};

struct CriteriaSet {
    std::string id, version, title, description;
    std::vector<RatingLevel> levels; // lowest first; a rating is an index into this list
    std::vector<CriteriaCategory> categories;
    bool operator==(const CriteriaSet&) const = default;

    // Every criterion in order, with the title of its category.
    struct Entry {
        const Criterion* criterion;
        const CriteriaCategory* category;
    };
    std::vector<Entry> entries() const;
    const Criterion* criterion(std::string_view criterion_id) const;
    // The level whose label (ignoring case) or 1-based number is text; nullopt if none.
    std::optional<int> level_named(std::string_view text) const;
};

struct CriteriaLoad {
    std::optional<CriteriaSet> set; // only when there are no problems
    Problems problems;
};

CriteriaLoad parse_criteria(std::string_view json_text);
CriteriaLoad load_criteria_file(const std::filesystem::path& file);
// Canonical JSON (keys in FORMAT.md order, 2-space indent, trailing newline): the text the
// content hash is taken of, so parse(to_json(s)) == s and the hash is stable.
std::string criteria_to_json(const CriteriaSet& set);

} // namespace convene::guides
