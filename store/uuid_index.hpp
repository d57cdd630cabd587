// Text keys (uuids) to small integers, for loading many rows that name each other by uuid (the
// coding snapshot: 60,000 answers named by 150,000 segments). A uuid in the form Convene writes
// (36 characters, lowercase hex, dashes at 8-13-18-23) is kept as its 16 bytes in a sorted
// vector; any other text, which older or imported workspaces may hold, in a map of its own, so
// every key is found exactly as SQLite would compare the text. About 24 bytes a key instead of
// ~120 for a std::unordered_map<std::string, int>.
//
// Add every key first, then seal(), then find(): find() before seal() throws std::logic_error.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace convene::store {

class UuidIndex {
  public:
    void reserve(std::size_t keys) { packed_.reserve(keys); }
    // A key added twice keeps its first value (as std::unordered_map::emplace does).
    void add(std::string_view key, int value);
    void seal();
    std::optional<int> find(std::string_view key) const;
    std::size_t size() const { return packed_.size() + other_.size(); }

  private:
    struct Packed {
        std::array<std::uint64_t, 2> bits;
        int value;
        std::uint32_t added; // order of adding: the first of equal keys wins
    };
    std::vector<Packed> packed_;
    std::unordered_map<std::string, int> other_;
    bool sealed_ = false;
};

// The 16 bytes of a uuid written as Convene writes it, or nullopt for any other text.
std::optional<std::array<std::uint64_t, 2>> packed_uuid(std::string_view text);

} // namespace convene::store
