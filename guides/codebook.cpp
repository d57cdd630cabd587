#include "guides/codebook.hpp"

#include "guides/json_reader.hpp"

#include <set>

namespace convene::guides {
namespace {

bool valid_colour(const std::string& c) {
    if (c.size() != 7 || c[0] != '#') return false;
    for (std::size_t i = 1; i < 7; ++i)
        if (!std::isxdigit(static_cast<unsigned char>(c[i]))) return false;
    return true;
}

void read_codes(JsonReader& r, const json& list, const std::string& path, const std::string& parent,
                Codebook& book, std::set<std::string>& ids, int depth) {
    for (std::size_t i = 0; i < list.size(); ++i) {
        std::string p = JsonReader::index(path, i);
        const json& cj = list[i];
        if (!r.object(cj, p, {"id", "name", "description", "colour", "children"})) continue;
        Code c{r.id(cj, p, "id"), r.string(cj, p, "name", true),
               r.string(cj, p, "description", true), r.string(cj, p, "colour", false), parent};
        if (!c.colour.empty() && !valid_colour(c.colour))
            r.problem(p + ".colour", "\"" + c.colour + "\" is not a colour like #3b7dd8");
        if (!c.id.empty() && !ids.insert(c.id).second)
            r.problem(p + ".id", "duplicate code id \"" + c.id + "\"");
        book.codes.push_back(c);
        if (const json* kids = r.array(cj, p, "children", false)) {
            if (depth >= 4)
                r.problem(p + ".children", "codes nest at most 4 levels deep");
            else
                read_codes(r, *kids, p + ".children", c.id, book, ids, depth + 1);
        }
    }
}

} // namespace

const Code* Codebook::code(std::string_view code_id) const {
    for (const auto& c : codes)
        if (c.id == code_id) return &c;
    return nullptr;
}

CodebookLoad parse_codebook(std::string_view text) {
    CodebookLoad out;
    auto doc = parse_json_text(text, out.problems);
    if (!doc) return out;
    JsonReader r(out.problems);
    if (!r.header(*doc, "codebook", 1)) return out;
    r.object(*doc, "", {"schema", "kind", "id", "title", "codes"});
    Codebook book;
    book.id = r.id(*doc, "", "id");
    book.title = r.string(*doc, "", "title", true);
    std::set<std::string> ids;
    if (const json* codes = r.array(*doc, "", "codes", true, true))
        read_codes(r, *codes, "codes", "", book, ids, 1);
    if (out.problems.empty()) out.codebook = std::move(book);
    return out;
}

} // namespace convene::guides
