#include "export/protocol_document.hpp"
#include "guides/data_dir.hpp"
#include "guides/guide_json.hpp"

#include <catch2/catch.hpp>

using namespace convene;

namespace {
guides::Guide bundled() {
    return *guides::load_guide_file(guides::data_dir() / "air-2019.guide.json").guide;
}
} // namespace

TEST_CASE("a printed protocol has the group's purposes, areas, questions and probes") {
    auto g = bundled();
    auto html = exporting::protocol_html(g, {"association", "Iowa", "Iowa AEA <Central>"});
    CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>"));
    CHECK_THAT(html, Catch::Contains(g.group("association")->purposes[0]));
    for (const auto& a : g.areas)
        CHECK_THAT(html, Catch::Contains(a.title));
    // Association-only questions are in, licensing-only are out.
    CHECK_THAT(html,
               Catch::Contains(g.question("wrap_up.system_benefits")->text_for("association")));
    CHECK_THAT(html,
               !Catch::Contains(g.question("proficiency.who_assesses")->text_for("licensing")));
    CHECK_THAT(html, Catch::Contains("Iowa AEA &lt;Central&gt;"));
    CHECK_THAT(html, !Catch::Contains("{state}"));
    CHECK_THAT(html, Catch::Contains("Ask only if "));
    CHECK_THAT(html, !Catch::Contains("Only when: "));
    CHECK_THAT(html, Catch::Contains("American Institutes for Research"));

    auto md = exporting::protocol_markdown(g, {"licensing", "Ohio", ""});
    CHECK_THAT(md, Catch::StartsWith("# "));
    CHECK_THAT(md, Catch::Contains("## What this conversation is for"));
    CHECK_THAT(md, Catch::Contains(g.question("proficiency.who_assesses")->text_for("licensing")));
}

TEST_CASE("printing for an unknown group names the groups") {
    CHECK_THROWS_WITH(exporting::protocol_html(bundled(), {"licencing", "", ""}),
                      Catch::Contains("no group \"licencing\"") &&
                          Catch::Contains("licensing, association"));
}
