// Codes (rows) by question area (columns): how many segments of each code were applied to
// answers of each area. Answers to questions their guide does not have fall under "Other".
#include "export/summaries/common.hpp"

namespace convene::exporting {

SummaryTable code_by_area(const Snapshot& s, const Filters& f) {
    auto sel = select(s, f);
    std::size_t areas = s.areas.size() + 1; // the last column: no known area
    // Per code and area (bucket code * areas + area): the segments, by index.
    auto cells =
        detail::make_buckets(s.segments.size(), s.codes.size() * areas, [&](std::size_t i) {
            if (!sel.segment(i)) return -1;
            const auto& seg = s.segments[i];
            int area = s.answers[static_cast<std::size_t>(seg.answer)].area;
            auto column = area == store::kNoIndex ? areas - 1 : static_cast<std::size_t>(area);
            return seg.code * static_cast<int>(areas) + static_cast<int>(column);
        });
    bool other = false;
    for (std::size_t code = 0; code < s.codes.size(); ++code)
        other = other || cells.size(code * areas + areas - 1) != 0;

    SummaryTable table;
    table.id = "code_by_area";
    table.title = "Codes by question area";
    table.note = "Coded segments per code and question area.";
    table.columns.push_back(detail::text_column("code", "Code"));
    for (const auto& a : s.areas)
        table.columns.push_back(detail::count_column(a.id, a.title, "segments"));
    if (other) table.columns.push_back(detail::count_column("other", "Other", "segments"));
    table.columns.push_back(detail::count_column("total", "Total", "segments"));
    table.rows.reserve(s.codes.size());
    for (std::size_t code = 0; code < s.codes.size(); ++code) {
        std::vector<Cell> row;
        row.reserve(areas + 2);
        row.emplace_back(detail::code_label(s, static_cast<int>(code)));
        std::vector<std::uint32_t> all;
        all.reserve(cells.start[(code + 1) * areas] - cells.start[code * areas]);
        for (std::size_t a = 0; a < areas; ++a) {
            auto keys = cells.copy(code * areas + a);
            all.insert(all.end(), keys.begin(), keys.end());
            auto n = keys.size();
            if (a + 1 < areas || other) row.push_back(detail::count_cell(n, std::move(keys)));
        }
        auto total = all.size();
        row.push_back(detail::count_cell(total, std::move(all)));
        table.rows.push_back(std::move(row));
    }
    return table;
}

} // namespace convene::exporting
