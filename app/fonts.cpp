#include "app/fonts.hpp"

#include <filesystem>
#include <imgui.h>
#include <imgui_freetype.h>

namespace convene::app {
namespace {

// Latin with extensions, general punctuation (“ ” – — …), currency, letterlike symbols, arrows,
// maths (≈ ≤ ≥), box drawing and shapes, symbols and dingbats (✓ ✗).
const ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF, 0x0100, 0x024F, 0x2000, 0x206F, 0x20A0, 0x20CF, 0x2100, 0x214F, 0x2190,
    0x21FF, 0x2200, 0x22FF, 0x2500, 0x25FF, 0x2600, 0x26FF, 0x2700, 0x27BF, 0,
};

Fonts g_fonts;

ImFont* add_ttf(ImGuiIO& io, const std::filesystem::path& file, float pixels) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return nullptr;
    ImFontConfig cfg;
    cfg.OversampleH = 1;
    return io.Fonts->AddFontFromFileTTF(file.c_str(), pixels, &cfg, kGlyphRanges);
}

} // namespace

const Fonts& load_fonts(ImGuiIO& io, float pixel_size, const std::string& font_dir) {
    io.Fonts->Clear();
    io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    io.Fonts->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    std::filesystem::path dir(font_dir);
    Fonts f;
    f.pixel_size = pixel_size;
    f.body = add_ttf(io, dir / "DejaVuSans.ttf", pixel_size);
    if (f.body) {
        f.heading = add_ttf(io, dir / "DejaVuSans-Bold.ttf", pixel_size * 1.3f);
        if (!f.heading) f.heading = f.body;
    } else {
        ImFontConfig cfg;
        cfg.SizePixels = pixel_size;
        f.body = f.heading = io.Fonts->AddFontDefault(&cfg);
        f.fallback = true;
    }
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    g_fonts = f;
    return g_fonts;
}

const Fonts& fonts() {
    return g_fonts;
}

} // namespace convene::app
