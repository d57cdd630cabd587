// A small document model written two ways: HTML that prints well from a browser (print CSS keeps
// a question with its probes on one page) and Markdown. The printed protocol and the
// conversation report are each built once as blocks, so their two formats cannot drift apart.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace convene::exporting::doc {

// A piece of text in one style. A Blank is a line to write on; its text says what belongs there
// ("organisation") and is printed faintly on the line.
struct Run {
    enum class Style { Plain, Strong, Emphasis, Blank };
    Style style = Style::Plain;
    std::string text;
};
using Text = std::vector<Run>;

Text plain(std::string s);
Text strong(std::string s);
Text emphasis(std::string s);
Text blank(std::string hint);
Text operator+(Text a, const Text& b);

// Fills {name} placeholders from values; a placeholder with no value (or an empty one) becomes a
// Blank whose hint is hints[name] (else the name itself), so nothing like "{org}" or
// "[organisation]" is ever printed.
Text fill(std::string_view text, const std::map<std::string, std::string>& values,
          const std::map<std::string, std::string>& hints = {});

enum class Kind {
    Title,      // the document's one top heading
    Heading,    // a part (a question area)
    Subheading, // within a part
    Paragraph,
    Aside,      // smaller, muted: directions to the facilitator, sources
    Bullets,    // items
    Ticks,      // text: what is asked; items: the answers, each with a box to tick
    Facts,      // facts: label and value, one per row
    Table,      // rows, the first one the header
    Quote,      // text: the words; by: who said them
    WriteLines, // lines empty lines to write on, text: a label above them
    Keep,       // children printed on one page when they fit
    Box,        // children set apart under the label text (questions asked only sometimes)
};

struct Block {
    Kind kind = Kind::Paragraph;
    Text text;
    std::vector<Text> items;
    std::vector<std::pair<std::string, Text>> facts;
    std::vector<std::vector<std::string>> rows;
    std::string by;
    int lines = 0;
    bool numeric = false; // Table: the columns after the first hold numbers
    std::vector<Block> children;
    std::string css_class; // an extra class for the HTML element (e.g. "question")
};

Block title(Text text);
Block heading(Text text);
Block subheading(Text text);
Block paragraph(Text text, std::string css_class = {});
Block aside(Text text);
Block bullets(std::vector<Text> items);
Block ticks(Text question, std::vector<Text> answers);
Block facts(std::vector<std::pair<std::string, Text>> rows);
Block table(std::vector<std::vector<std::string>> rows, bool numeric = false);
Block quote(std::string words, std::string by);
Block write_lines(Text label, int lines);
Block keep(std::vector<Block> children, std::string css_class = {});
Block box(Text label, std::vector<Block> children);

struct Document {
    std::string title; // the HTML page title
    std::vector<Block> blocks;
    Text footer; // printed small at the end
};

std::string to_html(const Document& d);
std::string to_markdown(const Document& d);

// Text as it goes between HTML tags (&, < and > escaped).
std::string html_escape(std::string_view s);

} // namespace convene::exporting::doc
