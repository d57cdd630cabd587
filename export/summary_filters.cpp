#include "export/summary_filters.hpp"

namespace convene::exporting {

bool passes(const store::CodingSnapshot& snapshot, const store::SnapshotConversation& c,
            const Filters& f) {
    if (!f.group.empty() && c.group != f.group) return false;
    if (!f.state.empty() && c.state != f.state) return false;
    if (!f.status.empty() && store::status_name(c.status) != f.status) return false;
    if (!f.from.empty() || !f.to.empty()) {
        auto date = c.date();
        if (date.empty()) return false;
        if (!f.from.empty() && date < f.from) return false;
        if (!f.to.empty() && date > f.to) return false;
    }
    if (!f.guide.empty()) {
        if (c.guide == store::kNoIndex) return false;
        if (snapshot.guides[static_cast<std::size_t>(c.guide)].id != f.guide) return false;
    }
    return true;
}

Selection select(const store::CodingSnapshot& s, const Filters& f) {
    Selection sel;
    sel.conversations.reserve(s.conversations.size());
    for (const auto& c : s.conversations)
        sel.conversations.push_back(passes(s, c, f) ? 1 : 0);
    sel.answers.reserve(s.answers.size());
    for (const auto& a : s.answers)
        sel.answers.push_back(sel.conversation(a.conversation) ? 1 : 0);
    int coder = store::kNoIndex;
    if (!f.coder.empty())
        for (std::size_t i = 0; i < s.coders.size(); ++i)
            if (s.coders[i].uuid == f.coder) coder = static_cast<int>(i);
    sel.segments.reserve(s.segments.size());
    for (const auto& seg : s.segments) {
        bool coder_ok = f.coder.empty() || (coder != store::kNoIndex && seg.coder == coder);
        sel.segments.push_back(sel.answer(seg.answer) && coder_ok ? 1 : 0);
    }
    return sel;
}

} // namespace convene::exporting
