// Loads the UI fonts: DejaVu Sans (and Sans Bold for headings) through imgui_freetype, with the
// glyph ranges facilitators' notes need (curly quotes, dashes, arrows, math signs), falling back
// to ImGui's built-in font when the TTF files are missing.
#pragma once

#include <string>

struct ImGuiIO;
struct ImFont;

namespace convene::app {

inline constexpr const char* kDefaultFontDir = "/usr/share/fonts/truetype/dejavu";
inline constexpr float kBaseFontPixels = 17.0f;

struct Fonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    bool fallback = false; // true when the TTF could not be loaded
    float pixel_size = 0;
};

// Clears io.Fonts, loads the fonts at pixel_size and builds the atlas (RGBA32) so the caller
// only has to upload the texture. The result is also kept for fonts().
const Fonts& load_fonts(ImGuiIO& io, float pixel_size,
                        const std::string& font_dir = kDefaultFontDir);
const Fonts& fonts();

} // namespace convene::app
