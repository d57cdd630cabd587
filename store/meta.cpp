#include "store/meta.hpp"

namespace convene::store {

WorkspaceInfo read_workspace_info(Workspace& ws) {
    WorkspaceInfo info;
    info.path = ws.path().string();
    info.format = ws.schema_version();
    Statement st(ws.db(),
                 "SELECT key, value FROM meta WHERE key IN ('workspace_uuid', 'created_at')");
    while (st.step()) {
        auto key = st.text(0);
        if (key == "workspace_uuid") info.uuid = st.text(1);
        if (key == "created_at") info.created_at = st.text(1);
    }
    return info;
}

} // namespace convene::store
