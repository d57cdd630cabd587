#include "app/soft_wrap.hpp"

#include <catch2/catch.hpp>

using namespace convene::app::softwrap;

namespace {
// Every byte is one unit wide; break after the last space that fits, else mid-word.
std::size_t mono_break(std::string_view line, float width) {
    auto w = static_cast<std::size_t>(width);
    if (line.size() <= w) return line.size();
    auto space = line.substr(0, w + 1).rfind(' ');
    return space == std::string_view::npos || space == 0 ? w : space;
}
} // namespace

TEST_CASE("soft wrap inserts breaks where lines overflow and unwrap restores the text") {
    std::string text = "José said the grain size is a half day\nNext para";
    auto l = wrap(text, 12, mono_break);
    CHECK(unwrap(l.display, l.soft) == text);
    CHECK_FALSE(l.soft.empty());
    for (auto s : l.soft)
        CHECK(l.display[s] == '\n');
    // No visual line is wider than 12 (bytes here), apart from trailing spaces.
    std::size_t start = 0;
    for (std::size_t i = 0; i <= l.display.size(); ++i) {
        if (i == l.display.size() || l.display[i] == '\n') {
            auto line = l.display.substr(start, i - start);
            while (!line.empty() && line.back() == ' ')
                line.pop_back();
            CHECK(line.size() <= 13);
            start = i + 1;
        }
    }
    // Hard line breaks are kept and are not soft.
    CHECK(unwrap(l.display, l.soft).find('\n') == text.find('\n'));
}

TEST_CASE("a word longer than the box is cut, and a zero width leaves text alone") {
    auto l = wrap("abcdefghijklmnop", 5, mono_break);
    CHECK(l.display == "abcde\nfghij\nklmno\np");
    CHECK(unwrap(l.display, l.soft) == "abcdefghijklmnop");
    CHECK(wrap("abc def", 0, mono_break).display == "abc def");
}

TEST_CASE("positions map between text and display around soft breaks") {
    auto l = wrap("aaaa bbbb cccc", 5, mono_break); // "aaaa \nbbbb \ncccc"
    REQUIRE(l.display == "aaaa \nbbbb \ncccc");
    CHECK(to_display_pos(0, l.soft) == 0);
    CHECK(to_display_pos(5, l.soft) == 6); // first 'b' is after the soft break
    CHECK(to_display_pos(10, l.soft) == 12);
    CHECK(to_text_pos(6, l.soft) == 5);
    CHECK(to_text_pos(12, l.soft) == 10);
    for (std::size_t t = 0; t <= 14; ++t)
        CHECK(to_text_pos(to_display_pos(t, l.soft), l.soft) == t);
}

TEST_CASE("soft breaks survive an edit elsewhere and shift with it") {
    auto l = wrap("aaaa bbbb cccc", 5, mono_break);
    std::string edited = l.display;
    edited.insert(1, "X"); // typed in the first line
    auto soft = carry(l.display, l.soft, edited);
    REQUIRE(soft.size() == 2);
    CHECK(soft[0] == l.soft[0] + 1);
    CHECK(unwrap(edited, soft) == "aXaaa bbbb cccc");
    // Deleting across a soft break removes it with the edit.
    std::string cut = l.display.substr(0, 3) + l.display.substr(8);
    auto soft2 = carry(l.display, l.soft, cut);
    CHECK(soft2.size() == 1);
    CHECK(unwrap(cut, soft2) == "aaabb cccc");
}
