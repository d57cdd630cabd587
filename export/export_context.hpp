// What the tables of one export share: the workspace, the filtered conversations (oldest first),
// the guides they were run with, the codebook and coders, the name replacer, and progress.
// Internal to export/: the tables are written by workspace_tables.cpp, survey_tables.cpp and
// workbook_export.cpp.
#pragma once

#include "export/pseudonymizer.hpp"
#include "export/table_sink.hpp"
#include "export/workbook_export.hpp"
#include "guides/guide.hpp"
#include "store/codebook.hpp"
#include "store/conversations.hpp"

#include <map>
#include <string>
#include <vector>

namespace convene::exporting {

class XlsxWorkbook;
class CsvTableWriter;

struct CodeCounts {
    std::size_t segments = 0, answers = 0, conversations = 0;
};

struct ExportContext {
    store::Workspace& ws;
    const ExportFilter& filter;
    Pseudonymizer names;
    std::vector<store::Conversation> conversations; // filtered, oldest first
    std::map<std::string, guides::Guide> guides;    // by content hash
    std::map<std::string, store::CodeRow> codes;    // live codes by uuid
    std::vector<std::string> code_order;            // uuids in tree order
    std::map<std::string, std::string> coders;      // uuid -> name (pseudonymised)
    std::string coder_uuid;                         // the filter's coder, "" for everyone
    std::map<std::string, CodeCounts> code_counts;  // filled while writing Answers
    std::size_t answers = 0, segments = 0;          // counted while writing

    // Progress: the sheet being written, done of total within it; throws ExportCancelled.
    void tick(std::size_t done, std::size_t total, const std::string& sheet);
    const ExportProgress* progress = nullptr;
    std::size_t stage = 0, stages = 1;

    const guides::Guide& guide_of(const store::Conversation& c) const;
    std::string group_label(const store::Conversation& c) const;
};

// Loads the filtered conversations, their guides, the codebook and the coders, and gives every
// name a code when pseudonymising. Throws std::runtime_error for an unknown coder or guide.
void load_context(ExportContext& ctx);

// Tables read from the store (workspace_tables.cpp). Each returns the rows it wrote.
std::size_t write_conversations(ExportContext& ctx, TableSink& sink);
std::size_t write_participants(ExportContext& ctx, TableSink& sink);
std::size_t write_answers(ExportContext& ctx, TableSink& sink);
std::size_t write_segments(ExportContext& ctx, TableSink& sink);
std::size_t write_codebook(ExportContext& ctx, TableSink& sink);

// The quality review (quality_tables.cpp): the criteria sets, and every rating with consensus.
std::size_t write_quality_criteria(ExportContext& ctx, TableSink& sink);
std::size_t write_quality_ratings(ExportContext& ctx, TableSink& sink);

} // namespace convene::exporting
