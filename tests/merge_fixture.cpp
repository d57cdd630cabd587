#include "merge_fixture.hpp"

#include "store/answer_changes.hpp"
#include "store/conversations.hpp"
#include "store/guides.hpp"
#include "store/merge_tables.hpp"
#include "store/seed.hpp"
#include "store/segments.hpp"
#include "temp_dir.hpp"

#include <algorithm>
#include <thread>

namespace convene::test {

std::unique_ptr<store::Workspace> open_ws(const std::filesystem::path& path) {
    return store::open_workspace(path);
}

std::string new_conversation(store::Workspace& ws, const std::string& org) {
    store::Conversation c;
    c.guide_hash = *store::current_guide_hash(ws, "air-2019");
    c.group = "licensing";
    c.org = org;
    return store::create_conversation(ws.db(), c);
}

std::string set_notes(store::Database& db, const std::string& conversation,
                      const std::string& question, const std::string& notes) {
    // updated_at has millisecond resolution: two edits in a test are never in the same one.
    std::this_thread::sleep_for(std::chrono::milliseconds(3));
    store::AnswerChange ch;
    ch.conversation_uuid = conversation;
    ch.question_id = question;
    ch.notes = notes;
    return store::record_answer_change(db, ch);
}

std::string add_quote(store::Database& db, const std::string& conversation,
                      const std::string& question, const std::string& text) {
    store::AnswerChange ch;
    ch.conversation_uuid = conversation;
    ch.question_id = question;
    ch.quotes_set.push_back({"", text, "Speaker"});
    std::string answer = store::record_answer_change(db, ch);
    store::Statement st(db, "SELECT uuid FROM quote WHERE answer_uuid = ?1 AND text = ?2");
    st.bind(1, answer).bind(2, text);
    st.step();
    return st.text(0);
}

std::string code_whole_answer(store::Database& db, const std::string& answer,
                              const std::string& code, const std::string& coder) {
    store::NewSegment s;
    s.answer_uuid = answer;
    s.code_uuid = code;
    s.coder_uuid = coder;
    return store::apply_code(db, s);
}

std::string content(store::Database& db) {
    std::string out;
    for (const auto& t : store::merge_tables()) {
        std::vector<std::string> cols;
        store::Statement info(db, "SELECT name FROM pragma_table_info(?1, 'main') ORDER BY name");
        info.bind(1, t.name);
        while (info.step()) {
            std::string c = info.text(0);
            bool local =
                std::find(t.local_columns.begin(), t.local_columns.end(), c) !=
                    t.local_columns.end() ||
                std::find(t.not_copied.begin(), t.not_copied.end(), c) != t.not_copied.end() ||
                c == t.updated_at; // the same content may carry either side's time
            if (!local) cols.push_back("quote(" + c + ")");
        }
        std::string list;
        for (const auto& c : cols)
            list += (list.empty() ? "" : " || '|' || ") + c;
        store::Statement rows(db, "SELECT " + list + " AS r FROM main." + std::string(t.name) +
                                      " ORDER BY r");
        out += "## " + std::string(t.name) + "\n";
        while (rows.step())
            out += rows.text(0) + "\n";
    }
    return out;
}

std::int64_t count(store::Database& db, const std::string& sql) {
    return store::query_int(db, sql);
}

std::string file_bytes(const std::filesystem::path& db) {
    std::string out = read_file(db);
    auto wal = std::filesystem::path(db.string() + "-wal");
    // A reader may leave an empty log beside a closed workspace: that holds nothing.
    if (std::filesystem::exists(wal) && std::filesystem::file_size(wal) > 0)
        out += "\n--wal--\n" + read_file(wal);
    return out;
}

void copy_workspace_file(const std::filesystem::path& from, const std::filesystem::path& to) {
    std::filesystem::copy_file(from, to);
}

} // namespace convene::test
