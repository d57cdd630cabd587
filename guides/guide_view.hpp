// A guide as one stakeholder group sees it: only the questions asked of that group, in its
// wording, with placeholders substituted. The browser, `guide show` and printed protocols all
// draw from this one function.
#pragma once

#include "guides/guide.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace convene::guides {

struct ProbeView {
    std::string text;
    bool optional = false;
};

struct QuestionView {
    const Question* question = nullptr;
    std::string text;
    std::vector<ProbeView> probes;
    std::string condition_label; // e.g. "Only when: an MC profile is shown"; "" if none
};

struct AreaView {
    const Area* area = nullptr;
    std::vector<QuestionView> questions;
};

std::vector<AreaView> view_for_group(const Guide& guide, std::string_view group,
                                     std::string_view state, std::string_view org);

// Human description of a question's condition ("Only when: ..." / "Only when not: ...").
std::string condition_label(const Guide& guide, const std::string& condition);

} // namespace convene::guides
