// Looking up codes and coders by what a person types, for the code and coding commands.
#pragma once

#include "app/cli/context.hpp"
#include "store/codebook.hpp"
#include "store/people.hpp"

#include <string>

namespace CLI {
class App;
}

namespace convene::cli {

// The code named by text (name, path "Parent/Child", slug or uuid start); CommandError if none.
store::CodeRow require_code(Context& ctx, const std::string& text, bool in_trash = false);
// The coder named; with an empty name the workspace's only coder. CommandError otherwise.
store::Person require_coder(Context& ctx, const std::string& name);

// code apply | unapply | segments
void add_coding_commands(CLI::App* code, Context& ctx);

} // namespace convene::cli
