// "Who is coding?": asked once per workspace on this machine, before the first code is applied;
// pick a person of the workspace or add one. The answer is kept in the settings by the person's
// uuid (Settings::coders, keyed by the workspace file), so codings carry who made them.
#pragma once

#include "app/settings.hpp"
#include "store/people.hpp"

#include <optional>
#include <string>
#include <vector>

namespace convene::store {
class Workspace;
}

namespace convene::app {

// The person coding in this workspace on this machine: "" when none was chosen yet or they are no
// longer in people.
std::string current_coder(const Settings& settings, const store::Workspace& ws,
                          const std::vector<store::Person>& people);
void remember_coder(Settings& settings, const store::Workspace& ws, const std::string& uuid);

class CoderDialog {
  public:
    struct Choice {
        std::string uuid;     // an existing person
        std::string new_name; // or a person to add (uuid empty)
    };
    void open() { open_ = true; }
    bool is_open() const { return open_ || shown_; }
    // Draws the dialog while it is open. people: the caller's cached list; current: the coder now.
    std::optional<Choice> draw(const std::vector<store::Person>& people,
                               const std::string& current);

  private:
    bool open_ = false, shown_ = false;
    std::string name_;
};

} // namespace convene::app
