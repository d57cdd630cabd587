#include "export/protocol_document.hpp"
#include "guides/text.hpp"

#include "guides/guide_view.hpp"

#include <cstdio>
#include <stdexcept>

namespace convene::exporting {
namespace {

std::string html_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string minutes_text(double m) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g min", m);
    return buf;
}

const guides::Group& require_group(const guides::Guide& g, const std::string& group) {
    if (const auto* grp = g.group(group)) return *grp;
    std::string known = guides::join_by(g.groups, [](const auto& x) { return x.id; });
    throw std::runtime_error("guide " + g.id + " has no group \"" + group + "\"; groups are " +
                             known);
}

std::string field_summary(const guides::Field& f) {
    std::string s = f.label + " (";
    switch (f.type) {
    case guides::FieldType::Number:
        s += "number" + (f.unit.empty() ? "" : ", " + f.unit);
        break;
    case guides::FieldType::Choice:
        s += "one of: ";
        break;
    case guides::FieldType::Multi:
        s += "any of: ";
        break;
    case guides::FieldType::Ynpu:
        s += "yes / partly / no / unsure";
        break;
    case guides::FieldType::YesNo:
        s += "yes / no";
        break;
    case guides::FieldType::Scale5:
        s += "1-5";
        break;
    case guides::FieldType::Text:
        s += "text";
        break;
    }
    for (std::size_t i = 0; i < f.choices.size(); ++i)
        s += (i ? ", " : "") + f.choices[i];
    return s + ")";
}

} // namespace

std::string protocol_html(const guides::Guide& g, const ProtocolOptions& o) {
    const auto& group = require_group(g, o.group);
    auto areas = guides::view_for_group(g, o.group, o.state, o.org);
    std::string h =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
        html_escape(g.title) + " — " + html_escape(group.label) + "</title>\n";
    h += "<style>body{font-family:'DejaVu Sans',sans-serif;max-width:46em;margin:2em auto;"
         "line-height:1.45}h2{border-bottom:1px solid #999;margin-top:1.6em}.cue,.cond{color:#555;"
         "font-style:italic}.probe{margin-left:1.5em}.opt{color:#777}.fields{color:#345;"
         "font-size:.9em}.notes{border:1px dashed #bbb;height:6em;margin:.5em 0 1.2em}"
         "@media print{.notes{height:9em}}</style>\n</head>\n<body>\n";
    h += "<h1>" + html_escape(g.title) + "</h1>\n<p><strong>Protocol for:</strong> " +
         html_escape(group.label);
    if (!o.org.empty()) h += " — " + html_escape(o.org);
    if (!o.state.empty()) h += " (" + html_escape(o.state) + ")";
    h += "</p>\n";
    if (!g.source.title.empty())
        h += "<p class=\"cue\">Based on " + html_escape(g.source.title) +
             (g.source.version.empty() ? "" : ", version " + html_escape(g.source.version)) +
             (g.source.date.empty() ? "" : ", " + html_escape(g.source.date)) +
             (g.source.publisher.empty() ? "" : ", " + html_escape(g.source.publisher)) + ".</p>\n";
    if (!group.purposes.empty()) {
        h += "<h2>Purposes of this conversation</h2>\n<ol>\n";
        for (const auto& p : group.purposes)
            h += "<li>" + html_escape(p) + "</li>\n";
        h += "</ol>\n";
    }
    int n = 0;
    for (const auto& av : areas) {
        h += "<h2>" + html_escape(av.area->title) + " <small>(" + minutes_text(av.area->minutes) +
             ")</small></h2>\n";
        for (const auto& qv : av.questions) {
            h += "<p><strong>" + std::to_string(++n) + ".</strong> " + html_escape(qv.text) +
                 "</p>\n";
            if (!qv.question->cue.empty())
                h += "<p class=\"cue\">" + html_escape(qv.question->cue) + "</p>\n";
            if (!qv.condition_label.empty())
                h += "<p class=\"cond\">" + html_escape(qv.condition_label) + "</p>\n";
            for (const auto& p : qv.probes)
                h += "<p class=\"probe\">&#9656; " + html_escape(p.text) +
                     (p.optional ? " <span class=\"opt\">(optional)</span>" : "") + "</p>\n";
            if (!qv.question->fields.empty()) {
                h += "<p class=\"fields\">Record: ";
                for (std::size_t i = 0; i < qv.question->fields.size(); ++i)
                    h += (i ? "; " : "") + html_escape(field_summary(qv.question->fields[i]));
                h += "</p>\n";
            }
            h += "<div class=\"notes\"></div>\n";
        }
    }
    h += "</body>\n</html>\n";
    return h;
}

std::string protocol_markdown(const guides::Guide& g, const ProtocolOptions& o) {
    const auto& group = require_group(g, o.group);
    auto areas = guides::view_for_group(g, o.group, o.state, o.org);
    std::string m = "# " + g.title + "\n\n**Protocol for:** " + group.label;
    if (!o.org.empty()) m += " — " + o.org;
    if (!o.state.empty()) m += " (" + o.state + ")";
    m += "\n\n";
    if (!g.source.title.empty())
        m += "_Based on " + g.source.title +
             (g.source.version.empty() ? "" : ", version " + g.source.version) +
             (g.source.date.empty() ? "" : ", " + g.source.date) + "._\n\n";
    if (!group.purposes.empty()) {
        m += "## Purposes of this conversation\n\n";
        int i = 0;
        for (const auto& p : group.purposes)
            m += std::to_string(++i) + ". " + p + "\n";
        m += "\n";
    }
    int n = 0;
    for (const auto& av : areas) {
        m += "## " + av.area->title + " (" + minutes_text(av.area->minutes) + ")\n\n";
        for (const auto& qv : av.questions) {
            m += "**" + std::to_string(++n) + ".** " + qv.text + "\n\n";
            if (!qv.question->cue.empty()) m += "_" + qv.question->cue + "_\n\n";
            if (!qv.condition_label.empty()) m += "_" + qv.condition_label + "_\n\n";
            for (const auto& p : qv.probes)
                m += "- " + p.text + (p.optional ? " _(optional)_" : "") + "\n";
            if (!qv.probes.empty()) m += "\n";
            for (const auto& f : qv.question->fields)
                m += "- [ ] " + field_summary(f) + "\n";
            if (!qv.question->fields.empty()) m += "\n";
        }
    }
    return m;
}

} // namespace convene::exporting
