#include "store/seed.hpp"

#include "guides/codebook.hpp"
#include "guides/criteria.hpp"
#include "guides/currency.hpp"
#include "guides/data_dir.hpp"
#include "guides/guide_json.hpp"
#include "guides/instrument.hpp"
#include "guides/profiles.hpp"
#include "store/codebook.hpp"
#include "store/criteria_sets.hpp"
#include "store/currency.hpp"
#include "store/guides.hpp"
#include "store/mc_profiles.hpp"
#include "store/surveys.hpp"
#include "store/uuid.hpp"

#include <algorithm>

namespace convene::store {
namespace {

template <typename Load> auto require(Load load, const std::filesystem::path& file) {
    if (!load.problems.empty()) throw Error(guides::describe(load.problems, file.string()));
    return load;
}

} // namespace

// The bundled files with this ending, in name order.
std::vector<std::filesystem::path> bundled_files(const std::filesystem::path& dir,
                                                 std::string_view ending) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().string().ends_with(ending)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

// Bundled instruments arrived with workspace format 4, so they have their own marker: a
// workspace seeded before that still gets them once.
void seed_instruments(Workspace& ws, const std::filesystem::path& dir) {
    if (query_int(ws.db(), "SELECT count(*) FROM meta WHERE key = 'instruments_seeded_at'") > 0)
        return;
    for (const auto& f : bundled_files(dir, ".instrument.json"))
        import_instrument(ws, *require(guides::load_instrument_file(f), f).instrument, true);
    Statement(ws.db(), "INSERT INTO meta(key, value) VALUES ('instruments_seeded_at', ?1)")
        .bind(1, now_utc())
        .run();
}

// Quality criteria sets arrived with workspace format 7: the same once-only marker, so a set a
// workgroup deleted does not come back, and an older workspace gets the bundled draft once.
void seed_criteria(Workspace& ws, const std::filesystem::path& dir) {
    if (query_int(ws.db(), "SELECT count(*) FROM meta WHERE key = 'criteria_seeded_at'") > 0)
        return;
    for (const auto& f : bundled_files(dir, ".criteria.json"))
        import_criteria(ws.db(), *require(guides::load_criteria_file(f), f).set, true);
    Statement(ws.db(), "INSERT INTO meta(key, value) VALUES ('criteria_seeded_at', ?1)")
        .bind(1, now_utc())
        .run();
}

void seed_bundled_content(Workspace& ws, const std::filesystem::path& dir) {
    if (ws.read_only()) return; // nothing can be added; what is there is shown
    // Most opens find everything seeded and take no write lock at all.
    if (query_int(ws.db(), "SELECT count(*) FROM meta WHERE key IN ('seeded_at', "
                           "'instruments_seeded_at', 'criteria_seeded_at')") == 3)
        return;
    // One transaction: two processes opening a new workspace at once seed it once.
    Transaction tx(ws.db());
    seed_instruments(ws, dir);
    seed_criteria(ws, dir);
    if (query_int(ws.db(), "SELECT count(*) FROM meta WHERE key = 'seeded_at'") > 0)
        return tx.commit();
    for (const auto& f : bundled_files(dir, ".guide.json"))
        import_guide(ws, *require(guides::load_guide_file(f), f).guide, true);

    auto read = [&](const char* name) {
        return guides::read_text_file(dir / name, guides::kMaxDataFileBytes);
    };
    save_profiles(
        ws, *require(guides::parse_profiles(read("profiles.json")), dir / "profiles.json").library);
    save_codebook(
        ws,
        *require(guides::parse_codebook(read("codebook.json")), dir / "codebook.json").codebook);
    save_currency(
        ws, *require(guides::parse_currency(read("currency.json")), dir / "currency.json").table);
    Statement(ws.db(), "INSERT INTO meta(key, value) VALUES ('seeded_at', ?1)")
        .bind(1, now_utc())
        .run();
    tx.commit();
}

std::unique_ptr<Workspace> open_workspace(const std::filesystem::path& path) {
    auto ws = std::make_unique<Workspace>(path);
    seed_bundled_content(*ws, guides::data_dir());
    return ws;
}

} // namespace convene::store
