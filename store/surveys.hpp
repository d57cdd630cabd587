// Repository of participant surveys: instruments (kept by content hash like guides), respondents
// with their attributes, and their responses, one row per answered item.
#pragma once

#include "guides/instrument.hpp"
#include "store/versioned.hpp"
#include "store/workspace.hpp"

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace convene::store {

struct InstrumentRow {
    std::string hash, instrument_id, version, title;
    bool bundled = false;
    std::size_t items = 0, constructs = 0;
    std::size_t respondents = 0;
};

// Stores the instrument (if new) and makes it the current version of its id; returns the hash.
std::string import_instrument(Workspace& ws, const guides::Instrument& instrument,
                              bool bundled = false);
// The same, saying whether this version is new to the workspace.
VersionedImport store_instrument(Workspace& ws, const guides::Instrument& instrument);
std::vector<InstrumentRow> list_instruments(Workspace& ws);
std::optional<guides::Instrument> current_instrument(Workspace& ws, std::string_view instrument_id);

// One respondent's answers: numbers for Likert and number items, text for choice and text
// items, and for multi-choice the chosen values.
struct ResponseValue {
    std::optional<double> number;
    std::string text;
    std::vector<std::string> choices;
    bool operator==(const ResponseValue&) const = default;
};

struct Respondent {
    std::string uuid; // empty: new
    std::string external_id;
    std::map<std::string, std::string> attributes;
    std::map<std::string, ResponseValue> responses; // item id -> value
    std::string source;
    bool partial = false; // left unfinished (a kiosk respondent who walked away)
};

// How answers are kept in the respondent row: item id -> number | "text" | ["choice", ...].
nlohmann::json response_json(const ResponseValue& value);
ResponseValue response_from_json(const nlohmann::json& value);
std::string answers_json(const std::map<std::string, ResponseValue>& responses);

// The one statement that adds or replaces a whole respondent row (by uuid), prepared once for
// many rows (an import) or used for one (save_respondent). Run it inside a transaction.
class RespondentUpsert {
  public:
    struct Row {
        std::string uuid, instrument_id, external_id;
        std::string attributes_json, source, answers_json;
        bool partial = false;
        std::string now;
    };
    explicit RespondentUpsert(Database& db);
    void write(const Row& row);

  private:
    Statement st_;
};

// Adds or replaces (same uuid, or same external id for this instrument) one respondent.
std::string save_respondent(Database& db, const std::string& instrument_id, const Respondent& r);
std::size_t count_respondents(Database& db, const std::string& instrument_id);
// Moves a respondent to the trash (a test response, a kiosk respondent who started over).
void trash_respondent(Database& db, const std::string& uuid);

// Everything needed to analyse a survey, loaded in one pass.
struct SurveyData {
    guides::Instrument instrument;
    std::vector<Respondent> respondents;
};
SurveyData load_survey(Workspace& ws, const std::string& instrument_id);
// A respondent row as read, its attributes and answers parsed (both checked to be JSON objects:
// item id -> value as response_json writes it), valid during the call it is handed to.
struct RespondentRow {
    std::string_view uuid, external_id, source;
    const nlohmann::json& attributes;
    const nlohmann::json& answers;
    bool partial;
};
// The rows of load_survey one at a time, in its order, for readers that keep a few fields of
// each (the survey analysis keeps answers as numbers in a table): no Respondent is built, so
// 10,000 x 60 answers are not copied into maps first.
void visit_respondent_rows(Database& db, const std::string& instrument_id,
                           const std::function<void(const RespondentRow&)>& visit);
// The respondents of load_survey one at a time, in its order: each is handed to `visit`.
void visit_respondents(Database& db, const std::string& instrument_id,
                       const std::function<void(Respondent&&)>& visit);

} // namespace convene::store
