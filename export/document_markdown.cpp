// Documents as Markdown (CommonMark with pipe tables and task lists): what a word processor or a
// wiki imports, and readable as plain text.
#include "export/document.hpp"

#include <cctype>

namespace convene::exporting::doc {
namespace {

// One line of typed text, safe in Markdown: the characters that would start emphasis, links,
// HTML or table cells are escaped, and so is a line start that would make a heading or a list.
std::string escape_line(std::string_view line) {
    std::string out;
    for (char c : line) {
        if (std::string_view("\\`*_[]<>|").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    std::size_t start = out.find_first_not_of(' ');
    if (start == std::string::npos) return out;
    char first = out[start];
    if (first == '#' || first == '-' || first == '+' || first == '=') {
        out.insert(start, 1, '\\');
    } else if (std::isdigit(static_cast<unsigned char>(first))) {
        std::size_t d = start;
        while (d < out.size() && std::isdigit(static_cast<unsigned char>(out[d])))
            ++d;
        if (d < out.size() && (out[d] == '.' || out[d] == ')')) out.insert(d, 1, '\\');
    }
    return out;
}

// Typed text with its line ends kept as hard breaks; continuation lines get indent.
std::string escape_text(std::string_view s, std::string_view indent) {
    std::string out;
    std::size_t from = 0;
    while (true) {
        auto nl = s.find('\n', from);
        out += escape_line(s.substr(from, nl == std::string_view::npos ? nl : nl - from));
        if (nl == std::string_view::npos) break;
        out += "\\\n";
        out += indent;
        from = nl + 1;
    }
    return out;
}

std::string blank_md(const std::string& hint) {
    return "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_ (" + escape_line(hint) + ")";
}

// Emphasis marks hug the words: " (note)" is written " *(note)*", which Markdown reads.
std::string marked(const std::string& text, std::string_view mark, std::string_view indent) {
    auto b = text.find_first_not_of(' ');
    if (b == std::string::npos) return text;
    auto e = text.find_last_not_of(' ') + 1;
    return text.substr(0, b) + std::string(mark) + escape_text(text.substr(b, e - b), indent) +
           std::string(mark) + text.substr(e);
}

std::string text_md(const Text& t, std::string_view indent = "") {
    std::string out;
    for (const auto& r : t) {
        switch (r.style) {
        case Run::Style::Plain:
            out += escape_text(r.text, indent);
            break;
        case Run::Style::Strong:
            out += marked(r.text, "**", indent);
            break;
        case Run::Style::Emphasis:
            out += marked(r.text, "*", indent);
            break;
        case Run::Style::Blank:
            out += blank_md(r.text);
            break;
        }
    }
    return out;
}

std::string cell(const std::string& s) {
    std::string out = escape_line(s);
    for (std::size_t p = 0; (p = out.find('\n', p)) != std::string::npos;)
        out.replace(p, 1, " ");
    return out;
}

std::string block_md(const Block& b);

std::string children_md(const std::vector<Block>& children) {
    std::string out;
    for (const auto& c : children)
        out += block_md(c);
    return out;
}

std::string block_md(const Block& b) {
    switch (b.kind) {
    case Kind::Title:
        return "# " + text_md(b.text) + "\n\n";
    case Kind::Heading:
        return "## " + text_md(b.text) + "\n\n";
    case Kind::Subheading:
        return "### " + text_md(b.text) + "\n\n";
    case Kind::Paragraph:
        return text_md(b.text) + "\n\n";
    case Kind::Aside:
        return "*" + text_md(b.text) + "*\n\n";
    case Kind::Bullets: {
        std::string out;
        for (const auto& item : b.items)
            out += "- " + text_md(item, "  ") + "\n";
        return out + "\n";
    }
    case Kind::Ticks: {
        std::string out = text_md(b.text) + "\n\n";
        for (const auto& item : b.items)
            out += "- [ ] " + text_md(item, "      ") + "\n";
        return out + "\n";
    }
    case Kind::Facts: {
        std::string out;
        for (const auto& [label, value] : b.facts)
            out += "- **" + escape_line(label) + ":** " + text_md(value, "  ") + "\n";
        return out + "\n";
    }
    case Kind::Table: {
        std::string out;
        for (std::size_t r = 0; r < b.rows.size(); ++r) {
            out += "|";
            for (const auto& c : b.rows[r])
                out += " " + cell(c) + " |";
            out += "\n";
            if (r == 0) {
                out += "|";
                for (std::size_t c = 0; c < b.rows[0].size(); ++c)
                    out += c > 0 && b.numeric ? " ---: |" : " --- |";
                out += "\n";
            }
        }
        return out + "\n";
    }
    case Kind::Quote:
        return "> “" + text_md(b.text, "> ") + "”" +
               (b.by.empty() ? "" : "\\\n> — " + escape_line(b.by)) + "\n\n";
    case Kind::WriteLines: {
        std::string out = b.text.empty() ? "" : text_md(b.text) + "\n\n";
        // A line of underscores alone is a rule in Markdown: a line to write on when printed.
        for (int i = 0; i < b.lines; ++i)
            out += std::string(40, '_') + "\n\n";
        return out;
    }
    case Kind::Keep:
        return children_md(b.children);
    case Kind::Box: {
        // A blockquote around the children, so the group reads as one.
        std::string inner = "**" + text_md(b.text) + "**\n\n" + children_md(b.children);
        while (inner.ends_with("\n\n"))
            inner.pop_back();
        std::string out;
        std::size_t from = 0;
        while (from <= inner.size()) {
            auto nl = inner.find('\n', from);
            std::string_view line(inner.data() + from,
                                  (nl == std::string::npos ? inner.size() : nl) - from);
            out += line.empty() ? ">\n" : "> " + std::string(line) + "\n";
            if (nl == std::string::npos) break;
            from = nl + 1;
        }
        return out + "\n";
    }
    }
    return {};
}

} // namespace

std::string to_markdown(const Document& d) {
    std::string out;
    for (const auto& b : d.blocks)
        out += block_md(b);
    if (!d.footer.empty()) out += "---\n\n*" + text_md(d.footer) + "*\n";
    while (out.ends_with("\n\n"))
        out.pop_back();
    return out;
}

} // namespace convene::exporting::doc
