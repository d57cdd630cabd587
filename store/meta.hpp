// Facts about the workspace file itself (the meta table).
#pragma once

#include "store/workspace.hpp"

#include <string>

namespace convene::store {

struct WorkspaceInfo {
    std::string path;
    int format = 0;
    std::string uuid;
    std::string created_at;
};

WorkspaceInfo read_workspace_info(Workspace& ws);

} // namespace convene::store
