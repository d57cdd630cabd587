// Looking up what the quality-review commands name (a profile, a criteria set, a reviewer) and
// the compiled review as JSON, shared by app/cli/quality_commands.cpp and profile_commands.cpp.
#pragma once

#include "app/cli/context.hpp"
#include "export/quality_compilation.hpp"
#include "guides/criteria.hpp"
#include "guides/profiles.hpp"
#include "store/people.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace CLI {
class App;
}

namespace convene::cli {

// The profile with this slug; CommandError listing the slugs otherwise.
guides::Profile require_profile(Context& ctx, const std::string& slug);

struct NamedSet {
    std::string hash;
    guides::CriteriaSet set;
};
// The criteria set named by its id (current version) or a hash start; CommandError otherwise.
NamedSet require_criteria_set(Context& ctx, const std::string& text);
// The person named (name or uuid start); CommandError saying how to add one.
store::Person require_reviewer(Context& ctx, const std::string& name);

// A level's label, or "" for none.
std::string level_label(const guides::CriteriaSet& set, std::optional<int> level);
nlohmann::ordered_json compilation_json(const NamedSet& set,
                                        const exporting::ProfileCompilation& p);

void add_profile_commands(CLI::App& app, Context& ctx);

} // namespace convene::cli
