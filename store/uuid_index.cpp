#include "store/uuid_index.hpp"

#include <algorithm>
#include <stdexcept>

namespace convene::store {

std::optional<std::array<std::uint64_t, 2>> packed_uuid(std::string_view text) {
    if (text.size() != 36) return std::nullopt;
    std::array<std::uint64_t, 2> bits{0, 0};
    int digit = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') return std::nullopt;
            continue;
        }
        std::uint64_t v;
        if (c >= '0' && c <= '9')
            v = static_cast<std::uint64_t>(c - '0');
        else if (c >= 'a' && c <= 'f')
            v = static_cast<std::uint64_t>(c - 'a' + 10);
        else
            return std::nullopt; // uppercase too: "A" and "a" are different texts to SQLite
        auto& half = bits[static_cast<std::size_t>(digit / 16)];
        half = half << 4 | v;
        ++digit;
    }
    return bits;
}

void UuidIndex::add(std::string_view key, int value) {
    if (sealed_) throw std::logic_error("UuidIndex: add after seal");
    if (auto bits = packed_uuid(key))
        packed_.push_back({*bits, value, static_cast<std::uint32_t>(packed_.size())});
    else
        other_.emplace(std::string(key), value);
}

void UuidIndex::seal() {
    std::sort(packed_.begin(), packed_.end(), [](const Packed& a, const Packed& b) {
        return a.bits != b.bits ? a.bits < b.bits : a.added < b.added;
    });
    packed_.erase(std::unique(packed_.begin(), packed_.end(),
                              [](const Packed& a, const Packed& b) { return a.bits == b.bits; }),
                  packed_.end());
    sealed_ = true;
}

std::optional<int> UuidIndex::find(std::string_view key) const {
    if (!sealed_) throw std::logic_error("UuidIndex: find before seal");
    if (auto bits = packed_uuid(key)) {
        auto it = std::lower_bound(packed_.begin(), packed_.end(), *bits,
                                   [](const Packed& p, const auto& b) { return p.bits < b; });
        if (it != packed_.end() && it->bits == *bits) return it->value;
        return std::nullopt;
    }
    auto it = other_.find(std::string(key));
    if (it == other_.end()) return std::nullopt;
    return it->second;
}

} // namespace convene::store
