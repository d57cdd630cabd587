#include "document_text.hpp"

#include <cctype>

namespace convene::test {

std::string collapse(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string visible_html(std::string_view html) {
    std::string out;
    for (std::size_t i = 0; i < html.size();) {
        if (html.compare(i, 6, "<style") == 0) {
            auto end = html.find("</style>", i);
            i = end == std::string_view::npos ? html.size() : end + 8;
        } else if (html[i] == '<') {
            // Tags inside a line of text (span, strong, em) join; the others break the line.
            auto end = html.find('>', i);
            std::string_view tag = html.substr(i, end - i);
            bool inline_tag = false;
            for (std::string_view t : {"<span", "</span", "<strong", "</strong", "<em", "</em"})
                inline_tag |= tag.starts_with(t);
            i = end == std::string_view::npos ? html.size() : end + 1;
            if (!inline_tag) out += ' ';
        } else if (html[i] == '&') {
            auto end = html.find(';', i);
            std::string_view entity = html.substr(i, end - i + 1);
            out += entity == "&amp;" ? "&" : entity == "&lt;" ? "<" : entity == "&gt;" ? ">" : "?";
            i = end + 1;
        } else {
            out += html[i++];
        }
    }
    return collapse(out);
}

std::string visible_markdown(std::string_view md) {
    std::string out;
    bool line_start = true;
    for (std::size_t i = 0; i < md.size(); ++i) {
        char c = md[i];
        if (line_start && c == '>') {
            if (i + 1 < md.size() && md[i + 1] == ' ') ++i;
            continue;
        }
        line_start = c == '\n';
        if (c == '\\' && i + 1 < md.size() &&
            (std::ispunct(static_cast<unsigned char>(md[i + 1])) || md[i + 1] == '\n')) {
            out += md[++i];
            line_start = md[i] == '\n';
            continue;
        }
        // Emphasis marks go; table cell borders become spaces.
        if (c == '*') continue;
        out += c == '|' ? ' ' : c;
    }
    return collapse(out);
}

} // namespace convene::test
