// png-check FILE.png MIN_WIDTH MIN_HEIGHT: exits 0 when the PNG has that size at least and is not
// blank (many distinct colours, some dark pixels for text). Used by the screenshot smoke test.
#include <cstdio>
#include <cstdlib>
#include <set>
#include <stb_image.h>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: png-check FILE.png MIN_WIDTH MIN_HEIGHT\n");
        return 2;
    }
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load(argv[1], &w, &h, &n, 4);
    if (!px) {
        std::fprintf(stderr, "png-check: cannot read %s: %s\n", argv[1], stbi_failure_reason());
        return 1;
    }
    std::set<unsigned> colours;
    long dark = 0;
    for (long i = 0; i < static_cast<long>(w) * h; ++i) {
        unsigned char* p = px + i * 4;
        colours.insert((unsigned(p[0]) << 16) | (unsigned(p[1]) << 8) | p[2]);
        if (p[0] + p[1] + p[2] < 200) ++dark;
    }
    stbi_image_free(px);
    std::printf("%s: %dx%d, %zu colours, %ld dark pixels\n", argv[1], w, h, colours.size(), dark);
    if (w < std::atoi(argv[2]) || h < std::atoi(argv[3])) return 1;
    return colours.size() >= 16 && dark > 500 ? 0 : 1;
}
