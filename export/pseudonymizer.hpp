// Replaces people's names with stable codes for an export that leaves the team: every
// participant, quote speaker, facilitator, note taker and coder becomes P01, P02, ... in the
// order the names were added (the exporter adds them conversation by conversation, oldest first,
// then the coders), the same name always the same code. Inside free text (notes, quotes, memos)
// a full name and each capitalised part of it (a first or last name on its own) are replaced
// too, matched as whole words; a part shared by two people becomes "[name]".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace convene::exporting {

// How codes look: "P" with two digits gives P01, P02, ...; "Participant " with one gives
// Participant 1, Participant 2, ... (the conversation report's style).
struct PseudonymStyle {
    std::string prefix = "P";
    int digits = 2;
};

class Pseudonymizer {
  public:
    // Disabled: every function returns its input.
    Pseudonymizer() = default;
    explicit Pseudonymizer(bool enabled, PseudonymStyle style = {})
        : enabled_(enabled), style_(std::move(style)) {}
    bool enabled() const { return enabled_; }

    // Gives the name a code if it has none (names are compared with white space trimmed).
    void add(std::string_view name);
    // The name's code ("" stays ""); a name never added gets a code of its own.
    std::string name(std::string_view name);
    // The code of a name added before, or nothing (a disabled pseudonymizer knows no name).
    std::optional<std::string> known(std::string_view name) const;
    // The text with every known name (and name part) in it replaced.
    std::string text(std::string_view text) const;
    std::size_t size() const { return codes_.size(); }

  private:
    std::string code_for(std::size_t index) const;

    bool enabled_ = false;
    PseudonymStyle style_;
    std::unordered_map<std::string, std::string> codes_; // full name -> code
    std::vector<std::string> order_;
    // First word of a full name -> the full names starting with it (longest first).
    std::unordered_map<std::string, std::vector<std::string>> by_first_word_;
    // A single word (a part of a name) -> its replacement.
    std::unordered_map<std::string, std::string> parts_;
};

} // namespace convene::exporting
