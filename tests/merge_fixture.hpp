// Helpers for merge tests: workspaces with conversations, answers, codes, segments and
// timings, and a dump of a workspace's merged content to compare two workspaces exactly.
#pragma once

#include "store/workspace.hpp"

#include <filesystem>
#include <memory>
#include <string>

namespace convene::test {

std::unique_ptr<store::Workspace> open_ws(const std::filesystem::path& path);
std::string new_conversation(store::Workspace& ws, const std::string& org);
// Sets an answer's notes; returns the answer's uuid.
std::string set_notes(store::Database& db, const std::string& conversation,
                      const std::string& question, const std::string& notes);
std::string add_quote(store::Database& db, const std::string& conversation,
                      const std::string& question, const std::string& text);
std::string code_whole_answer(store::Database& db, const std::string& answer,
                              const std::string& code, const std::string& coder);
// Every merged table's rows (identity and content, not this workspace's own state), sorted.
std::string content(store::Database& db);
std::int64_t count(store::Database& db, const std::string& sql);
// The workspace files as bytes (main file and a non-empty log), to check nothing was written.
std::string file_bytes(const std::filesystem::path& db);
// Copies a closed workspace file.
void copy_workspace_file(const std::filesystem::path& from, const std::filesystem::path& to);

} // namespace convene::test
