// The demo's coding (guides/data/demo-coding.json, made by guides/data/tools/make-demo-coding.py):
// two coders who coded the demo conversations, the second double-coding most of them with some
// disagreement, so summaries and intercoder agreement show something real.
#pragma once

#include "store/workspace.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace convene::store {

struct DemoCodingResult {
    int coders = 0;
    int segments = 0;
};

// conversations: the uuids of the demo conversations in demo.json order (codings name them by
// index). Throws Error naming the coding that does not fit (unknown code, excerpt not found).
DemoCodingResult load_demo_coding(Workspace& ws, const std::filesystem::path& file,
                                  const std::vector<std::string>& conversations);

} // namespace convene::store
