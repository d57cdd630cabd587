// Survey import at scale: 10,000 respondents x 60 Likert items as a survey service would export
// them (text labels, a response id, three attributes), imported into a fresh workspace; then
// every comparison (each construct and all items, by each two-valued attribute, both units).
// Baseline in the same process: parsing the CSV alone.
#include "export/survey_analysis.hpp"
#include "guides/csv_reader.hpp"
#include "store/seed.hpp"
#include "store/survey_import.hpp"
#include "store/surveys.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>

using namespace convene;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

guides::Instrument sixty_items() {
    guides::Instrument inst;
    inst.id = "bench-60";
    inst.version = "1";
    inst.title = "Sixty statements";
    inst.scales.push_back(
        {"agree5", {"Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"}});
    for (int c = 0; c < 6; ++c) {
        guides::Construct construct{
            "c" + std::to_string(c), "Construct " + std::to_string(c + 1), {}};
        for (int i = 0; i < 10; ++i) {
            guides::Item item;
            item.id = "c" + std::to_string(c) + ".i" + std::to_string(i);
            item.text = "Statement " + std::to_string(c * 10 + i + 1) +
                        " about professional learning, with a comma";
            item.scale = "agree5";
            item.reverse = i == 3;
            construct.items.push_back(item.id);
            inst.items.push_back(item);
        }
        inst.constructs.push_back(construct);
    }
    inst.attributes = {{"pl_format", "Professional-learning format", {"micro-credential", "other"}},
                       {"experience", "Years of experience", {"10 or fewer", "more than 10"}},
                       {"school_level", "School level", {"elementary", "middle", "high"}}};
    return inst;
}

} // namespace

int main() {
    auto inst = sixty_items();
    std::mt19937 rng(42);
    std::string csv =
        "Timestamp,Response ID,Professional-learning format,Years of experience,School level";
    for (const auto& item : inst.items)
        csv += ",\"" + item.text + "\"";
    csv += "\r\n";
    const int respondents = 10000;
    for (int r = 0; r < respondents; ++r) {
        csv += "2020-02-01 10:00,R" + std::to_string(r) + "," +
               (r % 2 ? "other" : "micro-credential") + "," +
               (rng() % 2 ? "10 or fewer" : "more than 10") + "," +
               inst.attributes[2].choices[rng() % 3];
        for (std::size_t i = 0; i < inst.items.size(); ++i)
            csv += "," + inst.scales[0].labels[(rng() % 5 + (r % 2 ? 0 : 1)) % 5];
        csv += "\r\n";
    }
    std::printf("CSV: %d respondents x %zu items, %.1f MB\n", respondents, inst.items.size(),
                static_cast<double>(csv.size()) / 1e6);

    auto t = Clock::now();
    auto parsed = guides::parse_csv(csv);
    double parse_ms = ms_since(t);

    auto dir = std::filesystem::temp_directory_path() / "convene-bench-survey";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    {
        auto ws = store::open_workspace(dir / "bench.db");
        store::import_instrument(*ws, inst);
        store::ImportOptions dry;
        dry.dry_run = true;
        t = Clock::now();
        store::import_survey_csv(*ws, inst, csv, dry);
        double check_ms = ms_since(t);
        t = Clock::now();
        auto report = store::import_survey_csv(*ws, inst, csv, {});
        double import_ms = ms_since(t);
        if (!report.imported) {
            std::printf("import failed: %s\n",
                        report.problems.empty() ? "?" : report.problems[0].to_string().c_str());
            return 1;
        }
        std::printf(
            "import (parse, check, write %zu answers in one transaction): %.0f ms, of which "
            "parsing %.0f ms and checking (a dry run, parsing included) %.0f ms\n",
            report.responses, import_ms, parse_ms, check_ms);

        t = Clock::now();
        auto data = store::load_survey(*ws, inst.id);
        double load_ms = ms_since(t);
        t = Clock::now();
        int comparisons = 0;
        auto table = exporting::make_table(data);
        for (const auto& attr : {"pl_format", "experience"}) {
            for (auto unit : {exporting::Unit::Respondent, exporting::Unit::Item}) {
                exporting::compare_groups(table, {attr, {}, "", "", unit});
                ++comparisons;
                for (const auto& c : inst.constructs) {
                    exporting::compare_groups(table, {attr, {}, c.id, "", unit});
                    ++comparisons;
                }
            }
        }
        exporting::compare_groups(
            table, {"school_level", {"elementary", "high"}, "", "", exporting::Unit::Item});
        ++comparisons;
        auto items = exporting::item_results(table);
        auto constructs = exporting::construct_results(table);
        double analysis_ms = ms_since(t);
        std::printf(
            "load %.0f ms; %d comparisons (Student, Welch, Mann-Whitney each) plus %zu item and "
            "%zu construct summaries with alpha: %.0f ms\n",
            load_ms, comparisons, items.size(), constructs.size(), analysis_ms);
    }
    std::filesystem::remove_all(dir);
}
