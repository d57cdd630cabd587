// A printable interview or focus-group protocol: the guide's purposes, areas with time
// budgets, and one group's questions with probes, as HTML or Markdown to take into the room.
#pragma once

#include "guides/guide.hpp"

#include <string>
#include <string_view>

namespace convene::exporting {

struct ProtocolOptions {
    std::string group;
    std::string state;
    std::string org;
};

std::string protocol_html(const guides::Guide& guide, const ProtocolOptions& options);
std::string protocol_markdown(const guides::Guide& guide, const ProtocolOptions& options);

} // namespace convene::exporting
