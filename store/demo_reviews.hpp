// The demo's quality review (guides/data/demo-reviews.json, written for Convene): three
// reviewers who rated two MC profiles against the bundled criteria set, one of them leaving some
// criteria out, with disagreement on a few, so the compiled view and the overview show
// something real.
#pragma once

#include "store/workspace.hpp"

#include <filesystem>

namespace convene::store {

struct DemoReviewsResult {
    int reviewers = 0; // people added (a coder of the same name is reused)
    int ratings = 0;
};

// Throws Error naming the rating that does not fit (unknown profile, criterion or level).
DemoReviewsResult load_demo_reviews(Workspace& ws, const std::filesystem::path& file);

} // namespace convene::store
