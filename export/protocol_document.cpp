#include "export/protocol_document.hpp"
#include "export/protocol_parts.hpp"

#include "guides/guide_view.hpp"
#include "guides/text.hpp"
#include "store/mc_profiles.hpp"

#include <cctype>
#include <chrono>
#include <stdexcept>

namespace convene::exporting {

using namespace doc;

std::string long_date(const std::string& iso) {
    static const char* const kMonths[] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};
    static const char* const kDays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                        "Thursday", "Friday", "Saturday"};
    if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return iso;
    try {
        int y = std::stoi(iso.substr(0, 4));
        unsigned m = static_cast<unsigned>(std::stoi(iso.substr(5, 2)));
        unsigned d = static_cast<unsigned>(std::stoi(iso.substr(8, 2)));
        std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                        std::chrono::day{d}};
        if (!ymd.ok()) return iso;
        std::chrono::weekday wd{std::chrono::sys_days{ymd}};
        std::string out = std::string(kDays[wd.c_encoding()]) + ", " + kMonths[m - 1] + " " +
                          std::to_string(d) + ", " + std::to_string(y);
        if (iso.size() >= 16 && iso[10] == 'T') out += ", " + iso.substr(11, 5);
        return out;
    } catch (const std::exception&) {
        return iso;
    }
}

std::string ask_if_text(const guides::Guide& guide, const std::string& condition) {
    if (condition.empty()) return {};
    bool negated = condition[0] == '!';
    std::string flag = negated ? condition.substr(1) : condition;
    std::string label = flag;
    for (const auto& c : guide.conditions)
        if (c.id == flag) label = c.label;
    // "A specific MC profile ..." reads on as "a specific MC profile ..."; "MC ..." stays.
    if (label.size() > 1 && std::isupper(static_cast<unsigned char>(label[0])) &&
        !std::isupper(static_cast<unsigned char>(label[1])))
        label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
    while (!label.empty() && label.back() == '.')
        label.pop_back();
    return (negated ? "Skip if " : "Ask only if ") + label + ".";
}

ProtocolOptions protocol_options_for(const store::Conversation& c, std::string profile_title) {
    ProtocolOptions o;
    o.group = c.group;
    o.state = c.state;
    o.org = c.org;
    o.date = c.scheduled_at;
    o.mode = c.mode;
    o.facilitator = c.facilitator;
    o.note_taker = c.note_taker;
    for (const auto& p : c.participants)
        if (!p.name.empty())
            o.participants.push_back(p.role.empty() ? p.name : p.name + ", " + p.role);
    o.profile_title = std::move(profile_title);
    o.flags = c.flags;
    return o;
}

ProtocolOptions protocol_options_for(store::Workspace& ws, const store::Conversation& c) {
    std::string title;
    if (!c.profile.empty()) {
        auto lib = store::load_profiles(ws);
        const auto* p = lib.profile(c.profile);
        title = p ? p->title : c.profile;
    }
    return protocol_options_for(c, std::move(title));
}

doc::Document protocol_document(const guides::Guide& g, const ProtocolOptions& o) {
    const auto* group = g.group(o.group);
    if (!group) {
        std::string known = guides::join_by(g.groups, [](const auto& x) { return x.id; });
        throw std::runtime_error("guide " + g.id + " has no group \"" + o.group +
                                 "\"; groups are " + known);
    }
    // The guide's wording with its placeholders kept, so they print as values or blanks.
    auto areas = guides::view_for_group(g, o.group, "{state}", "{org}");
    Document d;
    d.title = g.title + " — " + group->label;
    protocol_parts::header(d, g, *group, o);
    protocol_parts::time_plan(d, areas);
    protocol_parts::opening(d, areas, o);
    protocol_parts::questions(d, g, areas, o);
    protocol_parts::closing(d, o);
    d.footer =
        plain("Protocol printed with Convene from “" + g.title + "”, version " + g.version + ".");
    return d;
}

std::string protocol_html(const guides::Guide& guide, const ProtocolOptions& options) {
    return to_html(protocol_document(guide, options));
}

std::string protocol_markdown(const guides::Guide& guide, const ProtocolOptions& options) {
    return to_markdown(protocol_document(guide, options));
}

} // namespace convene::exporting
