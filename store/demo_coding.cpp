#include "store/demo_coding.hpp"

#include "guides/guide_json.hpp"
#include "guides/json_reader.hpp"
#include "store/code_edits.hpp"
#include "store/people.hpp"
#include "store/segments.hpp"

#include <map>

namespace convene::store {
namespace {

std::string answer_of(Database& db, const std::string& conversation, const std::string& question) {
    Statement st(db, "SELECT uuid FROM answer WHERE conversation_uuid = ?1 AND question_id = ?2");
    st.bind(1, conversation).bind(2, question);
    if (!st.step()) throw Error("no answer to " + question);
    return st.text(0);
}

// The segment for an excerpt: where it is in the notes, else in a quote.
NewSegment locate(Database& db, const std::string& answer, const std::string& excerpt) {
    NewSegment s;
    s.answer_uuid = answer;
    if (excerpt.empty()) return s;
    Statement st(db, "SELECT 'notes', '', notes FROM answer WHERE uuid = ?1 UNION ALL "
                     "SELECT 'quote', uuid, text FROM quote WHERE answer_uuid = ?1");
    st.bind(1, answer);
    while (st.step()) {
        auto at = st.text(2).find(excerpt);
        if (at == std::string::npos) continue;
        s.part = st.text(0) == "quote" ? SegmentPart::Quote : SegmentPart::Notes;
        s.quote_uuid = st.text(1);
        s.start = static_cast<std::int64_t>(at);
        s.end = s.start + static_cast<std::int64_t>(excerpt.size());
        return s;
    }
    throw Error("the excerpt \"" + excerpt + "\" is not in the answer");
}

} // namespace

DemoCodingResult load_demo_coding(Workspace& ws, const std::filesystem::path& file,
                                  const std::vector<std::string>& conversations) {
    guides::Problems problems;
    auto doc = guides::parse_json_text(guides::read_text_file(file), problems);
    if (!doc) throw Error(guides::describe(problems, file.string()));
    auto& db = ws.db();
    Transaction tx(db);
    DemoCodingResult r;
    std::map<std::string, std::string> coder;
    for (const auto& name : doc->value("coders", guides::json::array())) {
        auto text = name.get<std::string>();
        coder[text] = add_person(db, text);
        ++r.coders;
    }
    std::map<std::string, std::string> code;
    for (const auto& c : list_codes(db))
        code[c.slug] = c.uuid;
    const auto codings = doc->value("codings", guides::json::array());
    for (std::size_t i = 0; i < codings.size(); ++i) {
        const auto& c = codings[i];
        std::string where = file.filename().string() + ": codings[" + std::to_string(i) + "]: ";
        auto index = c.value("conversation", std::size_t{0});
        if (index >= conversations.size() || !code.count(c.value("code", "")) ||
            !coder.count(c.value("coder", "")))
            throw Error(where + "unknown conversation, code or coder");
        try {
            auto s = locate(db, answer_of(db, conversations[index], c.value("question", "")),
                            c.value("excerpt", ""));
            s.code_uuid = code[c.value("code", "")];
            s.coder_uuid = coder[c.value("coder", "")];
            apply_code(db, s);
            ++r.segments;
        } catch (const Error& e) {
            throw Error(where + e.what());
        }
    }
    tx.commit();
    return r;
}

} // namespace convene::store
