#include "export/document.hpp"

#include <cctype>

namespace convene::exporting::doc {

Text plain(std::string s) {
    return {{Run::Style::Plain, std::move(s)}};
}
Text strong(std::string s) {
    return {{Run::Style::Strong, std::move(s)}};
}
Text emphasis(std::string s) {
    return {{Run::Style::Emphasis, std::move(s)}};
}
Text blank(std::string hint) {
    return {{Run::Style::Blank, std::move(hint)}};
}
Text operator+(Text a, const Text& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

Text fill(std::string_view text, const std::map<std::string, std::string>& values,
          const std::map<std::string, std::string>& hints) {
    Text out;
    std::string pending;
    for (std::size_t i = 0; i < text.size();) {
        auto close = text[i] == '{' ? text.find('}', i) : std::string_view::npos;
        std::string name =
            close == std::string_view::npos ? "" : std::string(text.substr(i + 1, close - i - 1));
        bool is_name = !name.empty() && name.size() <= 32;
        for (char c : name)
            is_name &= std::isalnum(static_cast<unsigned char>(c)) || c == '_';
        if (!is_name) {
            pending += text[i++];
            continue;
        }
        auto value = values.find(name);
        if (value != values.end() && !value->second.empty()) {
            pending += value->second;
        } else {
            if (!pending.empty()) out.push_back({Run::Style::Plain, std::move(pending)});
            pending.clear();
            auto hint = hints.find(name);
            out.push_back({Run::Style::Blank, hint == hints.end() ? name : hint->second});
        }
        i = close + 1;
    }
    if (!pending.empty()) out.push_back({Run::Style::Plain, std::move(pending)});
    return out;
}

namespace {
Block with_text(Kind kind, Text text, std::string css_class = {}) {
    Block b;
    b.kind = kind;
    b.text = std::move(text);
    b.css_class = std::move(css_class);
    return b;
}
} // namespace

Block title(Text text) {
    return with_text(Kind::Title, std::move(text));
}
Block heading(Text text) {
    return with_text(Kind::Heading, std::move(text));
}
Block subheading(Text text) {
    return with_text(Kind::Subheading, std::move(text));
}
Block paragraph(Text text, std::string css_class) {
    return with_text(Kind::Paragraph, std::move(text), std::move(css_class));
}
Block aside(Text text) {
    return with_text(Kind::Aside, std::move(text));
}
Block bullets(std::vector<Text> items) {
    Block b = with_text(Kind::Bullets, {});
    b.items = std::move(items);
    return b;
}
Block ticks(Text question, std::vector<Text> answers) {
    Block b = with_text(Kind::Ticks, std::move(question));
    b.items = std::move(answers);
    return b;
}
Block facts(std::vector<std::pair<std::string, Text>> rows) {
    Block b = with_text(Kind::Facts, {});
    b.facts = std::move(rows);
    return b;
}
Block table(std::vector<std::vector<std::string>> rows, bool numeric) {
    Block b = with_text(Kind::Table, {});
    b.rows = std::move(rows);
    b.numeric = numeric;
    return b;
}
Block quote(std::string words, std::string by) {
    Block b = with_text(Kind::Quote, plain(std::move(words)));
    b.by = std::move(by);
    return b;
}
Block write_lines(Text label, int lines) {
    Block b = with_text(Kind::WriteLines, std::move(label));
    b.lines = lines;
    return b;
}
Block keep(std::vector<Block> children, std::string css_class) {
    Block b = with_text(Kind::Keep, {});
    b.children = std::move(children);
    b.css_class = std::move(css_class);
    return b;
}
Block box(Text label, std::vector<Block> children) {
    Block b = with_text(Kind::Box, std::move(label));
    b.children = std::move(children);
    return b;
}

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else
            out += c;
    }
    return out;
}

} // namespace convene::exporting::doc
