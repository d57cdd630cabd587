#include "store/merge_tables.hpp"

namespace convene::store {
namespace {

using R = MergeRule;

// A guide or instrument version that comes in is current only if we have no current one.
constexpr std::string_view kGuideCurrent =
    "CASE WHEN EXISTS (SELECT 1 FROM main.guide x WHERE x.guide_id = o.guide_id "
    "AND x.current = 1) THEN 0 ELSE o.current END";
constexpr std::string_view kInstrumentCurrent =
    "CASE WHEN EXISTS (SELECT 1 FROM main.instrument x WHERE x.instrument_id = "
    "o.instrument_id AND x.current = 1) THEN 0 ELSE o.current END";
constexpr std::string_view kCriteriaCurrent =
    "CASE WHEN EXISTS (SELECT 1 FROM main.criteria_set x WHERE x.criteria_id = o.criteria_id "
    "AND x.current = 1) THEN 0 ELSE o.current END";
// Two codes made apart with the same name have the same slug: the one that comes in gets its
// uuid's first digits added (the slug is only a handle; the uuid is the code).
constexpr std::string_view kCodeSlug =
    "CASE WHEN EXISTS (SELECT 1 FROM main.code x WHERE x.slug = o.slug) "
    "THEN o.slug || '_' || substr(o.uuid, 1, 8) ELSE o.slug END";

const std::vector<MergeTable>& tables() {
    static const std::vector<MergeTable> t{
        {"guide",
         {"hash"},
         "{}.hash",
         "",
         R::AddOnly,
         {"current", "added_at", "deleted_at"},
         {},
         {{"current", kGuideCurrent}},
         {},
         "",
         {}},
        {"instrument",
         {"hash"},
         "{}.hash",
         "",
         R::AddOnly,
         {"current", "added_at", "deleted_at"},
         {},
         {{"current", kInstrumentCurrent}},
         {},
         "",
         {}},
        {"currency_unit", {"slug"}, "{}.slug", "", R::KeepOurs, {}, {}, {}, {}, "", {}},
        {"currency_conversion",
         {"state", "unit"},
         "{}.state || '/' || {}.unit",
         "",
         R::KeepOurs,
         {},
         {},
         {},
         {},
         "",
         {}},
        {"mc_profile", {"uuid"}, "{}.uuid", "updated_at", R::LaterEdit, {}, {}, {}, {}, "", {}},
        {"mc_stack", {"uuid"}, "{}.uuid", "updated_at", R::LaterEdit, {}, {}, {}, {}, "", {}},
        {"code",
         {"uuid"},
         "{}.uuid",
         "updated_at",
         R::LaterEdit,
         {"slug"},
         {},
         {{"slug", kCodeSlug}},
         {},
         "",
         {}},
        {"person", {"uuid"}, "{}.uuid", "", R::KeepOurs, {}, {}, {}, {}, "", {}},
        {"conversation",
         {"uuid"},
         "{}.uuid",
         "updated_at",
         R::LaterEdit,
         {"current_question", "last_speaker"},
         {},
         {},
         {},
         "",
         {}},
        {"participant", {"uuid"}, "{}.uuid", "updated_at", R::LaterEdit, {}, {}, {}, {}, "", {}},
        {"answer",
         {"uuid"},
         "{}.conversation_uuid || '/' || {}.question_id",
         "updated_at",
         R::LaterEdit,
         {},
         {},
         {},
         {"conversation_uuid", "question_id"},
         "",
         {{"quote", "answer_uuid"}, {"segment", "answer_uuid"}}},
        {"quote", {"uuid"}, "{}.uuid", "updated_at", R::LaterEdit, {}, {}, {}, {}, "", {}},
        {"follow_up", {"uuid"}, "{}.uuid", "", R::KeepOurs, {}, {}, {}, {}, "", {}},
        {"area_time", {"uuid"}, "{}.uuid", "updated_at", R::LaterEdit, {}, {}, {}, {}, "", {}},
        {"segment", {"uuid"}, "{}.uuid", "updated_at", R::LaterEdit, {}, {}, {}, {}, "", {}},
        {"criteria_set",
         {"hash"},
         "{}.hash",
         "",
         R::AddOnly,
         {"current", "added_at", "deleted_at"},
         {},
         {{"current", kCriteriaCurrent}},
         {},
         "",
         {}},
        // One reviewer's rating of one criterion of one profile: two laptops can make it apart.
        {"rating",
         {"uuid"},
         "{}.profile_slug || '/' || {}.criteria_hash || '/' || {}.criterion_id || '/' || "
         "{}.reviewer_uuid",
         "updated_at",
         R::LaterEdit,
         {},
         {},
         {},
         {"profile_slug", "criteria_hash", "criterion_id", "reviewer_uuid"},
         "",
         {}},
        {"respondent",
         {"uuid"},
         "{}.uuid",
         "updated_at",
         R::LaterEdit,
         {},
         {"id"},
         {},
         {"instrument_id", "external_id"},
         "{}.external_id != ''",
         {}},
    };
    return t;
}

} // namespace

std::span<const MergeTable> merge_tables() {
    return tables();
}

} // namespace convene::store
