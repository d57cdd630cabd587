// Documents as one self-contained HTML page: no scripts, no web fonts, no images, styles inline,
// so it opens the same on any machine and prints on Letter or A4 from any browser.
#include "export/document.hpp"

namespace convene::exporting::doc {
namespace {

// Print rules: a question (class keep) never splits across pages when it fits on one, and a
// heading never ends a page. Blank lines and tick boxes are borders, so they print without
// "background graphics" turned on.
constexpr const char* kStyle = R"(
@page { size: letter; margin: 16mm 17mm 18mm; }
html { font-size: 10.5pt; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1a1a1a;
  line-height: 1.4; max-width: 48em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin: 0 0 .3em; color: #123a5a; }
h2 { font-size: 1.2em; margin: 1.5em 0 .5em; padding-bottom: .15em; color: #123a5a;
  border-bottom: 1.5px solid #123a5a; }
h3 { font-size: 1.05em; margin: 1.1em 0 .4em; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
p { margin: .35em 0; }
.aside { color: #555; font-size: .9em; font-style: italic; }
.blank { display: inline-block; min-width: 9em; border-bottom: 1px solid #333; color: #999;
  font-size: .75em; font-style: normal; padding: 0 .3em; vertical-align: baseline; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; }
th, td { text-align: left; vertical-align: top; padding: .3em .5em; border-bottom: 1px solid #ccc; }
th { background: #eef2f6; font-weight: bold; }
table.facts th { width: 13em; background: none; color: #333; }
table.facts td .blank { min-width: 20em; }
td.num, th.num { text-align: right; }
ul.bullets { margin: .3em 0 .3em 1.2em; padding: 0; }
ul.bullets li { margin: .15em 0; }
.ticks { margin: .3em 0 .3em 1.2em; }
.ticks .ask { display: block; font-size: .9em; color: #234; }
p.field { margin-left: 1.2em; font-size: .9em; color: #234; }
tr { break-inside: avoid; page-break-inside: avoid; }
.tick { display: inline-block; margin: .1em 1.1em .1em 0; white-space: nowrap; }
.tick::before { content: ""; display: inline-block; width: .8em; height: .8em;
  border: 1px solid #333; margin-right: .35em; vertical-align: -.05em; }
blockquote { margin: .5em 0 .5em 1.2em; padding: .1em 0 .1em .8em; border-left: 3px solid #9bb;
  font-style: italic; }
blockquote .by { display: block; font-style: normal; font-size: .9em; color: #444; }
.checklist .ask { display: block; font-size: 1em; color: inherit; margin-bottom: .2em; }
.checklist .tick { display: block; white-space: normal; margin: .25em 0 .25em .4em; }
ul.probes { list-style: none; }
ul.probes li::before { content: "\203A"; color: #6d8aa6; font-weight: bold; margin: 0 .5em 0 -.9em; }
.keep { break-inside: avoid; page-break-inside: avoid; margin: .9em 0 1.1em; }
.question > p:first-child { font-weight: bold; }
.question .num { color: #123a5a; margin-right: .3em; }
.probe { margin: .2em 0 .2em 1.2em; }
.write .label { font-size: .85em; color: #555; margin: .4em 0 0; }
.write .line { border-bottom: 1px solid #aaa; height: 1.75em; }
.box { border: 1px solid #9aa9b8; border-left: 4px solid #6d8aa6; padding: .2em .9em .4em;
  margin: 1em 0; }
.box > .label { font-weight: bold; color: #2d4d6a; margin: .5em 0 .2em; }
.cover { border: 1px solid #bbb; background: #f7f7f2; padding: .5em 1em; margin: 1em 0; }
footer { margin-top: 2.5em; padding-top: .5em; border-top: 1px solid #ccc; font-size: .8em;
  color: #666; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  th { background: none; border-bottom: 1.5px solid #333; }
  .cover { background: none; }
}
)";

void run_html(std::string& out, const Run& r) {
    std::string text = html_escape(r.text);
    // Line ends typed in notes stay line ends.
    for (std::size_t p = 0; (p = text.find('\n', p)) != std::string::npos; p += 5)
        text.replace(p, 1, "<br>\n");
    switch (r.style) {
    case Run::Style::Plain:
        out += text;
        break;
    case Run::Style::Strong:
        out += "<strong>" + text + "</strong>";
        break;
    case Run::Style::Emphasis:
        out += "<em>" + text + "</em>";
        break;
    case Run::Style::Blank:
        out += "<span class=\"blank\">" + text + "</span>";
        break;
    }
}

std::string text_html(const Text& t) {
    std::string out;
    for (const auto& r : t)
        run_html(out, r);
    return out;
}

std::string class_attr(const std::string& base, const std::string& extra) {
    std::string c = base;
    if (!extra.empty()) c += (c.empty() ? "" : " ") + extra;
    return c.empty() ? "" : " class=\"" + c + "\"";
}

void block_html(std::string& h, const Block& b) {
    switch (b.kind) {
    case Kind::Title:
        h += "<h1>" + text_html(b.text) + "</h1>\n";
        break;
    case Kind::Heading:
        h += "<h2>" + text_html(b.text) + "</h2>\n";
        break;
    case Kind::Subheading:
        h += "<h3>" + text_html(b.text) + "</h3>\n";
        break;
    case Kind::Paragraph:
        h += "<p" + class_attr("", b.css_class) + ">" + text_html(b.text) + "</p>\n";
        break;
    case Kind::Aside:
        h += "<p class=\"aside\">" + text_html(b.text) + "</p>\n";
        break;
    case Kind::Bullets:
        h += "<ul" + class_attr("bullets", b.css_class) + ">\n";
        for (const auto& item : b.items)
            h += "<li>" + text_html(item) + "</li>\n";
        h += "</ul>\n";
        break;
    case Kind::Ticks:
        h += "<p" + class_attr("ticks", b.css_class) + "><span class=\"ask\">" + text_html(b.text) +
             "</span>";
        for (const auto& item : b.items)
            h += " <span class=\"tick\">" + text_html(item) + "</span>";
        h += "</p>\n";
        break;
    case Kind::Facts:
        h += "<table class=\"facts\">\n";
        for (const auto& [label, value] : b.facts)
            h += "<tr><th>" + html_escape(label) + "</th><td>" + text_html(value) + "</td></tr>\n";
        h += "</table>\n";
        break;
    case Kind::Table:
        h += "<table>\n";
        for (std::size_t r = 0; r < b.rows.size(); ++r) {
            h += "<tr>";
            for (std::size_t c = 0; c < b.rows[r].size(); ++c) {
                std::string tag = r == 0 ? "th" : "td";
                h += "<" + tag + (c > 0 && b.numeric ? " class=\"num\"" : "") + ">" +
                     html_escape(b.rows[r][c]) + "</" + tag + ">";
            }
            h += "</tr>\n";
        }
        h += "</table>\n";
        break;
    case Kind::Quote:
        h += "<blockquote>“" + text_html(b.text) + "”";
        if (!b.by.empty()) h += " <span class=\"by\">— " + html_escape(b.by) + "</span>";
        h += "</blockquote>\n";
        break;
    case Kind::WriteLines:
        h += "<div class=\"write\">";
        if (!b.text.empty()) h += "<p class=\"label\">" + text_html(b.text) + "</p>";
        for (int i = 0; i < b.lines; ++i)
            h += "<div class=\"line\"></div>";
        h += "</div>\n";
        break;
    case Kind::Keep:
        h += "<div" + class_attr("keep", b.css_class) + ">\n";
        for (const auto& c : b.children)
            block_html(h, c);
        h += "</div>\n";
        break;
    case Kind::Box:
        h += "<section" + class_attr("box", b.css_class) + ">\n<p class=\"label\">" +
             text_html(b.text) + "</p>\n";
        for (const auto& c : b.children)
            block_html(h, c);
        h += "</section>\n";
        break;
    }
}

} // namespace

std::string to_html(const Document& d) {
    std::string h = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>" +
                    html_escape(d.title) + "</title>\n<style>" + kStyle +
                    "</style>\n</head>\n<body>\n";
    for (const auto& b : d.blocks)
        block_html(h, b);
    if (!d.footer.empty()) h += "<footer>" + text_html(d.footer) + "</footer>\n";
    h += "</body>\n</html>\n";
    return h;
}

} // namespace convene::exporting::doc
