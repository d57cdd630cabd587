// A combo that picks one code of the codebook: type to narrow the list (by name or path), Enter
// takes the first code shown. Used by the codebook editor (move under, merge into) and by coding
// search hits. The coding screen's quick picker (app/views/code_picker.*) is meant to replace it
// for coding once both are in.
#pragma once

#include "store/codebook.hpp"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace convene::app {

struct CodeComboState {
    std::string filter; // what was typed in the open list
};

struct CodeComboOptions {
    const char* none_label = nullptr; // a first entry standing for no code (chosen as "")
    std::set<std::string> excluded;   // uuids not offered
    float width = 0;                  // as SetNextItemWidth (-1: all); 0: the default
};

// codes in tree order (store::list_codes). Returns true in the frame the user chose; uuid then
// holds the choice. Probes: probe_name (the combo), probe_name + ".filter", probe_name + ".none"
// and probe_name + "." + path for each code shown.
bool code_combo(const char* id, std::string_view probe_name, std::string& uuid,
                const std::vector<store::CodeRow>& codes, CodeComboState& state,
                const CodeComboOptions& options = {});

} // namespace convene::app
