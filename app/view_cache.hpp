// When a view's cached model must be rebuilt: the workspace was replaced, a write raised its
// revision, or the view changed what it shows (a filter, a selection) and called invalidate().
// Every screen and panel keys its cache on one of these, so no SQL runs in a frame that shows
// nothing new.
#pragma once

#include "app/views/view.hpp"

#include <cstdint>

namespace convene::app {

class ViewCache {
  public:
    // True when the cache must be rebuilt; remembers ctx, so the next call with the same
    // workspace and revision is false until invalidate().
    bool stale(const ViewContext& ctx) {
        if (valid_ && workspace_ == ctx.workspace && revision_ == ctx.revision) return false;
        workspace_ = ctx.workspace;
        revision_ = ctx.revision;
        valid_ = true;
        return true;
    }
    // What the view shows changed (not the workspace): rebuild on the next stale().
    void invalidate() { valid_ = false; }

  private:
    const store::Workspace* workspace_ = nullptr;
    std::uint64_t revision_ = 0;
    bool valid_ = false;
};

} // namespace convene::app
