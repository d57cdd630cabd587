// The demo workspace: a dozen realistic conversations (guides/data/demo.json, written for
// Convene) so a newcomer sees a working project on first start.
#pragma once

#include "store/workspace.hpp"

#include <filesystem>

namespace convene::store {

struct DemoResult {
    int conversations = 0;
    int answers = 0;
    int quotes = 0;
};

// Adds the demo conversations in one transaction, checked against the guide they use (question
// ids, groups, field values). Loading the demo twice adds it twice: call it on a new workspace.
DemoResult load_demo(Workspace& ws, const std::filesystem::path& demo_file);

} // namespace convene::store
