// The shared codebook: hierarchical codes with a description of when to apply each.
#pragma once

#include "guides/problems.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace convene::guides {

struct Code {
    std::string id, name, description, colour; // colour "#rrggbb", "" inherits the parent's
    std::string parent;                        // parent code id, "" at the top
    bool operator==(const Code&) const = default;
};

struct Codebook {
    std::string id, title;
    std::vector<Code> codes; // parents before their children
    const Code* code(std::string_view id) const;
};

struct CodebookLoad {
    std::optional<Codebook> codebook;
    Problems problems;
};

CodebookLoad parse_codebook(std::string_view json_text);

} // namespace convene::guides
