// A currency edit counts in the summaries at once: they read the table as stored each time.
#include "export/summaries.hpp"
#include "store/coding_snapshot.hpp"
#include "store/currency_edits.hpp"
#include "store/seed.hpp"
#include "summaries_fixture.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace convene;
using convene::test::TempDir;

namespace {

// The shown text of column id in the structured-answers row of (field, group, answer) for the
// grain-size question.
std::string shown(const exporting::SummaryTable& t, const std::string& answer,
                  const std::string& id) {
    auto text = [&](const std::vector<exporting::Cell>& row, const std::string& column) {
        auto c = static_cast<std::size_t>(t.column(column));
        return exporting::format_cell(t.columns[c], row[c]);
    };
    for (const auto& row : t.rows)
        if (text(row, "field") == "grad_credits" && text(row, "group") == "(all groups)" &&
            text(row, "answer") == answer && text(row, "question") == "recognition.grain_size")
            return text(row, id);
    FAIL("no row for " << answer);
    return {};
}

} // namespace

TEST_CASE("a state's conversion edited in the store changes the hours the summaries show") {
    TempDir dir;
    auto ws = store::open_workspace(dir / "ws.db");
    test::build_summaries_fixture(*ws);
    // Graduate credits named (summaries_fixture.hpp): C1 1 (MI), C2 3 (Ohio), C3 2 (MI). With
    // the bundled table (MI 25, OH 30 clock hours a credit): 25, 90, 50, median 50.
    auto before = exporting::structured_answers(store::load_coding_snapshot(*ws), {});
    CHECK(shown(before, "in clock hours", "median") == "50.0");
    // MI's credit set to 20 clock hours: 20, 90, 40, so median 40, range 20-90.
    store::set_conversion(ws->db(), {"MI", "semester_credit_hour", {}, 20.0, {}});
    auto after = exporting::structured_answers(store::load_coding_snapshot(*ws), {});
    CHECK(shown(after, "in clock hours", "median") == "40.0");
    CHECK(shown(after, "in clock hours", "min") == "20.0");
    CHECK(shown(after, "in clock hours", "max") == "90.0");
    CHECK(shown(after, "as given", "median") == "2.0"); // the credits as named are unchanged
}
