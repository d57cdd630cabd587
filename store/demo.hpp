// The demo workspace: a dozen realistic conversations (guides/data/demo.json, written for
// Convene) so a newcomer sees a working project on first start.
#pragma once

#include "store/workspace.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace convene::store {

struct DemoResult {
    int conversations = 0;
    int answers = 0;
    int quotes = 0;
    std::vector<std::string> uuids; // the conversations, in the file's order
};

// Adds the demo conversations in one transaction, checked against the guide they use (question
// ids, groups, field values). Loading the demo twice adds it twice: call it on a new workspace.
DemoResult load_demo(Workspace& ws, const std::filesystem::path& demo_file);

// The whole demo project from the bundled data folder: the conversations above and a KVEC-style
// survey (100 teachers, half who earned micro-credentials) imported into pl-standards, and the
// conversations coded by two coders, and two MC profiles rated by three reviewers.
struct DemoProject {
    DemoResult conversations;
    std::size_t survey_respondents = 0;
    int coders = 0, segments = 0;   // the demo's coding (store/demo_coding.hpp)
    int reviewers = 0, ratings = 0; // the demo's quality review (store/demo_reviews.hpp)
};
DemoProject load_demo_project(Workspace& ws, const std::filesystem::path& data_dir);

} // namespace convene::store
