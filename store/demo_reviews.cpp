#include "store/demo_reviews.hpp"

#include "guides/guide_json.hpp"
#include "guides/json_reader.hpp"
#include "store/criteria_sets.hpp"
#include "store/people.hpp"
#include "store/ratings.hpp"

#include <map>

namespace convene::store {

DemoReviewsResult load_demo_reviews(Workspace& ws, const std::filesystem::path& file) {
    guides::Problems problems;
    auto doc = guides::parse_json_text(guides::read_text_file(file), problems);
    if (!doc) throw Error(guides::describe(problems, file.string()));
    auto& db = ws.db();
    Transaction tx(db);
    auto hash = find_criteria_set(db, doc->value("criteria", ""));
    if (!hash)
        throw Error(file.filename().string() + ": the workspace has no criteria set " +
                    doc->value("criteria", ""));
    auto set = *criteria_by_hash(db, *hash);
    DemoReviewsResult r;
    std::map<std::string, std::string> reviewer;
    for (const auto& name : doc->value("reviewers", guides::json::array())) {
        auto text = name.get<std::string>();
        if (auto p = find_person(db, text)) {
            reviewer[text] = p->uuid;
        } else {
            reviewer[text] = add_person(db, text);
            ++r.reviewers;
        }
    }
    const auto ratings = doc->value("ratings", guides::json::array());
    for (std::size_t i = 0; i < ratings.size(); ++i) {
        const auto& j = ratings[i];
        std::string where = file.filename().string() + ": ratings[" + std::to_string(i) + "]: ";
        auto level = set.level_named(j.value("level", ""));
        auto who = reviewer.find(j.value("reviewer", ""));
        if (!level || who == reviewer.end()) throw Error(where + "unknown level or reviewer");
        RatingChange c{j.value("profile", ""), *hash, j.value("criterion", ""), who->second};
        c.level = *level;
        if (j.contains("note")) c.note = j.value("note", "");
        try {
            record_rating_change(db, c);
        } catch (const Error& e) {
            throw Error(where + e.what());
        }
        ++r.ratings;
    }
    tx.commit();
    return r;
}

} // namespace convene::store
