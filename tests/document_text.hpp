// What a person reads in a written document: HTML without its style, tags and entities, or
// Markdown without its escapes, emphasis marks, table borders and quote marks, with runs of
// white space made one space. Tests look for the words they expect in it.
#pragma once

#include <string>
#include <string_view>

namespace convene::test {

std::string collapse(std::string_view text);
std::string visible_html(std::string_view html);
std::string visible_markdown(std::string_view md);

} // namespace convene::test
