// Participants' names replaced by "Participant 1", "Participant 2", ... in the order they were
// entered: as speakers of quotes, and wherever their full, first or last name occurs in notes.
#pragma once

#include "store/conversations.hpp"

#include <string>
#include <utility>
#include <vector>

namespace convene::exporting {

class Pseudonyms {
  public:
    Pseudonyms() = default; // replaces nothing
    explicit Pseudonyms(const std::vector<store::Participant>& participants);

    // The pseudonym of a speaker who is a participant; any other speaker as given.
    std::string speaker(const std::string& name) const;
    // text with each participant's full name, then each part of it of three letters or more,
    // replaced where it stands as a whole word.
    std::string text(const std::string& text) const;
    bool active() const { return !names_.empty(); }

  private:
    std::vector<std::pair<std::string, std::string>> names_; // name (or part) -> pseudonym
    std::vector<std::pair<std::string, std::string>> speakers_;
};

// "Participant 3" for the participant at index 2.
std::string pseudonym(std::size_t index);

} // namespace convene::exporting
