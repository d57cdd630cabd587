// Sizes Convene refuses to go beyond when it reads files and text it did not write: generous for
// real guides, instruments and survey exports, small enough that a damaged or hostile file is
// refused with a message instead of filling the memory or the screen.
#pragma once

#include <cstddef>
#include <string>

namespace convene::guides {

inline constexpr std::size_t kMaxDataFileBytes = std::size_t{4} << 20;   // a guide, instrument, ...
inline constexpr std::size_t kMaxTextBytes = std::size_t{64} << 10;      // one text in such a file
inline constexpr std::size_t kMaxJsonDepth = 64;                         // arrays/objects nested
inline constexpr std::size_t kMaxTextFileBytes = std::size_t{512} << 20; // a survey export
inline constexpr std::size_t kMaxCsvCellBytes = std::size_t{64} << 10;   // one cell of it

// "4 MiB", "64 KiB" or "100 bytes", for messages about the limits above.
inline std::string size_text(std::size_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
    return std::to_string(bytes) + " bytes";
}

} // namespace convene::guides
