#include "workbook_reader.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <stdexcept>

namespace convene::test {

std::string run_command(const std::string& command) {
    std::string out;
    std::FILE* p = ::popen(command.c_str(), "r");
    REQUIRE(p != nullptr);
    char buf[65536];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p))
        out.append(buf, n);
    REQUIRE(::pclose(p) == 0);
    return out;
}

std::string read_workbook_script() {
    return std::string("/usr/bin/python3 ") + CONVENE_TESTS_DIR + "/read_workbook.py ";
}

nlohmann::json read_workbook(const std::filesystem::path& file) {
    return nlohmann::json::parse(run_command(read_workbook_script() + "'" + file.string() + "'"));
}

const nlohmann::json& sheet(const nlohmann::json& wb, const std::string& name) {
    for (const auto& s : wb["sheets"])
        if (s["name"] == name) return s;
    FAIL("no sheet " << name);
    throw std::logic_error("unreachable");
}

const nlohmann::json* row_with(const nlohmann::json& s, std::size_t col, const std::string& value) {
    for (const auto& r : s["rows"])
        if (r.size() > col && r[col]["v"] == value) return &r;
    return nullptr;
}

std::size_t column(const nlohmann::json& s, const std::string& header) {
    const auto& h = s["rows"][0];
    for (std::size_t c = 0; c < h.size(); ++c)
        if (h[c]["v"] == header) return c;
    FAIL("no column " << header << " in " << s["name"]);
    return 0;
}

} // namespace convene::test
